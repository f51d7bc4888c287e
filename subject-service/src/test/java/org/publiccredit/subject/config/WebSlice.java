package org.publiccredit.subject.config;

import org.publiccredit.commons.web.CommonsServletAutoConfiguration;
import org.publiccredit.testkit.SliceTokens;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * What a {@code @WebMvcTest} of this service adds to its controller: the service's own route rules
 * ({@link SecurityConfig}), commons' servlet wiring (problem advice, {@code Caller} argument, request ids, input rules)
 * and its clock, with {@link SliceTokens} decoding the bearer tokens instead of Keycloak. Boot 4's web slice brings no
 * security auto-configuration of its own without spring-boot-security-test, hence {@code @EnableWebSecurity} here.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableWebSecurity
@Import({SecurityConfig.class, ClockConfig.class})
@ImportAutoConfiguration(CommonsServletAutoConfiguration.class)
public class WebSlice {

    @Bean
    JwtDecoder sliceTokens() {
        return SliceTokens.decoder();
    }
}
