package org.publiccredit.record.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.publiccredit.commons.problem.FieldProblem;

class CatalogFileTest {

    private final CatalogFile file = CatalogFixtures.file();
    private final Set<String> scenarios = file.scenarios().stream().map(Scenario::code).collect(Collectors.toSet());

    @Test
    void theShippedCatalogHoldsEveryCategoryOfTheDomainAndEachEntryIsValid() {
        assertThat(file.version()).isNotBlank();
        assertThat(file.entries()).extracting(CatalogEntry::code).containsExactlyInAnyOrder("ADM_LICENSE", "ADM_PENALTY",
                "COURT_DEFAULTER", "TAX_MAJOR_VIOLATION", "SAFETY_SERIOUS", "PROCUREMENT_BAN", "WAGE_ARREARS",
                "CUSTOMS_DISHONEST", "STATS_SERIOUS", "BUSINESS_ABNORMAL", "TAX_A_GRADE", "CONTRACT_HONORED", "TAX_CREDIT_GRADE");
        assertThat(scenarios).contains("GOV_PROCUREMENT", "BIDDING", "ADMIN_LICENSING", "FISCAL_FUNDING", "HONORS", "FINANCING");
        for (CatalogEntry e : file.entries()) {
            assertThat(CatalogValidator.problems(e, scenarios)).as(e.code()).isEmpty();
        }
    }

    @Test
    void penaltiesCarryTheDoublePublicityFieldsWithChineseLabelsAndTheirRule() {
        CatalogEntry penalty = CatalogFixtures.entry("ADM_PENALTY");
        assertThat(penalty.suppliedBy("market")).isTrue();
        assertThat(penalty.suppliedBy("anything")).isTrue();
        assertThat(penalty.field("violationType")).get().extracting(FieldSpec::label, FieldSpec::required).containsExactly("违法行为类型", true);
        assertThat(penalty.field("fineAmount")).get().extracting(FieldSpec::type, FieldSpec::required).containsExactly(FieldType.DECIMAL, false);
        assertThat(penalty.documentNumberLabel()).isEqualTo("行政处罚决定书文号");
        assertThat(penalty.publicity().minMonths()).isEqualTo(3);
        assertThat(penalty.publicity().maxMonths()).isEqualTo(36);
        assertThat(penalty.publicity().extendedMinimum().values()).containsExactlyInAnyOrder("特种设备", "安全生产", "消防");
        assertThat(penalty.publicity().severity().windows()).containsOnlyKeys("轻微", "一般", "严重");
        assertThat(penalty.publicity().severity().windows().get("一般").maxMonths()).isEqualTo(12);
        assertThat(penalty.publicity().severity().windows().get("严重").minMonths()).isEqualTo(12);
        assertThat(penalty.publicity().severity().windows().get("轻微").published()).isFalse();
        assertThat(penalty.publicity().severity().otherwise()).isEqualTo("一般");
        assertThat(penalty.field("severity")).get().extracting(FieldSpec::label, FieldSpec::required).containsExactly("失信程度", false);
    }

    @Test
    void everyRepairableEntryStatesFromWhenAndOneWithoutIsRefused() {
        for (CatalogEntry e : CatalogFixtures.file().entries()) {
            if (e.repairable()) {
                assertThat(e.repair().from()).as(e.code()).isNotNull();
            }
        }
        CatalogEntry penalty = CatalogFixtures.entry("ADM_PENALTY");
        CatalogEntry withoutRule = new CatalogEntry(penalty.code(), penalty.nameZh(), penalty.nameEn(), penalty.kind(), penalty.suppliers(),
                penalty.publicCategory(), penalty.naturalPersonsPublic(), penalty.doublePublicity(), penalty.documentNumberLabel(),
                penalty.decisionDateLabel(), penalty.fields(), penalty.publicity(), new RepairRule(true, "", null, null), penalty.measures(),
                penalty.sharing());
        assertThat(CatalogValidator.problems(withoutRule, java.util.Set.of())).extracting(p -> p.code()).contains("CATALOG_REPAIR_RULE_MISSING");
    }

