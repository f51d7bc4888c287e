package org.publiccredit.record.publicity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.publiccredit.record.catalog.CatalogEntry;
import org.publiccredit.record.catalog.CatalogFixtures;
import org.publiccredit.record.creditrecord.RecordState;

class PublicityPolicyTest {

    /** 2026-11-23 10:00 in Shanghai (02:00 UTC). */
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private final PublicityPolicy policy = new PublicityPolicy(Clock.fixed(
            ZonedDateTime.of(TODAY.atTime(10, 0), ZoneId.of("Asia/Shanghai")).toInstant(), ZoneId.of("UTC")));

    private Publicity penalty(RecordState state, LocalDate decided, Map<String, String> extra) {
        Map<String, String> fields = new HashMap<>(Map.of("violationType", "其他", "penaltyCategory", "罚款"));
        fields.putAll(extra);
        return policy.decide(state, decided, fields, false, CatalogFixtures.entry("ADM_PENALTY"), policy.today());
    }

    @Test
    void todayIsTheShanghaiDate() {
        PublicityPolicy lateUtc = new PublicityPolicy(Clock.fixed(
                ZonedDateTime.of(2026, 11, 22, 17, 0, 0, 0, ZoneId.of("UTC")).toInstant(), ZoneId.of("UTC")));
        assertThat(lateUtc.today()).isEqualTo(LocalDate.of(2026, 11, 23));
    }

    @Test
    void aPenaltyDecidedFourYearsAgoIsNoLongerPublic() {
        Publicity p = penalty(RecordState.ACTIVE, TODAY.minusYears(4), Map.of());
        assertThat(p.publicNow()).isFalse();
        assertThat(p.reason()).isEqualTo(PublicReason.EXPIRED);
        assertThat(p.inForce()).isFalse();
        assertThat(p.nextChange()).isNull();
    }

    @Test
    void anOrdinaryPenaltyDecidedLastWeekIsPublicForAtMostOneYear() {
        LocalDate decided = TODAY.minusWeeks(1);
        Publicity p = penalty(RecordState.ACTIVE, decided, Map.of());
        assertThat(p.severity()).isEqualTo("一般");
        assertThat(p.publicNow()).isTrue();
        assertThat(p.reason()).isEqualTo(PublicReason.PUBLIC);
        assertThat(p.publicFrom()).isEqualTo(decided);
        assertThat(p.publicUntil()).isEqualTo(decided.plusYears(1).minusDays(1));
        assertThat(p.minPublicityUntil()).isEqualTo(decided.plusMonths(3).minusDays(1));
        assertThat(p.nextChange()).isEqualTo(decided.plusYears(1));
        assertThat(p.label()).isNull();
    }

    @Test
    void aStatedPublicityEndIsKeptWithinTheMinimumAndTheMaximum() {
        LocalDate decided = TODAY.minusMonths(2);
        Publicity tooShort = penalty(RecordState.ACTIVE, decided, Map.of("publicityUntil", decided.plusMonths(1).toString()));
        assertThat(tooShort.publicUntil()).isEqualTo(decided.plusMonths(3).minusDays(1));
        assertThat(tooShort.publicNow()).isTrue();
        Publicity tooLong = penalty(RecordState.ACTIVE, decided, Map.of("publicityUntil", decided.plusYears(10).toString()));
        assertThat(tooLong.publicUntil()).as("一般: at most one year").isEqualTo(decided.plusYears(1).minusDays(1));
        Publicity seriousTooLong = penalty(RecordState.ACTIVE, decided, Map.of("publicityUntil", decided.plusYears(10).toString(), "severity", "严重"));
        assertThat(seriousTooLong.publicUntil()).as("严重: at most three years").isEqualTo(decided.plusYears(3).minusDays(1));
    }

    @Test
    void fireSafetyAndSpecialEquipmentPenaltiesStayPublicAtLeastOneYear() {
        LocalDate decided = TODAY.minusMonths(6);
        Map<String, String> shortEnd = Map.of("publicityUntil", decided.plusMonths(4).toString());
        for (String type : new String[] {"消防", "特种设备", "安全生产"}) {
            Map<String, String> fields = new HashMap<>(shortEnd);
            fields.put("violationType", type);
            Publicity p = penalty(RecordState.ACTIVE, decided, fields);
            assertThat(p.publicNow()).as(type).isTrue();
            assertThat(p.minPublicityUntil()).as(type).isEqualTo(decided.plusYears(1).minusDays(1));
        }
        Publicity ordinary = penalty(RecordState.ACTIVE, decided, shortEnd);
        assertThat(ordinary.publicNow()).isFalse();
        assertThat(ordinary.reason()).isEqualTo(PublicReason.EXPIRED);
    }

