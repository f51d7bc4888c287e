package org.publiccredit.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
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

    @Test
    void aPersonsProfileNeverShowsAnEvaluation() {
        SubjectDocument d = new SubjectDocument("id-2", "ID_NUMBER", true, null, "450202********1237", "张三", List.of(), List.of(), "NATURAL_PERSON",
                "450202", null, null, List.of("black"), List.of(), Map.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null, 1L, 1L, NOW,
                null, null, null, "C", "D", new Evaluation("D", "差", "poor", 60, "2026.1", List.of(), null, "2026-11-23"), null);
        assertThat(Views.profile(d, NOW).evaluation()).isNull();
        assertThat(Views.profile(d, NOW).industry()).isNull();
        assertThat(Views.item(d, Map.of()).grade()).isNull();
    }

    @Test
    void aProfileLinksToThePublicRecords() {
        SubjectDocument d = new SubjectDocument("id-1", "USCC", true, "91450200MA5K00012P", null, "柳州示范机械有限公司", List.of(), List.of(), "ENTERPRISE",
                "450200", "ACTIVE", true, List.of(), List.of("ADM_PENALTY"), Map.of("ADM_PENALTY", 2), List.of(), List.of(), List.of(),
                List.of(), List.of(), null, 1L, 1L, NOW, null, null, null, "C", "B",
                new Evaluation("B", "良", "good", 100, "2026.1", List.of(), null, "2026-11-23"), 42L);
        Views.Profile p = Views.profile(d, NOW);
        assertThat(p.evaluation().grade()).isEqualTo("B");
        assertThat(p.industry()).isEqualTo("C");
        assertThat(Views.item(d, Map.of()).grade()).isEqualTo("B");
        assertThat(p.links().records()).isEqualTo("/api/v1/public/subjects/91450200MA5K00012P/records");
        assertThat(p.typeLabel()).isEqualTo("企业");
        assertThat(p.regionName()).isEqualTo("柳州市");
        assertThat(p.records()).containsExactly(new Views.CategoryCount("ADM_PENALTY", 2));
    }
}
