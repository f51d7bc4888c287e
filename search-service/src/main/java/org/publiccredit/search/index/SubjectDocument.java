package org.publiccredit.search.index;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import org.publiccredit.search.names.NameKeys;

/**
 * The one Elasticsearch document per credit subject (信用主体): its public identity and what of the public summary of its
 * records is searched, filtered or shown in a hit list (decision 0009): categories, the lists with an entry in force,
 * records under objection, the grade. What changes with ordinary records (counts per category, the list entries, the
 * latest penalties, the evaluation's score and reasons) is not kept: a profile and a page of hits read it from
 * record-service's summary when shown, so that most record changes leave the document as it is and the indexer does not
 * rewrite it. Only what the public view allows is stored: a natural person's document carries a name and the masked
 * number only while a public black-list entry makes the person public; never the keyed hash or the raw number.
 * Documents that are not public ({@code public=false}) only keep what the indexer needs to finish them later
 * (a summary waiting for the subject's identity, or the time at which a summary must be fetched again).
 *
 * @param subjectId subject-service's id (also the document id)
 * @param kind {@code USCC} or {@code ID_NUMBER}
 * @param visible whether the public may see it (field {@code public}); every read filters on it
 * @param code the USCC (legal persons only)
 * @param masked the masked id number (public natural persons only)
 * @param name the current name
 * @param formerNames former names
 * @param shortNames short names (简称) from the registry
 * @param type the subject type, e.g. {@code ENTERPRISE}
 * @param region the 6-digit administrative division code
 * @param status the registry status
 * @param verified whether the registry verified the subject
 * @param lists {@code red}, {@code black} and/or {@code abnormal} when an entry of that list is in force
 * @param categories catalog codes with at least one public record
 * @param disputed public records under objection
 * @param summaryValidUntil when time alone changes the summary; the indexer fetches it again then
 * @param subjectSeq the subject feed's sequence last applied
 * @param recordSeq the record feed's sequence the summary reflects: every record change up to it (a change at or below it
 *        needs no new summary)
 * @param indexedAt when this document was last written
 * @param names what the names are searched by ({@link NameKeys}); recomputed on every write, not kept in {@code _source}
 * @param orgCode the organisation code inside the USCC (its characters 9-17), searched with or without its hyphen
 * @param standing 2 active and verified, 1 either, 0 neither: breaks ties of the ranking
 * @param industry the GB/T 4754 section letter (organisations), from the registry
 * @param grade the credit grade A-D of the evaluation (organisations; absent until record-service evaluated the subject)
 * @param drawKey a number made from the subject id ({@link #drawKey(String)}, organisations only): supervision samples are
 *        drawn in Elasticsearch's {@code random_score} order over it (a numeric field: over the keyword id it took 6-25 s
 *        for 550,000 subjects, over a number a fraction of a second)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true) // documents written before decision 0009 still carry counts, list entries, latestPenalties and evaluation
public record SubjectDocument(String subjectId, String kind, @JsonProperty("public") boolean visible, String code,
        String masked, String name, List<String> formerNames, List<String> shortNames, String type, String region, String status, Boolean verified,
        List<String> lists, List<String> categories, List<ListEntry> disputed, Instant summaryValidUntil, Long subjectSeq, Long recordSeq, Instant indexedAt, NameKeys names, String orgCode,
        Integer standing, String industry, String grade, Long drawKey) {

    /** Kind of a legal person or other organisation, keyed by its USCC. */
    public static final String KIND_USCC = "USCC";
    /** Kind of a natural person, keyed by an id number. */
    public static final String KIND_ID_NUMBER = "ID_NUMBER";

    public boolean naturalPerson() {
        return KIND_ID_NUMBER.equals(kind);
    }

    /**
     * Whether the other document holds the same for searches and hit lists as this one: everything but the feed positions,
     * the time of writing and the name keys (made from the names, and not kept in {@code _source}, so never read back).
     * The indexer does not rewrite a document whose new content is the same (decision 0009).
     */
    public boolean sameContentAs(SubjectDocument other) {
        return other != null && withoutBookkeeping().equals(other.withoutBookkeeping());
    }

    private SubjectDocument withoutBookkeeping() {
        return new SubjectDocument(subjectId, kind, visible, code, masked, name, formerNames, shortNames, type, region, status, verified,
                lists, categories, disputed, summaryValidUntil, null, null, null, null, orgCode, standing,
                industry, grade, drawKey);
    }

    /** The first 8 bytes of the SHA-256 of the subject id (UTF-8), big-endian: the same for a subject in every index. */
    public static long drawKey(String subjectId) {
        try {
            byte[] h = java.security.MessageDigest.getInstance("SHA-256").digest(subjectId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.nio.ByteBuffer.wrap(h, 0, 8).getLong();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
