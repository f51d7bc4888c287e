package org.publiccredit.commons.i18n;

import java.util.List;
import java.util.Locale;
import org.springframework.util.ClassUtils;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The two languages people are told in: Simplified Chinese (zh-CN, the default) and English, chosen from an
 * {@code Accept-Language} header: English when the most preferred language the platform speaks is any {@code en*},
 * Chinese when the header is absent, unreadable or names neither.
 */
public final class Languages {

    /** zh-CN, the default. */
    public static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    /** English. */
    public static final Locale EN = Locale.ENGLISH;

    private static final boolean SERVLET = ClassUtils.isPresent("jakarta.servlet.http.HttpServletRequest",
            Languages.class.getClassLoader());

    private Languages() {
    }

    /** The language of an {@code Accept-Language} header (null or blank: zh-CN). */
    public static Locale of(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > 200) {
            return ZH;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                String tag = range.getRange().toLowerCase(Locale.ROOT);
                if (range.getWeight() <= 0) {
                    continue;
                }
                if (tag.startsWith("zh")) {
                    return ZH;
                }
                if (tag.startsWith("en")) {
                    return EN;
                }
            }
        } catch (IllegalArgumentException unreadable) {
            return ZH;
        }
        return ZH;
    }

    /** One of the two, for any locale: English for {@code en*}, zh-CN otherwise (also for null). */
    public static Locale normalise(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? EN : ZH;
    }

    /** The {@code Content-Language} tag: {@code zh-CN} or {@code en}. */
    public static String tag(Locale locale) {
        return normalise(locale) == EN ? "en" : "zh-CN";
    }

    /** True for English. */
    public static boolean english(Locale locale) {
        return normalise(locale) == EN;
    }

    /**
     * The language of the servlet request being handled on this thread (Spring's request context, set for filters
     * after order -105 and for controllers); zh-CN outside a request (workers, the reactive gateway).
     */
    public static Locale current() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes != null && SERVLET ? ServletHeader.locale(attributes) : ZH;
    }

    /** Kept apart so that a service without the servlet API (the gateway) never loads it. */
    private static final class ServletHeader {
        static Locale locale(RequestAttributes attributes) {
            if (attributes instanceof org.springframework.web.context.request.ServletRequestAttributes servlet) {
                return of(servlet.getRequest().getHeader("Accept-Language"));
            }
            return ZH;
        }
    }

    /** Both languages, Chinese first. */
    public static List<Locale> all() {
        return List.of(ZH, EN);
    }
}
