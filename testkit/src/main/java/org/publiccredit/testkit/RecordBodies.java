package org.publiccredit.testkit;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bodies of record pushes ({@code POST /api/v1/records}) that integration tests of every service send: one valid
 * administrative penalty's fields and the envelope around a category's fields, written once.
 */
public final class RecordBodies {

    private RecordBodies() {
    }

    /**
     * The fields of a valid ordinary administrative penalty (行政处罚, a fine of 10,000 yuan) of the Liuzhou market
     * regulator, in force for another month.
     *
     * @param authorityUscc the penalising authority's USCC (also the data source's)
     */
    public static Map<String, Object> penaltyFields(String authorityUscc) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("violationType", "其他");
        f.put("violationFacts", "未按规定公示年度报告");
        f.put("penaltyBasis", "《企业信息公示暂行条例》第十条");
        f.put("penaltyCategory", "罚款");
        f.put("penaltyContent", "罚款人民币一万元");
        f.put("fineAmount", "1.0");
        f.put("penaltyValidUntil", LocalDate.now().plusMonths(1).toString());
        f.put("authority", "柳州市市场监督管理局");
        f.put("authorityUscc", authorityUscc);
        f.put("dataSource", "柳州市市场监督管理局");
        f.put("dataSourceUscc", authorityUscc);
        return f;
    }

    /** A push of one record of the category about the subject (its identifier and the name on the decision). */
    public static Map<String, Object> record(String category, String subject, String name, String documentNumber, LocalDate decided,
            Map<String, Object> fields) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("category", category);
        r.put("subject", Map.of("identifier", subject, "name", name));
        r.put("documentNumber", documentNumber);
        r.put("decisionDate", decided.toString());
        r.put("fields", fields);
        return r;
    }
}
