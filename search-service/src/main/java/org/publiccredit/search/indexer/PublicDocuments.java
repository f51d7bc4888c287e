package org.publiccredit.search.indexer;

import org.publiccredit.commons.calendar.PlatformZone;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.publiccredit.search.feed.SubjectPayload;
import org.publiccredit.search.feed.Summary;
import org.publiccredit.search.index.Evaluation;
import org.publiccredit.search.index.Grade;
import org.publiccredit.search.index.ListEntry;
import org.publiccredit.search.index.SubjectDocument;
import org.publiccredit.search.names.NameKeys;

/**
 * The one place that decides what of a subject goes into the public index (公示): a legal person's identity and
 * public summary as soon as its identity is known; a natural person only while the summary holds a public
 * black-list entry (e.g. 失信被执行人), then with the masked number and only the black-list part of the summary.
 * Anything else about a person is not stored; neither is the keyed hash or the raw number, ever.
 */
final class PublicDocuments {

    static final String RED = "red";
    static final String BLACK = "black";
    static final String ABNORMAL = "abnormal";

    private PublicDocuments() {
    }

    /**
     * What the registry says about a subject.
     *
     * @param kind {@code USCC} or {@code ID_NUMBER}
     * @param code the USCC (legal persons)
     * @param masked the masked id number (persons)
     * @param name the current name
     * @param formerNames former names
     * @param shortNames short names (简称)
     * @param type subject type
     * @param region division code
     * @param status registry status
     * @param verified verified by the registry
     * @param industry GB/T 4754 section letter (organisations)
     */
    record Identity(String kind, String code, String masked, String name, List<String> formerNames, List<String> shortNames, String type, String region,
            String status, Boolean verified, String industry) {
    }

    static Identity identity(SubjectPayload p) {
        if (p == null || p.name() == null || p.name().isBlank()) {
            return null;
        }
        String kind = p.kind() != null ? p.kind() : p.code() != null ? SubjectDocument.KIND_USCC : SubjectDocument.KIND_ID_NUMBER;
        List<String> former = p.formerNames() == null ? List.of() : p.formerNames().stream()
                .map(SubjectPayload.FormerName::name).filter(Objects::nonNull).filter(n -> !n.isBlank()).distinct().toList();
        List<String> shortNames = p.shortNames() == null ? List.of()
                : p.shortNames().stream().filter(Objects::nonNull).filter(n -> !n.isBlank()).distinct().toList();
        boolean person = SubjectDocument.KIND_ID_NUMBER.equals(kind);
        // a person's code field would be the raw number: only the masked form is ever taken
        return new Identity(kind, person ? null : p.code(), person ? p.masked() : null, p.name(), former, shortNames, p.type(), p.region(),
                p.status(), p.verified(), person || p.industry() == null || p.industry().isBlank() ? null : p.industry().strip());
    }

    /** The identity a stored document holds, or null when it holds none (not yet known, or a person not public). */
    static Identity identityOf(SubjectDocument d) {
        if (d == null || d.name() == null) {
            return null;
        }
        return new Identity(d.kind(), d.code(), d.masked(), d.name(), d.formerNames() != null ? d.formerNames() : List.of(),
                d.shortNames() != null ? d.shortNames() : List.of(), d.type(), d.region(), d.status(), d.verified(), d.industry());
    }

    /**
     * What of a subject's public summary its document keeps (decision 0009): the categories with public records, the lists
     * with an entry in force, the records under objection, the grade, and when the summary must be fetched again.
     *
     * @param kind the subject's kind as record-service's code shows it ({@link #kindFromCode}), or null when not known
     * @param categories catalog codes with at least one public record
     * @param lists {@code red}, {@code black} and/or {@code abnormal} when an entry of that list is in force
     * @param disputed public records under objection
     * @param refreshAt when time alone changes the summary (its {@code validUntil}, or the day the grade changes), or null
     * @param grade the grade A-D, or null (persons, or not evaluated yet)
     */
    record Indexed(String kind, List<String> categories, List<String> lists, List<ListEntry> disputed, Instant refreshAt, String grade) {

        static final Indexed NONE = new Indexed(null, List.of(), List.of(), List.of(), null, null);

        Indexed {
            categories = categories != null ? List.copyOf(categories) : List.of();
            lists = lists != null ? List.copyOf(lists) : List.of();
            disputed = disputed != null ? List.copyOf(disputed) : List.of();
        }

        /** The part of a summary fetched now (null: none fetched, nothing public known). */
        static Indexed of(Summary s, Instant now) {
            if (s == null) {
                return NONE;
            }
            List<String> categories = List.copyOf(s.publicCounts().keySet());
            Evaluation evaluation = s.evaluation();
            String grade = evaluation != null ? Grade.parse(evaluation.grade()).map(Grade::name).orElse(null) : null;
            List<String> lists = new ArrayList<>(3);
            if (!s.redList().isEmpty()) {
                lists.add(RED);
            }
            if (!s.blackList().isEmpty()) {
                lists.add(BLACK);
            }
            if (!s.abnormalList().isEmpty()) {
                lists.add(ABNORMAL);
            }
            return new Indexed(kindFromCode(s.subjectCode()), categories, lists, s.disputed(),
                    PublicDocuments.refreshAt(s.validUntil(), evaluation, now), grade);
        }

        /** What a stored document holds (NONE when there is none). */
        static Indexed of(SubjectDocument d) {
            return d == null ? NONE
                    : new Indexed(d.kind(), d.categories(), d.lists(), d.disputed(), d.summaryValidUntil(), d.grade());
        }

        /** The same, to be fetched again at {@code at} at the latest (when record-service could not answer). */
        Indexed dueAt(Instant at) {
            return new Indexed(kind, categories, lists, disputed,
                    refreshAt == null || at.isBefore(refreshAt) ? at : refreshAt, grade);
        }

