package org.publiccredit.record.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.publiccredit.record.client.SubjectRef;

class SubjectNamesTest {

    private static SubjectRef organisation(String name) {
        return new SubjectRef(UUID.randomUUID(), "USCC", "91450200MA5K00012P", null, name, "ENTERPRISE", "450200", true, false);
    }

    @Test
    void anOrganisationShowsItsRegisteredName() {
        assertThat(SubjectNames.shown(organisation("柳州示范机械有限公司"))).isEqualTo("柳州示范机械有限公司");
        assertThat(SubjectNames.shown(organisation("  柳州示范机械有限公司 "))).isEqualTo("柳州示范机械有限公司");
    }

    @Test
    void noNameWhenTheRegistryHasNoneOrDoesNotKnowTheSubject() {
        assertThat(SubjectNames.shown(null)).isNull();
        assertThat(SubjectNames.shown(organisation(null))).isNull();
        assertThat(SubjectNames.shown(organisation(" "))).isNull();
    }

    @Test
    void aNaturalPersonNeverHasANameInACheck() {
        SubjectRef person = new SubjectRef(UUID.randomUUID(), "ID_NUMBER", null, "450202********1237", "张三", "NATURAL_PERSON",
                "450202", true, false);
        assertThat(SubjectNames.shown(person)).isNull();
    }

    @Test
    void aNameThatIsAnIdNumberIsNeverShown() {
        assertThat(SubjectNames.shown(organisation("450202199001011237"))).isNull();
    }
}
