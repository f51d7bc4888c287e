package org.publiccredit.gateway.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.publiccredit.gateway.contract.World.CITIZEN1;
import static org.publiccredit.gateway.contract.World.ENT1;
import static org.publiccredit.gateway.contract.World.TODAY;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.publiccredit.testkit.Api;
import org.publiccredit.testkit.IntegrationTest;
import org.publiccredit.testkit.Reply;
import tools.jackson.databind.JsonNode;

/**
 * Every public operation the gateway routes × every kind of caller, through the gateway with real tokens: the answer's
 * class (2xx, 404 as "not yours", 401, 403 — or, where the caller got past access control to a refusal of the object's
 * state, that status) comes from ONE table below, and every refusal is problem JSON with a code. The operations are
 * those of the gateway's published API documents: one without a row here fails {@link #everyDocumentedOperationHasARow},
 * and so does a row whose operation is gone. A token that is forged, expired or unsigned is 401 on every operation.
 *
 * <p>Fixtures: ent1 is the subject (Liuzhou, region 4502), its records are supplied by the market department; a caller
 * expected to succeed at a write gets an object of its own, the others share one (a refusal changes nothing).
 */
@IntegrationTest
class AuthorizationMatrixIT {

    /** The columns of the table, in order; the bad-token callers are 401 everywhere and have no column. */
    private static final List<Callers> COLUMNS = List.of(Callers.ANONYMOUS, Callers.CITIZEN, Callers.ENTERPRISE,
            Callers.OTHER_ENTERPRISE, Callers.OFFICER, Callers.OTHER_OFFICER, Callers.REVIEWER, Callers.OTHER_REVIEWER,
            Callers.ADMIN, Callers.PARTNER, Callers.INTERNAL);
    private static final String HEADER = "anon cit ent ent2 off off2 rev rev2 admin partner internal";

    /**
     * How one caller calls the operation. {@code succeeds}: the table expects a 2xx, so the call makes its own fresh
     * object when the operation changes one.
     */
    @FunctionalInterface
    interface Call {
        Reply call(Api api, Callers caller, boolean succeeds);
    }

    /** One row: the operation, the expected status per column ({@code 202|409}: either), how to call it. */
    record Row(String operation, Map<Callers, Set<Integer>> expected, Call call) {
    }

    private static final Map<String, Row> TABLE = new LinkedHashMap<>();

    private static void row(String operation, String expected, Call call) {
        String[] statuses = expected.trim().split("\\s+");
        assertThat(statuses).as("%s: one status per column (%s)", operation, HEADER).hasSize(COLUMNS.size());
        Map<Callers, Set<Integer>> byCaller = new EnumMap<>(Callers.class);
        for (int i = 0; i < statuses.length; i++) {
            byCaller.put(COLUMNS.get(i), Arrays.stream(statuses[i].split("\\|")).map(Integer::valueOf).collect(Collectors.toSet()));
        }
        assertThat(TABLE.put(operation, new Row(operation, byCaller, call))).as("two rows for %s", operation).isNull();
    }