    @Test
    void aRepairCanBeFiledFromTheDayTheCategorysRuleSays() {
        LocalDate decided = TODAY.minusMonths(2);
        Publicity ordinary = penalty(RecordState.ACTIVE, decided, Map.of());
        assertThat(PublicityPolicy.repairableFrom(ordinary, CatalogFixtures.entry("ADM_PENALTY"))).as("MIN_PERIOD of 一般")
                .isEqualTo(decided.plusMonths(3));
        Publicity serious = penalty(RecordState.ACTIVE, decided, Map.of("severity", "严重"));
        assertThat(PublicityPolicy.repairableFrom(serious, CatalogFixtures.entry("ADM_PENALTY"))).as("MIN_PERIOD of 严重")
                .isEqualTo(decided.plusYears(1));
        Publicity abnormal = policy.decide(RecordState.ACTIVE, decided, Map.of(), false, CatalogFixtures.entry("BUSINESS_ABNORMAL"), TODAY);
        assertThat(PublicityPolicy.repairableFrom(abnormal, CatalogFixtures.entry("BUSINESS_ABNORMAL"))).as("ON_CORRECTION").isEqualTo(decided);
        Publicity safety = policy.decide(RecordState.ACTIVE, decided, Map.of(), false, CatalogFixtures.entry("SAFETY_SERIOUS"), TODAY);
        assertThat(PublicityPolicy.repairableFrom(safety, CatalogFixtures.entry("SAFETY_SERIOUS"))).as("AFTER_MONTHS 12")
                .isEqualTo(decided.plusMonths(12));
        Publicity court = policy.decide(RecordState.ACTIVE, decided, Map.of(), false, CatalogFixtures.entry("COURT_DEFAULTER"), TODAY);
        assertThat(PublicityPolicy.repairableFrom(court, CatalogFixtures.entry("COURT_DEFAULTER"))).as("not repairable here").isNull();
    }

    @Test
    void minorPenaltiesAreNeverPublished() {
        for (Map<String, String> minor : java.util.List.of(Map.of("procedure", "简易程序", "penaltyCategory", "警告"),
                Map.of("procedure", "简易程序", "penaltyCategory", "罚款"), Map.of("procedure", "普通程序", "penaltyCategory", "警告"),
                Map.of("penaltyCategory", "通报批评"), Map.of("penaltyCategory", "警告、通报批评"), Map.of("severity", "轻微"))) {
            Publicity p = penalty(RecordState.ACTIVE, TODAY.minusDays(3), minor);
            assertThat(p.severity()).as("%s", minor).isEqualTo("轻微");
            assertThat(p.publicNow()).as("%s", minor).isFalse();
            assertThat(p.reason()).as("%s", minor).isEqualTo(PublicReason.NOT_PUBLISHED_BY_RULE);
            assertThat(p.inForce()).as("still in force for checks").isTrue();
        }
        Publicity warningAndFine = penalty(RecordState.ACTIVE, TODAY.minusDays(3), Map.of("procedure", "普通程序", "penaltyCategory", "警告;罚款"));
        assertThat(warningAndFine.severity()).isEqualTo("一般");
        assertThat(warningAndFine.publicNow()).isTrue();
    }

    @Test
    void theClassIsTheDepartmentsElseTheCatalogsDefaultsInOrder() {
        assertThat(penalty(RecordState.ACTIVE, TODAY, Map.of("penaltyCategory", "吊销许可证件")).severity()).isEqualTo("严重");
        assertThat(penalty(RecordState.ACTIVE, TODAY, Map.of("penaltyCategory", "罚款、责令关闭")).severity()).isEqualTo("严重");
        assertThat(penalty(RecordState.ACTIVE, TODAY, Map.of("penaltyCategory", "限制从业")).severity()).isEqualTo("严重");
        assertThat(penalty(RecordState.ACTIVE, TODAY, Map.of("fineAmount", "100")).severity()).as("the threshold itself").isEqualTo("一般");
        assertThat(penalty(RecordState.ACTIVE, TODAY, Map.of("fineAmount", "100.01")).severity()).as("above it").isEqualTo("严重");
        assertThat(penalty(RecordState.ACTIVE, TODAY, Map.of("fineAmount", "x")).severity()).isEqualTo("一般");
        assertThat(penalty(RecordState.ACTIVE, TODAY, Map.of("procedure", "简易程序", "penaltyCategory", "吊销许可证件")).severity())
                .as("严重 is tried first").isEqualTo("严重");
        assertThat(penalty(RecordState.ACTIVE, TODAY, Map.of("severity", "一般", "penaltyCategory", "吊销许可证件")).severity())
                .as("the department's class wins").isEqualTo("一般");
        assertThat(penalty(RecordState.ACTIVE, TODAY, Map.of("severity", "很严重", "penaltyCategory", "吊销许可证件")).severity())
                .as("an unknown class is not taken").isEqualTo("严重");
    }

