package org.publiccredit.search.config;

import org.publiccredit.commons.security.ServiceSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** Who may call what on this service; ownership is checked in the feature code, from the token's claims. */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        return ServiceSecurity.resourceServer(http)
                .authorizeHttpRequests(a -> a
                        .requestMatchers(ServiceSecurity.OPEN_PATHS).permitAll()
                        .requestMatchers("/internal/**").hasRole("INTERNAL")
                        .requestMatchers(HttpMethod.GET, "/api/v1/search/mine").authenticated()
                        .requestMatchers(HttpMethod.GET, "/api/v1/search", "/api/v1/search/**", "/api/v1/public/**").permitAll()
                        .requestMatchers("/api/v1/admin/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/v1/stats/grades").hasAnyRole("OFFICER", "REVIEWER", "ADMIN")
                        .requestMatchers("/api/v1/supervision/**").hasAnyRole("OFFICER", "ADMIN")
                        .anyRequest().authenticated())
                .build();
    }
}
