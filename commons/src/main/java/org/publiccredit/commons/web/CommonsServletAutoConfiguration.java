package org.publiccredit.commons.web;

import java.util.List;
import org.publiccredit.commons.problem.ProblemAdvice;
import org.publiccredit.commons.security.CallerArgumentResolver;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Wires the shared pieces into every servlet service: problem advice, request ids, the {@code Caller} argument. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class CommonsServletAutoConfiguration {

    @Bean
    ProblemAdvice problemAdvice() {
        return new ProblemAdvice();
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    RequestIdFilter requestIdFilter() {
        return new RequestIdFilter();
    }

    @Bean
    WebMvcConfigurer callerArgument() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver());
            }
        };
    }
}
