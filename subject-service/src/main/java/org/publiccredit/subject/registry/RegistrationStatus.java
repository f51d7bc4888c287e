package org.publiccredit.subject.registry;

import java.util.Locale;
import java.util.Optional;

/** Registration status (登记状态) of an organisation, with the labels the registration authorities use. */
public enum RegistrationStatus {
    /** 存续 (在营、开业、在册). */
    ACTIVE("存续", "Active"),
    /** 吊销 (吊销，未注销). */
    REVOKED("吊销", "Licence revoked"),
    /** 注销. */
    CANCELLED("注销", "Deregistered"),
    /** 迁出. */
    MOVED_OUT("迁出", "Moved out"),
    /** 停业. */
    SUSPENDED("停业", "Suspended"),
    /** 清算. */
    LIQUIDATION("清算", "In liquidation"),
    /** 撤销. */
    WITHDRAWN("撤销", "Registration withdrawn");

    private final String labelZh;
    private final String labelEn;

    RegistrationStatus(String labelZh, String labelEn) {
        this.labelZh = labelZh;
        this.labelEn = labelEn;
    }

    public String labelZh() {
        return labelZh;
    }

    public String labelEn() {
        return labelEn;
    }

    /** By name ({@code ACTIVE}, any case) or by Chinese label ({@code 存续}); empty when neither. */
    public static Optional<RegistrationStatus> parse(String text) {
        String t = text.strip();
        for (RegistrationStatus s : values()) {
            if (s.name().equals(t.toUpperCase(Locale.ROOT)) || s.labelZh.equals(t)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
