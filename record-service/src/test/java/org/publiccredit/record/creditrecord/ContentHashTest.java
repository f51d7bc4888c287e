package org.publiccredit.record.creditrecord;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Stored records keep their hashes: a re-push of the same content must stay "unchanged" whatever the hash's code. */
class ContentHashTest {

    private static final Subject ACME = new Subject(UUID.fromString("0c9d68bb-a738-4e30-a44f-679826c315a9"), "USCC",
            "91450200MA5K00012P", "柳州示范有限公司", "柳州示范有限公司", "ENTERPRISE", "450200");

    /** The hash as records stored before were hashed: a sorted map and every value's '|' doubled. */
    private static String asStored(Subject subject, LocalDate date, Map<String, String> fields) throws Exception {
        StringBuilder canonical = new StringBuilder().append(subject.id()).append('|').append(subject.nameOnDecision()).append('|')
                .append(date);
        new TreeMap<>(fields).forEach((k, v) -> canonical.append('|').append(k).append('=').append(v.replace("|", "||")));
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 16);
    }

    @Test
    void aKnownRecordKeepsItsStoredHash() {
        Map<String, String> fields = Map.of("violationFacts", "虚开发票|多次", "fineAmount", "5000", "authority", "柳州市税务局");

        // sha256("0c9d68bb-…|柳州示范有限公司|2026-03-01|authority=柳州市税务局|fineAmount=5000|violationFacts=虚开发票||多次")
        assertThat(CreditRecord.hash(ACME, LocalDate.of(2026, 3, 1), fields)).isEqualTo("1dedcb2b0bbbd50099ee82c75c2fb889");
    }

    @Test
    void hashesEqualTheStoredAlgorithmsOverManyFieldSets() throws Exception {
        Random random = new Random(11);
        String[] keys = {"a", "b", "fineAmount", "violationFacts", "penaltyContent", "authority", "z", "A"};
        String[] values = {"5000", "罚款|没收", "||", "柳州", "", "a|b|c", "警告；罚款", "0.5"};
        for (int n = 0; n < 2000; n++) {
            Map<String, String> fields = new HashMap<>();
            for (int i = 0, count = random.nextInt(keys.length + 1); i < count; i++) {
                fields.put(keys[random.nextInt(keys.length)], values[random.nextInt(values.length)]);
            }
            LocalDate date = LocalDate.of(2020, 1, 1).plusDays(random.nextInt(2000));
            assertThat(CreditRecord.hash(ACME, date, Map.copyOf(fields))).isEqualTo(asStored(ACME, date, fields));
        }
    }
}
