package org.publiccredit.report.config;

import org.publiccredit.commons.security.ServiceSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what: a public report and every verification are open to anyone (a token is read when sent, so the
 * full edition sees its caller); revocation is for admins. Ownership and the edition's rights are checked in the
 * {@code issue} feature from the token's claims.
 */
@Configuration
class SecurityConfig {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        return ServiceSecurity.resourceServer(http)
                .authorizeHttpRequests(a -> a
                        .requestMatchers(ServiceSecurity.OPEN_PATHS).permitAll()
                        .requestMatchers("/internal/**").hasRole("INTERNAL")
                        .requestMatchers(HttpMethod.POST, "/api/v1/reports").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/public/reports/*").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/public/reports:verify").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/reports/*").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .build();
    }
}
