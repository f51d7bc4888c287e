package org.publiccredit.objection.filing;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;
import org.publiccredit.objection.notify.Languages;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * How the applicant of a filing is told about the case: the {@code email} claim of the token (Keycloak users carry it;
 * null when absent or not an address) and the language of the filing's {@code Accept-Language} (zh-CN unless English is
 * preferred). Read from the current request; never from a body.
 *
 * @param email the address, or null
 * @param language {@code zh-CN} or {@code en}
 */
record Contact(String email, String language) {

    private static final Pattern ADDRESS = Pattern.compile("[^@\\s\"<>,;]{1,64}@[A-Za-z0-9.-]{1,190}\\.[A-Za-z]{2,63}");

    static Contact current() {
        String email = null;
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken jwt) {
            String claim = jwt.getToken().getClaimAsString("email");
            email = claim != null && claim.length() <= 254 && ADDRESS.matcher(claim).matches() ? claim : null;
        }
        String acceptLanguage = null;
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            acceptLanguage = request.getHeader("Accept-Language");
        }
        return new Contact(email, Languages.of(acceptLanguage));
    }
}
