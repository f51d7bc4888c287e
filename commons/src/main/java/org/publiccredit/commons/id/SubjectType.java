package org.publiccredit.commons.id;

import java.util.Locale;
import java.util.Optional;

/**
 * The type of a credit subject (主体类型), as far as it can be told from its identifier (Chinese and English labels).
 * {@link #parse(String)} is the one reading of a stated type; {@link SubjectTypeRule} says whether it agrees with the
 * identifier.
 */
public enum SubjectType {
    /** 企业. */
    ENTERPRISE("企业", "Enterprise"),
    /** 个体工商户. */
    INDIVIDUAL_BUSINESS("个体工商户", "Individual business"),
    /** 农民专业合作社. */
    FARMERS_COOPERATIVE("农民专业合作社", "Farmers' cooperative"),
    /** 社会组织 (social organisations, foundations, private non-enterprise units, trade unions). */
    SOCIAL_ORGANISATION("社会组织", "Social organisation"),
    /** 事业单位. */
    PUBLIC_INSTITUTION("事业单位", "Public institution"),
    /** 机关. */
    GOVERNMENT_AGENCY("机关", "Government agency"),
    /** 其他组织. */
    OTHER_ORGANISATION("其他组织", "Other organisation"),
    /** 自然人, identified by a resident identity card number. */
    NATURAL_PERSON("自然人", "Natural person");

    private final String labelZh;
    private final String labelEn;

    SubjectType(String labelZh, String labelEn) {
        this.labelZh = labelZh;
        this.labelEn = labelEn;
    }

    /** The Chinese label. */
    public String labelZh() {
        return labelZh;
    }

    /** The English label. */
    public String labelEn() {
        return labelEn;
    }

    /** The Chinese label for a Chinese locale, the English one otherwise. */
    public String label(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? labelZh : labelEn;
    }

    /**
     * The one reading of a stated type, for every path that takes one (API bodies, imports, resolve, pushed records):
     * the constant's name in any case ({@code ENTERPRISE}, {@code individual_business}) or the Chinese label
     * ({@code 个体工商户}), surrounding white space ignored. Anything else is empty, null and blank included: no
     * English label, no abbreviation, no look-alike letter (the name is compared in ASCII only).
     */
    public static Optional<SubjectType> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        for (SubjectType type : values()) {
            if (type.labelZh.equals(t) || sameAsciiIgnoringCase(type.name(), t)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    private static boolean sameAsciiIgnoringCase(String name, String text) {
        if (text.length() != name.length()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char upper = c >= 'a' && c <= 'z' ? (char) (c - 32) : c;
            if (upper != name.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
