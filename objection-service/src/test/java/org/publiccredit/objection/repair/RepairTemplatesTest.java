package org.publiccredit.objection.repair;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.publiccredit.objection.client.RecordView;

class RepairTemplatesTest {

    final RepairTemplates templates = new RepairTemplates();

    static RecordView penalty(Map<String, Object> fields) {
        return new RecordView("r1", "s1", "91450200MA5K00012P", "USCC", "某公司", "450200", "market", "ADM_PENALTY", "PENALTY",
                "柳市监罚〔2026〕1号", LocalDate.of(2026, 5, 20), "ACTIVE", 1L, true, "PUBLIC", null, null, true,
                LocalDate.of(2026, 8, 19), fields, "行政处罚", null);
    }

    @Test
    void theTextsNameTheCategoryAndTheDecidingAuthorityInWordsNotByCode() {
        var filled = templates.fill(penalty(Map.of("authority", "柳州市市场监督管理局")), LocalDate.of(2026, 12, 6));
        assertThat(filled).extracting(RepairTemplates.Filled::id)
                .containsExactly(RepairTemplates.Template.REPAIR_APPLICATION, RepairTemplates.Template.CREDIT_COMMITMENT);
        String application = filled.getFirst().text();
        assertThat(application).contains("申请人：某公司", "柳州市市场监督管理局作出的决定", "信息类别：行政处罚", "柳市监罚〔2026〕1号",
                "日期：2026-12-06").doesNotContain("market", "ADM_PENALTY", "{{");
        assertThat(filled.get(1).text()).contains("（柳州市市场监督管理局，2026-05-20）").doesNotContain("{{");
    }

    @Test
    void withoutAnAuthorityFieldTheSupplyingDepartmentStands() {
        assertThat(RepairTemplates.authority(penalty(Map.of()))).isEqualTo("market");
    }
}
