package org.publiccredit.record.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.publiccredit.commons.id.Uscc;

/**
 * One field of a category's schema: an English key, its Chinese label, a type, whether it is required.
 *
 * @param key the JSON key, e.g. {@code documentNumber}
 * @param label the Chinese label of the national data standard, e.g. 行政处罚决定书文号
 * @param type the type
 * @param required whether a record must carry it
 * @param values the allowed values of an {@link FieldType#ENUM}
 * @param maxLength the longest text accepted (defaults: 200 for STRING, 4000 for TEXT)
 * @param labelEn the English label, for texts read in English (the key when absent)
 */
public record FieldSpec(String key, String label, FieldType type, boolean required, List<String> values, Integer maxLength,
        String labelEn) {

    public FieldSpec {
        values = values == null ? List.of() : List.copyOf(values);
    }

    /** A field without an English label. */
    public FieldSpec(String key, String label, FieldType type, boolean required, List<String> values, Integer maxLength) {
        this(key, label, type, required, values, maxLength, null);
    }

    /** The label in both languages, as an argument of the texts people read (field errors). */
    public org.publiccredit.commons.i18n.Text labels() {
        return new org.publiccredit.commons.i18n.Text(label, labelEn != null && !labelEn.isBlank() ? labelEn : key);
    }

    /** The error code of a value that does not fit, or null when it fits. */
    public String problemWith(String raw) {
        String v = raw.strip();
        int limit = maxLength != null ? maxLength : type == FieldType.TEXT ? 4000 : 200;
        if (v.length() > limit) {
            return "FIELD_TOO_LONG";
        }
        return switch (type) {
            case STRING, TEXT -> null;
            case DATE -> parses(() -> LocalDate.parse(v)) ? null : "FIELD_DATE_INVALID";
            case DECIMAL -> parses(() -> new BigDecimal(v)) && new BigDecimal(v).signum() >= 0 ? null : "FIELD_DECIMAL_INVALID";
            case INTEGER -> parses(() -> Long.parseLong(v)) ? null : "FIELD_INTEGER_INVALID";
            case BOOLEAN -> v.equals("true") || v.equals("false") ? null : "FIELD_BOOLEAN_INVALID";
            case ENUM -> values.contains(v) ? null : "FIELD_VALUE_NOT_ALLOWED";
            case USCC -> Uscc.check(v).valid() ? null : Uscc.check(v).errorCodes().getFirst();
        };
    }

    /**
     * What the message of {@link #problemWith}'s code tells besides the field's label: the limit a too long value
     * exceeds, or the length or position an invalid code has (never the value itself).
     */
    public Object problemArgument(String raw, String code) {
        if (type == FieldType.USCC && !"FIELD_TOO_LONG".equals(code)) {
            return Uscc.check(raw.strip()).errors().stream().filter(e -> e.code().equals(code)).findFirst()
                    .map(org.publiccredit.commons.id.IdentifierError::argument).orElse(null);
        }
        return maxLength != null ? maxLength : type == FieldType.TEXT ? 4000 : 200;
    }

    /** The stored form of a value that fits: trimmed text, ISO date, plain decimal, normalised code. */
    public String normalise(String raw) {
        String v = raw.strip();
        return switch (type) {
            case DECIMAL -> new BigDecimal(v).stripTrailingZeros().toPlainString();
            case INTEGER -> Long.toString(Long.parseLong(v));
            case DATE -> LocalDate.parse(v).toString();
            case USCC -> Uscc.parse(v).value();
            default -> v;
        };
    }

    private static boolean parses(Runnable r) {
        try {
            r.run();
            return true;
        } catch (NumberFormatException | DateTimeParseException e) {
            return false;
        }
    }
}
