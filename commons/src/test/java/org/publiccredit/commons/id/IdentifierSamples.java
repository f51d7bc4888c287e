package org.publiccredit.commons.id;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** Generates valid identifiers and single mutations with the error code each must give. Deterministic (fixed seed). */
final class IdentifierSamples {

    static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    static final String FORBIDDEN = "IOSVZ";

    /** The GB 32100 table, written out independently of uscc-categories.tsv. */
    static final Map<Character, String> CATEGORIES = Map.ofEntries(
            Map.entry('1', "1239"), Map.entry('2', "19"), Map.entry('3', "12349"), Map.entry('4', "19"),
            Map.entry('5', "1239"), Map.entry('6', "129"), Map.entry('7', "129"), Map.entry('8', "19"),
            Map.entry('9', "123"), Map.entry('A', "19"), Map.entry('N', "1239"), Map.entry('Y', "1"));

    static final List<String> UNKNOWN_REGIONS = List.of("990000", "450299", "451500", "100100", "450012", "44030A", "110110");

    /** A valid code and a mutation of it. */
    record Mutation(String kind, String valid, String mutated, Set<String> expectedCodes) {
        @Override
        public String toString() {
            return kind + " " + Identifiers.mask(mutated) + " -> " + expectedCodes;
        }
    }

    private IdentifierSamples() {
    }

    static List<String> usccRegions() {
        List<String> regions = new ArrayList<>();
        regions.addAll(Regions.countiesOf("4502"));
        regions.addAll(Regions.countiesOf("4504"));
        regions.addAll(List.of("450200", "450400", "450000", "100000", "110105", "110119", "440300", "330100",
                "350100", "110000", "120101", "452200", "450221"));
        return regions;
    }

    static List<String> validUsccs(int count, long seed) {
        Random random = new Random(seed);
        List<Character> authorities = new ArrayList<>(CATEGORIES.keySet());
        authorities.sort(null);
        List<String> regions = usccRegions();
        Set<String> codes = new LinkedHashSet<>();
        while (codes.size() < count) {
            char authority = authorities.get(random.nextInt(authorities.size()));
            String categories = CATEGORIES.get(authority);
            char category = categories.charAt(random.nextInt(categories.length()));
            String region = regions.get(random.nextInt(regions.size()));
            StringBuilder org = new StringBuilder();
            boolean digitsOnly = random.nextInt(4) == 0;
            for (int i = 0; i < 8; i++) {
                org.append(digitsOnly ? (char) ('0' + random.nextInt(10)) : CHARSET.charAt(random.nextInt(CHARSET.length())));
            }
            codes.add(Uscc.of(authority, category, region, org.toString()).value());
        }
        return List.copyOf(codes);
    }

    static List<Mutation> usccMutations(List<String> valid, long seed) {
        Random random = new Random(seed);
        List<Mutation> out = new ArrayList<>();
        for (String code : valid) {
            // a forbidden letter anywhere
            int p = random.nextInt(18);
            out.add(new Mutation("uscc-forbidden", code, replace(code, p, FORBIDDEN.charAt(random.nextInt(5))), Set.of("USCC_FORBIDDEN_CHARACTER")));
            // another check character
            out.add(new Mutation("uscc-check", code, replace(code, 17, other(CHARSET, code.charAt(17), random)), Set.of("USCC_CHECK_DIGIT")));
            // an organisation code character changed, final check recomputed
            int q = 8 + random.nextInt(8);
            char replacement;
            do {
                replacement = other(CHARSET, code.charAt(q), random);
            } while (Math.floorMod(orgValue(replacement) - orgValue(code.charAt(q)), 11) == 0);
            out.add(new Mutation("uscc-org", code, recheck(replace(code, q, replacement)), Set.of("USCC_ORG_CODE_CHECK")));
            // the organisation code's own check changed, final check recomputed
            out.add(new Mutation("uscc-org-check", code, recheck(replace(code, 16, other("0123456789X", code.charAt(16), random))), Set.of("USCC_ORG_CODE_CHECK")));
            // an authority that is not in the table
            out.add(new Mutation("uscc-authority", code, recheck(replace(code, 0, "0BCDEFGHJKLMPQRTUWX".charAt(random.nextInt(19)))), Set.of("USCC_UNKNOWN_AUTHORITY")));
            // a category that is not in the table for this authority
            String allowed = CATEGORIES.get(code.charAt(0));
            char category;
            do {
                category = CHARSET.charAt(random.nextInt(CHARSET.length()));
            } while (allowed.indexOf(category) >= 0);
            out.add(new Mutation("uscc-category", code, recheck(replace(code, 1, category)), Set.of("USCC_UNKNOWN_CATEGORY")));
            // an unknown region, final check recomputed
            String region = UNKNOWN_REGIONS.get(random.nextInt(UNKNOWN_REGIONS.size()));
            String badRegion = code.substring(0, 2) + region + code.substring(8);
            out.add(new Mutation("uscc-region", code, recheck(badRegion), Set.of("USCC_UNKNOWN_REGION")));
            // the same without recomputing: two independent errors (unless the check happens to still match)
            if (!Uscc.checkCharacter(badRegion.substring(0, 17)).equals(badRegion.substring(17))) {
                out.add(new Mutation("uscc-region+check", code, badRegion, Set.of("USCC_UNKNOWN_REGION", "USCC_CHECK_DIGIT")));
            }
            // one character too few or too many
            out.add(new Mutation("uscc-short", code, code.substring(0, 17), Set.of("USCC_LENGTH")));
            out.add(new Mutation("uscc-long", code, code + CHARSET.charAt(random.nextInt(31)), Set.of("USCC_LENGTH")));
        }
        return out;
    }

