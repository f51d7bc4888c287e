package org.publiccredit.record.audit;

import org.publiccredit.commons.calendar.PlatformZone;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.publiccredit.commons.id.IdentifierCheck;
import org.publiccredit.commons.id.Identifiers;
import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.commons.problem.FieldProblem;

/**
 * The query parameters of the audit lists, checked: every bad one is a field of one 400 VALIDATION_FAILED problem.
 *
 * @param subject a USCC or an id number (normalised), or null
 * @param client a client id ({@code azp}), or null
 * @param department a department code, or null
 * @param from first instant included, or null
 * @param to first instant no longer included, or null
 * @param page 0-based page
 * @param size page size
 * @param csv whether the whole selection is exported as CSV instead of a page of JSON
 */
record AuditParams(String subject, String client, String department, Instant from, Instant to, int page, int size, boolean csv) {

    /** Dates are days of the platform's time zone (Asia/Shanghai); {@code to} is the last day included. */
    static final ZoneId ZONE = PlatformZone.ZONE;
    static final int MAX_PAGE = 10_000;
    static final int MAX_SIZE = 200;

    static AuditParams parse(String subject, String client, String department, String from, String to, String page, String size,
            String format, String accept) {
        List<FieldProblem> problems = new ArrayList<>();
        String code = null;
        if (subject != null && !subject.isBlank()) {
            IdentifierCheck check = Identifiers.check(subject);
            if (check.valid()) {
                code = check.normalized();
            } else {
                problems.add(new FieldProblem("subject", check.errorCodes().isEmpty() ? "FIELD_INVALID" : check.errorCodes().getFirst(),
                        "a USCC or an id number"));
            }
        }
        Instant start = instant("from", from, false, problems);
        Instant end = instant("to", to, true, problems);
        if (start != null && end != null && !start.isBefore(end)) {
            problems.add(new FieldProblem("to", "RANGE_INVALID", "to must not be before from"));
        }
        int p = integer("page", page, 0, 0, MAX_PAGE, problems);
        int s = integer("size", size, 20, 1, MAX_SIZE, problems);
        boolean csv = false;
        if (format != null && !format.isBlank()) {
            switch (format.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "csv" -> csv = true;
                case "json" -> csv = false;
                default -> problems.add(new FieldProblem("format", "FIELD_INVALID", "json or csv"));
            }
        } else if (accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("text/csv")) {
            csv = true;
        }
        text("client", client, problems);
        text("department", department, problems);
        if (!problems.isEmpty()) {
            throw ApiException.invalid("VALIDATION_FAILED", "The audit query is invalid", problems);
        }
        return new AuditParams(code, blankToNull(client), blankToNull(department), start, end, p, s, csv);
    }

    /** A day ({@code 2026-12-06}, the whole day) or an instant with its offset ({@code 2026-12-06T08:00:00+08:00}). */
    private static Instant instant(String field, String raw, boolean end, List<FieldProblem> problems) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String v = raw.strip();
        try {
            if (v.length() == 10) {
                LocalDate day = LocalDate.parse(v);
                return (end ? day.plusDays(1) : day).atStartOfDay(ZONE).toInstant();
            }
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeException e) {
            problems.add(new FieldProblem(field, "DATE_INVALID", "a date (2026-12-06) or an instant with offset (2026-12-06T08:00:00+08:00)"));
            return null;
        }
    }

    private static int integer(String field, String raw, int otherwise, int min, int max, List<FieldProblem> problems) {
        if (raw == null || raw.isBlank()) {
            return otherwise;
        }
        try {
            int v = Integer.parseInt(raw.strip());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(new FieldProblem(field, "FIELD_OUT_OF_RANGE", min + " to " + max));
        return otherwise;
    }

    private static void text(String field, String raw, List<FieldProblem> problems) {
        if (raw != null && raw.length() > 100) {
            problems.add(new FieldProblem(field, "FIELD_TOO_LONG", "at most 100 characters"));
        }
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }
}
