package org.publiccredit.search.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.publiccredit.search.feed.SubjectPayload;
import org.publiccredit.search.feed.Summary;
import org.publiccredit.search.index.Evaluation;
import org.publiccredit.search.index.ListEntry;
import org.publiccredit.search.index.SubjectDocument;
import org.publiccredit.search.indexer.PublicDocuments.Indexed;
import tools.jackson.databind.json.JsonMapper;

class PublicDocumentsTest {

    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    private static final String ID = "0b7e7a4e-3f7e-4a55-9a55-3c1f5b0c0001";

    private static SubjectPayload company() {
        return new SubjectPayload(ID, "USCC", "91450200MA5K00012P", null, "柳州示范机械有限公司",
                List.of(new SubjectPayload.FormerName("柳州旧名机械厂", "2020-01-01")), List.of("示范机械"), "ENTERPRISE", "450200", "ACTIVE", true, "C");
    }

    private static SubjectPayload person() {
        // a careless payload that also carried the raw number as "code": it must never be taken
        return new SubjectPayload(ID, "ID_NUMBER", "450202199001011237", "450202********1237", "张三", List.of(), List.of(), "NATURAL_PERSON",
                "450202", "ACTIVE", true, "C");
    }

    private static ListEntry entry(String recordId, String category, boolean disputed) {
        return new ListEntry(recordId, category, category, "2026-01-05", "2028-01-05", "court", disputed);
    }

    private static Summary summary(List<ListEntry> red, List<ListEntry> black, List<ListEntry> penalties, List<ListEntry> disputed,
            Map<String, Integer> counts, Instant validUntil) {
        return new Summary(ID, null, counts, red, black, List.of(), penalties, disputed, validUntil, null);
    }

    /** A document built from a summary fetched now. */
    private static SubjectDocument build(String id, String kind, PublicDocuments.Identity identity, Summary s, Long subjectSeq, Long recordSeq,
            Instant now) {
        return PublicDocuments.build(id, kind, identity, s == null ? null : Indexed.of(s, now), subjectSeq, recordSeq, now);
    }

    @Test
    void aCompanyIsPublicWithIdentityAndSummary() {
        var identity = PublicDocuments.identity(company());
        Summary s = summary(List.of(entry("r1", "TAX_A_GRADE", false)), List.of(), List.of(entry("r2", "ADM_PENALTY", true)),
                List.of(entry("r2", "ADM_PENALTY", true)), Map.of("ADM_PENALTY", 1, "TAX_A_GRADE", 1, "ADM_LICENSE", 0), NOW.plusSeconds(60));
        SubjectDocument d = build(ID, null, identity, s, 7L, 9L, NOW);
        assertThat(d.visible()).isTrue();
        assertThat(d.code()).isEqualTo("91450200MA5K00012P");
        assertThat(d.masked()).isNull();
        assertThat(d.formerNames()).containsExactly("柳州旧名机械厂");
        assertThat(d.lists()).containsExactly("red");
        assertThat(d.categories()).containsExactly("ADM_PENALTY", "TAX_A_GRADE");
        assertThat(d.disputed()).hasSize(1);
        assertThat(d.summaryValidUntil()).isEqualTo(NOW.plusSeconds(60));
        assertThat(d.subjectSeq()).isEqualTo(7L);
        assertThat(d.recordSeq()).isEqualTo(9L);
        assertThat(d.shortNames()).containsExactly("示范机械");
        assertThat(d.names().exact()).isEqualTo("柳州示范机械有限公司");
        assertThat(d.names().shortNames()).containsExactly("示范机械");
        assertThat(d.names().former()).containsExactly("柳州旧名机械厂");
        assertThat(d.names().suggest()).extracting(c -> c.input().getFirst()).contains("柳州示范机械有限公司", "示范机械");
        assertThat(d.orgCode()).isEqualTo("ma5k00012");
        assertThat(d.standing()).isEqualTo(2);
    }

