package org.publiccredit.subject.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.publiccredit.commons.id.SubjectType;
import org.publiccredit.commons.problem.FieldProblem;

class SubjectValidatorTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T04:00:00Z"), ZoneId.of("Asia/Shanghai"));
    private final SubjectValidator validator = new SubjectValidator(CLOCK);

    private static SubjectInput org(String code, String name, String type) {
        return new SubjectInput(code, null, name, type, null, null, null, null, null, null, null);
    }

    @Test
    void aCompleteOrganisationGetsTypeAndRegionFromItsCode() {
        SubjectValidator.Result r = validator.validate(new SubjectInput(" 91450200ma5k00012p ", null, " 柳州示范机械有限公司 ", null, null,
                "李明", "2015-03-02", "存续", "c", "柳州市柳南区示范路1号", null), Locale.CHINESE);
        assertThat(r.problems()).isEmpty();
        SubjectDraft d = r.draft();
        assertThat(d.uscc().value()).isEqualTo("91450200MA5K00012P");
        assertThat(d.name()).isEqualTo("柳州示范机械有限公司");
        assertThat(d.type()).isEqualTo(SubjectType.ENTERPRISE);
        assertThat(d.region()).isEqualTo("450200");
        assertThat(d.registrationDate()).isEqualTo(LocalDate.of(2015, 3, 2));
        assertThat(d.status()).isEqualTo(RegistrationStatus.ACTIVE);
        assertThat(d.industry()).isEqualTo(Industry.C);
    }

    @Test
    void aGivenRegionWinsWhenKnown() {
        SubjectInput in = new SubjectInput("91450200MA5K00012P", null, "X", null, "450203", null, null, null, null, null, null);
        assertThat(validator.validate(in, Locale.CHINESE).draft().region()).isEqualTo("450203");
    }

    @Test
    void aSoleTraderStatedAsEnterpriseIsATypeMismatch() {
        String valid92 = org.publiccredit.commons.id.Uscc.of('9', '2', "450200", "MA5K0001").value();
        SubjectValidator.Result mismatch = validator.validate(org(valid92, "某店", "ENTERPRISE"), Locale.ENGLISH);
        assertThat(mismatch.problems()).extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("type", "SUBJECT_TYPE_MISMATCH"));
        assertThat(validator.validate(org(valid92, "某店", "个体工商户"), Locale.ENGLISH).valid()).isTrue();
    }

    @Test
    void everyBadFieldIsReportedAtOnceWithMessagesInTheAskedLanguage() {
        SubjectInput in = new SubjectInput("91450200MA5K00012X", null, null, "COMPANY", "999999", "x".repeat(101), "2026-13-01",
                "OPEN", "Z", "a\nb", null);
        SubjectValidator.Result r = validator.validate(in, Locale.ENGLISH);
        assertThat(r.problems()).extracting(FieldProblem::field, FieldProblem::code).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("code", "USCC_CHECK_DIGIT"),
                org.assertj.core.groups.Tuple.tuple("name", "FIELD_REQUIRED"),
                org.assertj.core.groups.Tuple.tuple("type", "TYPE_UNKNOWN"),
                org.assertj.core.groups.Tuple.tuple("region", "REGION_UNKNOWN"),
                org.assertj.core.groups.Tuple.tuple("legalRepresentative", "FIELD_TOO_LONG"),
                org.assertj.core.groups.Tuple.tuple("registrationDate", "DATE_INVALID"),
                org.assertj.core.groups.Tuple.tuple("registrationStatus", "STATUS_UNKNOWN"),
                org.assertj.core.groups.Tuple.tuple("industry", "INDUSTRY_UNKNOWN"),
                org.assertj.core.groups.Tuple.tuple("address", "FIELD_INVALID"));
        assertThat(r.problems()).filteredOn(p -> p.field().equals("code")).first().extracting(FieldProblem::message)
                .asString().contains("check character");
        assertThat(validator.validate(in, Locale.CHINESE).problems()).filteredOn(p -> p.field().equals("name")).first()
                .extracting(FieldProblem::message).isEqualTo("必填");
    }

    @Test
    void aRegistrationDateInTheFutureIsRefused() {
        SubjectInput in = new SubjectInput("91450200MA5K00012P", null, "X", null, null, null, "2026-11-24", null, null, null, null);
        assertThat(validator.validate(in, Locale.ENGLISH).problems()).extracting(FieldProblem::code).containsExactly("DATE_IN_FUTURE");
    }

    @Test
    void exactlyOneIdentifierIsNeeded() {
        assertThat(validator.validate(org(null, "X", null), Locale.ENGLISH).problems()).extracting(FieldProblem::code)
                .containsExactly("IDENTIFIER_MISSING");
        SubjectInput both = new SubjectInput("91450200MA5K00012P", "450202199001011237", "X", null, null, null, null, null, null, null, null);
        assertThat(validator.validate(both, Locale.ENGLISH).problems()).extracting(FieldProblem::code).containsExactly("IDENTIFIER_AMBIGUOUS");
    }

    @Test
    void aPersonIsANaturalPersonFromTheRegionOfTheNumberAndALegacyNumberIsUpgraded() {
        SubjectInput in = new SubjectInput(null, "450202900101123", "张伟", null, null, null, null, null, null, null, null);
        SubjectDraft d = validator.validate(in, Locale.ENGLISH).draft();
        assertThat(d.type()).isEqualTo(SubjectType.NATURAL_PERSON);
        assertThat(d.region()).isEqualTo("450202");
        assertThat(d.idNumber().upgradedFromLegacy()).isTrue();
        assertThat(d.idNumber().value()).hasSize(18).startsWith("45020219900101123");
        assertThat(d.toString()).doesNotContain(d.idNumber().value());
        SubjectInput wrongType = new SubjectInput(null, "450202199001011237", "张伟", "ENTERPRISE", null, null, null, null, null, null, null);
        assertThat(validator.validate(wrongType, Locale.ENGLISH).problems()).extracting(FieldProblem::code)
                .containsExactly("SUBJECT_TYPE_MISMATCH");
        SubjectInput bad = new SubjectInput(null, "450202199001011238", "张伟", null, null, null, null, null, null, null, null);
        assertThat(validator.validate(bad, Locale.ENGLISH).problems()).extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("idNumber", "ID_NUMBER_CHECK_DIGIT"));
    }
    @Test
    void aRegistrationDateBeforeThe1949FoundingOrOfANegativeYearIsRefusedAndTheFirstDayIsAccepted() {
        for (String date : new String[] {"1949-09-30", "1900-01-01", "-0001-01-01", "0000-01-01"}) {
            SubjectInput in = new SubjectInput("91450200MA5K00012P", null, "X", null, null, null, date, null, null, null, null);
            assertThat(validator.validate(in, Locale.ENGLISH).problems()).as(date).extracting(FieldProblem::field, FieldProblem::code)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("registrationDate", "DATE_TOO_OLD"));
        }
        SubjectInput first = new SubjectInput("91450200MA5K00012P", null, "X", null, null, null, "1949-10-01", null, null, null, null);
        assertThat(validator.validate(first, Locale.ENGLISH).draft().registrationDate()).isEqualTo(LocalDate.of(1949, 10, 1));
    }
}
