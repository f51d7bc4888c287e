package org.publiccredit.objection.notify;

import java.util.List;
import java.util.Locale;

/** The languages people are told in: zh-CN (the default) and en, chosen from an {@code Accept-Language} header. */
public final class Languages {

    public static final String ZH = "zh-CN";
    public static final String EN = "en";

    private Languages() {
    }

    /** en when the most preferred language of the header that the platform speaks is English; zh-CN otherwise. */
    public static String of(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > 200) {
            return ZH;
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
            for (Locale.LanguageRange r : ranges) {
                String tag = r.getRange().toLowerCase(Locale.ROOT);
                if (r.getWeight() <= 0) {
                    continue;
                }
                if (tag.startsWith("zh")) {
                    return ZH;
                }
                if (tag.startsWith("en")) {
                    return EN;
                }
            }
            return ZH;
        } catch (IllegalArgumentException e) {
            return ZH;
        }
    }

    /** A stored tag, normalised to one of the two. */
    public static String normalise(String tag) {
        return tag != null && tag.toLowerCase(Locale.ROOT).startsWith("en") ? EN : ZH;
    }
}
