package org.publiccredit.commons.web;

import java.util.List;
import org.publiccredit.commons.problem.ProblemAdvice;
import org.publiccredit.commons.problem.Problems;
import org.publiccredit.commons.security.CallerArgumentResolver;
import org.publiccredit.commons.security.Caller;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Wires the shared pieces into every servlet service: problem advice (in the reader's language), request ids, the
 * {@code Caller} argument. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class CommonsServletAutoConfiguration {

    @Bean
    ProblemAdvice problemAdvice() {
        return new ProblemAdvice();
    }

    @Bean
    org.publiccredit.commons.problem.ProblemLanguageAdvice problemLanguageAdvice() {
        return new org.publiccredit.commons.problem.ProblemLanguageAdvice();
    }

    /** The bundles of the texts people read (commons' and the service's), for services that word texts of their own. */
    @Bean
    org.publiccredit.commons.i18n.Messages publicCreditMessages() {
        return org.publiccredit.commons.i18n.Messages.shared();
    }

    /** Registered explicitly: {@code @Order} on a bean method does not order servlet filters, and this one must
     * run before Spring Security so that 401/403 answers carry a request id and an access-log line too. */
    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** After Spring Security (order -100): parameters and bodies of unauthenticated requests are never read. */
    @Bean
    FilterRegistrationBean<InputRulesFilter> inputRulesFilter(org.springframework.core.env.Environment environment) {
        long maxJsonBytes = environment.getProperty("platform.input.max-json-bytes", Long.class, InputRulesFilter.DEFAULT_MAX_JSON_BYTES);
        FilterRegistrationBean<InputRulesFilter> registration = new FilterRegistrationBean<>(new InputRulesFilter(maxJsonBytes));
        registration.setOrder(0);
        return registration;
    }

    /** The JSON input rules on Boot's {@code JsonMapper}: text checks as a module bean, enums by name only. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"tools.jackson.databind.JacksonModule",
            "org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer"})
    static class JsonInput {
        @Bean
        tools.jackson.databind.JacksonModule publicCreditInputRules() {
            return new org.publiccredit.commons.json.InputRulesModule();
        }

        /** Field errors and warnings in the reader's language wherever an answer carries them. */
        @Bean
        tools.jackson.databind.JacksonModule publicCreditFieldProblemTexts() {
            return new org.publiccredit.commons.json.FieldProblemTextsModule();
        }

        @Bean
        org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer publicCreditEnumsByName() {
            return org.publiccredit.commons.json.JsonInputRules::configureEnums;
        }
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

    /** The {@code Caller} argument comes from the token, not from the request: the API documents (and the portal's
     * client generated from them) must not show it as a required query parameter. The API conventions (security,
     * problem answers, operation ids, titles) are stated once for every service ({@code ApiDocConventions}). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springdoc.core.utils.SpringDocUtils")
    static class ApiDocs {
        ApiDocs() {
            SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
        }

        @Bean
        org.springdoc.core.customizers.GlobalOperationCustomizer publicCreditOperationConventions() {
            return org.publiccredit.commons.openapi.ApiDocConventions.operations();
        }

        /** Which operations take callers without a token is asked of the service's own security rules (Spring
         * Security's privilege evaluator, with an anonymous caller), so the documents cannot drift from them. */
        @Bean
        org.springdoc.core.customizers.GlobalOpenApiCustomizer publicCreditDocumentConventions(
                org.springframework.core.env.Environment environment,
                org.springframework.beans.factory.ObjectProvider<org.springframework.security.web.access.WebInvocationPrivilegeEvaluator> rules) {
            var anonymous = new org.springframework.security.authentication.AnonymousAuthenticationToken("api-docs", "anonymousUser",
                    org.springframework.security.core.authority.AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
            return org.publiccredit.commons.openapi.ApiDocConventions.document(environment.getProperty("spring.application.name", "service"),
                    (method, path) -> {
                        var evaluator = rules.getIfAvailable();
                        return evaluator != null && evaluator.isAllowed(null,
                                org.publiccredit.commons.openapi.ApiDocConventions.samplePath(path), method, anonymous);
                    });
        }
    }

    /** Spring Security's firewall (a control or non-ASCII character in a header, an encoded slash …) answers a problem,
     * not an unmapped {@code RequestRejectedException} (a 500). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.security.web.firewall.RequestRejectedHandler")
    static class RejectedRequests {
        @Bean
        org.springframework.security.web.firewall.RequestRejectedHandler requestRejectedHandler() {
            return (request, response, rejected) -> {
                response.setStatus(400);
                response.setContentType(Problems.MEDIA_TYPE.toString());
                response.setCharacterEncoding("UTF-8");
                java.util.Locale locale = org.publiccredit.commons.i18n.Languages.of(request.getHeader("Accept-Language"));
                response.setHeader("Content-Language", org.publiccredit.commons.i18n.Languages.tag(locale));
                response.getWriter().write(Problems.json(locale, 400, "REQUEST_REJECTED",
                        "The request is not allowed (e.g. a control character in a header, encoded slashes or dot segments)",
                        RequestIds.current(), java.util.List.of()));
            };
        }
    }
}
