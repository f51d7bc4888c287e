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
    /** Syllable pairs of fewer syllables are matched as a whole only: homophones of two characters are noise (柳州 ≈ 六洲). */
    private static final int MIN_SYLLABLES_PAIRED = 3;

    /** Whether the pinyin's syllable pairs are matched (typed pinyin, or Chinese text of three syllables or more). */
    public boolean pairsSyllables() {
        return typedPinyin || pinyin.size() >= MIN_SYLLABLES_PAIRED;
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
