package org.publiccredit.search.names;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The parts of an organisation's name (企业名称 = 行政区划 + 字号 + 行业 + 组织形式), cut from its normalised form
 * ({@link NameText#normalize}): 广西柳工机械股份有限公司 → regions [广西], trade name 柳工, industry 机械, legal form
 * 股份有限公司, core (the name without its legal form) 广西柳工机械. The word lists are resources of this package:
 * {@code regions.txt} (with every division name of commons' {@code regions.tsv}), {@code forms.txt},
 * {@code industries.txt}. A part that cannot be told is null (柳州钢铁: no trade name besides the place).
 *
 * @param full the whole normalised name
 * @param core the name without its legal form(s)
 * @param regions the place words it opens with, in order
 * @param body the core without the place words
 * @param trade the trade name (字号), or null
 * @param industry the industry word, or null
 * @param form the legal form(s), canonical (有限责任公司 → 有限公司), or null
 */
public record CompanyName(String full, String core, List<String> regions, String body, String trade, String industry, String form) {

    private static final Set<String> REGIONS = new HashSet<>();
    private static final Map<String, String> FORMS = new LinkedHashMap<>();
    private static final Set<String> INDUSTRIES = new HashSet<>();
    private static final List<String> REGION_SUFFIXES = List.of("壮族自治区", "回族自治区", "维吾尔自治区", "特别行政区", "自治区", "自治县",
            "省", "市", "县", "区");
    private static final Set<String> BRANCH_FORMS = Set.of("分公司", "分行", "支行", "营业部", "经营部", "门市部", "分店", "办事处");
    private static final int LONGEST_REGION = 7;
    private static final int LONGEST_INDUSTRY = 5;
    /** What must be left of a name when a part is cut off. */
    private static final int MIN_LEFT = 2;

    static {
        lines("/names/regions.txt", line -> {
            for (String w : line.split("\\s+")) {
                REGIONS.add(NameText.normalize(w));
            }
        });
        lines("/org/publiccredit/commons/id/regions.tsv", line -> {
            String[] f = line.split("\t");
            if (f.length >= 2 && !f[1].isBlank()) {
                String name = NameText.normalize(f[1]);
                REGIONS.add(name);
                String shortName = withoutRegionSuffix(name);
                if (shortName.length() >= 2) {
                    REGIONS.add(shortName);
                }
            }
        });
        REGIONS.removeAll(Set.of("市辖区", "郊区", "中华人民共和国中央", ""));
        List<String[]> forms = new ArrayList<>();
        lines("/names/forms.txt", line -> forms.add(line.split("\t")));
        forms.sort(Comparator.comparingInt((String[] f) -> f[0].length()).reversed());
        forms.forEach(f -> FORMS.put(f[0], f[1]));
        lines("/names/industries.txt", line -> {
            for (String w : line.split("\\s+")) {
                INDUSTRIES.add(w);
            }
        });
    }

    /** The parts of a normalised name. */
    public static CompanyName parse(String normalized) {
        String core = normalized;
        List<String> forms = new ArrayList<>(2);
        boolean cut = true;
        while (cut) {
            cut = false;
            for (Map.Entry<String, String> f : FORMS.entrySet()) {
                if (core.endsWith(f.getKey()) && core.length() - f.getKey().length() >= MIN_LEFT) {
                    core = core.substring(0, core.length() - f.getKey().length());
                    forms.addFirst(f.getValue());
                    if (BRANCH_FORMS.contains(f.getKey())) {
                        core = withoutTrailingRegion(core);
                    }
                    cut = true;
                    break;
                }
            }
        }
        List<String> regions = new ArrayList<>(2);
        String body = core;
        for (String region = leadingRegion(body); region != null; region = leadingRegion(body)) {
            regions.add(region);
            body = body.substring(region.length());
        }
        String industry = null;
        for (int len = Math.min(LONGEST_INDUSTRY, body.length()); len >= 2; len--) {
            String tail = body.substring(body.length() - len);
            if (INDUSTRIES.contains(tail)) {
                industry = tail;
                break;
            }
        }
        String trade = industry == null ? body : body.substring(0, body.length() - industry.length());
        return new CompanyName(normalized, core, List.copyOf(regions), body, trade.isEmpty() ? null : trade, industry,
                forms.isEmpty() ? null : String.join("", forms));
    }

    /** The place word (with its 省/市/县/区 suffix when it has one) that opens the text, if enough is left after it. */
    private static String leadingRegion(String text) {
        for (int len = Math.min(LONGEST_REGION, text.length() - MIN_LEFT); len >= 2; len--) {
            String head = text.substring(0, len);
            if (REGIONS.contains(head)) {
                for (String suffix : REGION_SUFFIXES) {
                    if (text.startsWith(suffix, len) && text.length() - len - suffix.length() >= MIN_LEFT) {
                        return head + suffix;
                    }
                }
                return head;
            }
        }
        return null;
    }

    private static String withoutTrailingRegion(String text) {
        for (String suffix : REGION_SUFFIXES) {
            if (text.endsWith(suffix)) {
                String head = text.substring(0, text.length() - suffix.length());
                for (int len = Math.min(LONGEST_REGION, head.length() - MIN_LEFT); len >= 2; len--) {
                    if (REGIONS.contains(head.substring(head.length() - len))) {
                        return head.substring(0, head.length() - len);
                    }
                }
            }
        }
        for (int len = Math.min(LONGEST_REGION, text.length() - MIN_LEFT); len >= 2; len--) {
            if (REGIONS.contains(text.substring(text.length() - len))) {
                return text.substring(0, text.length() - len);
            }
        }
        return text;
    }

    private static String withoutRegionSuffix(String name) {
        for (String suffix : REGION_SUFFIXES) {
            if (name.endsWith(suffix) && name.length() > suffix.length()) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }

    private static void lines(String resource, Consumer<String> each) {
        try (InputStream in = CompanyName.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    each.accept(line.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
