package org.publiccredit.record.creditrecord;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RecordIdsTest {

    @Test
    void anIdIsVersion7WithTheMillisecondFirst() {
        UUID id = RecordIds.at(0x0190_1234_5678L, -1L, -1L);

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.toString()).startsWith("01901234-5678-7fff-bfff-");
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(0x0190_1234_5678L);
    }

    @Test
    void idsOfLaterMillisecondsSortAfterEarlierOnesAsPostgresqlAndTheirTextSortThem() {
        List<UUID> ids = new ArrayList<>();
        for (long ms = 1_700_000_000_000L; ms < 1_700_000_000_050L; ms++) {
            ids.add(RecordIds.at(ms, ms * 31, -ms));
        }
        for (int i = 1; i < ids.size(); i++) {
            // PostgreSQL orders uuids by their unsigned bytes, which is the order of their text
            assertThat(ids.get(i).toString()).isGreaterThan(ids.get(i - 1).toString());
        }
    }

    @Test
    void newIdsAreDistinctVersion7Ids() {
        UUID a = RecordIds.next();
        UUID b = RecordIds.next();

        assertThat(a).isNotEqualTo(b);
        assertThat(List.of(a.version(), b.version())).containsOnly(7);
        assertThat(Math.abs((a.getMostSignificantBits() >>> 16) - System.currentTimeMillis())).isLessThan(60_000L);
    }
}
