package org.publiccredit.report.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.commons.security.Caller;
import org.publiccredit.commons.security.Role;
import org.publiccredit.report.client.SubjectRef;

class EditionAccessTest {

    static final SubjectRef ENT1 = new SubjectRef("11111111-1111-1111-1111-111111111111", "USCC", "91450200MA5K00012P", null, "柳州一号",
            "ENTERPRISE", "450200");
    static final SubjectRef PERSON = new SubjectRef("22222222-2222-2222-2222-222222222222", "ID_NUMBER", null, "450202********1237",
            "张三", "NATURAL_PERSON", "450202");

    static Caller caller(Set<Role> roles, String uscc, String department, String idNumber) {
        return new Caller("sub", "user", "portal", roles, uscc, department, idNumber, null);
    }

    static Reading full(Caller caller, SubjectRef subject, Optional<String> ownId) {
        return EditionAccess.decide(Edition.FULL, caller, subject, () -> ownId);
    }

    @Test
    void thePublicEditionIsForAnyoneEvenAnonymous() {
        assertThat(EditionAccess.decide(Edition.PUBLIC, Caller.ANONYMOUS, PERSON, Optional::empty)).isInstanceOf(Reading.Public.class);
    }

    @Test
    void theSubjectItselfGetsItsOwnFile() {
        assertThat(full(caller(Set.of(Role.ENTERPRISE), "91450200ma5k00012p", null, null), ENT1, Optional.empty()))
                .isInstanceOf(Reading.Own.class);
        assertThat(full(caller(Set.of(Role.CITIZEN), null, null, "450202199001011237"), PERSON, Optional.of(PERSON.id())))
                .isInstanceOf(Reading.Own.class);
    }

    @Test
    void reviewersAdminsAndDepartmentsReadInTheirRight() {
        assertThat(full(caller(Set.of(Role.REVIEWER), null, null, null), ENT1, Optional.empty())).isEqualTo(new Reading.InRight("REVIEWER"));
        assertThat(full(caller(Set.of(Role.ADMIN), null, null, null), ENT1, Optional.empty())).isEqualTo(new Reading.InRight("ADMIN"));
        assertThat(full(caller(Set.of(Role.OFFICER), null, "market", null), ENT1, Optional.empty()))
                .isEqualTo(new Reading.InRight("DEPARTMENT:market"));
    }

    @Test
    void someoneElsesFullReportIsA404AnonymousA401AndNoRightA403() {
        assertThatThrownBy(() -> full(caller(Set.of(Role.ENTERPRISE), "91450403MA5K000470", null, null), ENT1, Optional.empty()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(404));
        assertThatThrownBy(() -> full(caller(Set.of(Role.CITIZEN), null, null, "450202199001011237"), PERSON,
                Optional.of("33333333-3333-3333-3333-333333333333")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(404));
        assertThatThrownBy(() -> full(Caller.ANONYMOUS, ENT1, Optional.empty()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("UNAUTHENTICATED"));
        assertThatThrownBy(() -> full(caller(Set.of(Role.OFFICER), null, null, null), ENT1, Optional.empty()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(403));
    }
}