    @Test
    void theAbnormalListIsAListOfItsOwn() {
        Summary s = new Summary(ID, null, Map.of("BUSINESS_ABNORMAL", 1), List.of(), List.of(),
                List.of(entry("r5", "BUSINESS_ABNORMAL", false)), List.of(), List.of(), null, null);
        SubjectDocument d = build(ID, null, PublicDocuments.identity(company()), s, 1L, 1L, NOW);
        assertThat(d.lists()).containsExactly("abnormal");
        assertThat(Indexed.of(d).lists()).as("kept through the next subject change").containsExactly("abnormal");
    }

    @Test
    void aSummaryBeforeTheIdentityIsKeptButNotPublic() {
        Summary s = summary(List.of(), List.of(), List.of(entry("r2", "ADM_PENALTY", false)), List.of(), Map.of("ADM_PENALTY", 1), null);
        SubjectDocument d = build(ID, "USCC", null, s, null, 3L, NOW);
        assertThat(d.visible()).isFalse();
        assertThat(d.name()).isNull();
        assertThat(d.categories()).containsExactly("ADM_PENALTY");
        // when the identity arrives, what the document kept of the summary is merged
        SubjectDocument later = PublicDocuments.build(ID, "USCC", PublicDocuments.identity(company()), Indexed.of(d), 4L, 3L, NOW);
        assertThat(later.visible()).isTrue();
        assertThat(later.categories()).containsExactly("ADM_PENALTY");
    }

    @Test
    void nothingKnownIsNothingStored() {
        assertThat(build(ID, "USCC", null, Summary.empty(ID), null, 1L, NOW)).isNull();
        assertThat(build(ID, null, null, null, 1L, null, NOW)).isNull();
    }

    @Test
    void aPersonWhoseSummaryListsNothingPublicIsNotStored() {
        var identity = PublicDocuments.identity(person());
        Summary nothing = summary(List.of(), List.of(), List.of(), List.of(), Map.of(), null);
        assertThat(build(ID, null, identity, nothing, 1L, 2L, NOW)).isNull();
    }

    @Test
    void aPersonWaitingForAListWindowKeepsOnlyTheRefreshTime() {
        var identity = PublicDocuments.identity(person());
        SubjectDocument d = build(ID, null, identity, summary(List.of(), List.of(), List.of(), List.of(), Map.of(),
                NOW.plusSeconds(3600)), 1L, 2L, NOW);
        assertThat(d.visible()).isFalse();
        assertThat(d.name()).isNull();
        assertThat(d.masked()).isNull();
        assertThat(d.region()).isNull();
        assertThat(d.summaryValidUntil()).isEqualTo(NOW.plusSeconds(3600));
        assertThat(PublicDocuments.identityOf(d)).isNull();
    }

    @Test
    void aBlackListedPersonIsPublicWithTheMaskedNumberAndWhatTheSummaryPublishes() throws Exception {
        // record-service's summary is already the public view of a person (only lists whose catalog rule says so):
        // the document shows it as it is, with no second rule here
        var identity = PublicDocuments.identity(person());
        Summary s = summary(List.of(), List.of(entry("r1", "COURT_DEFAULTER", true)), List.of(), List.of(entry("r1", "COURT_DEFAULTER", true)),
                Map.of("COURT_DEFAULTER", 1), null);
        SubjectDocument d = build(ID, null, identity, s, 1L, 2L, NOW);
        assertThat(d.visible()).isTrue();
        assertThat(d.masked()).isEqualTo("450202********1237");
        assertThat(d.code()).isNull();
        assertThat(d.lists()).containsExactly("black");
        assertThat(d.categories()).containsOnly("COURT_DEFAULTER");
        assertThat(d.disputed()).extracting(ListEntry::recordId).containsExactly("r1");
        assertThat(d.names().exact()).isEqualTo("张三");
        assertThat(d.names().suggest()).as("a person is never suggested").isEmpty();
        assertThat(d.orgCode()).isNull();
        String json = JsonMapper.builder().build().writeValueAsString(d);
        assertThat(json).doesNotContain("450202199001011237").contains("\"public\":true");
    }

