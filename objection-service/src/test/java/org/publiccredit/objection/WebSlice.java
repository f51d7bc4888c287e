package org.publiccredit.objection;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.publiccredit.commons.calendar.CalendarAutoConfiguration;
import org.publiccredit.commons.web.CommonsServletAutoConfiguration;
import org.publiccredit.objection.config.WebSliceConfig;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;

/**
 * A {@code @WebMvcTest} of some of this service's controllers as the service runs them: its security rules and filters
 * (before the controller, in the service's order), commons' problem advice, {@code Caller} argument and JSON input
 * rules, the working-day calendar, and tokens from testkit's {@link org.publiccredit.testkit.SliceTokens}. What the controllers call is the test's to mock.
 *
 * <p>Spring Security's own test support (spring-security-test, spring-boot-security-test) is not among the build's
 * artifacts: the security auto-configuration is imported here, and tokens go through the real bearer-token filter.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest
@ImportAutoConfiguration({SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
        SecurityFilterAutoConfiguration.class, CommonsServletAutoConfiguration.class, CalendarAutoConfiguration.class})
@Import(WebSliceConfig.class)
public @interface WebSlice {

    /** The controllers under test. */
    @AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
    Class<?>[] value() default {};

    /** Properties of the slice's environment ({@code key=value}). */
    @AliasFor(annotation = WebMvcTest.class, attribute = "properties")
    String[] properties() default {};
}
