package org.publiccredit.search.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CompanyNameTest {

    private static CompanyName parse(String name) {
        return CompanyName.parse(NameText.normalize(name));
    }

    @Test
    void aNameIsCutIntoPlaceTradeNameIndustryAndLegalForm() {
        CompanyName p = parse("广西柳工机械股份有限公司");
        assertThat(p.regions()).containsExactly("广西");
        assertThat(p.trade()).isEqualTo("柳工");
        assertThat(p.industry()).isEqualTo("机械");
        assertThat(p.form()).isEqualTo("股份有限公司");
        assertThat(p.core()).isEqualTo("广西柳工机械");
    }

    @Test
    void legalFormsThatMeanTheSameAreOne() {
        assertThat(parse("柳州两面针股份有限责任公司").core()).isEqualTo(parse("柳州两面针股份有限公司").core());
        assertThat(parse("广西柳工机械有限责任公司").form()).isEqualTo("有限公司");
        assertThat(parse("广西梧州制药（集团）股份有限公司").form()).isEqualTo("集团股份有限公司");
        assertThat(parse("广西梧州制药（集团）股份有限公司").regions()).containsExactly("广西", "梧州");
    }

    @Test
    void aNameWithoutATradeNameBesidesItsPlaceHasNone() {
        CompanyName p = parse("柳州钢铁股份有限公司");
        assertThat(p.trade()).isNull();
        assertThat(p.industry()).isEqualTo("钢铁");
        assertThat(NameKeys.keys(p)).containsExactly("柳州钢铁");
        assertThat(NameKeys.derived(p)).containsExactly("柳钢");
    }

    @Test
    void placeWordsWithTheirSuffixAndBranchesAreCut() {
        CompanyName p = parse("柳州市城中区示范餐馆");
        assertThat(p.regions()).containsExactly("柳州市", "城中区");
        assertThat(p.trade()).isEqualTo("示范餐馆");
        assertThat(parse("广西示范物流有限公司柳州分公司").core()).isEqualTo("广西示范物流");
        assertThat(parse("南宁").regions()).isEmpty();
    }

    @Test
    void keysDropPlaceWordsOnlyWhileSomethingBesidesTheIndustryIsLeft() {
        assertThat(NameKeys.keys(parse("广西柳工机械股份有限公司"))).containsExactly("广西柳工机械", "柳工机械");
        assertThat(NameKeys.keys(parse("广西梧州制药（集团）股份有限公司"))).containsExactly("广西梧州制药", "梧州制药");
        NameKeys k = NameKeys.of("广西柳工机械股份有限公司", List.of("柳州工程机械厂"), List.of("柳工"));
        assertThat(k.exact()).isEqualTo("广西柳工机械股份有限公司");
        assertThat(k.trade()).isEqualTo("柳工");
        assertThat(k.shortNames()).containsExactly("柳工");
        assertThat(k.pinyinKeys()).contains("guangxiliugongjixie", "liugong");
        assertThat(k.initials()).contains("gxlgjx", "lg");
        assertThat(k.formerKeys()).contains("柳州工程机械厂");
        assertThat(k.suggest()).extracting(c -> c.input().getFirst())
                .contains("广西柳工机械股份有限公司", "柳工机械", "柳工", "guangxiliugongjixie", "柳州工程机械厂");
        assertThat(k.suggest().getFirst().weight()).as("the name before its spellings").isGreaterThan(k.suggest().getLast().weight());
        assertThat(NameKeys.of("广西柳工机械股份有限公司", List.of(), List.of(), 2).suggest().getFirst().weight())
                .as("active and verified first").isGreaterThan(k.suggest().getFirst().weight());
        assertThat(k.withoutSuggestions().suggest()).isEmpty();
    }

    @Test
    void aQueryIsReadWithTheSameRules() {
        NameQuery q = NameQuery.of("广西柳工");
        assertThat(q.core()).isEqualTo("广西柳工");
        assertThat(q.trades()).contains("柳工");
        NameQuery typed = NameQuery.of("LiuGong");
        assertThat(typed.typedPinyin()).isTrue();
        assertThat(typed.pinyin()).containsExactly("liu", "gong");
        assertThat(NameQuery.of("lzgt").initials()).isEqualTo("lzgt");
        assertThat(NameQuery.of("lzgt").typedPinyin()).isFalse();
        assertThat(NameQuery.of("柳洲钢铁").pinyin()).containsExactly("liu", "zhou", "gang", "tie");
        assertThat(NameQuery.of("柳洲钢铁").pairsSyllables()).as("Chinese text: its pinyin as a whole only").isFalse();
        assertThat(NameQuery.of("liuzhougangtie").pairsSyllables()).isTrue();
        assertThat(NameQuery.of("（）")).isNull();
    }

    @Test
    void highlightsMarkWhatMatchedInTheNameAsWritten() {
        assertThat(Highlight.mark("广西梧州制药（集团）股份有限公司", NameQuery.of("梧州制药集团")))
                .isEqualTo("广西<em>梧州制药（集团</em>）股份有限公司");
        assertThat(Highlight.mark("柳州鋼鐵股份有限公司", NameQuery.of("柳州钢铁"))).isEqualTo("<em>柳州鋼鐵</em>股份有限公司");
        assertThat(Highlight.mark("<b>柳州</b>", NameQuery.of("柳州"))).isEqualTo("&lt;b&gt;<em>柳州</em>&lt;/b&gt;");
        assertThat(Highlight.mark("柳州钢铁", NameQuery.of("南宁"))).isNull();
    }
}
