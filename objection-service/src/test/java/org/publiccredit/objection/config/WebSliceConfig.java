package org.publiccredit.objection.config;

import org.publiccredit.testkit.SliceTokens;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** The service's own wiring in a web slice: its security rules, its clock and Idempotency-Key filter, tokens from testkit's {@link SliceTokens}. */
@TestConfiguration(proxyBeanMethods = false)
@Import({SecurityConfig.class, AppConfig.class})
public class WebSliceConfig {

    @Bean
    JwtDecoder jwtDecoder() {
        return SliceTokens.decoder();
    }
}