    @Test
    void eachClassIsPublicToTheLastDayOfItsWindowAndNotTheDayAfter() {
        // 一般: one year from the decision
        LocalDate yearAgo = TODAY.minusYears(1);
        assertThat(penalty(RecordState.ACTIVE, yearAgo.plusDays(1), Map.of()).publicNow()).as("一般, last day").isTrue();
        Publicity ordinaryDayAfter = penalty(RecordState.ACTIVE, yearAgo, Map.of());
        assertThat(ordinaryDayAfter.publicNow()).as("一般, the day after").isFalse();
        assertThat(ordinaryDayAfter.reason()).isEqualTo(PublicReason.EXPIRED);
        // 严重: three years, at least one (repair not before)
        LocalDate threeYearsAgo = TODAY.minusYears(3);
        Publicity serious = penalty(RecordState.ACTIVE, threeYearsAgo.plusDays(1), Map.of("penaltyCategory", "吊销许可证件"));
        assertThat(serious.publicNow()).as("严重, last day").isTrue();
        assertThat(serious.minPublicityUntil()).isEqualTo(threeYearsAgo.plusDays(1).plusYears(1).minusDays(1));
        assertThat(penalty(RecordState.ACTIVE, threeYearsAgo, Map.of("penaltyCategory", "吊销许可证件")).publicNow()).as("严重, the day after").isFalse();
        // 严重 with a stated end below its minimum: raised to one year
        LocalDate decided = TODAY.minusMonths(11);
        Publicity raised = penalty(RecordState.ACTIVE, decided, Map.of("severity", "严重", "publicityUntil", decided.plusMonths(4).toString()));
        assertThat(raised.publicUntil()).isEqualTo(decided.plusYears(1).minusDays(1));
        assertThat(raised.publicNow()).isTrue();
    }

    @Test
    void aDisputedRecordStaysPublicWithItsLabel() {
        Publicity p = penalty(RecordState.DISPUTED, TODAY.minusDays(10), Map.of());
        assertThat(p.publicNow()).isTrue();
        assertThat(p.disputed()).isTrue();
        assertThat(p.label()).isEqualTo("异议中");
        assertThat(p.inForce()).isTrue();
    }

    @Test
    void repairedRevokedAndCorrectedAwayRecordsAreNotPublicNorInForce() {
        for (RecordState s : new RecordState[] {RecordState.REPAIRED, RecordState.REVOKED, RecordState.CORRECTED}) {
            Publicity p = penalty(s, TODAY.minusDays(10), Map.of());
            assertThat(p.publicNow()).as(s.name()).isFalse();
            assertThat(p.reason().name()).isEqualTo(s.name());
            assertThat(p.inForce()).isFalse();
            assertThat(p.nextChange()).isNull();
        }
    }

    @Test
    void naturalPersonsArePublicOnlyWhereTheCategorySaysSo() {
        Publicity penalty = policy.decide(RecordState.ACTIVE, TODAY.minusDays(10), Map.of("violationType", "其他"), true,
                CatalogFixtures.entry("ADM_PENALTY"), TODAY);
        assertThat(penalty.publicNow()).isFalse();
        assertThat(penalty.reason()).isEqualTo(PublicReason.NATURAL_PERSON_NOT_PUBLIC);
        assertThat(penalty.inForce()).isTrue();
        Publicity defaulter = policy.decide(RecordState.ACTIVE, TODAY.minusDays(10), Map.of(), true,
                CatalogFixtures.entry("COURT_DEFAULTER"), TODAY);
        assertThat(defaulter.publicNow()).isTrue();
        assertThat(defaulter.publicUntil()).isEqualTo(TODAY.minusDays(10).plusYears(2).minusDays(1));
    }

