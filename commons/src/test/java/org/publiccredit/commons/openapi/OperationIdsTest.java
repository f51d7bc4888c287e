package org.publiccredit.commons.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OperationIdsTest {

    @Test
    void anIdIsTheMethodAndThePathInWords() {
        assertThat(OperationIds.of("GET", "/api/v1/search/mine")).isEqualTo("getSearchMine");
        assertThat(OperationIds.of("POST", "/api/v1/admin/search:rebuild")).isEqualTo("postAdminSearchRebuild");
        assertThat(OperationIds.of("GET", "/api/v1/public/subjects/{code}")).isEqualTo("getPublicSubjectsByCode");
        assertThat(OperationIds.of("POST", "/api/v1/subjects/{id}/id-number:reveal")).isEqualTo("postSubjectsByIdIdNumberReveal");
        assertThat(OperationIds.of("POST", "/api/v1/records/{id}:revoke")).isEqualTo("postRecordsByIdRevoke");
    }

    @Test
    void twoRoutesNeverShareAnId() {
        assertThat(OperationIds.of("GET", "/api/v1/cases/mine")).isNotEqualTo(OperationIds.of("GET", "/api/v1/search/mine"))
                .isNotEqualTo(OperationIds.of("GET", "/api/v1/subjects/mine/records"));
        assertThat(OperationIds.of("GET", "/api/v1/checks/{id}")).isNotEqualTo(OperationIds.of("POST", "/api/v1/checks/{id}"));
    }
}
