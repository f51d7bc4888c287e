package org.publiccredit.record.creditrecord;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** Object Mother for stored records in slice and unit tests (the shipped catalog's categories and fields). */
public final class CreditRecords {

    private CreditRecords() {
    }

    /** An enterprise as subject-service registered it. */
    public static Subject enterprise(String uscc) {
        return new Subject(UUID.nameUUIDFromBytes(uscc.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "USCC", uscc, "柳州示范有限公司",
                "柳州示范有限公司", "ENTERPRISE", uscc.substring(2, 8));
    }

    /** A major tax violation (black list, repairable) of this enterprise, supplied by the tax department 20 days ago: public now. */
    public static CreditRecord taxViolation(String uscc) {
        return taxViolation(uscc, RecordState.ACTIVE);
    }

    /** The same in this state. */
    public static CreditRecord taxViolation(String uscc, RecordState state) {
        Instant now = Instant.now();
        return new CreditRecord(UUID.randomUUID(), enterprise(uscc), "tax", "TAX_MAJOR_VIOLATION", "柳税稽罚〔2026〕17号",
                LocalDate.now().minusDays(20), Map.of("violationFacts", "虚开增值税专用发票", "authority", "国家税务总局柳州市税务局"), "hash",
                state, 1, null, now, now);
    }

    /** A tax A grade (red list, not repairable) of this enterprise, supplied by the tax department. */
    public static CreditRecord taxAGrade(String uscc) {
        Instant now = Instant.now();
        return new CreditRecord(UUID.randomUUID(), enterprise(uscc), "tax", "TAX_A_GRADE", "柳税评〔2026〕3号",
                LocalDate.now().minusDays(30), Map.of("evaluationYear", "2025", "authority", "国家税务总局柳州市税务局"), "hash",
                RecordState.ACTIVE, 1, null, now, now);
    }
}
