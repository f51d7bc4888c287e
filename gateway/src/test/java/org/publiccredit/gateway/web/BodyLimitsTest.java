package org.publiccredit.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class BodyLimitsTest {

    private final BodyLimits limits = new BodyLimits(List.of(
            new BodyLimits.Rule("/api/v1/records:batch", DataSize.ofMegabytes(256)),
            new BodyLimits.Rule("/api/v1/cases/*/attachments", DataSize.ofMegabytes(52)),
            new BodyLimits.Rule("/api/v1/subjects/**", DataSize.ofKilobytes(64))), null);

    @Test
    void theFirstMatchingRuleDecidesAndEverythingElseGetsTheDefault() {
        assertThat(limits.limitFor("/api/v1/records:batch")).isEqualTo(256L * 1024 * 1024);
        assertThat(limits.limitFor("/api/v1/cases/0d6f/attachments")).isEqualTo(52L * 1024 * 1024);
        assertThat(limits.limitFor("/api/v1/subjects/lookup")).isEqualTo(64L * 1024);
        assertThat(limits.limitFor("/api/v1/records")).isEqualTo(1024L * 1024);
    }
}
