package org.publiccredit.report.issue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.publiccredit.report.client.Catalog;
import org.publiccredit.report.client.EvaluationView;
import org.publiccredit.report.client.ReportRecord;
import org.publiccredit.report.render.ReportDocument;

class ReportComposerTest {

    static ReportRecord record(String id, String kind, boolean publicNow, String reason, boolean disputed) {
        return new ReportRecord(id, "ADM_PENALTY", "行政处罚", kind, "market", "柳市监罚〔2026〕" + id + "号", LocalDate.of(2026, 10, 1),
                disputed ? "DISPUTED" : publicNow ? "ACTIVE" : reason, publicNow, reason, disputed, LocalDate.of(2027, 10, 1), publicNow,
                LocalDate.of(2027, 1, 1), Map.of("violationFacts", "当事人身份证号码450202199001011237", "authorityUscc", "114502001234567890"));
    }

    static final EvaluationView EVALUATION = new EvaluationView("C", "中", 80, "2026.1",
            List.of(new EvaluationView.Reason("PENALTY_SERIOUS_12M", "近12个月严重失信行政处罚", -20, 1, null)),
            LocalDate.of(2027, 3, 1), LocalDate.of(2026, 12, 6));

    @Test
    void theEvaluationSectionStatesTheGradeTheScoreAndEachRule() {
        ReportDocument.Section section = compose(Edition.PUBLIC, List.of()).sections().get(8);
        List<String> rows = section.rows().stream().map(r -> r.label() + "=" + r.value()).toList();
        assertThat(rows).contains("综合评价等级=C 级（中）", "评价依据=近12个月严重失信行政处罚：1 条，-20 分");
        assertThat(rows).anyMatch(r -> r.startsWith("评价得分=80 分"));
        assertThat(rows).anyMatch(r -> r.contains("2027-03-01"));
        assertThat(ReportComposer.evaluationRows(null)).isEmpty();
    }

    static ReportDocument compose(Edition edition, List<ReportRecord> records) {
        return ReportComposer.compose(new ReportComposer.Content("CR20261206-0000000000AA", edition,
                edition == Edition.FULL ? new Reading.Own() : new Reading.Public(), EditionAccessTest.ENT1, null, records, EVALUATION, Catalog.empty(),
                42, 7, Instant.parse("2026-12-06T04:00:00Z"), "公共信用信息平台", "http://x/CR20261206-0000000000AA"));
    }

    @Test
    void sectionsFollowTheNationalReportsOrder() {
        List<String> titles = compose(Edition.PUBLIC, List.of()).sections().stream().map(ReportDocument.Section::title).toList();
        assertThat(titles).containsExactly("一、登记注册基础信息", "二、行政管理信息", "（一）行政许可信息", "（二）行政处罚信息",
                "三、诚实守信相关荣誉信息", "四、严重失信主体名单信息", "五、经营（活动）异常名录信息", "六、信用承诺信息", "七、信用评价信息",
                "八、司法判决及执行信息", "九、其他信息", "十、信用状况提升建议");
    }

    @Test
    void aDisputedRecordIsLabelledAndANonPublicOneSaysWhyInTheFullEdition() {
        ReportDocument doc = compose(Edition.FULL, List.of(record("1", "PENALTY", true, "PUBLIC", true),
                record("2", "PENALTY", false, "REPAIRED", false)));
        List<ReportDocument.Entry> penalties = doc.sections().get(3).entries();
        assertThat(penalties).extracting(ReportDocument.Entry::marks)
                .containsExactlyInAnyOrder(List.of("异议中"), List.of("未公示：已完成信用修复"));
        assertThat(doc.facts()).anySatisfy(r -> assertThat(r.value()).contains("信用记录变更序号 42").contains("信用主体变更序号 7"));
    }

    @Test
    void idNumbersInRecordFieldsAreMaskedAndOtherCodesAreNot() {
        ReportDocument doc = compose(Edition.PUBLIC, List.of(record("1", "PENALTY", true, "PUBLIC", false)));
        assertThat(doc.sections().get(3).entries().getFirst().rows())
                .anySatisfy(r -> assertThat(r.value()).isEqualTo("当事人身份证号码450202********1237"))
                .anySatisfy(r -> assertThat(r.value()).as("an all-digit USCC is no id number").isEqualTo("114502001234567890"));
    }

    @Test
    void theAdviceSaysFromWhenARepairableRecordMayBeRepaired() {
        ReportDocument doc = compose(Edition.FULL, List.of(record("1", "PENALTY", true, "PUBLIC", false)));
        assertThat(doc.sections().getLast().paragraphs()).anySatisfy(p -> assertThat(p).contains("自 2027-01-02 起可申请信用修复"));
    }
}
