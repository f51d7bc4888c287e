package org.publiccredit.search.query;

import org.publiccredit.commons.calendar.PlatformZone;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.publiccredit.commons.id.Regions;
import org.publiccredit.commons.id.SubjectType;
import org.publiccredit.search.index.Evaluation;
import org.publiccredit.search.index.ListEntry;
import org.publiccredit.search.feed.Summary;
import org.publiccredit.search.index.SubjectDocument;

/** The response types of the public lookup, made from index documents (never the document itself). */
final class Views {

    static final String DISPUTED_LABEL = "异议中";
    private static final ZoneId CHINA = PlatformZone.ZONE;
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Views() {
    }

    /**
     * One page of results.
     *
     * @param query the normalised search text
     * @param page page number from 0
     * @param size page size
     * @param total matching subjects
     * @param totalRelation {@code eq}, or {@code gte} when the count is a lower bound
     * @param items the subjects of this page, best first
     * @param facets counts per region, type, list, category and grade over all matches
     * @param partial true when the hits came without the record counts asked for (record-service did not answer in time);
     *        absent otherwise
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SearchPage(String query, int page, int size, long total, String totalRelation, List<SearchItem> items,
            Map<String, List<FacetValue>> facets, Boolean partial) {
    }

    /**
     * One subject in the results.
     *
     * @param code the USCC (organisations)
     * @param masked the masked id number (public natural persons)
     * @param name current name
     * @param formerNames former names
     * @param type subject type
     * @param typeLabel its Chinese label
     * @param region division code
     * @param regionName its name when listed
     * @param status registry status
     * @param lists {@code red} / {@code black} when an entry is in force
     * @param counts public records per category, as record-service counts them now (only with {@code counts=true}; absent
     *        when the page is partial)
     * @param categories categories with public records, as the index holds them (what the category filter matches)
     * @param disputed whether a public record is under objection (异议中)
     * @param highlight highlighted fragments per field ({@code <em>} marks the match, the rest HTML-escaped)
     * @param profile the public profile's path
     * @param industry GB/T 4754 section letter (organisations)
     * @param grade credit grade A-D (organisations, once evaluated)
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record SearchItem(String code, String masked, String name, List<String> formerNames, String type, String typeLabel, String region,
            String regionName, String status, List<String> lists, Map<String, Integer> counts, List<String> categories, boolean disputed,
            Map<String, List<String>> highlight, String profile, String industry, String grade) {
    }

    /**
     * A facet value with its count.
     *
     * @param value the value
     * @param count matching subjects
     */
    record FacetValue(String value, long count) {
    }

    /**
     * The public profile of a subject.
     *
     * @param code the USCC (organisations)
     * @param masked the masked id number (public natural persons)
     * @param name current name
     * @param formerNames former names
     * @param type subject type
     * @param typeLabel its Chinese label
     * @param region division code
     * @param regionName its name when listed
     * @param status registry status
     * @param verified verified by the registry
     * @param records public records per category (record-service's summary, read with the profile)
     * @param redList red-list entries in force (守信红名单)
     * @param blackList black-list entries in force (失信黑名单)
     * @param abnormalList entries of the abnormal business operations list in force (经营异常名录)
     * @param latestPenalties the latest public penalties
     * @param disputed public records under objection, labelled 异议中
     * @param indexedAt when the index last wrote this subject
     * @param links the profile itself and the public record list (record-service)
     * @param industry GB/T 4754 section letter (organisations)
     * @param evaluation the credit evaluation (公共信用综合评价: grade A-D with the rules that produced it), organisations only,
     *        absent until record-service evaluated the subject
     * @param grade the grade the index holds (what the grade filter and facet match), organisations only: the same as the
     *        evaluation's once the indexer applied the last change (within seconds)
     * @param partial true when record-service did not answer in time: the profile then holds what the index keeps (identity,
     *        records under objection, the grade; which lists, in the search items) without counts, list entries, latest
     *        penalties and the evaluation; absent otherwise
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Profile(String code, String masked, String name, List<String> formerNames, String type, String typeLabel, String region,
            String regionName, String status, Boolean verified, List<CategoryCount> records, List<Entry> redList, List<Entry> blackList, List<Entry> abnormalList,
            List<Entry> latestPenalties, List<Entry> disputed, Instant indexedAt, Links links, String industry, Evaluation evaluation,
            String grade, Boolean partial) {
    }

    /**
     * Public records of one category.
     *
     * @param category catalog code
     * @param count how many
     */
    record CategoryCount(String category, int count) {
    }

    /**
     * A public record in a profile.
     *
     * @param recordId record-service's id
     * @param category catalog code
     * @param name catalog entry name
     * @param decisionDate decision date
     * @param publicUntil end of its publicity window
     * @param department supplying department
     * @param disputed under objection
     * @param label 异议中 when disputed
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Entry(String recordId, String category, String name, String decisionDate, String publicUntil, String department,
            boolean disputed, String label) {
    }

    /**
     * Links of a profile.
     *
     * @param self this profile
     * @param records the subject's public records (record-service)
     */
    record Links(String self, String records) {
    }

