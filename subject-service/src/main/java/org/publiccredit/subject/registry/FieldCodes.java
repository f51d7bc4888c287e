package org.publiccredit.subject.registry;

import java.util.Locale;
import org.publiccredit.commons.i18n.Messages;
import org.publiccredit.commons.problem.FieldProblem;

/** The stable codes of subject field errors; their messages are in the bundles (Chinese by default, English when asked). */
public final class FieldCodes {

    public static final String IDENTIFIER_MISSING = "IDENTIFIER_MISSING";
    public static final String IDENTIFIER_AMBIGUOUS = "IDENTIFIER_AMBIGUOUS";
    public static final String IDENTIFIER_MISMATCH = "IDENTIFIER_MISMATCH";
    public static final String FIELD_REQUIRED = "FIELD_REQUIRED";
    public static final String FIELD_TOO_LONG = "FIELD_TOO_LONG";
    public static final String FIELD_INVALID = "FIELD_INVALID";
    public static final String TYPE_UNKNOWN = "TYPE_UNKNOWN";
    public static final String SUBJECT_TYPE_MISMATCH = "SUBJECT_TYPE_MISMATCH";
    public static final String REGION_UNKNOWN = "REGION_UNKNOWN";
    public static final String DATE_INVALID = "DATE_INVALID";
    public static final String DATE_IN_FUTURE = "DATE_IN_FUTURE";
    public static final String DATE_TOO_OLD = "DATE_TOO_OLD";
    public static final String STATUS_UNKNOWN = "STATUS_UNKNOWN";
    public static final String INDUSTRY_UNKNOWN = "INDUSTRY_UNKNOWN";
    public static final String SUBJECT_VERIFIED = "SUBJECT_VERIFIED";
    public static final String SHORT_NAMES_REGISTRATION_ONLY = "SHORT_NAMES_REGISTRATION_ONLY";
    public static final String SHORT_NAMES_TOO_MANY = "SHORT_NAMES_TOO_MANY";

    private FieldCodes() {
    }

    /**
     * A field problem with the message for the code (the bundles' {@code field.<CODE>}, {1} the argument) in the
     * locale's language (Chinese unless English).
     */
    public static FieldProblem problem(String field, String code, Locale locale, Object argument) {
        FieldProblem bare = new FieldProblem(field, code, code, java.util.List.of(field, argument));
        return new FieldProblem(field, code, Messages.shared().field(bare, locale), bare.args());
    }

    public static FieldProblem problem(String field, String code, Locale locale) {
        return new FieldProblem(field, code, Messages.shared().field(new FieldProblem(field, code, code), locale));
    }

    /** Chinese is the default; English only when asked for. */
    public static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }
}
