package org.publiccredit.search.names;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The text rules of names, applied alike to what is indexed and to what is searched (the Elasticsearch distribution
 * here has no ICU, smartcn or pinyin plugin, so this is done in Java on both sides):
 * <ul>
 *   <li>{@link #normalize}: NFKC (full-width letters, digits and brackets → half-width), traditional → simplified,
 *       lower case, and only letters and digits kept (spacing, punctuation and brackets go: 制药(集团) = 制药（集团） =
 *       制药集团);</li>
 *   <li>{@link #pinyin}: a syllable per Chinese character (the common reading, with a few word and character readings
 *       of place and trade words set here), so homophone typos (柳洲钢铁) meet the name (柳州钢铁);</li>
 *   <li>{@link #syllables}: a typed pinyin string (liugong, liuzhougangtie) cut into syllables.</li>
 * </ul>
 */
public final class NameText {

    /** Readings of words that differ from their characters' common readings. */
    private static final Map<String, List<String>> WORDS = Map.ofEntries(
            Map.entry("银行", List.of("yin", "hang")), Map.entry("商行", List.of("shang", "hang")),
            Map.entry("车行", List.of("che", "hang")), Map.entry("行业", List.of("hang", "ye")),
            Map.entry("重庆", List.of("chong", "qing")), Map.entry("大厦", List.of("da", "sha")),
            Map.entry("音乐", List.of("yin", "yue")), Map.entry("乐器", List.of("yue", "qi")),
            Map.entry("西藏", List.of("xi", "zang")), Map.entry("宝藏", List.of("bao", "zang")),
            Map.entry("成长", List.of("cheng", "zhang")), Map.entry("董事长", List.of("dong", "shi", "zhang")));
    /** Characters whose reading in names is not the table's. */
    private static final Map<Integer, String> CHARS = Map.of((int) '长', "chang", (int) '都', "du", (int) '厦', "xia");
    private static final int LONGEST_SYLLABLE = 6;

    private NameText() {
    }

    /** The comparable form of a name or a query; empty when nothing comparable is left. */
    public static String normalize(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(nfkc.length());
        nfkc.codePoints().forEach(cp -> {
            if (Character.isLetterOrDigit(cp)) {
                out.appendCodePoint(Character.toLowerCase(CharTables.simplified(cp)));
            }
        });
        return out.toString();
    }

    /** The normalised form of one character, or -1 when normalising drops it (spacing, punctuation, brackets). */
    static int normalizeChar(int cp) {
        String nfkc = Normalizer.normalize(Character.toString(cp), Normalizer.Form.NFKC);
        if (nfkc.codePointCount(0, nfkc.length()) != 1) {
            String n = normalize(nfkc);
            return n.codePointCount(0, n.length()) == 1 ? n.codePointAt(0) : -1;
        }
        int c = nfkc.codePointAt(0);
        return Character.isLetterOrDigit(c) ? Character.toLowerCase(CharTables.simplified(c)) : -1;
    }

    /**
     * The pinyin of a normalised text: one syllable per Chinese character; a run of Latin letters or digits stays one
     * token. Characters without a reading are skipped.
     */
    public static List<String> pinyin(String normalized) {
        List<String> out = new ArrayList<>(normalized.length());
        int i = 0;
        while (i < normalized.length()) {
            int cp = normalized.codePointAt(i);
            if (cp < 0x80) {
                int end = i;
                while (end < normalized.length() && normalized.charAt(end) < 0x80) {
                    end++;
                }
                out.add(normalized.substring(i, end));
                i = end;
                continue;
            }
            if (i + 2 <= normalized.length()) {
                List<String> word = i + 3 <= normalized.length() ? WORDS.get(normalized.substring(i, i + 3)) : null;
                if (word == null) {
                    word = WORDS.get(normalized.substring(i, i + 2));
                }
                if (word != null) {
                    out.addAll(word);
                    i += word.size();
                    continue;
                }
            }
            String p = CHARS.getOrDefault(cp, CharTables.pinyin(cp));
            if (p != null) {
                out.add(p);
            }
            i += Character.charCount(cp);
        }
        return out;
    }

    /** The first letters of syllables: liu zhou gang tie → lzgt. */
    public static String initials(List<String> syllables) {
        StringBuilder out = new StringBuilder(syllables.size());
        for (String s : syllables) {
            if (!s.isEmpty()) {
                out.append(s.charAt(0));
            }
        }
        return out.toString();
    }

    /**
     * A typed Latin string (lower case letters only) cut into pinyin syllables, as few as possible; empty when it is
     * not pinyin. "liugong" → liu gong; "xian" → xian.
     */
    public static Optional<List<String>> syllables(String latin) {
        int n = latin.length();
        if (n == 0 || !latin.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
            return Optional.empty();
        }
        int[] best = new int[n + 1];
        int[] from = new int[n + 1];
        java.util.Arrays.fill(best, Integer.MAX_VALUE);
        best[0] = 0;
        for (int i = 0; i < n; i++) {
            if (best[i] == Integer.MAX_VALUE) {
                continue;
            }
            for (int len = 1; len <= LONGEST_SYLLABLE && i + len <= n; len++) {
                if (CharTables.SYLLABLES.contains(latin.substring(i, i + len)) && best[i] + 1 < best[i + len]) {
                    best[i + len] = best[i] + 1;
                    from[i + len] = i;
                }
            }
        }
        if (best[n] == Integer.MAX_VALUE) {
            return Optional.empty();
        }
        List<String> out = new ArrayList<>(best[n]);
        for (int end = n; end > 0; end = from[end]) {
            out.addFirst(latin.substring(from[end], end));
        }
        return Optional.of(out);
    }
}
