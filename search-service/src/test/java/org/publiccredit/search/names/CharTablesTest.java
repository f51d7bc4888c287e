package org.publiccredit.search.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CharTablesTest {

    @Test
    void theCommittedTableIsWhatIcu4jGives() throws IOException {
        try (InputStream in = CharTables.class.getResourceAsStream("/names/chars.tsv")) {
            assertThat(in).isNotNull();
            List<String> committed = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            assertThat(committed).as("names/chars.tsv is stale: run CharTablesSource (see its comment)")
                    .isEqualTo(CharTablesSource.lines());
        }
    }

    @Test
    void traditionalCharactersHaveTheirSimplifiedFormAndEveryCharacterItsReading() {
        assertThat(CharTables.simplified('鋼')).isEqualTo('钢');
        assertThat(CharTables.simplified('柳')).isEqualTo('柳');
        assertThat(CharTables.pinyin('柳')).isEqualTo("liu");
        assertThat(CharTables.pinyin('a')).isNull();
        assertThat(CharTables.SYLLABLES).contains("liu", "zhou", "zhuang", "a", "er").hasSizeGreaterThan(380);
    }
}
