package org.publiccredit.commons.id;

import java.util.Locale;

/** The type of a credit subject, as far as it can be told from its identifier (Chinese and English labels). */
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
}
