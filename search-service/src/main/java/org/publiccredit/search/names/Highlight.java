package org.publiccredit.search.names;

import java.util.List;

/**
 * Marks in a name what a query matched, by the names' own rules: the characters of the name whose normalised forms
 * make up a bigram (or, for a one-character query, the character) of the normalised query. So 柳州鋼鐵 is marked for
 * 柳州钢铁, and （集团） for 制药(集团). The answer is HTML: {@code <em>} around the marked runs, everything else escaped.
 */
public final class Highlight {

    private Highlight() {
    }

    /** The marked name, or null when nothing of it matched. */
    public static String mark(String name, NameQuery query) {
        if (name == null || query == null || query.normalized().isEmpty()) {
            return null;
        }
        int[] cps = name.codePoints().toArray();
        int[] norm = new int[cps.length];
        for (int i = 0; i < cps.length; i++) {
            norm[i] = NameText.normalizeChar(cps[i]);
        }
        // the comparable characters of the name, with where each came from
        int[] at = new int[cps.length];
        int[] chars = new int[cps.length];
        int n = 0;
        for (int i = 0; i < cps.length; i++) {
            if (norm[i] >= 0) {
                chars[n] = norm[i];
                at[n++] = i;
            }
        }
        int[] q = query.normalized().codePoints().toArray();
        boolean[] marked = new boolean[cps.length];
        boolean any = false;
        if (q.length == 1) {
            for (int j = 0; j < n; j++) {
                if (chars[j] == q[0]) {
                    marked[at[j]] = true;
                    any = true;
                }
            }
        }
        for (int k = 0; k + 1 < q.length; k++) {
            for (int j = 0; j + 1 < n; j++) {
                if (chars[j] == q[k] && chars[j + 1] == q[k + 1]) {
                    for (int x = at[j]; x <= at[j + 1]; x++) {
                        marked[x] = true; // with the brackets or spaces between the two
                    }
                    any = true;
                }
            }
        }
        return any ? html(cps, marked) : null;
    }

    /** Each name that matched, marked. */
    public static List<String> markAll(List<String> names, NameQuery query) {
        if (names == null) {
            return List.of();
        }
        return names.stream().map(name -> mark(name, query)).filter(m -> m != null).toList();
    }

    private static String html(int[] cps, boolean[] marked) {
        StringBuilder out = new StringBuilder(cps.length + 16);
        for (int i = 0; i < cps.length; i++) {
            if (marked[i] && (i == 0 || !marked[i - 1])) {
                out.append("<em>");
            }
            switch (cps[i]) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.appendCodePoint(cps[i]);
            }
            if (marked[i] && (i + 1 == cps.length || !marked[i + 1])) {
                out.append("</em>");
            }
        }
        return out.toString();
    }
}