    @Test
    void suppliersRepairabilityAndMeasuresAreData() {
        assertThat(CatalogFixtures.entry("COURT_DEFAULTER").suppliedBy("court")).isTrue();
        assertThat(CatalogFixtures.entry("COURT_DEFAULTER").suppliedBy("market")).isFalse();
        assertThat(CatalogFixtures.entry("COURT_DEFAULTER").repairable()).isFalse();
        assertThat(CatalogFixtures.entry("ADM_PENALTY").repairable()).isTrue();
        assertThat(CatalogFixtures.entry("PROCUREMENT_BAN").measuresFor("GOV_PROCUREMENT")).extracting(Measure::nameZh)
                .containsExactly("限制参与政府采购");
        assertThat(CatalogFixtures.entry("COURT_DEFAULTER").measuresFor("BIDDING")).extracting(Measure::nameZh)
                .containsExactly("限制招投标", "限制高消费");
        assertThat(CatalogFixtures.entry("TAX_A_GRADE").measuresFor("ADMIN_LICENSING")).extracting(Measure::nameZh)
                .containsExactly("绿色通道", "容缺受理");
        assertThat(CatalogFixtures.entry("PROCUREMENT_BAN").measuresFor("HONORS")).isEmpty();
    }

    @Test
    void theValidatorRefusesInconsistentEntries() {
        CatalogEntry good = CatalogFixtures.entry("PROCUREMENT_BAN");
        PublicityRule badRule = new PublicityRule("x", "x", null, "noSuchField", null, 40, 12, null, null, null, null);
        CatalogEntry bad = new CatalogEntry("bad code", "", "x", null, List.of(), true, false, false, "", "",
                List.of(new FieldSpec("documentNumber", "文号", FieldType.ENUM, true, List.of(), null)), badRule, null,
                Map.of("NO_SUCH_SCENARIO", List.of(new Measure("M", "措施", "m"))), null);
        assertThat(CatalogValidator.problems(good, scenarios)).isEmpty();
        assertThat(CatalogValidator.problems(bad, scenarios)).extracting(FieldProblem::code).contains("CATALOG_CODE_INVALID",
                "FIELD_NOT_BLANK", "FIELD_NOT_NULL", "CATALOG_SUPPLIERS_MISSING", "CATALOG_FIELD_KEY_INVALID", "CATALOG_ENUM_EMPTY",
                "CATALOG_FIELD_UNKNOWN", "CATALOG_MIN_ABOVE_MAX", "CATALOG_SCENARIO_UNKNOWN");
    }

    @Test
    void fieldValidationNormalisesAndNamesEveryOffendingField() {
        CatalogEntry penalty = CatalogFixtures.entry("ADM_PENALTY");
        FieldValidation.Result r = FieldValidation.validate(penalty, Map.of("violationType", "消防", "fineAmount", "abc",
                "procedure", "其他程序", "authorityUscc", "914403001922038217", "unknownKey", "x"));
        assertThat(r.valid()).isFalse();
        assertThat(r.problems()).extracting(FieldProblem::field, FieldProblem::code).contains(
                org.assertj.core.groups.Tuple.tuple("fields.fineAmount", "FIELD_DECIMAL_INVALID"),
                org.assertj.core.groups.Tuple.tuple("fields.procedure", "FIELD_VALUE_NOT_ALLOWED"),
                org.assertj.core.groups.Tuple.tuple("fields.authorityUscc", "USCC_CHECK_DIGIT"),
                org.assertj.core.groups.Tuple.tuple("fields.unknownKey", "FIELD_UNKNOWN"),
                org.assertj.core.groups.Tuple.tuple("fields.violationFacts", "FIELD_REQUIRED"));
        // an invalid code's message tells its own length or position, not the field's length limit
        FieldValidation.Result codes = FieldValidation.validate(penalty, Map.of("authorityUscc", "123", "dataSourceUscc", "91450200MA5K0001IP"));
        assertThat(codes.problems()).filteredOn(p -> p.field().equals("fields.authorityUscc")).singleElement()
                .satisfies(p -> assertThat(p.message()).endsWith("this one has 3"));
        assertThat(codes.problems()).filteredOn(p -> p.field().equals("fields.dataSourceUscc")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("position 17"));
        FieldValidation.Result ok = FieldValidation.validate(CatalogFixtures.entry("TAX_A_GRADE"),
                Map.of("evaluationYear", 2025, "authority", "  税务局 "));
        assertThat(ok.valid()).isTrue();
        assertThat(ok.fields()).containsEntry("evaluationYear", "2025").containsEntry("authority", "税务局");
    }
}
