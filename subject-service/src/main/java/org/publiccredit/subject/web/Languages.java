package org.publiccredit.subject.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Enumeration;
import java.util.Locale;

/** The language of messages: Chinese by default, English when the caller's Accept-Language prefers it. */
public final class Languages {

    private Languages() {
    }

    public static Locale of(HttpServletRequest request) {
        if (request.getHeader("Accept-Language") == null) {
            return Locale.CHINESE;
        }
        Enumeration<Locale> locales = request.getLocales();
        while (locales.hasMoreElements()) {
            String language = locales.nextElement().getLanguage();
            if ("en".equals(language)) {
                return Locale.ENGLISH;
            }
            if ("zh".equals(language)) {
                return Locale.CHINESE;
            }
        }
        return Locale.CHINESE;
    }
}
