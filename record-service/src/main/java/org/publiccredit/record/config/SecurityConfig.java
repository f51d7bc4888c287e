package org.publiccredit.record.config;

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
                        .requestMatchers(HttpMethod.GET, "/api/v1/catalog", "/api/v1/catalog/**", "/api/v1/public/**").permitAll()
                        .requestMatchers(HttpMethod.PUT, "/api/v1/catalog/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/v1/records", "/api/v1/records:batch", "/api/v1/records/**")
                                .hasAnyRole("OFFICER", "PARTNER", "ADMIN")
                        .requestMatchers(HttpMethod.PATCH, "/api/v1/records/**").hasAnyRole("OFFICER", "PARTNER", "ADMIN")
                        .requestMatchers("/api/v1/checks", "/api/v1/checks/**").hasAnyRole("OFFICER", "PARTNER", "ADMIN")
                        .requestMatchers("/api/v1/sharing/grants/*:approve", "/api/v1/sharing/grants/*:refuse").hasRole("ADMIN")
                        .requestMatchers("/api/v1/sharing/**").hasAnyRole("OFFICER", "PARTNER", "ADMIN")
                        .requestMatchers("/api/v1/exchange/**").hasAnyRole("PARTNER", "ADMIN")
                        // admins reach the controllers, which refuse them all but a client's delivery log
                        .requestMatchers("/api/v1/monitoring/**").hasAnyRole("PARTNER", "ADMIN")
                        .requestMatchers("/api/v1/stats/**").hasAnyRole("OFFICER", "REVIEWER", "ADMIN")
                        .requestMatchers("/api/v1/audit/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .build();
    }
}