        /**
         * The same, refreshed no later than {@code stored} (the refresh time a stored document holds): a refresh earlier than
         * needed only fetches the summary once more and then writes the later time, so a record change that only moves
         * the next change by time further away (a new penalty changes the day the grade changes by time alone) need not
         * rewrite the document.
         */
        Indexed refreshNoLaterThan(Instant stored) {
            if (stored == null || refreshAt != null && !stored.isBefore(refreshAt)) {
                return this;
            }
            return new Indexed(kind, categories, lists, disputed, stored, grade);
        }

        /** Whether any record is public (a person's document exists only then). */
        boolean anyPublic() {
            return !categories.isEmpty();
        }

        boolean isEmpty() {
            return categories.isEmpty() && lists.isEmpty() && disputed.isEmpty()
                    && refreshAt == null;
        }
    }

    /** Tells a person from an organisation by the code record-service shows: a masked number has asterisks. */
    static String kindFromCode(String subjectCode) {
        if (subjectCode == null || subjectCode.isBlank()) {
            return null;
        }
        return subjectCode.indexOf('*') >= 0 ? SubjectDocument.KIND_ID_NUMBER : SubjectDocument.KIND_USCC;
    }

    /** Whether a natural person has a public black-list entry but the identity still has to be fetched. */
    static boolean needsPersonIdentity(String kind, Identity identity, Indexed part) {
        return SubjectDocument.KIND_ID_NUMBER.equals(kind) && identity == null && part.anyPublic();
    }

    /**
     * The document to store for a subject, or null when there is nothing worth keeping (delete it).
     *
     * @param subjectId the subject
     * @param kind {@code USCC} / {@code ID_NUMBER}, or null when not known yet
     * @param identity the registry's view, or null when not known
     * @param part what of the public summary the document keeps ({@link Indexed#NONE} when none is known yet)
     * @param subjectSeq subject feed sequence applied
     * @param recordSeq record feed sequence applied
     * @param now the time of indexing
     */
    static SubjectDocument build(String subjectId, String kind, Identity identity, Indexed part, Long subjectSeq, Long recordSeq,
            Instant now) {
        String k = identity != null ? identity.kind() : kind;
        Indexed s = part != null ? part : Indexed.NONE;
        if (SubjectDocument.KIND_ID_NUMBER.equals(k)) {
            // what of a person is public (only lists whose catalog rule says so) record-service's summary decides alone
            boolean visible = identity != null && s.anyPublic();
            if (!visible) {
                // not public: keep only when the summary must be fetched again at a given time
                return s.refreshAt() == null ? null : new SubjectDocument(subjectId, k, false, null, null, null, null, null, null, null,
                        null, null, null, null, null, s.refreshAt(), subjectSeq, recordSeq, now, null, null, null, null,
                        null, null);
            }
        }
        boolean visible = identity != null;
        if (!visible && s.isEmpty()) {
            return null;
        }
        Identity id = identity;
        return new SubjectDocument(subjectId, k, visible,
                id != null ? id.code() : null, id != null ? id.masked() : null, id != null ? id.name() : null,
                id != null ? id.formerNames() : null, id != null ? id.shortNames() : null, id != null ? id.type() : null,
                id != null ? id.region() : null, id != null ? id.status() : null, id != null ? id.verified() : null,
                s.lists(), s.categories(), s.disputed(), s.refreshAt(), subjectSeq, recordSeq, now,
                visible ? names(k, id) : null,
                visible ? orgCode(id.code()) : null, visible ? standing(id) : null, id != null ? id.industry() : null, s.grade(),
                visible && !SubjectDocument.KIND_ID_NUMBER.equals(k) ? SubjectDocument.drawKey(subjectId) : null);
    }

    private static final ZoneId CHINA = PlatformZone.ZONE;

    /**
     * When the summary must be fetched again: its {@code validUntil}, or the start of the day (in China) on which time
     * alone changes the grade, whichever comes first. A {@code changesOn} not after now is not taken (the evaluation
     * would otherwise be fetched again every scan until record-service moved it on).
     */
    static Instant refreshAt(Instant validUntil, Evaluation evaluation, Instant now) {
        if (evaluation == null || evaluation.changesOn() == null || evaluation.changesOn().isBlank()) {
            return validUntil;
        }
        Instant changes;
        try {
            changes = LocalDate.parse(evaluation.changesOn().strip()).atStartOfDay(CHINA).toInstant();
        } catch (DateTimeParseException e) {
            return validUntil;
        }
        if (!changes.isAfter(now)) {
            return validUntil;
        }
        return validUntil == null || changes.isBefore(validUntil) ? changes : validUntil;
    }

    /** The names' search keys; a person (public only while black-listed) is found by name but never suggested. */
    private static NameKeys names(String kind, Identity id) {
        NameKeys keys = NameKeys.of(id.name(), id.formerNames(), id.shortNames(), standing(id));
        return keys != null && SubjectDocument.KIND_ID_NUMBER.equals(kind) ? keys.withoutSuggestions() : keys;
    }

    /** The organisation code inside a USCC (its characters 9-17), or null. */
    static String orgCode(String uscc) {
        return uscc != null && uscc.length() == 18 ? uscc.substring(8, 17).toLowerCase(java.util.Locale.ROOT) : null;
    }

    /** Ties of the ranking go to active and verified subjects: 2 both, 1 either, 0 neither. */
    static int standing(Identity id) {
        return ("ACTIVE".equals(id.status()) || id.status() == null ? 1 : 0) + (Boolean.TRUE.equals(id.verified()) ? 1 : 0);
    }
}
