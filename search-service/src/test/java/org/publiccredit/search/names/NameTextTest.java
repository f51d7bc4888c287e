package org.publiccredit.search.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NameTextTest {

    @Test
    void normalisingFoldsWidthScriptCaseSpacingAndPunctuation() {
        assertThat(NameText.normalize("广西梧州制药（集团）股份有限公司")).isEqualTo("广西梧州制药集团股份有限公司");
        assertThat(NameText.normalize("广西梧州制药(集团)股份有限公司")).isEqualTo("广西梧州制药集团股份有限公司");
        assertThat(NameText.normalize("柳州鋼鐵股份有限公司")).isEqualTo("柳州钢铁股份有限公司");
        assertThat(NameText.normalize(" ＡＢＣ　Tech·柳州 ")).isEqualTo("abctech柳州");
        assertThat(NameText.normalize("“—”、。")).isEmpty();
        assertThat(NameText.normalize(null)).isEmpty();
    }

    @Test
    void pinyinHasASyllablePerCharacterWithTheReadingsNamesUse() {
        assertThat(NameText.pinyin("柳州钢铁")).containsExactly("liu", "zhou", "gang", "tie");
        assertThat(NameText.pinyin("柳洲钢铁")).isEqualTo(NameText.pinyin("柳州钢铁"));
        assertThat(NameText.pinyin("桂林银行")).containsExactly("gui", "lin", "yin", "hang");
        assertThat(NameText.pinyin("重庆长安")).containsExactly("chong", "qing", "chang", "an");
        assertThat(NameText.pinyin("abc科技")).containsExactly("abc", "ke", "ji");
        assertThat(NameText.initials(NameText.pinyin("柳州钢铁"))).isEqualTo("lzgt");
    }

    @Test
    void typedPinyinIsCutIntoSyllables() {
        assertThat(NameText.syllables("liugong")).contains(List.of("liu", "gong"));
        assertThat(NameText.syllables("liuzhougangtie")).contains(List.of("liu", "zhou", "gang", "tie"));
        assertThat(NameText.syllables("guangxi")).contains(List.of("guang", "xi"));
        assertThat(NameText.syllables("lzgt")).isEmpty();
        assertThat(NameText.syllables("liu2")).isEmpty();
    }
}
