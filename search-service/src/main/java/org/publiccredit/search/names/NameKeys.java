package org.publiccredit.search.names;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a subject's names are found by (the {@code names} object of its search document), computed here from the
 * name, the former names and the short names with the same rules the query side uses ({@link NameQuery}).
 *
 * @param exact the normalised name
 * @param former the normalised former names
 * @param keys the name without its legal form, also without its place words as far as something is left besides the
 *        industry word (广西柳工机械 / 柳工机械): an exact match of these ranks just below the exact name
 * @param formerKeys the same of the former names
 * @param trade the trade name (字号)
 * @param shortNames the registry's short names (简称), normalised
 * @param derived abbreviations made from the parts (place initial + trade or industry initial: 柳州钢铁 → 柳钢), ranked
 *        below every real match
 * @param core the name without its legal form, for bigram matching
 * @param formerCore the former names without their legal forms
 * @param pinyin the syllables of the core, space-separated, for bigram matching of syllables
 * @param initials the initials of the keys and of the trade name
 * @param pinyinKeys the pinyin of the keys and of the trade name, run together (liuzhougangtie, liugong)
 * @param suggest what the suggestion box completes, each with its weight ({@link Completion})
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record NameKeys(String exact, List<String> former, List<String> keys, List<String> formerKeys, String trade,
        List<String> shortNames, List<String> derived, String core, List<String> formerCore, String pinyin, List<String> initials,
        List<String> pinyinKeys, List<Completion> suggest) {

    /**
     * An input of Elasticsearch's completion suggester and its weight: the name and its keys first, then short names,
     * former names, pinyin and initials; within a kind, active and verified subjects and shorter inputs first.
     *
     * @param input the text completed
     * @param weight higher first
     */
    public record Completion(List<String> input, int weight) {

        static final int NAME = 100;
        static final int SHORT_NAME = 90;
        static final int FORMER_NAME = 60;
        static final int SPELLING = 40;

        static Completion of(String input, int kind, int standing) {
            int length = Math.min(input.codePointCount(0, input.length()), 40);
            return new Completion(List.of(input), kind + 10 * standing + (40 - length) / 4);
        }
    }

    /** The keys of a subject's names; null when it has no name. */
    public static NameKeys of(String name, List<String> formerNames, List<String> shortNames) {
        return of(name, formerNames, shortNames, 0);
    }

    /**
     * The keys of a subject's names; null when it has no name.
     *
     * @param standing 0-2, how far the subject is active and verified (suggested first)
     */
    public static NameKeys of(String name, List<String> formerNames, List<String> shortNames, int standing) {
        String n = NameText.normalize(name);
        if (n.isEmpty()) {
            return null;
        }
        CompanyName parts = CompanyName.parse(n);
        List<String> former = new ArrayList<>();
        List<String> formerKeys = new ArrayList<>();
        List<String> formerCore = new ArrayList<>();
        for (String f : formerNames == null ? List.<String>of() : formerNames) {
            String fn = NameText.normalize(f);
            if (!fn.isEmpty() && !fn.equals(n)) {
                CompanyName fp = CompanyName.parse(fn);
                former.add(fn);
                formerKeys.addAll(keys(fp));
                formerCore.add(fp.core());
            }
        }
        List<String> shorts = shortNames == null ? List.of()
                : shortNames.stream().map(NameText::normalize).filter(s -> !s.isEmpty()).distinct().toList();
        List<String> keys = keys(parts);
        List<String> syllables = NameText.pinyin(parts.core());
        Set<String> initials = new LinkedHashSet<>();
        Set<String> pinyinKeys = new LinkedHashSet<>();
        List<String> spelled = new ArrayList<>(keys);
        if (parts.trade() != null) {
            spelled.add(parts.trade());
        }
        for (String key : spelled) {
            List<String> p = NameText.pinyin(key);
            initials.add(NameText.initials(p));
            pinyinKeys.add(String.join("", p));
        }
        initials.remove("");
        pinyinKeys.remove("");
        Map<String, Completion> suggest = new LinkedHashMap<>();
        Set<String> names = new LinkedHashSet<>();
        names.add(n);
        names.addAll(keys);
        // a key the name opens with (its core: 广西柳工机械 of 广西柳工机械股份有限公司) completes nothing the name does not
        names.stream().filter(s -> s.equals(n) || !n.startsWith(s))
                .forEach(s -> suggest.putIfAbsent(s, Completion.of(s, Completion.NAME, standing)));
        shorts.forEach(s -> suggest.putIfAbsent(s, Completion.of(s, Completion.SHORT_NAME, standing)));
        former.forEach(s -> suggest.putIfAbsent(s, Completion.of(s, Completion.FORMER_NAME, standing)));
        String fullPinyin = String.join("", syllables);
        if (!fullPinyin.isEmpty()) {
            suggest.putIfAbsent(fullPinyin, Completion.of(fullPinyin, Completion.SPELLING, standing));
        }
        initials.forEach(s -> suggest.putIfAbsent(s, Completion.of(s, Completion.SPELLING, standing)));
        return new NameKeys(n, List.copyOf(former), keys, List.copyOf(new LinkedHashSet<>(formerKeys)), parts.trade(),
                shorts, derived(parts), parts.core(), List.copyOf(formerCore), String.join(" ", syllables), List.copyOf(initials),
                List.copyOf(pinyinKeys), List.copyOf(suggest.values()));
    }

    /** The same keys with nothing for the suggestion box. */
    public NameKeys withoutSuggestions() {
        return new NameKeys(exact, former, keys, formerKeys, trade, shortNames, derived, core, formerCore, pinyin, initials, pinyinKeys,
                List.of());
    }

    /**
     * The exact keys of a name: its core, and the core without its first place words as long as what is left still
     * opens with a place word or holds a trade name (广西梧州制药 → 梧州制药, never 制药; 广西柳工机械 → 柳工机械).
     */
    static List<String> keys(CompanyName p) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(p.core());
        String rest = p.core();
        for (int i = 0; i < p.regions().size(); i++) {
            rest = rest.substring(p.regions().get(i).length());
            if (i + 1 < p.regions().size() || p.trade() != null) {
                keys.add(rest);
            }
        }
        return List.copyOf(keys);
    }

    /**
     * Abbreviations people make of a name (简称): place initial + trade-name initial, place initial + industry
     * initial (柳州钢铁 → 柳钢), trade initial + industry initial, the trade name's first two characters.
     */
    static List<String> derived(CompanyName p) {
        Set<String> out = new LinkedHashSet<>();
        String place = p.regions().isEmpty() ? null : first(p.regions().getLast());
        String trade = p.trade() == null ? null : first(p.trade());
        String industry = p.industry() == null ? null : first(p.industry());
        if (place != null && trade != null) {
            out.add(place + trade);
        }
        if (place != null && industry != null) {
            out.add(place + industry);
        }
        if (trade != null && industry != null) {
            out.add(trade + industry);
        }
        if (p.trade() != null && p.trade().codePointCount(0, p.trade().length()) >= 3) {
            out.add(p.trade().substring(0, p.trade().offsetByCodePoints(0, 2)));
        }
        return List.copyOf(out);
    }

    private static String first(String s) {
        return s.substring(0, s.offsetByCodePoints(0, 1));
    }
}
