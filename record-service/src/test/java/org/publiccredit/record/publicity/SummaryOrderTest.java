package org.publiccredit.record.publicity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SummaryOrderTest {

    @Test
    void uuidsCompareAsTheirTextDoesWhichIsPostgresqlsOrder() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            // high bits set half the time: a signed comparison would get those wrong
            UUID a = new UUID(random.nextLong(), random.nextLong());
            UUID b = i % 3 == 0 ? new UUID(a.getMostSignificantBits(), random.nextLong()) : new UUID(random.nextLong(), random.nextLong());
            assertThat(Integer.signum(SummaryService.asPostgresqlOrders(a, b)))
                    .isEqualTo(Integer.signum(a.toString().compareTo(b.toString())));
        }
        UUID id = UUID.randomUUID();
        assertThat(SummaryService.asPostgresqlOrders(id, UUID.fromString(id.toString()))).isZero();
    }
}
