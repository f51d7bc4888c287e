package org.publiccredit.subject.config;

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
                        .requestMatchers(HttpMethod.GET, "/api/v1/identifiers/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/subjects/mine").authenticated()
                        // a natural person's id number, and who read it: admins only (the gateway lets any signed-in user through)
                        .requestMatchers(HttpMethod.POST, "/api/v1/subjects/*/id-number:reveal").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/v1/subjects/*/pii-access").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/v1/subjects/*").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/subjects", "/api/v1/subjects:import", "/api/v1/subjects/lookup")
                                .hasAnyRole("OFFICER", "PARTNER", "ADMIN")
                        .requestMatchers(HttpMethod.PUT, "/api/v1/subjects/**").hasAnyRole("OFFICER", "PARTNER", "ADMIN")
                        .anyRequest().authenticated())
                .build();
    }
}
