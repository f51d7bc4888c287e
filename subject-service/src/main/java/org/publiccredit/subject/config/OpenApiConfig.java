package org.publiccredit.subject.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service's OpenAPI document (aggregated by the gateway at /swagger-ui.html). */
@Configuration
class OpenApiConfig {

    @Bean
    OpenAPI subjectOpenApi() {
        return new OpenAPI()
                .info(new Info().title("subject-service").version("v1")
                        .description("The registry of credit subjects (信用主体): identifiers, subjects, imports, the change feed. "
                                + "Errors are RFC 9457 problems with a stable code."))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
