package org.publiccredit.search.names;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The per-character tables of {@code names/chars.tsv} (generated from ICU4J, see {@code CharTablesSource} in the
 * tests): the simplified form of a traditional character and the pinyin (no tones) of a Chinese character.
 */
final class CharTables {

    private static final Map<Integer, Integer> SIMPLIFIED = new HashMap<>(8_192);
    private static final Map<Integer, String> PINYIN = new HashMap<>(40_000);
    /** Every syllable the table knows: what a typed pinyin string is cut into. */
    static final Set<String> SYLLABLES = new HashSet<>();

    static {
        try (InputStream in = CharTables.class.getResourceAsStream("/names/chars.tsv")) {
            if (in == null) {
                throw new IllegalStateException("names/chars.tsv is missing from the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                int cp = Integer.parseInt(f[0], 16);
                if (!f[1].isEmpty()) {
                    SIMPLIFIED.put(cp, f[1].codePointAt(0));
                }
                if (!f[2].isEmpty()) {
                    String p = f[2].intern();
                    PINYIN.put(cp, p);
                    SYLLABLES.add(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CharTables() {
    }

    /** The simplified form of a character (itself when it has none). */
    static int simplified(int cp) {
        return SIMPLIFIED.getOrDefault(cp, cp);
    }

    /** The pinyin of a (simplified) Chinese character, or null. */
    static String pinyin(int cp) {
        return PINYIN.get(cp);
    }
}
