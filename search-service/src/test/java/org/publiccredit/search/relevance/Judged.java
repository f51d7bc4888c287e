package org.publiccredit.search.relevance;

import com.ibm.icu.text.Transliterator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.publiccredit.search.names.CompanyName;
import org.publiccredit.search.names.NameText;

/**
 * The judged queries of the relevance suite: for each real company of the {@link Corpus}, the ways people type its name,
 * each judged by the one subject it must find. A query that would be just as right for another subject of the corpus (two
 * companies with one core name) is left out: it has no single right answer.
 */
final class Judged {

    /**
     * A judged query.
     *
     * @param kind its class
     * @param text what is typed
     * @param code the subject it must find
     * @param expected that subject's name
     */
    record Query(String kind, String text, String code, String expected) {
    }

    /** Characters people type for another of the same sound (同音字): the typos of the homophone class. */
    private static final Map<Character, Character> HOMOPHONES = Map.ofEntries(Map.entry('州', '洲'), Map.entry('钢', '刚'),
            Map.entry('工', '公'), Map.entry('桂', '贵'), Map.entry('林', '琳'), Map.entry('宁', '凝'), Map.entry('药', '要'),
            Map.entry('业', '叶'), Map.entry('菱', '灵'), Map.entry('面', '棉'), Map.entry('针', '珍'), Map.entry('金', '今'),
            Map.entry('玉', '裕'), Map.entry('港', '岗'), Map.entry('湾', '弯'), Map.entry('电', '店'), Map.entry('力', '立'),
            Map.entry('糖', '唐'), Map.entry('机', '基'), Map.entry('华', '化'), Map.entry('锡', '席'), Map.entry('冠', '贯'),
            Map.entry('旅', '吕'), Map.entry('游', '由'), Map.entry('交', '娇'), Map.entry('通', '同'), Map.entry('证', '正'),
            Map.entry('券', '劝'), Map.entry('绿', '率'), Map.entry('城', '成'), Map.entry('水', '税'), Map.entry('务', '物'),
            Map.entry('博', '搏'), Map.entry('世', '市'), Map.entry('科', '可'), Map.entry('莱', '来'), Map.entry('茵', '因'),
            Map.entry('丰', '风'), Map.entry('木', '目'), Map.entry('皇', '黄'), Map.entry('福', '富'), Map.entry('达', '答'),
            Map.entry('中', '钟'), Map.entry('恒', '衡'), Map.entry('有', '友'), Map.entry('色', '瑟'), Map.entry('粤', '越'),
            Map.entry('能', '农'), Map.entry('源', '园'), Map.entry('银', '引'), Map.entry('行', '航'), Map.entry('投', '头'),
            Map.entry('资', '咨'), Map.entry('国', '果'), Map.entry('汽', '器'), Map.entry('车', '扯'), Map.entry('南', '楠'),
            Map.entry('丹', '单'), Map.entry('方', '芳'), Map.entry('川', '穿'), Map.entry('盛', '胜'), Map.entry('隆', '龙'),
            Map.entry('冶', '也'), Map.entry('北', '贝'), Map.entry('新', '心'), Map.entry('材', '才'), Map.entry('垦', '肯'),
            Map.entry('建', '健'), Map.entry('慧', '惠'), Map.entry('扬', '杨'), Map.entry('翔', '祥'), Map.entry('浦', '普'),
            Map.entry('西', '希'), Map.entry('江', '疆'), Map.entry('螺', '罗'), Map.entry('霸', '爸'), Map.entry('嗓', '桑'),
            Map.entry('漓', '离'), Map.entry('泉', '全'), Map.entry('神', '深'), Map.entry('信', '新'), Map.entry('锰', '猛'),
            Map.entry('铝', '旅'), Map.entry('谊', '益'), Map.entry('象', '向'), Map.entry('山', '衫'), Map.entry('百', '柏'),
            Map.entry('崇', '重'), Map.entry('钦', '亲'), Map.entry('防', '房'), Map.entry('贺', '鹤'), Map.entry('两', '俩'));

    private Judged() {
    }

