package org.publiccredit.record.publicity;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.publiccredit.record.catalog.CatalogEntry;
import org.publiccredit.record.catalog.PublicityRule;
import org.publiccredit.record.record.CreditRecord;
import org.publiccredit.record.record.RecordState;
import org.springframework.stereotype.Component;

/**
 * The one rule that decides whether a record is public (公示) now and why (DOMAIN.md section 3): its catalog entry is
 * public, its state is ACTIVE or DISPUTED (shown with 异议中), today lies within its publicity window, it is not excluded
 * by the rule (简易程序 warnings), and a natural person's record only where the category says so. Every read path, the
 * summary, the change feed and the credit checks ask this class. Days are counted in Asia/Shanghai.
 */
@Component
public class PublicityPolicy {

    /** Decision dates and windows are local dates in this zone. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

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
        LocalDate from = date(fields, rule.startField(), decisionDate);
        Integer minMonths = minimumMonths(rule, fields);
        LocalDate until = until(rule, fields, from, minMonths);
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
        } else if (excluded(rule, fields)) {
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
                disputed && publicNow ? Publicity.DISPUTED_LABEL : null, next);
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
        }
        return keys;
    }

    private static Integer minimumMonths(PublicityRule rule, Map<String, String> fields) {
        PublicityRule.ExtendedMinimum ext = rule.extendedMinimum();
        if (ext != null && ext.values().contains(fields.get(ext.field()))) {
            return rule.minMonths() == null ? ext.minMonths() : Math.max(rule.minMonths(), ext.minMonths());
        }
        return rule.minMonths();
    }

    private static LocalDate until(PublicityRule rule, Map<String, String> fields, LocalDate from, Integer minMonths) {
        LocalDate until = date(fields, rule.endField(), null);
        if (until == null && rule.defaultMonths() != null) {
            until = from.plusMonths(rule.defaultMonths()).minusDays(1);
        }
        if (until == null && rule.maxMonths() != null) {
            until = from.plusMonths(rule.maxMonths()).minusDays(1);
        }
        if (until == null) {
            return null;
        }
        if (rule.maxMonths() != null) {
            LocalDate max = from.plusMonths(rule.maxMonths()).minusDays(1);
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
