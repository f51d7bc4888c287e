package org.publiccredit.search.names;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A search text read with the rules of the names it is compared with ({@link NameKeys}).
 *
 * @param normalized the normalised text
 * @param core the text without a legal form
 * @param bodies the core without its place words (as far as a trade name is left): a weaker key than the core
 * @param trades what may equal a trade name: the text without place words, and its trade name
 * @param pinyin the syllables to match a name's pinyin with: those of the Chinese text, or the typed pinyin cut into
 *        syllables; empty when neither
 * @param typedPinyin whether the text was typed in pinyin (Latin letters that cut into syllables)
 * @param initials the text as initials (Latin letters only, 2-12 of them), else null
 */
public record NameQuery(String normalized, String core, List<String> bodies, List<String> trades, List<String> pinyin,
        boolean typedPinyin, String initials) {

    private static final int MAX_INITIALS = 12;

    /**
     * Whether the pinyin's syllable pairs are matched: for typed pinyin only. Chinese text is matched by its characters'
     * bigrams, and by its whole pinyin against the names' keys (柳洲钢铁 → 柳州钢铁); its syllable pairs would add little
     * and cost much (liuzhou is in every 柳州 name: a 5-character query tripled Elasticsearch's time at 1 M subjects).
     */
    public boolean pairsSyllables() {
        return typedPinyin;
    }

    /** The query of a text; null when nothing comparable is left of it. */
    public static NameQuery of(String text) {
        String n = NameText.normalize(text);
        if (n.isEmpty()) {
            return null;
        }
        boolean latin = n.chars().allMatch(c -> c >= 'a' && c <= 'z');
        if (latin) {
            Optional<List<String>> typed = NameText.syllables(n);
            String initials = n.length() >= 2 && n.length() <= MAX_INITIALS ? n : null;
            return new NameQuery(n, n, List.of(), List.of(n), typed.orElse(List.of()), typed.isPresent(), initials);
        }
        CompanyName p = CompanyName.parse(n);
        Set<String> bodies = new LinkedHashSet<>(NameKeys.keys(p));
        bodies.remove(p.core());
        Set<String> trades = new LinkedHashSet<>();
        trades.add(p.body());
        if (p.trade() != null) {
            trades.add(p.trade());
        }
        List<String> pinyin = p.core().codePointCount(0, p.core().length()) >= 2 ? NameText.pinyin(p.core()) : List.of();
        return new NameQuery(n, p.core(), List.copyOf(bodies), List.copyOf(trades), pinyin, false, null);
    }
}
