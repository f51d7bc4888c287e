package org.publiccredit.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OpenApiDocsTest {

    @Test
    void theGatewayIsTheServerAndUnroutedOperationsAreLeftOut() {
        String doc = """
                {"openapi":"3.1.0","servers":[{"url":"http://127.0.0.1:8084","description":"Generated server url"}],
                 "paths":{"/api/v1/cases/{id}":{"get":{}},"/api/v1/cases/{id}:backdate":{"post":{}},
                          "/internal/v1/changes":{"get":{}},"/api/v1/cases/mine":{"get":{}}}}""";
        String view = OpenApiDocs.publicView(doc);
        assertThat(view).contains("\"servers\":[{\"url\":\"/\",\"description\":\"the gateway\"}]")
                .contains("/api/v1/cases/{id}\"", "/api/v1/cases/mine")
                .doesNotContain("127.0.0.1", "/internal/", ":backdate");
    }

    @Test
    void schemasOnlyHiddenOperationsUsedAreLeftOut() {
        String doc = """
                {"openapi":"3.1.0","paths":{
                   "/api/v1/cases/{id}":{"get":{"responses":{"200":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/CaseView"}}}}}}},
                   "/internal/v1/changes":{"get":{"responses":{"200":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Changes"}}}}}}}},
                 "components":{"schemas":{
                   "CaseView":{"type":"object","properties":{"record":{"$ref":"#/components/schemas/RecordRef"}}},
                   "RecordRef":{"type":"object"},"Changes":{"type":"object"}}}}""";
        String view = OpenApiDocs.publicView(doc);
        assertThat(view).contains("\"CaseView\"", "\"RecordRef\"").doesNotContain("\"Changes\"");
    }

    @Test
    void somethingThatIsNotADocumentPassesUnchanged() {
        assertThat(OpenApiDocs.publicView("not json")).isEqualTo("not json");
    }
}