    static List<Query> queries(Corpus corpus) {
        Transliterator traditional = Transliterator.getInstance("Simplified-Traditional");
        Map<String, Integer> cores = new HashMap<>();
        Map<String, Integer> trades = new HashMap<>();
        for (Corpus.Company c : concat(corpus.real(), corpus.lookAlikes())) {
            CompanyName p = CompanyName.parse(NameText.normalize(c.name()));
            cores.merge(p.core(), 1, Integer::sum);
            if (p.trade() != null) {
                trades.merge(p.trade(), 1, Integer::sum);
            }
        }
        List<Query> out = new ArrayList<>();
        for (Corpus.Company c : corpus.real()) {
            CompanyName p = CompanyName.parse(NameText.normalize(c.name()));
            boolean uniqueCore = cores.get(p.core()) == 1;
            Adder add = (kind, text) -> out.add(new Query(kind, text, c.code(), c.name()));
            add.add("exact", c.name());
            if (c.name().contains("（")) {
                add.add("exact, half-width brackets", c.name().replace('（', '(').replace('）', ')'));
            }
            if (uniqueCore) {
                for (String variant : formVariants(c.name())) {
                    add.add("another legal form", variant);
                }
                add.add("without the legal form", c.name().substring(0, c.name().length() - tailLength(c.name(), p)));
            }
            String t = traditional.transliterate(c.name());
            if (!t.equals(c.name())) {
                add.add("traditional characters", t);
            }
            if (p.trade() != null && !p.regions().isEmpty() && uniqueCore) {
                add.add("place + trade name", p.regions().getFirst() + p.trade());
            }
            String typo = homophoneTypo(p.core());
            if (typo != null && uniqueCore) {
                add.add("homophone typo", typo);
            }
            if (uniqueCore) {
                add.add("pinyin", String.join("", NameText.pinyin(p.core())));
                add.add("initials", NameText.initials(NameText.pinyin(p.core())));
            }
            for (String shortName : c.shortNames()) {
                add.add("short name", shortName);
            }
            if (c.formerName() != null) {
                add.add("former name", c.formerName());
            }
            String code = c.code();
            add.add("code with hyphen", code.substring(0, 8) + "-" + code.substring(8));
            add.add("code, lower case", code.toLowerCase());
            add.add("code, full-width", toFullWidth(code));
            add.add("organisation code", code.substring(8, 17));
            add.add("organisation code with hyphen", code.substring(8, 16) + "-" + code.charAt(16));
            add.add("code prefix", code.substring(0, 14));
        }
        return out;
    }

    private interface Adder {
        void add(String kind, String text);
    }

    /** The name with its legal form said another way: 股份 left out, 有限责任公司 for 有限公司 and back, 责任 added. */
    static Set<String> formVariants(String name) {
        Set<String> out = new LinkedHashSet<>();
        if (name.endsWith("股份有限公司")) {
            String head = name.substring(0, name.length() - "股份有限公司".length());
            out.add(head + "有限公司");
            out.add(head + "股份有限责任公司");
        } else if (name.endsWith("有限责任公司")) {
            out.add(name.substring(0, name.length() - "有限责任公司".length()) + "有限公司");
        } else if (name.endsWith("有限公司")) {
            out.add(name.substring(0, name.length() - "有限公司".length()) + "有限责任公司");
        }
        return out;
    }

    /** How many characters of the name its legal form takes (brackets included). */
    private static int tailLength(String name, CompanyName p) {
        int formChars = NameText.normalize(name).length() - p.core().length();
        int i = name.length();
        int seen = 0;
        while (i > 0 && seen < formChars) {
            i--;
            if (!NameText.normalize(String.valueOf(name.charAt(i))).isEmpty()) {
                seen++;
            }
        }
        return name.length() - i;
    }

    /** The core with one character typed as a homophone (the first one, after the place words, that has one listed). */
    private static String homophoneTypo(String core) {
        char[] chars = core.toCharArray();
        for (int i = chars.length > 2 ? 2 : 0; i < chars.length; i++) {
            Character other = HOMOPHONES.get(chars[i]);
            if (other != null && NameText.pinyin(String.valueOf(other)).equals(NameText.pinyin(String.valueOf(chars[i])))) {
                chars[i] = other;
                return new String(chars);
            }
        }
        return null;
    }

    private static String toFullWidth(String s) {
        StringBuilder out = new StringBuilder();
        for (char ch : s.toCharArray()) {
            out.append(ch >= '!' && ch <= '~' ? (char) (ch + 0xFEE0) : ch);
        }
        return out.toString();
    }

    private static List<Corpus.Company> concat(List<Corpus.Company> a, List<Corpus.Company> b) {
        List<Corpus.Company> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