    /**
     * Suggestions for the search box.
     *
     * @param query the text as typed (normalised)
     * @param items the subjects, best first
     */
    record Suggestions(String query, List<Suggestion> items) {
    }

    /**
     * A suggested subject.
     *
     * @param name its name
     * @param code its USCC
     * @param type subject type
     * @param region division code
     * @param matched what of its names the text completes (normalised: 柳州钢铁, liuzhougangtie, lzgt)
     * @param profile the path of its public profile
     */
    record Suggestion(String name, String code, String type, String region, String matched, String profile) {
    }

    static Suggestion suggestion(SubjectDocument d, String matched) {
        return new Suggestion(d.name(), d.code(), d.type(), d.region(), matched, "/api/v1/public/subjects/" + key(d));
    }

    /** The key a profile is addressed by: the USCC, or the subject id of a natural person. */
    static String key(SubjectDocument d) {
        return d.code() != null ? d.code() : d.subjectId();
    }

    static boolean looksLikeSubjectId(String s) {
        return s != null && UUID.matcher(s).matches();
    }

    /**
     * A hit; its counts from record-service's summary read with the page (null: not read, the page is partial). A person's
     * counts are only those of the public list that makes the person public, as the summary counts them.
     */
    static SearchItem item(SubjectDocument d, Map<String, List<String>> highlight, Summary live) {
        boolean disputed = d.disputed() != null && !d.disputed().isEmpty();
        Map<String, Integer> counts = live == null ? null : live.publicCounts();
        return new SearchItem(d.code(), d.masked(), d.name(), d.formerNames(), d.type(), typeLabel(d.type()), d.region(),
                Regions.name(d.region()).orElse(null), d.status(), d.lists(), counts, d.categories(), disputed, highlight,
                "/api/v1/public/subjects/" + key(d), d.naturalPerson() ? null : d.industry(), d.naturalPerson() ? null : d.grade());
    }

    /**
     * A profile: the identity from the index, the records' part from record-service's summary read now ({@code live}), or,
     * when it was not read (null), what the index keeps of it, marked partial.
     */
    static Profile profile(SubjectDocument d, Summary live, Instant now) {
        String self = "/api/v1/public/subjects/" + key(d);
        boolean org = !d.naturalPerson();
        if (live == null) {
            return new Profile(d.code(), d.masked(), d.name(), formerNames(d), d.type(), typeLabel(d.type()), d.region(),
                    Regions.name(d.region()).orElse(null), d.status(), d.verified(), List.of(), List.of(), List.of(), List.of(), List.of(),
                    entries(d.disputed(), now), d.indexedAt(),
                    new Links(self, self + "/records"), org ? d.industry() : null, null, org ? d.grade() : null, true);
        }
        List<CategoryCount> counts = live.publicCounts().entrySet().stream().map(e -> new CategoryCount(e.getKey(), e.getValue())).toList();
        Evaluation evaluation = org ? live.evaluation() : null;
        String grade = org ? d.grade() : null; // the index's, which may follow the evaluation read now by a moment
        return new Profile(d.code(), d.masked(), d.name(), formerNames(d), d.type(), typeLabel(d.type()), d.region(),
                Regions.name(d.region()).orElse(null), d.status(), d.verified(), counts, entries(live.redList(), now),
                entries(live.blackList(), now), entries(live.abnormalList(), now), entries(live.latestPenalties(), now),
                entries(live.disputed(), now), d.indexedAt(), new Links(self, self + "/records"), org ? d.industry() : null, evaluation,
                grade, null);
    }

    /**
     * Whether a person's document is no longer public by record-service's summary read now (the index lags a repair or an
     * expiry by a moment): such a profile is not shown. Organisations are public whatever their records.
     */
    static boolean noLongerPublic(SubjectDocument d, Summary live) {
        return d.naturalPerson() && live != null && live.publicCounts().isEmpty();
    }

    private static List<String> formerNames(SubjectDocument d) {
        return d.formerNames() != null ? d.formerNames() : List.of();
    }


    /** Entries still in force now (the index may lag a summary's expiry by a moment: never show an expired one). */
    static List<Entry> entries(List<ListEntry> list, Instant now) {
        if (list == null) {
            return List.of();
        }
        return list.stream().filter(e -> inForce(e.publicUntil(), now))
                .map(e -> new Entry(e.recordId(), e.category(), e.name(), e.decisionDate(), e.publicUntil(), e.department(), e.disputed(),
                        e.disputed() ? DISPUTED_LABEL : null))
                .toList();
    }

    static boolean inForce(String publicUntil, Instant now) {
        return end(publicUntil).map(now::isBefore).orElse(true);
    }

    /** A date means the end of that day in China; an instant is taken as is; anything unreadable is not judged. */
    private static Optional<Instant> end(String publicUntil) {
        if (publicUntil == null || publicUntil.isBlank()) {
            return Optional.empty();
        }
        try {
            if (publicUntil.length() == 10) {
                return Optional.of(LocalDate.parse(publicUntil).plusDays(1).atStartOfDay(CHINA).toInstant());
            }
            return Optional.of(Instant.parse(publicUntil));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String typeLabel(String type) {
        if (type == null) {
            return null;
        }
        return SubjectType.parse(type).map(SubjectType::labelZh).orElse(null);
    }
}
