package org.publiccredit.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.publiccredit.search.feed.Summary;
import org.publiccredit.search.index.Evaluation;
import org.publiccredit.search.index.ListEntry;
import org.publiccredit.search.index.SubjectDocument;

class ViewsTest {

    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

    @Test
    void expiredEntriesAreNeverShownAndDisputedOnesAreLabelled() {
        List<ListEntry> entries = List.of(
                new ListEntry("a", "COURT_DEFAULTER", "失信被执行人", "2024-01-01", "2026-11-22", "court", false),
                new ListEntry("b", "COURT_DEFAULTER", "失信被执行人", "2024-01-01", "2026-11-23", "court", true),
                new ListEntry("c", "PROCUREMENT_BAN", "政府采购严重违法失信行为记录", "2024-01-01", "2026-11-23T07:59:59Z", "finance", false),
                new ListEntry("d", "SAFETY_SERIOUS", "安全生产严重失信主体", "2024-01-01", null, "emergency", false));
        List<Views.Entry> shown = Views.entries(entries, NOW);
        assertThat(shown).extracting(Views.Entry::recordId).containsExactly("b", "d");
        assertThat(shown.get(0).label()).isEqualTo("异议中");
        assertThat(shown.get(1).label()).isNull();
    }

    private static final ListEntry BLACK = new ListEntry("r1", "COURT_DEFAULTER", "失信被执行人", "2026-01-05", "2028-01-05", "court", false);

    private static SubjectDocument person() {
        return new SubjectDocument("id-2", "ID_NUMBER", true, null, "450202********1237", "张三", List.of(), List.of(), "NATURAL_PERSON",
                "450202", null, null, List.of("black"), List.of("COURT_DEFAULTER"), List.of(), null, 1L, 1L,
                NOW, null, null, null, "C", "D", null);
    }

    private static SubjectDocument company() {
        return new SubjectDocument("id-1", "USCC", true, "91450200MA5K00012P", null, "柳州示范机械有限公司", List.of(), List.of(), "ENTERPRISE",
                "450200", "ACTIVE", true, List.of(), List.of("ADM_PENALTY"), List.of(), null, 1L, 1L, NOW,
                null, null, null, "C", "B", 42L);
    }

    private static Summary summary(String id, Map<String, Integer> counts, List<ListEntry> black, Evaluation evaluation) {
        return new Summary(id, null, counts, List.of(), black, List.of(), List.of(), List.of(), null, evaluation);
    }

    @Test
    void aPersonsProfileNeverShowsAnEvaluation() {
        SubjectDocument d = person();
        Summary live = summary("id-2", Map.of("COURT_DEFAULTER", 1), List.of(BLACK),
                new Evaluation("D", "差", "poor", 60, "2026.1", List.of(), null, "2026-11-23"));
        assertThat(Views.profile(d, live, NOW).evaluation()).isNull();
        assertThat(Views.profile(d, live, NOW).grade()).isNull();
        assertThat(Views.profile(d, live, NOW).industry()).isNull();
        assertThat(Views.profile(d, live, NOW).blackList()).extracting(Views.Entry::recordId).containsExactly("r1");
        assertThat(Views.item(d, Map.of(), live).grade()).isNull();
        assertThat(Views.noLongerPublic(d, live)).isFalse();
    }

    @Test
    void aPersonWhoseLiveSummaryHoldsNothingPublicIsNoLongerShownAlthoughTheIndexStillHoldsTheDocument() {
        assertThat(Views.noLongerPublic(person(), summary("id-2", Map.of("COURT_DEFAULTER", 0), List.of(), null))).isTrue();
        assertThat(Views.noLongerPublic(person(), null)).as("record-service not answering: the index decides").isFalse();
        assertThat(Views.noLongerPublic(company(), summary("id-1", Map.of(), List.of(), null))).as("organisations are public").isFalse();
    }

    @Test
    void aProfileShowsTheRecordsAsRecordServiceCountsThemNowAndLinksToThem() {
        SubjectDocument d = company();
        Summary live = summary("id-1", Map.of("ADM_PENALTY", 2, "ADM_LICENSE", 0), List.of(),
                new Evaluation("B", "良", "good", 100, "2026.1", List.of(), null, "2026-11-23"));
        Views.Profile p = Views.profile(d, live, NOW);
        assertThat(p.evaluation().grade()).isEqualTo("B");
        assertThat(p.grade()).isEqualTo("B");
        assertThat(p.partial()).isNull();
        assertThat(p.industry()).isEqualTo("C");
        assertThat(p.links().records()).isEqualTo("/api/v1/public/subjects/91450200MA5K00012P/records");
        assertThat(p.typeLabel()).isEqualTo("企业");
        assertThat(p.regionName()).isEqualTo("柳州市");
        assertThat(p.records()).containsExactly(new Views.CategoryCount("ADM_PENALTY", 2));
        Views.SearchItem item = Views.item(d, Map.of(), live);
        assertThat(item.grade()).isEqualTo("B");
        assertThat(item.counts()).containsExactly(Map.entry("ADM_PENALTY", 2));
        assertThat(item.categories()).containsExactly("ADM_PENALTY");
    }

    @Test
    void withoutRecordServiceAProfileShowsWhatTheIndexKeepsMarkedPartial() {
        SubjectDocument d = person();
        Views.Profile p = Views.profile(d, null, NOW);
        assertThat(p.partial()).isTrue();
        assertThat(p.records()).isEmpty();
        assertThat(p.blackList()).as("the entries are record-service's; the index keeps which lists").isEmpty();
        assertThat(p.latestPenalties()).isEmpty();
        Views.Profile org = Views.profile(company(), null, NOW);
        assertThat(org.evaluation()).isNull();
        assertThat(org.grade()).as("the grade the index holds").isEqualTo("B");
        assertThat(Views.item(company(), Map.of(), null).counts()).isNull();
    }
}
