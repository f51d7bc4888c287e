package org.publiccredit.record.it;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.publiccredit.commons.id.Uscc;

/** Object Mother for integration tests: fresh valid codes and document numbers, so runs never collide. */
final class Records {

    static final String ENT1 = "91450200MA5K00012P";
    static final String CITIZEN1 = "450202199001011237";
    static final String AUTHORITY = freshAuthority();

    private Records() {
    }

    /** A fresh, valid enterprise code in Liuzhou. */
    static String freshUscc() {
        return Uscc.of('9', '1', "450202", digits(8)).value();
    }

    static String freshAuthority() {
        return Uscc.of('1', '1', "450200", digits(8)).value();
    }

    static String doc(String prefix) {
        return prefix + "〔" + LocalDate.now().getYear() + "〕" + digits(10);
    }

    static String digits(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(ThreadLocalRandom.current().nextInt(10));
        }
        return sb.toString();
    }

    static Map<String, Object> record(String category, String subject, String documentNumber, LocalDate decided,
            Map<String, Object> fields) {
        return org.publiccredit.testkit.RecordBodies.record(category, subject, "测试主体" + subject.substring(14), documentNumber, decided,
                fields);
    }

    static Map<String, Object> penaltyFields() {
        return org.publiccredit.testkit.RecordBodies.penaltyFields(AUTHORITY);
    }

    static Map<String, Object> penaltyDecided(String subject, int daysAgo) {
        return record("ADM_PENALTY", subject, doc("柳市监罚"), LocalDate.now().minusDays(daysAgo), penaltyFields());
    }

    static Map<String, Object> taxBlackList(String subject) {
        return record("TAX_MAJOR_VIOLATION", subject, doc("柳税稽罚"), LocalDate.now().minusDays(20),
                Map.of("violationFacts", "虚开增值税专用发票", "taxAmount", "120.5", "authority", "国家税务总局柳州市税务局"));
    }

    static Map<String, Object> taxAGrade(String subject) {
        return record("TAX_A_GRADE", subject, doc("柳税评"), LocalDate.now().minusDays(30),
                Map.of("evaluationYear", LocalDate.now().getYear() - 1, "authority", "国家税务总局柳州市税务局"));
    }
}
