package org.publiccredit.commons.id;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Administrative division codes (行政区划代码, GB/T 2260) as listed in the data resource {@code regions.tsv}
 * ({@code code<TAB>name[<TAB>historical]}).
 *
 * <p>Rule: a six-digit code is <em>known</em> when
 * <ol>
 * <li>its province {@code NN0000} is listed, and</li>
 * <li>if the file lists any prefecture of that province, its first four digits are a listed prefecture
 *     ({@code NNMM00}), or the prefecture digits are {@code 00} and then the county digits must be {@code 00} too;</li>
 * <li>its county digits are checked only when the file lists counties of that prefecture: then the code must
 *     be listed or end in {@code 00}.</li>
 * </ol>
 * The national code {@code 100000} (central authorities) is known only as itself. Historical codes (abolished
 * divisions that older identifiers still carry) are known but not returned by {@link #countiesOf(String)}.
 */
public final class Regions {

    /** The code of central (national) authorities. */
    public static final String NATIONAL = "100000";

    private static final Data DATA = Data.load();
    private static final boolean[] PROVINCE_FLAGS = provinceFlags();

    private Regions() {
    }

    /** Whether the six-digit code is known by the rule above; false for null or anything but six digits. */
    public static boolean known(String code6) {
        if (code6 == null || code6.length() != 6 || !digits(code6, 0, 6)) {
            return false;
        }
        if (NATIONAL.equals(code6)) {
            return true;
        }
        String province = code6.substring(0, 2);
        if (!DATA.provinces.contains(province)) {
            return false;
        }
        boolean prefectureZero = code6.charAt(2) == '0' && code6.charAt(3) == '0';
        boolean countyZero = code6.charAt(4) == '0' && code6.charAt(5) == '0';
        if (prefectureZero) {
            return countyZero;
        }
        String prefecture = code6.substring(0, 4);
        if (DATA.provincesWithPrefectures.contains(province) && !DATA.prefectures.contains(prefecture)) {
            return false;
        }
        return countyZero || !DATA.prefecturesWithCounties.contains(prefecture) || DATA.names.containsKey(code6);
    }

    /** The name of a listed code (e.g. "柳州市" for 450200); empty for a code not listed, even if known. */
    public static Optional<String> name(String code6) {
        return code6 == null ? Optional.empty() : Optional.ofNullable(DATA.names.get(code6));
    }

    /**
     * The current county-level codes listed for a prefecture (e.g. "4502" for Liuzhou), sorted; historical codes
     * are left out. Empty when the file lists no counties for it.
     */
    public static List<String> countiesOf(String prefecture4) {
        if (prefecture4 == null) {
            return List.of();
        }
        return DATA.currentCounties.getOrDefault(prefecture4, List.of());
    }

    /** Whether the two digits are a listed province (the national code does not count). */
    static boolean provinceKnown(char first, char second) {
        if (first < '0' || first > '9' || second < '0' || second > '9') {
            return false;
        }
        return PROVINCE_FLAGS[(first - '0') * 10 + (second - '0')];
    }

    private static boolean[] provinceFlags() {
        boolean[] flags = new boolean[100];
        for (String province : DATA.provinces) {
            flags[Integer.parseInt(province)] = true;
        }
        return flags;
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private record Data(Map<String, String> names, Set<String> provinces, Set<String> provincesWithPrefectures,
                        Set<String> prefectures, Set<String> prefecturesWithCounties, Map<String, List<String>> currentCounties) {

        static Data load() {
            Map<String, String> names = new HashMap<>();
            Set<String> provinces = new HashSet<>();
            Set<String> provincesWithPrefectures = new HashSet<>();
            Set<String> prefectures = new HashSet<>();
            Set<String> prefecturesWithCounties = new HashSet<>();
            Map<String, List<String>> counties = new HashMap<>();
            for (String[] row : Tsv.read("regions.tsv")) {
                String code = row[0].strip();
                if (code.length() != 6 || !digits(code, 0, 6) || row.length < 2) {
                    throw new IllegalStateException("regions.tsv: bad line " + String.join("|", row));
                }
                boolean historical = row.length > 2 && "historical".equals(row[2].strip());
                names.put(code, row[1].strip());
                if (code.equals(NATIONAL)) {
                    continue;
                }
                String province = code.substring(0, 2);
                String prefecture = code.substring(0, 4);
                boolean prefectureZero = code.startsWith("00", 2);
                boolean countyZero = code.startsWith("00", 4);
                if (prefectureZero && countyZero) {
                    provinces.add(province);
                } else if (countyZero) {
                    provincesWithPrefectures.add(province);
                    prefectures.add(prefecture);
                } else if (!prefectureZero) {
                    prefecturesWithCounties.add(prefecture);
                    if (!historical) {
                        counties.computeIfAbsent(prefecture, k -> new ArrayList<>()).add(code);
                    }
                } else {
                    throw new IllegalStateException("regions.tsv: county without prefecture " + code);
                }
            }
            Map<String, List<String>> currentCounties = new HashMap<>();
            counties.forEach((k, v) -> currentCounties.put(k, v.stream().sorted().toList()));
            return new Data(Map.copyOf(names), Set.copyOf(provinces), Set.copyOf(provincesWithPrefectures),
                    Set.copyOf(prefectures), Set.copyOf(prefecturesWithCounties), Map.copyOf(currentCounties));
        }
    }
}