    @Test
    void aLicenceIsPublicWhileValid() {
        CatalogEntry licence = CatalogFixtures.entry("ADM_LICENSE");
        Map<String, String> valid = Map.of("validFrom", "2026-01-01", "validUntil", "2027-12-31", "status", "有效");
        Publicity p = policy.decide(RecordState.ACTIVE, LocalDate.of(2025, 12, 20), valid, false, licence, TODAY);
        assertThat(p.publicNow()).isTrue();
        assertThat(p.publicFrom()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(p.publicUntil()).isEqualTo(LocalDate.of(2027, 12, 31));
        Publicity lapsed = policy.decide(RecordState.ACTIVE, LocalDate.of(2020, 1, 1),
                Map.of("validFrom", "2020-01-01", "validUntil", "2025-12-31", "status", "有效"), false, licence, TODAY);
        assertThat(lapsed.reason()).isEqualTo(PublicReason.EXPIRED);
        Publicity future = policy.decide(RecordState.ACTIVE, TODAY.minusDays(1),
                Map.of("validFrom", "2027-01-01", "validUntil", "2029-12-31", "status", "有效"), false, licence, TODAY);
        assertThat(future.reason()).isEqualTo(PublicReason.NOT_YET);
        assertThat(future.nextChange()).isEqualTo(LocalDate.of(2027, 1, 1));
        Publicity invalid = policy.decide(RecordState.ACTIVE, LocalDate.of(2025, 12, 20),
                Map.of("validFrom", "2026-01-01", "validUntil", "2027-12-31", "status", "无效"), false, licence, TODAY);
        assertThat(invalid.reason()).isEqualTo(PublicReason.NOT_IN_FORCE);
        assertThat(invalid.inForce()).isFalse();
    }

    @Test
    void listsAsDecidedUntilRemovedAndNonPublicCategories() {
        Publicity ban = policy.decide(RecordState.ACTIVE, TODAY.minusMonths(1), Map.of("banUntil", TODAY.plusYears(5).toString()),
                false, CatalogFixtures.entry("PROCUREMENT_BAN"), TODAY);
        assertThat(ban.publicUntil()).isEqualTo(TODAY.minusMonths(1).plusYears(3).minusDays(1));
        Publicity abnormal = policy.decide(RecordState.ACTIVE, TODAY.minusYears(6), Map.of(), false,
                CatalogFixtures.entry("BUSINESS_ABNORMAL"), TODAY);
        assertThat(abnormal.publicNow()).isTrue();
        assertThat(abnormal.publicUntil()).isNull();
        assertThat(abnormal.nextChange()).isNull();
        Publicity grade = policy.decide(RecordState.ACTIVE, TODAY.minusMonths(2), Map.of("grade", "B"), false,
                CatalogFixtures.entry("TAX_CREDIT_GRADE"), TODAY);
        assertThat(grade.reason()).isEqualTo(PublicReason.NOT_PUBLIC_CATEGORY);
        assertThat(grade.inForce()).isTrue();
        Publicity aGrade = policy.decide(RecordState.ACTIVE, TODAY.minusMonths(13), Map.of(), false,
                CatalogFixtures.entry("TAX_A_GRADE"), TODAY);
        assertThat(aGrade.reason()).isEqualTo(PublicReason.EXPIRED);
    }

    /** The split and the "any part contains" of before, by regular expression: what the class defaults were written against. */
    private static final java.util.regex.Pattern PARTS = java.util.regex.Pattern.compile("[;；,，、/\\s]+");

    private static String byRegex(org.publiccredit.record.catalog.PublicityRule.Default d, String value) {
        String[] parts = PARTS.split(value.strip());
        if (!d.onlyOf().isEmpty()) {
            return java.util.Arrays.stream(parts).allMatch(p -> p.isEmpty() || d.onlyOf().contains(p)) ? d.severity() : "other";
        }
        return java.util.Arrays.stream(parts).anyMatch(p -> d.anyOf().stream().anyMatch(p::contains)) ? d.severity() : "other";
    }

    @Test
    void classDefaultsMatchFieldValuesAsTheRegularExpressionSplitDid() {
        java.util.Random random = new java.util.Random(26);
        String alphabet = "罚款没收警告吊销 ;；,，、/\t\n\u3000ab";
        java.util.List<String> words = java.util.List.of("罚款", "警告", "没收", "款没", "a", "款;没", "吊销 ", "\u3000");
        int compared = 0;
        for (int n = 0; n < 3000; n++) {
            StringBuilder value = new StringBuilder();
            for (int i = 0, len = 1 + random.nextInt(12); i < len; i++) {
                value.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            if (value.toString().isBlank()) {
                continue;
            }
            String word = words.get(random.nextInt(words.size()));
            var anyOf = new org.publiccredit.record.catalog.PublicityRule.Default("heavy", "f", java.util.List.of(word), null, null);
            var onlyOf = new org.publiccredit.record.catalog.PublicityRule.Default("light", "f", null,
                    java.util.List.of("罚款", "警告", word), null);
            for (var d : java.util.List.of(anyOf, onlyOf)) {
                var severity = new org.publiccredit.record.catalog.PublicityRule.Severity(null, Map.of(), java.util.List.of(d), "other");
                assertThat(PublicityPolicy.severity(severity, Map.of("f", value.toString())))
                        .as("%s against \"%s\"", d, value).isEqualTo(byRegex(d, value.toString()));
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(5000);
        assertThat(PublicityPolicy.parts(" 罚款；没收违法所得、,警告 ")).containsExactly("罚款", "没收违法所得", "警告");
    }
}
