package org.publiccredit.commons.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every service's document states without a word on its controllers. */
class ApiDocConventionsTest {

    private static OpenAPI document() {
        Operation read = new Operation().operationId("getCatalog")
                .responses(new ApiResponses().addApiResponse("200", new ApiResponse().description("OK")
                        .content(new Content().addMediaType("*/*", new MediaType().schema(new Schema<>().$ref("#/components/schemas/X"))))));
        Operation write = new Operation().operationId("postCasesByIdAccept")
                .requestBody(new RequestBody().content(new Content().addMediaType("multipart/form-data", new MediaType().schema(
                        new ObjectSchema().addProperty("case", new Schema<>().$ref("#/components/schemas/Case"))
                                .addProperty("files", new Schema<>().type("array").items(new Schema<>().type("string").format("binary")))))))
                .responses(new ApiResponses().addApiResponse("200", new ApiResponse().description("OK"))
                        .addApiResponse("409", new ApiResponse().description("ILLEGAL_TRANSITION when the case is not SUBMITTED")));
        return new OpenAPI().openapi("3.1.0").info(new Info().title("OpenAPI definition").version("v0"))
                .paths(new Paths().addPathItem("/api/v1/catalog", new PathItem().get(read))
                        .addPathItem("/api/v1/cases/{id}:accept", new PathItem().post(write)));
    }

    @Test
    void titleSecuritySchemeAndEachOperationsSecurityFromTheRules() {
        OpenAPI doc = document();
        ApiDocConventions.document(doc, "record-service", (method, path) -> method.equals("GET") && path.equals("/api/v1/catalog"));
        assertThat(doc.getInfo().getTitle()).isEqualTo("record-service");
        assertThat(doc.getInfo().getVersion()).isEqualTo("v1");
        assertThat(doc.getComponents().getSecuritySchemes()).containsKey("bearer");
        Operation read = doc.getPaths().get("/api/v1/catalog").getGet();
        assertThat(read.getSecurity()).hasSize(2).first().satisfies(r -> assertThat(r).isEmpty());
        Operation write = doc.getPaths().get("/api/v1/cases/{id}:accept").getPost();
        assertThat(write.getSecurity()).singleElement().satisfies(r -> assertThat(r).containsKey("bearer"));
    }

    @Test
    void everyRefusalIsAProblemWithItsCodes() {
        OpenAPI doc = document();
        ApiDocConventions.document(doc, "objection-service", (method, path) -> path.equals("/api/v1/catalog"));
        assertThat(doc.getComponents().getSchemas()).containsKeys("Problem", "FieldProblem");
        Operation write = doc.getPaths().get("/api/v1/cases/{id}:accept").getPost();
        assertThat(write.getResponses()).containsKeys("200", "400", "401", "403", "404", "409", "413", "415", "429", "503", "default");
        ApiResponse conflict = write.getResponses().get("409");
        assertThat(conflict.getContent()).containsOnlyKeys("application/problem+json");
        assertThat(conflict.getExtensions().get("x-problem-codes")).isEqualTo(List.of("ILLEGAL_TRANSITION"));
        assertThat(write.getResponses().get("400").getExtensions().get("x-problem-codes").toString())
                .contains("VALIDATION_FAILED", "MALFORMED_MULTIPART", "ID_NUMBER_IN_URL");
        assertThat(doc.getPaths().get("/api/v1/catalog").getGet().getResponses().get("400").getExtensions().get("x-problem-codes")
                .toString()).doesNotContain("ID_NUMBER_IN_URL");
        assertThat(write.getRequestBody().getContent().get("multipart/form-data").getEncoding().get("case").getContentType())
                .isEqualTo("application/json");
        ApiResponse ok = doc.getPaths().get("/api/v1/catalog").getGet().getResponses().get("200");
        assertThat(ok.getContent()).containsOnlyKeys("application/json");
        assertThat(doc.getPaths().get("/api/v1/catalog").getGet().getResponses()).doesNotContainKeys("403", "404", "413");
    }

    @Test
    void theTokenIsNoParameterAndAFileHasABinarySchema() {
        Operation issue = new Operation().operationId("issueReport")
                .addParametersItem(new io.swagger.v3.oas.models.parameters.Parameter().in("header").name("Authorization"))
                .responses(new ApiResponses().addApiResponse("200", new ApiResponse().description("the PDF")
                        .content(new Content().addMediaType("application/pdf", new MediaType()))));
        OpenAPI doc = new OpenAPI().openapi("3.1.0").paths(new Paths().addPathItem("/api/v1/reports", new PathItem().post(issue)));
        ApiDocConventions.document(doc, "report-service", (method, path) -> true);
        assertThat(issue.getParameters()).isNull();
        assertThat(issue.getResponses().get("200").getContent().get("application/pdf").getSchema().getFormat()).isEqualTo("binary");
    }

    @Test
    void aSamplePathFillsEveryVariable() {
        assertThat(ApiDocConventions.samplePath("/api/v1/cases/{id}:accept")).isEqualTo("/api/v1/cases/x:accept");
        assertThat(ApiDocConventions.samplePath("/api/v1/cases/{id}/effects/{operationId}:retry")).isEqualTo("/api/v1/cases/x/effects/x:retry");
    }
}
