package org.publiccredit.commons.security;

import java.util.Locale;

/** The realm roles of Keycloak realm {@code credit}. Authorities are {@code ROLE_<NAME>} (upper case). */
public enum Role {
    CITIZEN, ENTERPRISE, OFFICER, REVIEWER, ADMIN, PARTNER, INTERNAL;

    /** The realm role name as Keycloak spells it, e.g. {@code officer}. */
    public String realmName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The Spring authority, e.g. {@code ROLE_OFFICER}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