    static List<String> idRegions() {
        List<String> regions = new ArrayList<>();
        regions.addAll(Regions.countiesOf("4502"));
        regions.addAll(Regions.countiesOf("4504"));
        regions.addAll(List.of("110105", "110108", "440300", "330100", "350100", "110000", "120101", "452200", "450221", "450404"));
        return regions;
    }

    static List<String> validIdNumbers(int count, long seed) {
        Random random = new Random(seed);
        List<String> regions = idRegions();
        LocalDate from = LocalDate.of(1900, 1, 1);
        int days = (int) (LocalDate.of(2020, 12, 31).toEpochDay() - from.toEpochDay());
        Set<String> numbers = new LinkedHashSet<>();
        while (numbers.size() < count) {
            LocalDate birth = from.plusDays(random.nextInt(days + 1));
            String first17 = regions.get(random.nextInt(regions.size()))
                    + String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth())
                    + String.format("%03d", random.nextInt(1000));
            numbers.add(first17 + IdNumber.checkCharacter(first17));
        }
        return List.copyOf(numbers);
    }

    static List<Mutation> idMutations(List<String> valid, long seed) {
        Random random = new Random(seed);
        List<Mutation> out = new ArrayList<>();
        for (String number : valid) {
            out.add(new Mutation("id-forbidden", number, replace(number, random.nextInt(17), "ABXIO".charAt(random.nextInt(5))), Set.of("ID_NUMBER_FORBIDDEN_CHARACTER")));
            out.add(new Mutation("id-check", number, replace(number, 17, other("0123456789X", number.charAt(17), random)), Set.of("ID_NUMBER_CHECK_DIGIT")));
            int s = 14 + random.nextInt(3);
            out.add(new Mutation("id-sequence", number, replace(number, s, other("0123456789", number.charAt(s), random)), Set.of("ID_NUMBER_CHECK_DIGIT")));
            out.add(new Mutation("id-month", number, recheckId(number.substring(0, 10) + "13" + number.substring(12)), Set.of("ID_NUMBER_BIRTH_DATE")));
            out.add(new Mutation("id-day", number, recheckId(number.substring(0, 10) + "0230" + number.substring(14)), Set.of("ID_NUMBER_BIRTH_DATE")));
            out.add(new Mutation("id-1899", number, recheckId(number.substring(0, 6) + "1899" + number.substring(10)), Set.of("ID_NUMBER_BIRTH_DATE")));
            out.add(new Mutation("id-future", number, recheckId(number.substring(0, 6) + "2031" + number.substring(10)), Set.of("ID_NUMBER_BIRTH_DATE")));
            String region = List.of("990000", "450299", "451500").get(random.nextInt(3));
            out.add(new Mutation("id-region", number, recheckId(region + number.substring(6)), Set.of("ID_NUMBER_UNKNOWN_REGION")));
            out.add(new Mutation("id-short", number, number.substring(0, 16), Set.of("ID_NUMBER_LENGTH")));
        }
        return out;
    }

    static String replace(String s, int position, char c) {
        return s.substring(0, position) + c + s.substring(position + 1);
    }

    static String recheck(String uscc) {
        return uscc.substring(0, 17) + Uscc.checkCharacter(uscc.substring(0, 17));
    }

    static String recheckId(String id) {
        return id.substring(0, 17) + IdNumber.checkCharacter(id.substring(0, 17));
    }

    static char other(String alphabet, char not, Random random) {
        char c;
        do {
            c = alphabet.charAt(random.nextInt(alphabet.length()));
        } while (c == not);
        return c;
    }

    static int orgValue(char c) {
        return Character.isDigit(c) ? c - '0' : c - 'A' + 10;
    }
}