    @Test
    void aPersonIsPublicThroughAnyCategoryTheSummaryPublishesNotOnlyBlackLists() {
        // the catalog is editable at run time: if a category's naturalPersonsPublic is switched on, its records show
        Summary s = summary(List.of(), List.of(), List.of(entry("r2", "ADM_PENALTY", false)), List.of(), Map.of("ADM_PENALTY", 1), null);
        SubjectDocument d = build(ID, null, PublicDocuments.identity(person()), s, 1L, 2L, NOW);
        assertThat(d.visible()).isTrue();
        assertThat(d.categories()).containsOnly("ADM_PENALTY");
        assertThat(PublicDocuments.needsPersonIdentity("ID_NUMBER", null, Indexed.of(s, NOW))).isTrue();
    }

    @Test
    void aPersonsIdentityMustBeFetchedWhenABlackListArrivesFirst() {
        Summary black = summary(List.of(), List.of(entry("r1", "COURT_DEFAULTER", false)), List.of(), List.of(), Map.of("COURT_DEFAULTER", 1),
                null);
        assertThat(PublicDocuments.needsPersonIdentity("ID_NUMBER", null, Indexed.of(black, NOW))).isTrue();
        assertThat(PublicDocuments.needsPersonIdentity("USCC", null, Indexed.of(black, NOW))).isFalse();
        assertThat(PublicDocuments.needsPersonIdentity("ID_NUMBER", PublicDocuments.identity(person()), Indexed.of(black, NOW))).isFalse();
        assertThat(PublicDocuments.kindFromCode("450202********1237")).isEqualTo("ID_NUMBER");
        assertThat(PublicDocuments.kindFromCode("91450200MA5K00012P")).isEqualTo("USCC");
        assertThat(PublicDocuments.kindFromCode(null)).isNull();
    }

    @Test
    void aDocumentGivesBackItsIdentityAndSummary() {
        SubjectDocument d = build(ID, null, PublicDocuments.identity(company()), Summary.empty(ID), 1L, null, NOW);
        var identity = PublicDocuments.identityOf(d);
        assertThat(identity.name()).isEqualTo("柳州示范机械有限公司");
        assertThat(identity.formerNames()).containsExactly("柳州旧名机械厂");
        assertThat(PublicDocuments.identity(new SubjectPayload(ID, "USCC", "x", null, " ", null, null, null, null, null, null, null))).isNull();
    }

    private static Evaluation evaluation(String grade, String changesOn) {
        return new Evaluation(grade, "中", "fair", 80, "2026.1",
                List.of(new Evaluation.Reason("PENALTY_SERIOUS_12M", "近12个月严重失信行政处罚", "serious penalty", -20, 1, null)), changesOn, "2026-11-23");
    }

    private static Summary evaluated(Evaluation e, Instant validUntil) {
        return new Summary(ID, null, Map.of("ADM_PENALTY", 1), List.of(), List.of(), List.of(), List.of(), List.of(), validUntil, e);
    }

    @Test
    void anOrganisationCarriesItsGradeAndItsIndustry() {
        SubjectDocument d = build(ID, null, PublicDocuments.identity(company()), evaluated(evaluation("c", null), null), 1L, 1L, NOW);
        assertThat(d.grade()).as("the letter, upper case").isEqualTo("C");
        assertThat(d.industry()).isEqualTo("C");
        assertThat(Indexed.of(d).grade()).as("kept through the next subject change").isEqualTo("C");
        assertThat(PublicDocuments.identityOf(d).industry()).isEqualTo("C");
        assertThat(d.drawKey()).as("the same number for the subject in every index").isEqualTo(SubjectDocument.drawKey(ID))
                .isEqualTo(build(ID, null, PublicDocuments.identity(company()), null, 2L, 2L, NOW.plusSeconds(9)).drawKey());
    }

    @Test
    void aSummaryWithoutEvaluationLeavesTheGradeAbsentAndAnUnknownGradeIsNotIndexed() {
        SubjectDocument none = build(ID, null, PublicDocuments.identity(company()), evaluated(null, null), 1L, 1L, NOW);
        assertThat(none.visible()).isTrue();
        assertThat(none.grade()).isNull();
        SubjectDocument odd = build(ID, null, PublicDocuments.identity(company()), evaluated(evaluation("E", null), null), 1L, 1L, NOW);
        assertThat(odd.grade()).isNull();
    }

