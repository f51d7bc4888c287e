package org.publiccredit.commons.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void aSafeIdIsKeptAndAnUnsafeOrMissingOneIsReplaced() {
        assertThat(RequestIds.acceptOrCreate("abc-123.x:y_z")).isEqualTo("abc-123.x:y_z");
        assertThat(RequestIds.acceptOrCreate("bad\r\nid")).isNotEqualTo("bad\r\nid").hasSize(36);
        assertThat(RequestIds.acceptOrCreate("x".repeat(65))).hasSize(36);
        assertThat(RequestIds.acceptOrCreate(null)).hasSize(36);
    }

    @Test
    void newIdsAreVersion4UuidsAndDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            String id = RequestIds.create();
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(uuid.toString()).isEqualTo(id);
            seen.add(id);
        }
        assertThat(seen).hasSize(100_000);
    }
}
