package org.publiccredit.commons.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogSafeTest {

    @Test
    void masksIdentifierShapedSegmentsAndKeepsTheRest() {
        assertThat(LogSafe.path("/api/v1/identifiers/450202199001011237"))
                .isEqualTo("/api/v1/identifiers/4502****1237")
                .doesNotContain("199001011");
        assertThat(LogSafe.path("/api/v1/subjects/91450200MA5K00012P/records")).as("a valid USCC is public")
                .isEqualTo("/api/v1/subjects/91450200MA5K00012P/records");
        assertThat(LogSafe.path("/api/v1/subjects/91450200MA5K00012X/records")).as("not a valid USCC: it may be a typed id number")
                .doesNotContain("91450200MA5K00012X");
        assertThat(LogSafe.path("/api/v1/subjects/450202900101123")).as("a 15-digit id number").isEqualTo("/api/v1/subjects/4502****1123");
        assertThat(LogSafe.path("/api/v1/search")).isEqualTo("/api/v1/search");
        assertThat(LogSafe.path("/api/v1/records:batch")).isEqualTo("/api/v1/records:batch");
    }

    @Test
    void removesLineBreaksSoNoLineCanBeForged() {
        assertThat(LogSafe.path("/a\r\nINFO fake line")).doesNotContain("\n").doesNotContain("\r");
        assertThat(LogSafe.path(null)).isEqualTo("-");
    }

    @Test
    void requestIdsAreKeptOnlyWhenSafe() {
        assertThat(RequestIds.acceptOrCreate("abc-123")).isEqualTo("abc-123");
        assertThat(RequestIds.acceptOrCreate("abc\r\n123")).isNotEqualTo("abc\r\n123").hasSize(36);
        assertThat(RequestIds.acceptOrCreate(null)).hasSize(36);
        assertThat(RequestIds.acceptOrCreate("x".repeat(65))).hasSize(36);
    }
}