    /** A shared object of one row, made on first use. */
    private static <T> Supplier<T> shared(Supplier<T> make) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = make.get();
                }
                return value;
            }
        };
    }

    private static String json(Object body) {
        return Api.JSON.writeValueAsString(body);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static {
        // ---------------------------------------------------------------- subject-service
        //                                                       anon cit ent ent2 off off2 rev rev2 admin partner internal
        row("GET /api/v1/subjects/{key}",                       "200  200 200 200  200 200  200 200  200   200     200",
                (api, c, ok) -> api.get("/api/v1/subjects/" + ENT1));
        Supplier<String> someSubject = shared(World::subject);
        row("PUT /api/v1/subjects/{key}",                       "401  403 403 403  200 200  403 403  200   200     403",
                (api, c, ok) -> {
                    String code = ok ? World.subject() : someSubject.get();
                    return api.put("/api/v1/subjects/" + code, World.enterprise(code));
                });
        row("POST /api/v1/subjects",                            "401  403 403 403  201 201  403 403  201   201     403",
                (api, c, ok) -> api.post("/api/v1/subjects", World.enterprise(World.freshUscc())));
        row("POST /api/v1/subjects:import",                     "401  403 403 403  200 200  403 403  200   200     403",
                (api, c, ok) -> api.post("/api/v1/subjects:import", "application/x-ndjson",
                        utf8(json(World.enterprise(World.freshUscc())) + "\n")));
        Supplier<String> citizen = shared(World::citizenId);
        row("POST /api/v1/subjects/{id}/id-number:reveal",      "401  403 403 403  403 403  403 403  200   403     403",
                (api, c, ok) -> api.post("/api/v1/subjects/" + citizen.get() + "/id-number:reveal",
                        Map.of("reason", "契约测试：核对身份证号码的访问控制")));
        row("POST /api/v1/subjects/lookup",                     "401  403 403 403  200 200  403 403  200   200     403",
                (api, c, ok) -> api.post("/api/v1/subjects/lookup", Map.of("idNumber", CITIZEN1, "purpose", "契约测试")));
        row("GET /api/v1/subjects/{id}/pii-access",             "401  403 403 403  403 403  403 403  200   403     403",
                (api, c, ok) -> api.get("/api/v1/subjects/" + citizen.get() + "/pii-access"));
        row("GET /api/v1/subjects/mine",                        "401  200 200 200  404 404  404 404  404   404     404",
                (api, c, ok) -> api.get("/api/v1/subjects/mine"));
        row("GET /api/v1/identifiers/{value}",                  "200  200 200 200  200 200  200 200  200   200     200",
                (api, c, ok) -> api.get("/api/v1/identifiers/" + ENT1));

        // ---------------------------------------------------------------- record-service
        row("GET /api/v1/catalog",                              "200  200 200 200  200 200  200 200  200   200     200",
                (api, c, ok) -> api.get("/api/v1/catalog"));
        row("GET /api/v1/catalog/{code}",                       "200  200 200 200  200 200  200 200  200   200     200",
                (api, c, ok) -> api.get("/api/v1/catalog/ADM_PENALTY"));
        row("GET /api/v1/catalog/{code}/history",               "200  200 200 200  200 200  200 200  200   200     200",
                (api, c, ok) -> api.get("/api/v1/catalog/ADM_PENALTY/history"));
        row("GET /api/v1/catalog/evaluation-rules",             "200  200 200 200  200 200  200 200  200   200     200",
                (api, c, ok) -> api.get("/api/v1/catalog/evaluation-rules"));
        row("GET /api/v1/public/subjects/{code}/evaluation",    "200  200 200 200  200 200  200 200  200   200     200",
                (api, c, ok) -> api.get("/api/v1/public/subjects/" + ENT1 + "/evaluation"));
        row("GET /api/v1/subjects/mine/evaluation",             "401  200 200 200  404 404  404 404  404   404     404",
                (api, c, ok) -> api.get("/api/v1/subjects/mine/evaluation"));
        // 查询记录: the caller's own access log; accounts that act for no subject have none (404)
        row("GET /api/v1/subjects/mine/access-log",             "401  200 200 200  404 404  404 404  404   404     404",
                (api, c, ok) -> api.get("/api/v1/subjects/mine/access-log"));
        row("GET /api/v1/audit/checks",                         "401  403 403 403  403 403  403 403  200   403     403",
                (api, c, ok) -> api.get("/api/v1/audit/checks?subject=" + ENT1 + "&size=5"));
        row("GET /api/v1/audit/reads",                          "401  403 403 403  403 403  403 403  200   403     403",
                (api, c, ok) -> api.get("/api/v1/audit/reads?size=5"));
        Supplier<JsonNode> entry = shared(() -> Api.gateway().get("/api/v1/catalog/CONTRACT_HONORED").expect(200).json());
        row("PUT /api/v1/catalog/{code}",                       "401  403 403 403  403 403  403 403  200   403     403",
                (api, c, ok) -> api.put("/api/v1/catalog/CONTRACT_HONORED", json(entry.get())));
        Map<String, Object> check = Map.of("scenario", "GOV_PROCUREMENT", "subjects", List.of(ENT1), "purpose", "契约测试");
        row("POST /api/v1/checks",                              "401  403 403 403  201 201  403 403  201   201     403",
                (api, c, ok) -> api.post("/api/v1/checks", check));
        Supplier<String> partnersCheck = shared(() -> Callers.PARTNER.api().post("/api/v1/checks", check).expect(201).json()
                .path("checkId").asString());
        row("GET /api/v1/checks/{id}",                          "401  403 403 403  404 404  403 403  404   200     403",
                (api, c, ok) -> api.get("/api/v1/checks/" + partnersCheck.get()));
        // sharing (issue 25): departments apply and read, admins decide; the exchange feed is partners' and admins'
        Map<String, Object> application = Map.of("category", "TAX_CREDIT_GRADE", "basis", "契约测试：依据", "purpose", "契约测试");
        Supplier<String> grant = () -> Callers.PARTNER.api().post("/api/v1/sharing/grants", application).expect(201).json()
                .path("id").asString();
        Supplier<String> partnersGrant = shared(grant);
        row("POST /api/v1/sharing/grants",                      "401  403 403 403  201 201  403 403  403   201     403",
                (api, c, ok) -> api.post("/api/v1/sharing/grants", application));
        row("GET /api/v1/sharing/grants",                       "401  403 403 403  200 200  403 403  200   200     403",
                (api, c, ok) -> api.get("/api/v1/sharing/grants"));
        row("GET /api/v1/sharing/grants/{id}",                  "401  403 403 403  404 404  403 403  200   200     403",
                (api, c, ok) -> api.get("/api/v1/sharing/grants/" + partnersGrant.get()));
        row("POST /api/v1/sharing/grants/{id}:approve",         "401  403 403 403  403 403  403 403  200   403     403",
                (api, c, ok) -> api.post("/api/v1/sharing/grants/" + (ok ? grant.get() : partnersGrant.get()) + ":approve",
                        Map.of("until", TODAY.minusDays(1).toString())));
        row("POST /api/v1/sharing/grants/{id}:refuse",          "401  403 403 403  403 403  403 403  200   403     403",
                (api, c, ok) -> api.post("/api/v1/sharing/grants/" + (ok ? grant.get() : partnersGrant.get()) + ":refuse",
                        Map.of("reason", "契约测试：拒绝")));
        row("POST /api/v1/sharing/reads",                       "401  403 403 403  200 200  403 403  403   200     403",
                (api, c, ok) -> api.post("/api/v1/sharing/reads", Map.of("subject", ENT1, "purpose", "契约测试")));
        row("GET /api/v1/exchange/changes",                     "401  403 403 403  403 403  403 403  200   200     403",
                (api, c, ok) -> api.get("/api/v1/exchange/changes?limit=5"));
        // monitoring (issue 25): partner clients only, each its own list, webhook and log; an admin reads a named client's log
        Map<String, Object> watched = Map.of("subjects", List.of(ENT1));
        Map<String, Object> hook = Map.of("url", "http://127.0.0.1:9/contract-hook");
        row("PUT /api/v1/monitoring/watchlist",                 "401  403 403 403  403 403  403 403  403   200     403",
                (api, c, ok) -> api.put("/api/v1/monitoring/watchlist", watched));
        row("POST /api/v1/monitoring/watchlist:remove",         "401  403 403 403  403 403  403 403  403   200     403",
                (api, c, ok) -> api.post("/api/v1/monitoring/watchlist:remove", Map.of("subjects", List.of(CITIZEN1))));
        row("GET /api/v1/monitoring/watchlist",                 "401  403 403 403  403 403  403 403  403   200     403",
                (api, c, ok) -> api.get("/api/v1/monitoring/watchlist?size=5"));
        row("PUT /api/v1/monitoring/webhook",                   "401  403 403 403  403 403  403 403  403   200     403",
                (api, c, ok) -> api.put("/api/v1/monitoring/webhook", hook));
        row("POST /api/v1/monitoring/webhook:rotate-secret",    "401  403 403 403  403 403  403 403  403   200     403",
                (api, c, ok) -> {
                    if (ok) {
                        api.put("/api/v1/monitoring/webhook", hook).expect(200);
                    }
                    return api.post("/api/v1/monitoring/webhook:rotate-secret", Map.of());
                });
        row("GET /api/v1/monitoring/webhook",                   "401  403 403 403  403 403  403 403  403   200     403",
                (api, c, ok) -> api.get("/api/v1/monitoring/webhook"));
        row("GET /api/v1/monitoring/deliveries",                "401  403 403 403  403 403  403 403  200   200     403",
                (api, c, ok) -> api.get("/api/v1/monitoring/deliveries?size=5&client=partner-bank"));
        row("POST /api/v1/monitoring/deliveries:replay",        "401  403 403 403  403 403  403 403  403   200     403",
                (api, c, ok) -> api.post("/api/v1/monitoring/deliveries:replay", Map.of("from", java.time.Instant.now().minusSeconds(60).toString())));
        row("GET /api/v1/public/subjects/{code}/records",       "200  200 200 200  200 200  200 200  200   200     200",
                (api, c, ok) -> api.get("/api/v1/public/subjects/" + ENT1 + "/records"));
        row("POST /api/v1/records",                             "401  403 403 403  201 201  403 403  403   201     403",
                (api, c, ok) -> api.post("/api/v1/records", World.penaltyBody(ENT1, 30)));
        row("POST /api/v1/records:batch",                       "401  403 403 403  200 200  403 403  403   200     403",
                (api, c, ok) -> api.post("/api/v1/records:batch", "application/x-ndjson", utf8(json(World.penaltyBody(ENT1, 30)) + "\n")));
        Supplier<String> someRecord = shared(() -> World.penalty(ENT1, 30));
        row("PATCH /api/v1/records/{id}",                       "401  403 403 403  200 403  403 403  403   403     403",
                (api, c, ok) -> api.patch("/api/v1/records/" + (ok ? World.penalty(ENT1, 30) : someRecord.get()),
                        Map.of("fields", Map.of("violationFacts", "在其网站发布虚假广告（更正）"), "note", "契约测试")));
        row("POST /api/v1/records/{id}:revoke",                 "401  403 403 403  200 403  403 403  403   403     403",
                (api, c, ok) -> api.post("/api/v1/records/" + (ok ? World.penalty(ENT1, 30) : someRecord.get()) + ":revoke",
                        Map.of("reason", "契约测试：撤销")));
        row("GET /api/v1/stats/departments",                    "401  403 403 403  200 200  200 200  200   403     403",
                (api, c, ok) -> api.get("/api/v1/stats/departments?month=" + TODAY.toString().substring(0, 7)));
        row("GET /api/v1/subjects/mine/records",                "401  200 200 200  404 404  404 404  404   404     404",
                (api, c, ok) -> api.get("/api/v1/subjects/mine/records"));
        row("GET /api/v1/subjects/mine/records/{recordId}",     "401  404 200 404  404 404  404 404  404   404     404",
                (api, c, ok) -> api.get("/api/v1/subjects/mine/records/" + someRecord.get()));
        // the subject's own callers ask for ent1's file; staff for a fresh subject with one market record only
        Supplier<String> marketOnly = shared(() -> {
            String code = World.subject();
            World.penalty(code, 30);
            return code;
        });
        // a reviewer reaches the subjects of his region (the fresh subject is in Liuzhou, 4502)
        row("GET /api/v1/subjects/{code}/records",              "401  404 200 404  200 404  200 404  200   404     404",
                (api, c, ok) -> api.get("/api/v1/subjects/" + (Set.of(Callers.CITIZEN, Callers.ENTERPRISE, Callers.OTHER_ENTERPRISE)
                        .contains(c) ? ENT1 : marketOnly.get()) + "/records"));

        // a person's file by the number in the body: the market supplied his record; a reviewer of his region reaches him
        Supplier<String> marketPerson = shared(() -> {
            String idNumber = World.freshIdNumber();
            World.penalty(idNumber, 20);
            return idNumber;
        });
        row("POST /api/v1/subjects/records:lookup",             "401  404 404 404  200 404  200 404  200   404     404",
                (api, c, ok) -> api.post("/api/v1/subjects/records:lookup", Map.of("idNumber", marketPerson.get())));

        // ---------------------------------------------------------------- search-service
        row("GET /api/v1/search",                               "200  200 200 200  200 200  200 200  200   200     200",
                (api, c, ok) -> api.get("/api/v1/search?q=%E6%9F%B3%E5%B7%9E&size=1"));
        row("GET /api/v1/search/suggest",                       "200  200 200 200  200 200  200 200  200   200     200",
                (api, c, ok) -> api.get("/api/v1/search/suggest?q=%E6%9F%B3"));
        row("GET /api/v1/search/mine",                          "401  404 200 200  404 404  404 404  404   404     404",
                (api, c, ok) -> api.get("/api/v1/search/mine"));
        row("GET /api/v1/public/subjects/{code}",               "200  200 200 200  200 200  200 200  200   200     200",
                (api, c, ok) -> api.get("/api/v1/public/subjects/" + ENT1));
        row("POST /api/v1/admin/search:rebuild",                "401  403 403 403  403 403  403 403  202|409 403   403",
                (api, c, ok) -> api.post("/api/v1/admin/search:rebuild", "application/json", new byte[0]));
        // a job id nobody has: 404 to the admin (past the role check), 403 to every other role
        row("GET /api/v1/admin/search/rebuilds/{id}",           "401  403 403 403  403 403  403 403  404   403     403",
                (api, c, ok) -> api.get("/api/v1/admin/search/rebuilds/" + UUID.randomUUID()));
        row("GET /api/v1/stats/grades",                         "401  403 403 403  200 200  200 200  200   403     403",
                (api, c, ok) -> api.get("/api/v1/stats/grades?region=4502&industry=C"));
        // a small sample (3 of Chengzhong's manufacturers); another department's officer does not see the market's sample
        Map<String, Object> sample = Map.of("purpose", "契约测试：双随机抽查", "filters", Map.of("region", "450202", "industry", "C"), "size", 3);
        row("POST /api/v1/supervision/samples",                 "401  403 403 403  201 201  403 403  201   403     403",
                (api, c, ok) -> api.post("/api/v1/supervision/samples", sample));
        Supplier<String> marketSample = shared(() -> Callers.OFFICER.api().post("/api/v1/supervision/samples", sample).expect(201).json()
                .path("id").asString());
        row("GET /api/v1/supervision/samples/{id}",             "401  403 403 403  200 404  403 403  200   403     403",
                (api, c, ok) -> api.get("/api/v1/supervision/samples/" + marketSample.get()));
        row("GET /api/v1/supervision/samples",                  "401  403 403 403  200 200  403 403  200   403     403",
                (api, c, ok) -> api.get("/api/v1/supervision/samples"));

        // ---------------------------------------------------------------- report-service
        // anonymous callers ask for the public edition (anyone may); the others for the full one: the subject's own callers
        // of ent1's, staff of a fresh subject with one market record (a department gets its own records only)
        row("POST /api/v1/reports",                             "200  404 200 404  200 404  200 404  200   404     403",
                (api, c, ok) -> api.post("/api/v1/reports", c == Callers.ANONYMOUS ? Map.of("subject", ENT1, "edition", "public")
                        : Map.of("subject", Set.of(Callers.CITIZEN, Callers.ENTERPRISE, Callers.OTHER_ENTERPRISE).contains(c) ? ENT1
                                : marketOnly.get(), "edition", "full")));
        Supplier<String> issued = shared(World::report);
        row("GET /api/v1/public/reports/{number}",              "200  200 200 200  200 200  200 200  200   200     200",
                (api, c, ok) -> api.get("/api/v1/public/reports/" + issued.get()));
        Supplier<byte[]> pdf = shared(World::reportPdf);
        row("POST /api/v1/public/reports:verify",               "200  200 200 200  200 200  200 200  200   200     200",
                (api, c, ok) -> api.post("/api/v1/public/reports:verify", "application/pdf", pdf.get()));
        row("POST /api/v1/reports/{number}:revoke",             "401  403 403 403  403 403  403 403  200   403     403",
                (api, c, ok) -> api.post("/api/v1/reports/" + (ok ? World.report() : issued.get()) + ":revoke",
                        Map.of("reason", "契约测试：撤销报告")));

        // ---------------------------------------------------------------- objection-service
        row("GET /api/v1/calendar/{year}",                      "200  200 200 200  200 200  200 200  200   200     200",
                (api, c, ok) -> api.get("/api/v1/calendar/" + TODAY.getYear()));
        row("GET /api/v1/cases",                                "401  403 403 403  200 200  200 200  403   403     403",
                (api, c, ok) -> api.get("/api/v1/cases"));
        row("GET /api/v1/cases/mine",                           "401  200 200 200  200 200  200 200  200   200     200",
                (api, c, ok) -> api.get("/api/v1/cases/mine"));
        row("GET /api/v1/cases/stats",                          "401  403 403 403  200 200  200 200  200   403     403",
                (api, c, ok) -> api.get("/api/v1/cases/stats"));
        Supplier<String> submitted = shared(() -> World.caseIn("SUBMITTED"));
        row("GET /api/v1/cases/{id}",                           "401  404 200 404  200 404  200 404  404   404     404",
                (api, c, ok) -> api.get("/api/v1/cases/" + submitted.get()));
        row("POST /api/v1/cases/{id}/attachments",              "401  404 201 404  403 404  403 404  404   404     404",
                (api, c, ok) -> {
                    World.Multipart m = new World.Multipart().file("files", "证据.pdf", "application/pdf", World.pdf());
                    return api.post("/api/v1/cases/" + (ok ? World.caseIn("SUBMITTED") : submitted.get()) + "/attachments",
                            m.contentType(), m.body());
                });
        Supplier<String[]> withFile = shared(World::caseWithFile);
        row("GET /api/v1/cases/{id}/attachments/{attachmentId}", "401 404 200 404  200 404  200 404  404   404     404",
                (api, c, ok) -> api.get("/api/v1/cases/" + withFile.get()[0] + "/attachments/" + withFile.get()[1]));
        // the reviewer of the region gets past access control to the effect's state (delivered or pending, not DEAD)
        Supplier<String[]> withEffect = shared(World::caseWithEffect);
        row("POST /api/v1/cases/{id}/effects/{operationId}:retry", "401 404 403 404 403 404  409 404  404   404     404",
                (api, c, ok) -> api.post("/api/v1/cases/" + withEffect.get()[0] + "/effects/" + withEffect.get()[1] + ":retry",
                        "application/json", new byte[0]));
        row("POST /api/v1/cases/{id}:accept",                   "401  404 403 404  403 404  200 404  404   404     404",
                (api, c, ok) -> api.post("/api/v1/cases/" + (ok ? World.caseIn("SUBMITTED") : submitted.get()) + ":accept", Map.of()));
        row("POST /api/v1/cases/{id}:refuse",                   "401  404 403 404  403 404  200 404  404   404     404",
                (api, c, ok) -> api.post("/api/v1/cases/" + (ok ? World.caseIn("SUBMITTED") : submitted.get()) + ":refuse",
                        Map.of("reason", "材料不全")));
        Supplier<String> accepted = shared(() -> World.caseIn("ACCEPTED"));
        row("POST /api/v1/cases/{id}:assign",                   "401  404 403 404  403 404  200 404  404   404     404",
                (api, c, ok) -> api.post("/api/v1/cases/" + (ok ? World.caseIn("ACCEPTED") : accepted.get()) + ":assign", Map.of()));
        Supplier<String> verifying = shared(() -> World.caseIn("VERIFYING"));
        row("POST /api/v1/cases/{id}:propose",                  "401  404 403 404  200 404  403 404  404   404     404",
                (api, c, ok) -> api.post("/api/v1/cases/" + (ok ? World.caseIn("VERIFYING") : verifying.get()) + ":propose",
                        Map.of("outcome", "UPHELD", "reason", "处罚事实清楚")));
        Supplier<String> proposed = shared(() -> World.caseIn("PROPOSED"));
        row("POST /api/v1/cases/{id}:decide",                   "401  404 403 404  403 404  200 404  404   404     404",
                (api, c, ok) -> api.post("/api/v1/cases/" + (ok ? World.caseIn("PROPOSED") : proposed.get()) + ":decide",
                        Map.of("outcome", "UPHELD", "reason", "处罚事实清楚，维持")));
        // the applicant withdraws an undecided case of its own; staff of the case may not (403), anyone else does not see it
        row("POST /api/v1/cases/{id}:withdraw",                 "401  404 200 404  403 404  403 404  404   404     404",
                (api, c, ok) -> api.post("/api/v1/cases/" + (ok ? World.caseIn("SUBMITTED") : submitted.get()) + ":withdraw",
                        Map.of("reason", "契约测试：撤回申请")));
        Supplier<String> ownRecord = shared(() -> World.penalty(ENT1, 40));
        row("POST /api/v1/objections",                          "401  403 201 403  403 403  403 403  403   403     403",
                (api, c, ok) -> api.header("Idempotency-Key", World.key()).post("/api/v1/objections",
                        Map.of("recordId", ok ? World.penalty(ENT1, 40) : ownRecord.get(), "reason", "处罚决定中的罚款金额有误")));
        Supplier<String> repairable = shared(() -> World.penalty(ENT1, 200));
        row("POST /api/v1/repairs",                             "401  403 201 403  403 403  403 403  403   403     403",
                (api, c, ok) -> World.fileRepair(api, ok ? World.penalty(ENT1, 200) : repairable.get()));
        row("GET /api/v1/repairs/eligibility",                  "401  403 200 403  403 403  403 403  403   403     403",
                (api, c, ok) -> api.get("/api/v1/repairs/eligibility?record=" + repairable.get()));
        row("GET /api/v1/repairs/templates",                    "401  403 200 403  403 403  403 403  403   403     403",
                (api, c, ok) -> api.get("/api/v1/repairs/templates?record=" + repairable.get()));
    }

    private static List<ApiDocuments.Operation> documented;

    @BeforeAll
    static void readTheDocuments() {
        documented = ApiDocuments.operations(ApiDocuments.documents());
    }

    @Test
    void everyDocumentedOperationHasARow() {
        Set<String> operations = documented.stream().map(ApiDocuments.Operation::key).collect(Collectors.toCollection(TreeSet::new));
        assertThat(new TreeSet<>(TABLE.keySet())).as("the table's rows against the operations the gateway publishes "
                + "(add a row for a new operation: who may call it, and how)").isEqualTo(operations);
    }

    /** The documents' security says which operations take a caller without a token: the table must agree. */
    @Test
    void theDocumentedSecurityAgreesWithTheTable() {
        List<String> disagreements = new ArrayList<>();
        for (ApiDocuments.Operation op : documented) {
            Row row = TABLE.get(op.key());
            if (row == null) {
                continue;
            }
            boolean anonymousIn = !row.expected().get(Callers.ANONYMOUS).contains(401);
            if (anonymousIn != op.anonymousAllowed()) {
                disagreements.add(op.key() + ": documented " + (op.anonymousAllowed() ? "token optional" : "token required")
                        + ", table " + row.expected().get(Callers.ANONYMOUS));
            }
        }
        assertThat(disagreements).isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> everyCallerGetsTheAnswerOfItsRow() {
        return TABLE.values().stream().map(row -> DynamicTest.dynamicTest(row.operation(), () -> {
            SoftAssertions soft = new SoftAssertions();
            for (Callers caller : Callers.values()) {
                Set<Integer> expected = caller.badToken() ? Set.of(401) : row.expected().get(caller);
                boolean succeeds = expected.stream().allMatch(s -> s < 300);
                Reply reply = row.call().call(caller.api(), caller, succeeds);
                String what = row.operation() + " as " + caller.description();
                soft.assertThat(reply.status()).as("%s: status; body %s", what, excerpt(reply)).isIn(expected);
                if (reply.status() >= 400) {
                    assertProblem(soft, what, reply);
                }
                if (caller.badToken() || caller == Callers.ANONYMOUS && reply.status() == 401) {
                    soft.assertThat(problemCode(reply)).as("%s: code", what).isEqualTo("UNAUTHENTICATED");
                }
            }
            soft.assertAll();
        }));
    }

    static void assertProblem(SoftAssertions soft, String what, Reply reply) {
        soft.assertThat(reply.header("Content-Type")).as("%s: a problem; body %s", what, excerpt(reply))
                .anySatisfy(t -> assertThat(t).startsWith("application/problem+json"));
        soft.assertThat(problemCode(reply)).as("%s: a stable, named code; body %s", what, excerpt(reply)).matches("[A-Z][A-Z0-9_]+")
                .doesNotMatch("HTTP_\\d+");
        soft.assertThat(reply.text()).as("%s: no trace", what).doesNotContain("Exception").doesNotContain("\tat ");
    }

    static String problemCode(Reply reply) {
        try {
            return reply.json().path("code").asString();
        } catch (RuntimeException notJson) {
            return "";
        }
    }

    static String excerpt(Reply reply) {
        String text = reply.text();
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