    @Test
    void aPersonNeverCarriesAGradeOrAnIndustry() {
        // record-service's summary of a person carries no evaluation
        Summary s = new Summary(ID, null, Map.of("COURT_DEFAULTER", 1), List.of(), List.of(entry("r9", "COURT_DEFAULTER", false)), List.of(),
                List.of(), List.of(), null, null);
        SubjectDocument d = build(ID, null, PublicDocuments.identity(person()), s, 1L, 1L, NOW);
        assertThat(d.visible()).isTrue();
        assertThat(d.grade()).isNull();
        assertThat(d.industry()).isNull();
        assertThat(d.drawKey()).as("persons are never drawn").isNull();
    }

    @Test
    void theSummaryIsFetchedAgainOnTheDayTimeAloneChangesTheGrade() {
        // 2026-12-01 starts at 2026-11-30T16:00Z in China
        Instant changes = Instant.parse("2026-11-30T16:00:00Z");
        assertThat(build(ID, null, PublicDocuments.identity(company()), evaluated(evaluation("C", "2026-12-01"), null), 1L, 1L, NOW)
                .summaryValidUntil()).isEqualTo(changes);
        assertThat(build(ID, null, PublicDocuments.identity(company()),
                evaluated(evaluation("C", "2026-12-01"), NOW.plusSeconds(60)), 1L, 1L, NOW).summaryValidUntil())
                .as("a window closing first").isEqualTo(NOW.plusSeconds(60));
        assertThat(build(ID, null, PublicDocuments.identity(company()),
                evaluated(evaluation("C", "2026-11-01"), null), 1L, 1L, NOW).summaryValidUntil())
                .as("a day already past is not a reason to fetch it again and again").isNull();
    }

    @Test
    void aRecordChangeThatTouchesOnlyWhatTheDocumentDoesNotKeepLeavesItsContentTheSame() throws Exception {
        var identity = PublicDocuments.identity(company());
        Summary before = summary(List.of(), List.of(), List.of(entry("r2", "ADM_PENALTY", false)), List.of(), Map.of("ADM_PENALTY", 1), null);
        // one more ordinary penalty: counts, latest penalties and score change; categories, lists and grade do not
        Summary after = summary(List.of(), List.of(), List.of(entry("r3", "ADM_PENALTY", false), entry("r2", "ADM_PENALTY", false)), List.of(),
                Map.of("ADM_PENALTY", 2), null);
        SubjectDocument stored = build(ID, null, identity, before, 1L, 10L, NOW);
        // as the indexer reads it back: through JSON, the name keys not kept in _source
        JsonMapper json = JsonMapper.builder().build();
        Map<String, Object> source = new java.util.LinkedHashMap<>(json.readValue(json.writeValueAsString(stored), Map.class));
        assertThat(source.remove("names")).isNotNull();
        SubjectDocument readBack = json.readValue(json.writeValueAsString(source), SubjectDocument.class);
        SubjectDocument next = build(ID, null, identity, after, 1L, 11L, NOW.plusSeconds(5));
        assertThat(next.sameContentAs(readBack)).as("feed positions, time of writing and name keys do not count").isTrue();

        Summary black = summary(List.of(), List.of(entry("r4", "TAX_MAJOR_VIOLATION", false)), List.of(), List.of(),
                Map.of("ADM_PENALTY", 2, "TAX_MAJOR_VIOLATION", 1), null);
        assertThat(build(ID, null, identity, black, 1L, 12L, NOW).sameContentAs(readBack)).as("a new list entry").isFalse();
        Summary disputed = summary(List.of(), List.of(), List.of(), List.of(entry("r2", "ADM_PENALTY", true)), Map.of("ADM_PENALTY", 2), null);
        assertThat(build(ID, null, identity, disputed, 1L, 12L, NOW).sameContentAs(readBack)).as("an objection").isFalse();
        assertThat(build(ID, null, identity, evaluated(evaluation("C", null), null), 1L, 12L, NOW).sameContentAs(readBack))
                .as("a grade").isFalse();
        assertThat(next.sameContentAs(null)).isFalse();
    }
}
