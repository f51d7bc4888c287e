package org.publiccredit.record.creditrecord;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class RecordFeedPayloadTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final UUID SUBJECT = UUID.fromString("0b9c2f6e-3c1a-4f43-9a53-2d7f4b1e8c11");

    @Test
    void thePayloadHoldsWhatTheFeedsReadersUseAndNoView() {
        CreditRecord r = CreditRecord.create(new Subject(SUBJECT, "USCC", "91450202MA5N000017", "某公司", "某公司", "ENTERPRISE", "450202"),
                "market", "ADM_PENALTY", "柳市监罚〔2026〕1号", LocalDate.of(2026, 2, 1), Map.of("penaltyContent", "罚款"),
                Instant.parse("2026-03-01T02:00:00Z"));

        RecordFeedPayload payload = RecordFeedPayload.of(r, true);

        assertThat(JSON.writeValueAsString(payload)).isEqualTo(
                "{\"subjectId\":\"" + SUBJECT + "\",\"category\":\"ADM_PENALTY\",\"state\":\"ACTIVE\",\"version\":1,\"publicNow\":true}");
        assertThat(payload.changeKind()).isEqualTo("UPSERT");
        assertThat(RecordFeedPayload.of(r, false).changeKind()).isEqualTo("WITHDRAWN");
    }

    @Test
    void aPayloadWrittenBeforeIssue26IsStillRead() {
        String old = "{\"subjectId\":\"" + SUBJECT + "\",\"subjectCode\":\"91450202MA5N000017\",\"category\":\"RED_TAXPAYER_A\","
                + "\"state\":\"REPAIRED\",\"version\":3,\"publicNow\":false,\"record\":null}";
        String older = "{\"subjectId\":\"" + SUBJECT + "\",\"subjectCode\":\"91450202MA5N000017\",\"category\":\"ADM_PENALTY\","
                + "\"state\":\"ACTIVE\",\"version\":1,\"publicNow\":true,\"record\":{\"id\":\"x\",\"fields\":{\"a\":\"b\"}}}";

        assertThat(JSON.readValue(old, RecordFeedPayload.class))
                .isEqualTo(new RecordFeedPayload(SUBJECT, "RED_TAXPAYER_A", RecordState.REPAIRED, 3, false));
        assertThat(JSON.readValue(older, RecordFeedPayload.class))
                .isEqualTo(new RecordFeedPayload(SUBJECT, "ADM_PENALTY", RecordState.ACTIVE, 1, true));
    }

    @Test
    void aRuleChangedPayloadHasNoPublicNow() {
        String rule = "{\"subjectId\":\"" + SUBJECT + "\",\"subjectCode\":\"91450202MA5N000017\",\"category\":\"ADM_PENALTY\","
                + "\"state\":\"ACTIVE\",\"version\":2}";

        assertThat(JSON.readValue(rule, RecordFeedPayload.class).publicNow()).isNull();
    }
}
