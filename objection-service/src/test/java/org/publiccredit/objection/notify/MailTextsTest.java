package org.publiccredit.objection.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every mail exists in zh-CN and en, filled completely, without codes or Java names. */
class MailTextsTest {

    final MailTexts texts = new MailTexts();

    static Map<String, String> values() {
        return Map.of("kind", "异议申请", "caseId", "c-1", "documentNumber", "柳市监罚〔2026〕1号", "department", "市场监督管理局",
                "category", "行政处罚", "outcome", "维持原信用信息", "reason", "记录已被撤销", "due", "2026-12-08", "deadline", "核实",
                "url", "http://localhost:8080/cases/c-1");
    }

    @Test
    void everyEventHasBothLanguagesFilledCompletely() {
        for (String event : List.of("accept", "refuse", "decide", "withdraw", "moot", "overdue", "assign", "department-overdue")) {
            MailTexts.Text zh = texts.render("zh-CN", event, values());
            MailTexts.Text en = texts.render("en", event, values());
            assertThat(zh.subject()).as(event).contains("公共信用信息平台").doesNotContain("{", "}");
            assertThat(en.subject()).as(event).contains("Public Credit Platform").isNotEqualTo(zh.subject());
            assertThat(zh.body()).as(event).contains("c-1", "http://localhost:8080/cases/c-1").doesNotContain("{", "}");
            assertThat(en.body()).as(event).doesNotContain("{", "}").isNotEqualTo(zh.body());
        }
    }

    @Test
    void phrasesAndTheServicesOwnReasonsAreInTheReadersLanguage() {
        assertThat(texts.phrase("zh-CN", "outcome.WITHDRAWN_MOOT", "x")).isEqualTo("申请已自动终止");
        assertThat(texts.phrase("en", "kind.REPAIR", "x")).isEqualTo("credit repair application");
        assertThat(texts.reason("en", "记录已被撤销")).isEqualTo("the record was revoked by its department");
        assertThat(texts.reason("zh-CN", "记录已被撤销")).isEqualTo("记录已被撤销");
        assertThat(texts.reason("en", "申请人自己的话")).isEqualTo("申请人自己的话");
        assertThat(Languages.of("en-US,en;q=0.9")).isEqualTo("en");
        assertThat(Languages.of("zh-CN,zh;q=0.9,en;q=0.8")).isEqualTo("zh-CN");
        assertThat(Languages.of("fr, en;q=0.5")).isEqualTo("en");
        assertThat(Languages.of(null)).isEqualTo("zh-CN");
        assertThat(Languages.of("%%%")).isEqualTo("zh-CN");
    }
}
