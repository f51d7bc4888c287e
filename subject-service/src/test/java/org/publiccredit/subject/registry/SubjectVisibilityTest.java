package org.publiccredit.subject.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.publiccredit.commons.id.IdentifierKind;
import org.publiccredit.commons.id.SubjectType;
import org.publiccredit.commons.security.Caller;
import org.publiccredit.commons.security.Role;
import org.publiccredit.subject.registry.SubjectView.Level;

class SubjectVisibilityTest {

    private static final String ENT1 = "91450200MA5K00012P";
    private static final Subject COMPANY = new Subject(UUID.randomUUID(), IdentifierKind.USCC, ENT1, null, null, null, false, "柳州示范",
            List.of(), List.of(), SubjectType.ENTERPRISE, "450200", null, null, null, null, null, true, "market", 0, Instant.EPOCH, Instant.EPOCH);
    private static final Subject PERSON = new Subject(UUID.randomUUID(), IdentifierKind.ID_NUMBER, null, new byte[32],
            "450202********1237", new byte[40], false, "张伟", List.of(), List.of(), SubjectType.NATURAL_PERSON, "450202", null, null, null, null,
            null, false, "svc-record", 0, Instant.EPOCH, Instant.EPOCH);

    private static Caller caller(Role role, String uscc) {
        return new Caller("sub", "user", "portal", Set.of(role), uscc, null, null, null);
    }

    @Test
    void organisations() {
        assertThat(SubjectVisibility.levelFor(COMPANY, Caller.ANONYMOUS)).contains(Level.PUBLIC);
        assertThat(SubjectVisibility.levelFor(COMPANY, caller(Role.ENTERPRISE, ENT1))).contains(Level.FULL);
        assertThat(SubjectVisibility.levelFor(COMPANY, caller(Role.ENTERPRISE, "91450403MA5K000470"))).contains(Level.PUBLIC);
        assertThat(SubjectVisibility.levelFor(COMPANY, caller(Role.CITIZEN, ENT1))).as("the claim counts for enterprise users only")
                .contains(Level.PUBLIC);
        assertThat(SubjectVisibility.levelFor(COMPANY, caller(Role.OFFICER, null))).contains(Level.FULL);
        assertThat(SubjectVisibility.levelFor(COMPANY, caller(Role.ADMIN, null))).contains(Level.FULL);
        assertThat(SubjectVisibility.levelFor(COMPANY, caller(Role.PARTNER, null))).contains(Level.PUBLIC);
    }

    @Test
    void naturalPersonsAreNeverPublicHere() {
        assertThat(SubjectVisibility.levelFor(PERSON, Caller.ANONYMOUS)).isEmpty();
        assertThat(SubjectVisibility.levelFor(PERSON, caller(Role.CITIZEN, null))).isEmpty();
        assertThat(SubjectVisibility.levelFor(PERSON, caller(Role.PARTNER, null))).isEmpty();
        assertThat(SubjectVisibility.levelFor(PERSON, caller(Role.ENTERPRISE, ENT1))).isEmpty();
        assertThat(SubjectVisibility.levelFor(PERSON, caller(Role.OFFICER, null))).contains(Level.FULL);
        assertThat(SubjectVisibility.levelFor(PERSON, caller(Role.ADMIN, null))).contains(Level.FULL);
    }

    @Test
    void thePublicViewHoldsNoBookkeepingAndNoViewHoldsTheHash() {
        SubjectView pub = SubjectView.of(COMPANY, Level.PUBLIC);
        assertThat(pub.verified()).isNull();
        assertThat(pub.source()).isNull();
        assertThat(pub.version()).isNull();
        SubjectView full = SubjectView.of(PERSON, Level.FULL);
        assertThat(full.masked()).isEqualTo("450202********1237");
        assertThat(full.verified()).isFalse();
    }
}
