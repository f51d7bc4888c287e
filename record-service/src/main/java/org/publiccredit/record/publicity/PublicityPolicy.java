package org.publiccredit.record.publicity;

import org.publiccredit.commons.calendar.PlatformZone;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.publiccredit.record.catalog.CatalogEntry;
import org.publiccredit.record.catalog.PublicityRule;
import org.publiccredit.record.creditrecord.CreditRecord;
import org.publiccredit.record.creditrecord.RecordState;
import org.springframework.stereotype.Component;

/**
 * The one rule that decides whether a record is public (公示) now and why (DOMAIN.md section 3): its catalog entry is
 * public, its state is ACTIVE or DISPUTED (shown with 异议中), today lies within its publicity window — the window of its
 * class (轻微 not published, 一般 3-12 months, 严重 12-36 months: catalog data) where the category classes its records —,
 * it is not excluded by the rule, and a natural person's record only where the category says so. Every read path, the
 * summary, the change feed and the credit checks ask this class. Days are counted in Asia/Shanghai.
 */
@Component
public class PublicityPolicy {

    /** Decision dates and windows are local dates in this zone. */
    public static final ZoneId ZONE = PlatformZone.ZONE;

    private final Clock clock;

    public PublicityPolicy(Clock clock) {
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    public Publicity decide(CreditRecord r, CatalogEntry entry) {
        return decide(r.state(), r.decisionDate(), r.fields(), r.subject().naturalPerson(), entry, today());
    }

    /** The decision for a record with these facts on {@code today}. */
    public Publicity decide(RecordState state, LocalDate decisionDate, Map<String, String> fields, boolean naturalPerson,
            CatalogEntry entry, LocalDate today) {
        PublicityRule rule = entry.publicity();
        String severity = severity(rule.severity(), fields);
        PublicityRule.Window window = severity != null ? rule.severity().windows().get(severity) : null;
        Integer classMin = window != null && window.minMonths() != null ? window.minMonths() : rule.minMonths();
        Integer maxMonths = window != null && window.maxMonths() != null ? window.maxMonths() : rule.maxMonths();
        LocalDate from = date(fields, rule.startField(), decisionDate);
        Integer minMonths = minimumMonths(rule, fields, classMin);
        if (minMonths != null && maxMonths != null && minMonths > maxMonths) {
            maxMonths = minMonths; // a longer minimum by law (特种设备 …) lengthens a class's window
        }
        LocalDate until = until(rule, fields, from, minMonths, maxMonths);
        LocalDate minUntil = minMonths != null ? from.plusMonths(minMonths).minusDays(1) : null;
        boolean disputed = state == RecordState.DISPUTED;
        boolean inWindow = !today.isBefore(from) && (until == null || !today.isAfter(until));
        boolean conditionsMet = allEqual(rule.requireEquals(), fields);
        boolean inForce = state.live() && inWindow && conditionsMet;
        LocalDate next = today.isBefore(from) ? from : until != null && !today.isAfter(until) ? until.plusDays(1) : null;

        PublicReason reason;
        if (state == RecordState.REVOKED) {
            reason = PublicReason.REVOKED;
        } else if (state == RecordState.REPAIRED) {
            reason = PublicReason.REPAIRED;
        } else if (state == RecordState.CORRECTED) {
            reason = PublicReason.CORRECTED;
        } else if (!conditionsMet) {
            reason = PublicReason.NOT_IN_FORCE;
        } else if (today.isBefore(from)) {
            reason = PublicReason.NOT_YET;
        } else if (!inWindow) {
            reason = PublicReason.EXPIRED;
        } else if (!entry.publicCategory()) {
            reason = PublicReason.NOT_PUBLIC_CATEGORY;
        } else if (excluded(rule, fields) || window != null && !window.published()) {
            reason = PublicReason.NOT_PUBLISHED_BY_RULE;
        } else if (naturalPerson && !entry.naturalPersonsPublic()) {
            reason = PublicReason.NATURAL_PERSON_NOT_PUBLIC;
        } else {
            reason = PublicReason.PUBLIC;
        }
        boolean publicNow = reason == PublicReason.PUBLIC;
        if (!state.live()) {
            next = null;
        }
        return new Publicity(publicNow, reason, inForce, from, until, minUntil, disputed,
                disputed && publicNow ? Publicity.DISPUTED_LABEL : null, next, severity);
    }

    /**
     * The first day a repair of the record can be filed, by its category's rule (catalog data): the day after the minimum
     * publicity period of its class, at once for a list left on correction (经营异常名录), or the list's own early exit
     * some months after the decision; null when the category cannot be repaired here.
     */
    public static LocalDate repairableFrom(Publicity p, CatalogEntry entry) {
        org.publiccredit.record.catalog.RepairRule rule = entry.repair();
        if (!rule.repairable() || rule.from() == null) {
            return null;
        }
        return switch (rule.from()) {
            case MIN_PERIOD -> p.minPublicityUntil() != null ? p.minPublicityUntil().plusDays(1) : p.publicFrom();
            case ON_CORRECTION -> p.publicFrom();
            case AFTER_MONTHS -> p.publicFrom().plusMonths(rule.months());
        };
    }

    /**
     * Whether a character separates the parts of a field value that lists several (罚款;没收违法所得): ; ； , ， 、 / and
     * ASCII white space. A summary reads every record's value; splitting with a regular expression was a tenth of its time.
     */
    private static boolean separator(char c) {
        return switch (c) {
            case ';', '；', ',', '，', '、', '/', ' ', '\t', '\n', '\u000B', '\f', '\r' -> true;
            default -> false;
        };
    }

    /** The non-empty parts of a field value, split at {@link #separator}s. */
    static List<String> parts(String value) {
        List<String> parts = new ArrayList<>(2);
        int start = -1;
        for (int i = 0; i <= value.length(); i++) {
            boolean end = i == value.length() || separator(value.charAt(i));
            if (end && start >= 0) {
                parts.add(value.substring(start, i));
                start = -1;
            } else if (!end && start < 0) {
                start = i;
            }
        }
        return parts;
    }

    /** Whether some part of the value contains the word: the word occurs in the value without crossing a separator. */
    private static boolean anyPartContains(String value, String word) {
        for (int i = 0; i < word.length(); i++) {
            if (separator(word.charAt(i))) {
                return false; // a part never holds a separator
            }
        }
        return value.contains(word);
    }

    /**
     * The class of a record's negative information: the one the department stated when the catalog knows it, else the
     * first default that matches, else the catalog's {@code otherwise}; null where the category has no classes.
     */
    static String severity(PublicityRule.Severity severity, Map<String, String> fields) {
        if (severity == null) {
            return null;
        }
        String stated = severity.field() != null ? fields.get(severity.field()) : null;
        if (stated != null && severity.windows().containsKey(stated.strip())) {
            return stated.strip();
        }
        for (PublicityRule.Default d : severity.defaults()) {
            if (matches(d, fields.get(d.field()))) {
                return d.severity();
            }
        }
        return severity.otherwise();
    }

    private static boolean matches(PublicityRule.Default d, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        if (d.above() != null) {
            try {
                return new java.math.BigDecimal(value.strip()).compareTo(d.above()) > 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        String stripped = value.strip();
        if (!d.onlyOf().isEmpty()) {
            for (String part : parts(stripped)) {
                if (!d.onlyOf().contains(part)) {
                    return false;
                }
            }
            return true;
        }
        for (String word : d.anyOf()) {
            if (anyPartContains(stripped, word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The record fields {@link #decide} reads for these catalog entries (start and end fields, the extended minimum's
     * field, the exclusion and condition fields): a decision made with only these fields equals one made with all.
     */
    public static Set<String> fieldsRead(Collection<CatalogEntry> entries) {
        Set<String> keys = new TreeSet<>();
        for (CatalogEntry entry : entries) {
            PublicityRule rule = entry.publicity();
            if (rule == null) {
                continue;
            }
            if (rule.startField() != null) {
                keys.add(rule.startField());
            }
            if (rule.endField() != null) {
                keys.add(rule.endField());
            }
            if (rule.extendedMinimum() != null && rule.extendedMinimum().field() != null) {
                keys.add(rule.extendedMinimum().field());
            }
            rule.notPublishedWhen().forEach(c -> keys.addAll(c.keySet()));
            keys.addAll(rule.requireEquals().keySet());
            if (rule.severity() != null) {
                if (rule.severity().field() != null) {
                    keys.add(rule.severity().field());
                }
                rule.severity().defaults().forEach(d -> keys.add(d.field()));
            }
        }
        return keys;
    }

    private static Integer minimumMonths(PublicityRule rule, Map<String, String> fields, Integer minMonths) {
        PublicityRule.ExtendedMinimum ext = rule.extendedMinimum();
        String value = ext == null ? null : fields.get(ext.field());
        if (value != null && ext.values().contains(value)) {
            return minMonths == null ? ext.minMonths() : Math.max(minMonths, ext.minMonths());
        }
        return minMonths;
    }

    private static LocalDate until(PublicityRule rule, Map<String, String> fields, LocalDate from, Integer minMonths, Integer maxMonths) {
        LocalDate until = date(fields, rule.endField(), null);
        if (until == null && rule.defaultMonths() != null) {
            until = from.plusMonths(rule.defaultMonths()).minusDays(1);
        }
        if (until == null && maxMonths != null) {
            until = from.plusMonths(maxMonths).minusDays(1);
        }
        if (until == null) {
            return null;
        }
        if (maxMonths != null) {
            LocalDate max = from.plusMonths(maxMonths).minusDays(1);
            until = until.isAfter(max) ? max : until;
        }
        if (minMonths != null) {
            LocalDate min = from.plusMonths(minMonths).minusDays(1);
            until = until.isBefore(min) ? min : until;
        }
        return until;
    }

    private static boolean excluded(PublicityRule rule, Map<String, String> fields) {
        for (Map<String, String> condition : rule.notPublishedWhen()) {
            if (allEqual(condition, fields)) {
                return true;
            }
        }
        return false;
    }

    /** Whether every field of {@code expected} has that value (plain loops: this runs for every record of a summary). */
    private static boolean allEqual(Map<String, String> expected, Map<String, String> fields) {
        for (Map.Entry<String, String> e : expected.entrySet()) {
            if (!e.getValue().equals(fields.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static LocalDate date(Map<String, String> fields, String key, LocalDate fallback) {
        if (key == null || fields.get(key) == null) {
            return fallback;
        }
        try {
            return LocalDate.parse(fields.get(key));
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }
}
