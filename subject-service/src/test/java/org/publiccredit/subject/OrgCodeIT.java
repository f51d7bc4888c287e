package org.publiccredit.subject;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.publiccredit.testkit.Api;
import org.publiccredit.testkit.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** A 9-character organisation code (GB 11714) is a code to look up by, through the gateway: it finds the USCC containing it. */
@IntegrationTest
class OrgCodeIT {

    private static final String ENT1 = "91450200MA5K00012P";

    @Test
    void anOrganisationCodeIsValidWithOrWithoutItsHyphenAndFindsItsSubject() {
        for (String written : new String[] {"MA5K00012", "MA5K0001-2", "ma5k0001-2"}) {
            JsonNode check = Api.gateway().get("/api/v1/identifiers/" + written).expect(200).json();
            assertThat(check.path("valid").asBoolean()).as(written).isTrue();
            assertThat(check.path("kind").asString()).isEqualTo("ORG_CODE");
            assertThat(check.path("normalized").asString()).isEqualTo("MA5K00012");
        }
        assertThat(Api.gateway().get("/api/v1/subjects/MA5K0001-2").expect(200).json().path("code").asString()).isEqualTo(ENT1);
        assertThat(Api.gateway().get("/api/v1/identifiers/MA5K00012?kind=ORG_CODE").expect(200).json().path("valid").asBoolean()).isTrue();
    }

    @Test
    void aWrongCheckCharacterIsStillALengthErrorAndFindsNothing() {
        JsonNode check = Api.gateway().get("/api/v1/identifiers/MA5K00013").expect(200).json();
        assertThat(check.path("valid").asBoolean()).isFalse();
        assertThat(check.path("errors").findValuesAsString("code")).containsExactly("IDENTIFIER_LENGTH");
        JsonNode asked = Api.gateway().get("/api/v1/identifiers/MA5K00013?kind=ORG_CODE").expect(200).json();
        assertThat(asked.path("errors").findValuesAsString("code")).containsExactly("ORG_CODE_INVALID");
        Api.gateway().get("/api/v1/subjects/MA5K00013").expectProblem(404, "NOT_FOUND");
        Api.gateway().get("/api/v1/subjects/ZZZZZZZZ7").expectProblem(404, "NOT_FOUND");
    }
}
