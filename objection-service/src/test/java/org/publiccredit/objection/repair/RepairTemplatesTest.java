package org.publiccredit.objection.repair;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.publiccredit.objection.client.RecordView;
import org.publiccredit.objection.naming.Departments;

class RepairTemplatesTest {

    final Departments departments = new Departments();
    final RepairTemplates templates = new RepairTemplates(departments);

    static RecordView penalty(Map<String, Object> fields) {
        return new RecordView("r1", "s1", "91450200MA5K00012P", "USCC", "某公司", "450200", "market", "ADM_PENALTY", "PENALTY",
                "柳市监罚〔2026〕1号", LocalDate.of(2026, 5, 20), "ACTIVE", 1L, true, "PUBLIC", null, null, true,
                LocalDate.of(2026, 8, 19), fields, "行政处罚", null);
    }

    @Test
    void theTextsNameTheCategoryAndTheDecidingAuthorityInWordsNotByCode() {
        var filled = templates.fill(penalty(Map.of("authority", "柳州市市场监督管理局")), RepairTemplates.Names.NONE, LocalDate.of(2026, 12, 6));
        assertThat(filled).extracting(RepairTemplates.Filled::id)
                .containsExactly(RepairTemplates.Template.REPAIR_APPLICATION, RepairTemplates.Template.CREDIT_COMMITMENT);
        String application = filled.getFirst().text();
        assertThat(application).contains("申请人：某公司", "柳州市市场监督管理局作出的决定", "信息类别：行政处罚", "柳市监罚〔2026〕1号",
                "日期：2026-12-06").doesNotContain("market", "ADM_PENALTY", "{{");
        assertThat(filled.get(1).text()).contains("（柳州市市场监督管理局，2026-05-20）").doesNotContain("{{");
    }

    @Test
    void withoutAnAuthorityFieldTheSupplyingDepartmentsChineseNameStands() {
        assertThat(RepairTemplates.authority(penalty(Map.of()), departments)).isEqualTo("市场监督管理局");
        String application = templates.fill(penalty(Map.of()), RepairTemplates.Names.NONE, LocalDate.of(2026, 12, 6)).getFirst().text();
        assertThat(application).contains("因市场监督管理局作出的决定").doesNotContain("market");
    }

    @Test
    void theRegisteredNameAndTheCatalogsCategoryNameWinOverTheRecordsOwn() {
        var names = new RepairTemplates.Names("柳州示范科技有限公司", "行政处罚信息");
        var filled = templates.fill(penalty(Map.of()), names, LocalDate.of(2026, 12, 6));
        assertThat(filled.getFirst().text()).contains("申请人：柳州示范科技有限公司", "信息类别：行政处罚信息").doesNotContain("某公司");
        assertThat(filled.get(1).text()).contains("承诺人：柳州示范科技有限公司");
    }

    @Test
    void everySupplyingDepartmentOfTheCatalogHasAChineseName() {
        for (String code : java.util.List.of("market", "tax", "court", "emergency", "finance", "hr", "customs", "statistics")) {
            assertThat(departments.known(code)).as(code).isTrue();
            assertThat(departments.of(code).zh()).as(code).doesNotContainPattern("[A-Za-z]");
        }
        assertThat(departments.of("market").zh()).isEqualTo("市场监督管理局");
        assertThat(departments.of("hr").zh()).isEqualTo("人力资源和社会保障局");
        assertThat(departments.of("nope").zh()).isEqualTo("nope");
    }
}
