package org.publiccredit.gateway.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.publiccredit.gateway.contract.Malformed.ascii;
import static org.publiccredit.gateway.contract.Malformed.bytes;
import static org.publiccredit.gateway.contract.Malformed.concat;
import static org.publiccredit.gateway.contract.Malformed.utf8;
import static org.publiccredit.gateway.contract.World.CITIZEN1;
import static org.publiccredit.gateway.contract.World.ENT1;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.publiccredit.testkit.Api;
import org.publiccredit.testkit.IntegrationTest;
import org.publiccredit.testkit.Tokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 21's fuzz suite: generated malformed inputs of every class the issue found (and more) at every write operation
 * the gateway publishes, through the gateway, with the right caller's token. Every answer: no 5xx; every refusal is
 * problem JSON with a stable code; inputs of a class that must be refused are refused (4xx); and nothing is half-written:
 * each operation's object is read back before and after its refused inputs (or the objects they name are looked for).
 *
 * <p>The inputs come from a seeded {@link Random}: {@code -Dfuzz.seed=N} repeats a run (the default seed is fixed, so
 * every run throws the same inputs). A failure names the class, the operation, the input's number and the answer.
 */
@IntegrationTest
class FuzzIT {

    static final long SEED = Long.getLong("fuzz.seed", 20261206L);
    private static final int MIN_INPUTS = 2_000;

    /** What an answer must be. */
    enum Expect {
        /** a 4xx problem: the input is of a class that must never be taken */
        REFUSED,
        /** anything but a 5xx (refusals as problems): strange but possibly valid */
        ANY,
        /** a bulk upload: a 4xx problem, or a report that stored none of its rows */
        NO_ROW_STORED
    }

    /** One generated input. */
    record Input(String cls, RawHttp.Request request, Expect expect) {
    }

    /** The outcome of one input, kept for the summary. */
    record Outcome(String target, String cls, int status, String code) {
    }

    /** One write operation under fuzz: who calls it and how, and what must not change. */
    record Target(String operation, Supplier<List<Input>> inputs, Supplier<String> readBack) {
    }

    private static final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private static final List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
    private static final Map<String, Target> TARGETS = new LinkedHashMap<>();
    private static Random random;
    private static long started;

    // ------------------------------------------------------------------ helpers that build requests

    private static byte[] header(String name, String value) {
        return utf8(name + ": " + value);
    }

    /** Stands for a fresh Idempotency-Key in each request built with it. */
    private static final byte[] FRESH_KEY = ascii("Idempotency-Key: @fresh");

    private static List<byte[]> headers(String token, String contentType, byte[]... more) {
        List<byte[]> h = new ArrayList<>();
        h.add(header("Authorization", "Bearer " + token));
        if (contentType != null) {
            h.add(header("Content-Type", contentType));
        }
        h.add(header("X-Forwarded-For", "198.19." + (1 + random.nextInt(250)) + "." + (1 + random.nextInt(250))));
        for (byte[] line : more) {
            h.add(line == FRESH_KEY ? header("Idempotency-Key", "fz-" + java.util.UUID.randomUUID()) : line);
        }
        return h;
    }

    private static RawHttp.Request request(String method, String path, String token, String contentType, byte[] body, byte[]... more) {
        return RawHttp.Request.of(method, path, headers(token, contentType, more), body);
    }

    private static ObjectNode node(Object value) {
        return (ObjectNode) Api.JSON.valueToTree(value);
    }

    /**
     * The inputs of a JSON operation: each text field × every encoding class, wrong shapes, enums, dates, reasons,
     * numbers, whole bodies that are not an object, and the request-line, header, type and size classes with a valid
     * body (which the gateway or the service must refuse before anything happens).
     *
     * @param refusedBody the valid body the refused inputs are made from (its objects are read back afterwards)
     * @param anyBody the valid body of the inputs that may be taken (null: none are sent), about other objects
     */
    private static List<Input> json(String method, String path, String anyPath, String token, ObjectNode refusedBody,
            ObjectNode anyBody, List<String> text, List<String> enums, List<String> dates, List<String> reasons,
            List<String> integers, long routeLimit, byte[]... extraHeaders) {
        return json(method, path, anyPath, token, refusedBody, anyBody, text, enums, dates, reasons, integers, routeLimit, false, extraHeaders);
    }

    /** @param optionalBody no body, or an empty one, is a valid request: such bodies go to {@code anyPath} */
    private static List<Input> json(String method, String path, String anyPath, String token, ObjectNode refusedBody,
            ObjectNode anyBody, List<String> text, List<String> enums, List<String> dates, List<String> reasons,
            List<String> integers, long routeLimit, boolean optionalBody, byte[]... extraHeaders) {
        List<Input> in = new ArrayList<>();
        byte[] valid = Api.JSON.writeValueAsBytes(refusedBody);
        String type = "application/json";
        for (String pointer : text) {
            for (Malformed.Payload p : Malformed.refusedInText()) {
                in.add(new Input("text: " + p.name(), request(method, path, token, type, Malformed.withPayload(refusedBody, pointer, p.bytes()),
                        extraHeaders), Expect.REFUSED));
            }
            for (String value : Malformed.refusedForText()) {
                in.add(new Input(value.length() > 40 ? "text: deep nesting" : "text: wrong type",
                        request(method, path, token, type, Malformed.withRawValue(refusedBody, pointer, value), extraHeaders), Expect.REFUSED));
            }
            if (anyBody != null) {
                for (Malformed.Payload p : Malformed.oddText()) {
                    in.add(new Input("text: " + p.name(), request(method, anyPath, token, type, Malformed.withPayload(anyBody, pointer, p.bytes()),
                            extraHeaders), Expect.ANY));
                }
                for (String value : Malformed.coercibleForText()) {
                    in.add(new Input(value.length() > 20 ? "text: huge number" : "text: scalar of another type",
                            request(method, anyPath, token, type, Malformed.withRawValue(anyBody, pointer, value), extraHeaders), Expect.ANY));
                }
            }
        }
        // a NUL or an unpaired surrogate in a key
        in.add(new Input("key: escaped NUL", request(method, path, token, type,
                concat(ascii("{\"re\\u0000ason\":\"x\","), java.util.Arrays.copyOfRange(valid, 1, valid.length)), extraHeaders), Expect.REFUSED));
        in.add(new Input("key: lone surrogate", request(method, path, token, type,
                concat(ascii("{\"\\ud800\":\"x\","), java.util.Arrays.copyOfRange(valid, 1, valid.length)), extraHeaders), Expect.REFUSED));
        if (anyBody != null) {
            byte[] any = Api.JSON.writeValueAsBytes(anyBody);
            String first = anyBody.propertyNames().iterator().next();
            in.add(new Input("duplicate keys", request(method, anyPath, token, type,
                    concat(ascii("{\"" + first + "\":\"first\","), java.util.Arrays.copyOfRange(any, 1, any.length)), extraHeaders), Expect.ANY));
            in.add(new Input("unknown property", request(method, anyPath, token, type,
                    concat(ascii("{\"fuzzUnknown\":{\"a\":[1,2]},"), java.util.Arrays.copyOfRange(any, 1, any.length)), extraHeaders), Expect.ANY));
        }
        for (String pointer : enums) {
            for (String value : Malformed.refusedForEnum()) {
                in.add(new Input("enum: not a name (" + value + ")", request(method, path, token, type,
                        Malformed.withRawValue(refusedBody, pointer, value), extraHeaders), Expect.REFUSED));
            }
        }
        for (String pointer : dates) {
            for (String value : Malformed.refusedForDate()) {
                in.add(new Input("date out of range or malformed", request(method, path, token, type,
                        Malformed.withRawValue(refusedBody, pointer, value), extraHeaders), Expect.REFUSED));
            }
        }
        for (String pointer : reasons) {
            for (String value : Malformed.blankReasons()) {
                in.add(new Input("reason: blank once trimmed", request(method, path, token, type,
                        Malformed.withRawValue(refusedBody, pointer, value), extraHeaders), Expect.REFUSED));
            }
        }
        for (String pointer : integers) {
            for (String value : Malformed.refusedForInteger()) {
                in.add(new Input("integer: huge or not an integer", request(method, path, token, type,
                        Malformed.withRawValue(refusedBody, pointer, value), extraHeaders), Expect.REFUSED));
            }
        }
        for (byte[] body : Malformed.notAnObject(valid, random)) {
            boolean none = body.length == 0 || new String(body, StandardCharsets.ISO_8859_1).equals("null");
            if (optionalBody && none) {
                in.add(new Input("body: none", request(method, anyPath, token, type, body, extraHeaders), Expect.ANY));
            } else {
                in.add(new Input("body: not a JSON object", request(method, path, token, type, body, extraHeaders), Expect.REFUSED));
            }
        }
        in.addAll(envelope(method, path, token, type, valid, routeLimit, true, extraHeaders));
        return in;
    }

    /**
     * The request-line, header, content-type and size classes. With {@code validBody}: each must be refused before the
     * operation runs. The classes the gateway may pass on are sent with a body that must be refused anyway (a NUL).
     */
    private static List<Input> envelope(String method, String path, String token, String type, byte[] validBody, long routeLimit,
            boolean jsonBody, byte[]... extraHeaders) {
        return envelope(method, path, token, type, validBody, routeLimit, jsonBody, Expect.REFUSED, extraHeaders);
    }

    /** @param badBody what the inputs with a body that must be refused expect (a bulk upload answers a report) */
    private static List<Input> envelope(String method, String path, String token, String type, byte[] validBody, long routeLimit,
            boolean jsonBody, Expect badBody, byte[]... extraHeaders) {
        List<Input> in = new ArrayList<>();
        RawHttp.Request valid = request(method, path, token, type, validBody, extraHeaders);
        for (String target : Malformed.firewallTargets(path)) {
            in.add(new Input("request target: firewall", valid.withTarget(target.getBytes(StandardCharsets.ISO_8859_1)), Expect.REFUSED));
        }
        in.add(new Input("request target: raw non-ASCII", valid.withTarget(concat(utf8(path), bytes(0xE6, 0x9F, 0xB3))), Expect.REFUSED));
        in.add(new Input("request line over 16 KB", valid.withTarget(utf8(path + "?pad=" + "x".repeat(17_000))), Expect.REFUSED));
        in.add(new Input("header over 16 KB", valid.withHeaders(List.of(header("X-Fuzz", "y".repeat(17_000)))), Expect.REFUSED));
        List<byte[]> many = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            many.add(header("X-Fuzz-" + i, "z".repeat(500)));
        }
        in.add(new Input("headers over 16 KB together", valid.withHeaders(many), Expect.REFUSED));
        in.add(new Input("header: DEL byte", valid.withHeaders(List.of(concat(ascii("X-Fuzz: a"), bytes(0x7F), ascii("b")))), Expect.REFUSED));
        in.add(new Input("header: NUL byte", valid.withHeaders(List.of(concat(ascii("X-Fuzz: a"), bytes(0), ascii("b")))), Expect.REFUSED));
        in.add(new Input("header name: non-token", valid.withHeaders(List.of(ascii("X Fuzz: a"))), Expect.REFUSED));
        in.add(new Input("declared length over the route's limit", valid.declaring(routeLimit + 1), Expect.REFUSED));
        if (jsonBody) {
            in.add(new Input("content type: multipart without boundary", request(method, path, token, "multipart/form-data", validBody,
                    extraHeaders), Expect.REFUSED));
            in.add(new Input("content type: text/plain", request(method, path, token, "text/plain", validBody, extraHeaders), Expect.REFUSED));
            in.add(new Input("content type: none", request(method, path, token, null, validBody, extraHeaders), Expect.REFUSED));
            in.add(new Input("content type: application/xml", request(method, path, token, "application/xml", validBody, extraHeaders),
                    Expect.REFUSED));
            in.add(new Input("content type: JSON in GBK", request(method, path, token, "application/json; charset=GBK",
                    Malformed.gbk("{\"reason\":\"柳州市场\"}"), extraHeaders), Expect.REFUSED));
            if (routeLimit <= 1024 * 1024) {
                byte[] big = concat(ascii("{\"pad\":\""), ascii("p".repeat((int) routeLimit + 10)), ascii("\"}"));
                in.add(new Input("chunked body over the limit", request(method, path, token, type, big, extraHeaders).chunkedBody(),
                        Expect.REFUSED));
            }
        }
        // what the gateway may pass on, with a body that must be refused anyway: the service's answer is a problem too
        byte[] refused = jsonBody ? concat(ascii("{\"reason\":\"a"), bytes(0), ascii("b\"}")) : bytes(0xC0, 0xAF);
        RawHttp.Request bad = request(method, path, token, type, refused, extraHeaders);
        in.add(new Input("header: control character (0x01)", bad.withHeaders(List.of(concat(ascii("X-Fuzz: a"), bytes(1), ascii("b")))),
                badBody));
        in.add(new Input("header: escape (0x1B)", bad.withHeaders(List.of(concat(ascii("Accept-Language: zh"), bytes(0x1B)))), badBody));
        in.add(new Input("header: raw UTF-8", bad.withHeaders(List.of(concat(ascii("X-Fuzz: "), utf8("柳州")))), badBody));
        in.add(new Input("header: Latin-1", bad.withHeaders(List.of(concat(ascii("X-Request-Id: caf"), bytes(0xE9)))), badBody));
        in.add(new Input("request target: raw GBK", bad.withTarget(concat(utf8(path + "?q="), Malformed.gbk("柳州"))), Expect.REFUSED));
        in.add(new Input("request line of 12 KB", bad.withTarget(utf8(path + "?pad=" + "x".repeat(12_000))), badBody));
        in.add(new Input("header of 12 KB", bad.withHeaders(List.of(header("X-Fuzz", "y".repeat(12_000)))), badBody));
        return in;
    }

    // ------------------------------------------------------------------ the operations

    private static String user(String name) {
        return Tokens.user(name);
    }

    private static JsonNode read(String user, String path) {
        return World.as(user).get(path).expect(200).json();
    }

    private static int status(String user, String path) {
        return World.as(user).get(path).status();
    }

    private static String caseState(String id) {
        JsonNode c = read("reviewer1", "/api/v1/cases/" + id);
        // not the timeline: an effect's delivery adds a line to it in its own time
        return c.path("state").asString() + " v" + c.path("version").asInt() + " files " + c.path("attachments").size()
                + " effects " + c.path("effects").size();
    }

    private static String recordView(String id) {
        JsonNode r = read("ent1", "/api/v1/subjects/mine/records/" + id);
        return r.path("state").asString() + " v" + r.path("version").asInt() + " " + r.path("decisionDate").asString() + " "
                + r.path("fields").toString();
    }

    /** ent1's cases about a record (its newest hundred: a case filed by the run is among them). */
    private static String casesAbout(String recordId) {
        JsonNode mine = read("ent1", "/api/v1/cases/mine?size=100");
        int n = 0;
        for (JsonNode c : mine) {
            n += c.path("record").path("id").asString().equals(recordId) ? 1 : 0;
        }
        return "cases about the record " + n;
    }

    /** How many of the market's newest 100 supervision samples were drawn for this purpose. */
    private static String samplesFor(String purpose) {
        int n = 0;
        for (JsonNode s : read("officer-market", "/api/v1/supervision/samples?size=100").path("items")) {
            n += s.path("purpose").asString().equals(purpose) ? 1 : 0;
        }
        return "samples for the purpose " + n;
    }

    private static String registered(String code) {
        return "subject " + status("admin1", "/api/v1/subjects/" + code) + ", records " + status("officer-market",
                "/api/v1/subjects/" + code + "/records");
    }

    private static void define() {
        long oneMb = 1024 * 1024;
        long subjectLimit = 64 * 1024;

        // ---------------------------------------------------------------- subject-service
        String refusedCode = World.freshUscc();
        TARGETS.put("POST /api/v1/subjects", new Target("POST /api/v1/subjects", () -> json("POST", "/api/v1/subjects", "/api/v1/subjects",
                user("officer-market"), node(World.enterprise(refusedCode)), node(World.enterprise(World.freshUscc())),
                List.of("/name", "/code", "/address", "/legalRepresentative"), List.of(), List.of("/registrationDate"), List.of(), List.of(),
                subjectLimit), () -> "subject " + status("admin1", "/api/v1/subjects/" + refusedCode)));
        String kept = World.subject();
        String keptAny = World.subject();
        TARGETS.put("PUT /api/v1/subjects/{key}", new Target("PUT /api/v1/subjects/{key}", () -> json("PUT", "/api/v1/subjects/" + kept,
                "/api/v1/subjects/" + keptAny, user("officer-market"), node(World.enterprise(kept)), node(World.enterprise(keptAny)),
                List.of("/name", "/address", "/registrationStatus"), List.of(), List.of("/registrationDate"), List.of(), List.of(), subjectLimit),
                () -> read("admin1", "/api/v1/subjects/" + kept).toString()));
        String importCode = World.freshUscc();
        TARGETS.put("POST /api/v1/subjects:import", new Target("POST /api/v1/subjects:import",
                () -> bulk("/api/v1/subjects:import", user("officer-market"), node(World.enterprise(importCode)),
                        List.of("/name", "/code", "/address"), "code,name,legalRepresentative,registrationDate,registrationStatus,industry,address",
                        importCode + ",契约测试有限公司,测试法人,1800-01-01,存续,C,柳州市", 256L * oneMb),
                () -> "subject " + status("admin1", "/api/v1/subjects/" + importCode)));
        Supplier<String> citizen = shared(World::citizenId);
        TARGETS.put("POST /api/v1/subjects/{id}/id-number:reveal", new Target("POST /api/v1/subjects/{id}/id-number:reveal",
                () -> json("POST", "/api/v1/subjects/" + citizen.get() + "/id-number:reveal", null, user("admin1"),
                        node(Map.of("reason", "契约模糊测试：核对访问控制")), null, List.of("/reason"), List.of(), List.of(), List.of("/reason"),
                        List.of(), subjectLimit),
                () -> "audit " + read("admin1", "/api/v1/subjects/" + citizen.get() + "/pii-access?limit=200").size()));
        TARGETS.put("POST /api/v1/subjects/lookup", new Target("POST /api/v1/subjects/lookup",
                () -> json("POST", "/api/v1/subjects/lookup", null, user("officer-market"), node(Map.of("idNumber", CITIZEN1, "purpose", "契约模糊测试")),
                        null, List.of("/idNumber", "/purpose"), List.of(), List.of(), List.of("/purpose"), List.of(), subjectLimit),
                () -> "audit " + read("admin1", "/api/v1/subjects/" + citizen.get() + "/pii-access?limit=200").size()));

        // a read by POST (the id number in the body, never in a URL): nothing to read back
        TARGETS.put("POST /api/v1/subjects/records:lookup", new Target("POST /api/v1/subjects/records:lookup",
                () -> json("POST", "/api/v1/subjects/records:lookup", null, user("admin1"),
                        node(Map.of("idNumber", CITIZEN1, "category", "ADM_PENALTY", "page", 0, "size", 5)), null,
                        List.of("/idNumber", "/category"), List.of(), List.of(), List.of(), List.of("/page", "/size"), subjectLimit),
                () -> "-"));

        // ---------------------------------------------------------------- record-service
        String refusedSubject = World.freshUscc();
        String anySubject = World.freshUscc();
        TARGETS.put("POST /api/v1/records", new Target("POST /api/v1/records", () -> json("POST", "/api/v1/records", "/api/v1/records",
                user("officer-market"), node(World.penaltyBody(refusedSubject, 30)), node(World.penaltyBody(anySubject, 30)),
                List.of("/documentNumber", "/subject/name", "/fields/violationFacts", "/fields/penaltyContent", "/category"), List.of(),
                List.of("/decisionDate"), List.of(), List.of(), oneMb), () -> registered(refusedSubject)));
        String batchSubject = World.freshUscc();
        TARGETS.put("POST /api/v1/records:batch", new Target("POST /api/v1/records:batch", () -> bulk("/api/v1/records:batch",
                user("officer-market"), node(World.penaltyBody(batchSubject, 30)),
                List.of("/documentNumber", "/subject/name", "/fields/violationFacts"),
                "category,subjectIdentifier,subjectName,documentNumber,decisionDate,violationType,violationFacts",
                "ADM_PENALTY," + batchSubject + ",契约测试,FUZZ-1,1900-01-01,虚假宣传,事实", 256L * oneMb), () -> registered(batchSubject)));
        Supplier<String> record = shared(() -> World.penalty(ENT1, 30));
        Supplier<String> otherRecord = shared(() -> World.penalty(ENT1, 30));
        TARGETS.put("PATCH /api/v1/records/{id}", new Target("PATCH /api/v1/records/{id}", () -> json("PATCH", "/api/v1/records/" + record.get(),
                "/api/v1/records/" + otherRecord.get(), user("officer-market"),
                node(Map.of("fields", Map.of("violationFacts", "更正后的违法事实"), "note", "契约模糊测试", "decisionDate", World.TODAY.minusDays(30).toString())),
                node(Map.of("fields", Map.of("violationFacts", "更正后的违法事实"), "note", "契约模糊测试")),
                List.of("/note", "/fields/violationFacts"), List.of(), List.of("/decisionDate"), List.of(), List.of("/version"), oneMb),
                () -> recordView(record.get())));
        TARGETS.put("POST /api/v1/records/{id}:revoke", new Target("POST /api/v1/records/{id}:revoke", () -> json("POST",
                "/api/v1/records/" + record.get() + ":revoke", "/api/v1/records/" + otherRecord.get() + ":revoke", user("officer-market"),
                node(Map.of("reason", "契约模糊测试")), node(Map.of("reason", "契约模糊测试")), List.of("/reason"), List.of(), List.of(),
                List.of("/reason"), List.of(), oneMb), () -> recordView(record.get())));
        TARGETS.put("PUT /api/v1/catalog/{code}", new Target("PUT /api/v1/catalog/{code}", () -> {
            ObjectNode entry = (ObjectNode) Api.gateway().patient().get("/api/v1/catalog/CONTRACT_HONORED").expect(200).json();
            return json("PUT", "/api/v1/catalog/CONTRACT_HONORED", null, user("admin1"), entry, null,
                    List.of("/nameZh", "/nameEn", "/documentNumberLabel", "/fields/0/label"), List.of("/kind", "/fields/0/type"), List.of(),
                    List.of(), List.of(), oneMb);
        }, () -> "revisions " + read("admin1", "/api/v1/catalog/CONTRACT_HONORED/history").path("revisions").size()));
        // a refused check stores nothing; there is no count of checks to read back, the answers are asserted
        TARGETS.put("POST /api/v1/checks", new Target("POST /api/v1/checks", () -> json("POST", "/api/v1/checks", "/api/v1/checks",
                user("officer-market"), node(Map.of("scenario", "GOV_PROCUREMENT", "subjects", List.of(ENT1), "purpose", "契约模糊测试")),
                node(Map.of("scenario", "GOV_PROCUREMENT", "subjects", List.of(ENT1), "purpose", "契约模糊测试")),
                List.of("/scenario", "/subjects/0", "/purpose"), List.of(), List.of(), List.of(), List.of(), oneMb), () -> "-"));
        // sharing (issue 25): a refused application stores no grant (the market's are counted); a refused decision leaves the
        // grant as it was (its state, end date and history are read back)
        Map<String, Object> application = Map.of("category", "TAX_CREDIT_GRADE", "basis", "契约模糊测试：依据", "purpose", "契约模糊测试");
        Supplier<String> grant = () -> World.as("officer-market").post("/api/v1/sharing/grants", application).expect(201).json()
                .path("id").asString();
        TARGETS.put("POST /api/v1/sharing/grants", new Target("POST /api/v1/sharing/grants", () -> json("POST", "/api/v1/sharing/grants",
                null, user("officer-market"), node(application), null, List.of("/category", "/basis", "/purpose"), List.of(), List.of(),
                List.of("/basis"), List.of(), oneMb), () -> "grants " + read("officer-market", "/api/v1/sharing/grants").path("items").size()));
        Supplier<String> decided = shared(grant);
        Supplier<String> decidedAny = shared(grant);
        java.util.function.Function<String, String> grantState = id -> {
            JsonNode g = read("admin1", "/api/v1/sharing/grants/" + id);
            return g.path("state").asString() + " " + g.path("until").asString() + " " + g.path("history").size();
        };
        TARGETS.put("POST /api/v1/sharing/grants/{id}:approve", new Target("POST /api/v1/sharing/grants/{id}:approve", () -> json("POST",
                "/api/v1/sharing/grants/" + decided.get() + ":approve", null, user("admin1"),
                node(Map.of("until", World.TODAY.minusDays(1).toString())), null, List.of(), List.of(), List.of("/until"), List.of(),
                List.of(), oneMb), () -> grantState.apply(decided.get())));
        TARGETS.put("POST /api/v1/sharing/grants/{id}:refuse", new Target("POST /api/v1/sharing/grants/{id}:refuse", () -> json("POST",
                "/api/v1/sharing/grants/" + decided.get() + ":refuse", "/api/v1/sharing/grants/" + decidedAny.get() + ":refuse",
                user("admin1"), node(Map.of("reason", "契约模糊测试")), node(Map.of("reason", "契约模糊测试")), List.of("/reason"), List.of(),
                List.of(), List.of("/reason"), List.of(), oneMb), () -> grantState.apply(decided.get())));
        // a shared read writes only its audit row; refused ones are asserted by their answers
        Map<String, Object> sharedRead = Map.of("subject", ENT1, "purpose", "契约模糊测试", "basis", "契约模糊测试：依据");
        TARGETS.put("POST /api/v1/sharing/reads", new Target("POST /api/v1/sharing/reads", () -> json("POST", "/api/v1/sharing/reads",
                "/api/v1/sharing/reads", user("officer-market"), node(sharedRead), node(sharedRead), List.of("/subject", "/purpose", "/basis"),
                List.of(), List.of(), List.of("/purpose"), List.of(), oneMb), () -> "-"));

        // monitoring (issue 25), as partner-tax: a refused change leaves its watch list and webhook as they were
        String tax = Tokens.client("partner-tax");
        Supplier<String> taxList = () -> {
            JsonNode l = Api.gateway().patient().as(tax).get("/api/v1/monitoring/watchlist?size=1000").expect(200).json();
            return l.path("total").asLong() + " " + l.path("items").valueStream().map(i -> i.path("code").asString()).toList();
        };
        Supplier<String> taxHook = () -> {
            JsonNode w = Api.gateway().patient().as(tax).get("/api/v1/monitoring/webhook").expect(200).json();
            return w.path("url").asString() + " " + w.path("setAt").asString() + " " + w.path("secretRotatedAt").asString();
        };
        TARGETS.put("PUT /api/v1/monitoring/watchlist", new Target("PUT /api/v1/monitoring/watchlist", () -> json("PUT",
                "/api/v1/monitoring/watchlist", null, tax, node(Map.of("subjects", List.of(ENT1))),
                null, List.of("/subjects/0"), List.of(), List.of(), List.of(), List.of(), oneMb), taxList));
        TARGETS.put("POST /api/v1/monitoring/watchlist:remove", new Target("POST /api/v1/monitoring/watchlist:remove", () -> json("POST",
                "/api/v1/monitoring/watchlist:remove", null, tax, node(Map.of("subjects", List.of(ENT1))), null, List.of("/subjects/0"),
                List.of(), List.of(), List.of(), List.of(), oneMb), taxList));
        TARGETS.put("PUT /api/v1/monitoring/webhook", new Target("PUT /api/v1/monitoring/webhook", () -> json("PUT",
                "/api/v1/monitoring/webhook", null, tax, node(Map.of("url", "http://127.0.0.1:9/fuzz-hook")), null, List.of("/url"),
                List.of(), List.of(), List.of(), List.of(), oneMb), taxHook));
        TARGETS.put("POST /api/v1/monitoring/webhook:rotate-secret", new Target("POST /api/v1/monitoring/webhook:rotate-secret",
                () -> gatewayOnly("POST", "/api/v1/monitoring/webhook:rotate-secret", tax, oneMb), taxHook));
        TARGETS.put("POST /api/v1/monitoring/deliveries:replay", new Target("POST /api/v1/monitoring/deliveries:replay", () -> json("POST",
                "/api/v1/monitoring/deliveries:replay", null, tax, node(Map.of("from", "2026-01-01T00:00:00Z")), null, List.of("/from"),
                List.of(), List.of(), List.of(), List.of(), oneMb), () -> "-"));

        // ---------------------------------------------------------------- search-service: no body; only what the gateway refuses
        TARGETS.put("POST /api/v1/admin/search:rebuild", new Target("POST /api/v1/admin/search:rebuild", () -> gatewayOnly("POST",
                "/api/v1/admin/search:rebuild", user("admin1"), oneMb), () -> "-"));
        // a refused draw stores no sample: the market's samples with the refused body's purpose are counted before and after
        String refusedPurpose = "契约模糊测试：不应保存的抽查";
        TARGETS.put("POST /api/v1/supervision/samples", new Target("POST /api/v1/supervision/samples", () -> json("POST",
                "/api/v1/supervision/samples", "/api/v1/supervision/samples", user("officer-market"),
                node(Map.of("purpose", refusedPurpose, "filters", Map.of("region", "450202", "industry", "C", "type", "ENTERPRISE"), "size", 3,
                        "seed", 1)),
                node(Map.of("purpose", "契约模糊测试：抽查", "filters", Map.of("region", "450202", "industry", "C"), "size", 3)),
                List.of("/purpose", "/filters/region", "/filters/industry"), List.of("/filters/type"), List.of(), List.of("/purpose"),
                List.of("/size", "/seed"), oneMb), () -> samplesFor(refusedPurpose)));

        // ---------------------------------------------------------------- report-service
        // a refused request issues no report; the registry has no count to read back (numbers are not listed): answers asserted
        TARGETS.put("POST /api/v1/reports", new Target("POST /api/v1/reports", () -> json("POST", "/api/v1/reports", "/api/v1/reports",
                user("ent1"), node(Map.of("subject", ENT1, "edition", "full")), node(Map.of("subject", "91450200MA5K00012P", "edition", "public")),
                List.of("/subject", "/edition"), List.of(), List.of(), List.of(), List.of(), oneMb), () -> "-"));
        TARGETS.put("POST /api/v1/public/reports:verify", new Target("POST /api/v1/public/reports:verify", () -> verify(
                "/api/v1/public/reports:verify", user("ent1")), () -> "-"));
        Supplier<String> report = shared(World::report);
        Supplier<String> otherReport = shared(World::report);
        TARGETS.put("POST /api/v1/reports/{number}:revoke", new Target("POST /api/v1/reports/{number}:revoke", () -> json("POST",
                "/api/v1/reports/" + report.get() + ":revoke", "/api/v1/reports/" + otherReport.get() + ":revoke", user("admin1"),
                node(Map.of("reason", "契约模糊测试：撤销报告")), node(Map.of("reason", "契约模糊测试：撤销报告")), List.of("/reason"), List.of(),
                List.of(), List.of("/reason"), List.of(), oneMb), () -> Api.gateway().patient().get("/api/v1/public/reports/" + report.get())
                .expect(200).text()));

        // ---------------------------------------------------------------- objection-service
        Supplier<String> objected = shared(() -> World.penalty(ENT1, 40));
        Supplier<String> objectedAny = shared(() -> World.penalty(ENT1, 40));
        TARGETS.put("POST /api/v1/objections", new Target("POST /api/v1/objections", () -> {
            List<Input> in = json("POST", "/api/v1/objections", "/api/v1/objections", user("ent1"),
                    node(Map.of("recordId", objected.get(), "reason", "处罚决定中的罚款金额有误")),
                    node(Map.of("recordId", objectedAny.get(), "reason", "处罚决定中的罚款金额有误")),
                    List.of("/reason", "/recordId"), List.of(), List.of(), List.of("/reason"), List.of(), 52L * oneMb, idempotencyKey());
            in.addAll(filing("/api/v1/objections", Map.of("recordId", objected.get(), "reason", "处罚决定中的罚款金额有误"),
                    Map.of("recordId", objectedAny.get(), "reason", "处罚决定中的罚款金额有误"), "files"));
            in.addAll(idempotencyKeys("/api/v1/objections", node(Map.of("recordId", objected.get(), "reason", "处罚决定中的罚款金额有误"))));
            return in;
        }, () -> casesAbout(objected.get()) + ", record " + recordView(objected.get())));
        Supplier<String> repairable = shared(() -> World.penalty(ENT1, 200));
        Supplier<Map<String, Object>> repair = shared(() -> World.repairBody(repairable.get()));
        TARGETS.put("POST /api/v1/repairs", new Target("POST /api/v1/repairs", () -> {
            List<Input> in = json("POST", "/api/v1/repairs", null, user("ent1"), node(repair.get()), null,
                    List.of("/reason", "/obligationsStatement", "/acceptedTemplates/0/version"), List.of("/acceptedTemplates/0/id"), List.of(),
                    List.of("/reason"), List.of(), 52L * oneMb, idempotencyKey());
            in.addAll(filing("/api/v1/repairs", repair.get(), null, "proof"));
            in.addAll(idempotencyKeys("/api/v1/repairs", node(repair.get())));
            return in;
        }, () -> casesAbout(repairable.get()) + ", record " + recordView(repairable.get())));
        Supplier<String> terminal = shared(() -> {
            String id = World.caseIn("SUBMITTED");
            World.act("reviewer1", id, "refuse", Map.of("reason", "材料不全"));
            return id;
        });
        transition("accept", "reviewer1", "SUBMITTED", terminal, node(Map.of("note", "受理")), List.of("/note"), List.of(), List.of());
        transition("refuse", "reviewer1", "SUBMITTED", terminal, node(Map.of("reason", "材料不全")), List.of("/reason"), List.of(),
                List.of("/reason"));
        transition("assign", "reviewer1", "ACCEPTED", terminal, node(Map.of("note", "转交核实")), List.of("/note"), List.of(), List.of());
        transition("propose", "officer-market", "VERIFYING", terminal, node(Map.of("outcome", "UPHELD", "reason", "处罚事实清楚")),
                List.of("/reason"), List.of("/outcome"), List.of("/reason"));
        transition("decide", "reviewer1", "PROPOSED", terminal, node(Map.of("outcome", "UPHELD", "reason", "维持")), List.of("/reason"),
                List.of("/outcome"), List.of("/reason"));
        transition("withdraw", "ent1", "SUBMITTED", terminal, node(Map.of("reason", "不再需要")), List.of("/reason"), List.of(),
                List.of());
        Supplier<String[]> effect = shared(World::caseWithEffect);
        TARGETS.put("POST /api/v1/cases/{id}/effects/{operationId}:retry", new Target("POST /api/v1/cases/{id}/effects/{operationId}:retry",
                () -> {
                    String path = "/api/v1/cases/" + effect.get()[0] + "/effects/" + effect.get()[1] + ":retry";
                    List<Input> in = new ArrayList<>(envelope("POST", path, user("reviewer1"), "application/json", ascii("{}"), oneMb, true));
                    for (String junk : List.of("%00", "%ED%A0%80", "%C0%AF", "x%0D%0Ay", "..%2F..", "柳", "%E6%9F")) {
                        in.add(new Input("path parameter: junk", request("POST", "/api/v1/cases/" + effect.get()[0] + "/effects/" + junk + ":retry",
                                user("reviewer1"), "application/json", ascii("{}")), Expect.REFUSED));
                    }
                    return in;
                }, () -> caseState(effect.get()[0])));
        Supplier<String> attachTo = shared(() -> World.caseIn("SUBMITTED"));
        Supplier<String> attachAny = shared(() -> World.caseIn("SUBMITTED"));
        TARGETS.put("POST /api/v1/cases/{id}/attachments", new Target("POST /api/v1/cases/{id}/attachments",
                () -> attachments("/api/v1/cases/" + attachTo.get() + "/attachments", "/api/v1/cases/" + attachAny.get() + "/attachments"),
                () -> caseState(attachTo.get())));
    }

    private static byte[] idempotencyKey() {
        return FRESH_KEY;
    }

    private static void transition(String action, String actor, String state, Supplier<String> terminal, ObjectNode body, List<String> text,
            List<String> enums, List<String> reasons) {
        Supplier<String> id = shared(() -> World.caseIn(state));
        String operation = "POST /api/v1/cases/{id}:" + action;
        boolean optionalBody = action.equals("accept") || action.equals("assign") || action.equals("withdraw");
        TARGETS.put(operation, new Target(operation, () -> json("POST", "/api/v1/cases/" + id.get() + ":" + action,
                "/api/v1/cases/" + terminal.get() + ":" + action, user(actor), body, body, text, enums, List.of(), reasons, List.of(),
                1024 * 1024, optionalBody), () -> caseState(id.get())));
    }

    /** The request-target, header and size classes only: for an operation without input that must never run here. */
    private static List<Input> gatewayOnly(String method, String path, String token, long limit) {
        RawHttp.Request valid = request(method, path, token, "application/json", ascii("{}"));
        List<Input> in = new ArrayList<>();
        for (String target : Malformed.firewallTargets(path)) {
            in.add(new Input("request target: firewall", valid.withTarget(target.getBytes(StandardCharsets.ISO_8859_1)), Expect.REFUSED));
        }
        in.add(new Input("request line over 16 KB", valid.withTarget(utf8(path + "?pad=" + "x".repeat(17_000))), Expect.REFUSED));
        in.add(new Input("header over 16 KB", valid.withHeaders(List.of(header("X-Fuzz", "y".repeat(17_000)))), Expect.REFUSED));
        in.add(new Input("header: DEL byte", valid.withHeaders(List.of(concat(ascii("X-Fuzz: a"), bytes(0x7F), ascii("b")))), Expect.REFUSED));
        in.add(new Input("header: NUL byte", valid.withHeaders(List.of(concat(ascii("X-Fuzz: a"), bytes(0), ascii("b")))), Expect.REFUSED));
        in.add(new Input("declared length over the route's limit", valid.declaring(limit + 1), Expect.REFUSED));
        return in;
    }

    /** Idempotency-Key values a filing must refuse (sent byte by byte), with a valid body. */
    private static List<Input> idempotencyKeys(String path, ObjectNode body) {
        List<Input> in = new ArrayList<>();
        byte[] json = Api.JSON.writeValueAsBytes(body);
        List<byte[]> keys = List.of(utf8("柳州"), bytes('a', 0xE9, 'b'), bytes('a', 1, 'b'), bytes('a', 0x7F, 'b'), bytes('a', 0, 'b'),
                bytes('a', 0x1B, 'b'), ascii("a b"), ascii("x".repeat(101)), ascii(""), bytes(0xC0, 0xAF), ascii("k\tey"));
        for (byte[] key : keys) {
            List<byte[]> h = headers(user("ent1"), "application/json", concat(ascii("Idempotency-Key: "), key));
            in.add(new Input("Idempotency-Key: not visible ASCII", RawHttp.Request.of("POST", path, h, json), Expect.REFUSED));
        }
        in.add(new Input("Idempotency-Key: missing", request("POST", path, user("ent1"), "application/json", json), Expect.REFUSED));
        return in;
    }

    /**
     * Broken multipart bodies and files that are not what they say, for a filing (its JSON in part "case"). A part
     * header line without a colon is skipped by Tomcat's parser (lenient, not broken): sent about {@code anyBody}'s
     * record, if any, where a filing may be taken.
     */
    private static List<Input> filing(String path, Map<String, Object> body, Map<String, Object> anyBody, String filePart) {
        List<Input> in = new ArrayList<>();
        if (anyBody != null) {
            String b = "----fuzz" + Long.toHexString(random.nextLong());
            byte[] lenient = concat(utf8("--" + b + "\r\nContent-Disposition: form-data; name=\"case\"\r\nContent-Type: application/json\r\n\r\n"),
                    Api.JSON.writeValueAsBytes(anyBody), utf8("\r\n--" + b + "\r\nContent-Disposition form-data\r\n\r\nx\r\n--" + b + "--\r\n"));
            in.add(new Input("multipart: part header without a colon", request("POST", path, user("ent1"), "multipart/form-data; boundary=" + b,
                    lenient, idempotencyKey()), Expect.ANY));
        }
        byte[] caseJson = Api.JSON.writeValueAsBytes(body);
        for (Map.Entry<String, Map.Entry<String, byte[]>> broken : brokenMultipart(caseJson, filePart).entrySet()) {
            in.add(new Input("multipart: " + broken.getKey(), request("POST", path, user("ent1"), broken.getValue().getKey(),
                    broken.getValue().getValue(), idempotencyKey()), Expect.REFUSED));
        }
        for (Map.Entry<String, byte[]> fake : fakeFiles().entrySet()) {
            World.Multipart m = new World.Multipart().json("case", body).file(filePart, "证据.pdf", "application/pdf", fake.getValue());
            in.add(new Input("attachment: " + fake.getKey(), request("POST", path, user("ent1"), m.contentType(), m.body(), idempotencyKey()),
                    Expect.REFUSED));
        }
        return in;
    }

    private static Map<String, Map.Entry<String, byte[]>> brokenMultipart(byte[] caseJson, String filePart) {
        String b = "----fuzz" + Long.toHexString(random.nextLong());
        String type = "multipart/form-data; boundary=" + b;
        byte[] casePart = concat(utf8("--" + b + "\r\nContent-Disposition: form-data; name=\"case\"\r\nContent-Type: application/json\r\n\r\n"),
                caseJson, ascii("\r\n"));
        byte[] pdf = World.pdf();
        java.util.function.Function<byte[], byte[]> file = disposition -> concat(utf8("--" + b + "\r\n"), disposition,
                ascii("\r\nContent-Type: application/pdf\r\n\r\n"), pdf, ascii("\r\n"));
        byte[] close = ascii("--" + b + "--\r\n");
        Map<String, Map.Entry<String, byte[]>> bodies = new LinkedHashMap<>();
        bodies.put("no boundary parameter", Map.entry("multipart/form-data", concat(casePart, close)));
        bodies.put("empty boundary", Map.entry("multipart/form-data; boundary=", concat(casePart, close)));
        bodies.put("boundary that is not in the body", Map.entry("multipart/form-data; boundary=nothere", concat(casePart, close)));
        bodies.put("no closing boundary", Map.entry(type, concat(casePart, file.apply(utf8("Content-Disposition: form-data; name=\"" + filePart
                + "\"; filename=\"a.pdf\"")))));
        bodies.put("NUL in a part header", Map.entry(type, concat(casePart, file.apply(concat(ascii("Content-Disposition: form-data; name=\"fi"),
                bytes(0), ascii("les\"; filename=\"a.pdf\""))), close)));
        bodies.put("NUL in a file name", Map.entry(type, concat(casePart, file.apply(concat(ascii("Content-Disposition: form-data; name=\""
                + filePart + "\"; filename=\"a"), bytes(0), ascii(".pdf\""))), close)));
        bodies.put("encoded NUL in a file name", Map.entry(type, concat(casePart, file.apply(ascii("Content-Disposition: form-data; name=\""
                + filePart + "\"; filename*=UTF-8''a%00b.pdf")), close)));
        bodies.put("encoded lone surrogate in a file name", Map.entry(type, concat(casePart, file.apply(ascii(
                "Content-Disposition: form-data; name=\"" + filePart + "\"; filename*=UTF-8''a%ED%A0%80.pdf")), close)));
        bodies.put("garbage", Map.entry(type, concat(bytes(0, 0), utf8("--" + b))));
        bodies.put("only the closing boundary", Map.entry(type, close));
        bodies.put("case part not JSON", Map.entry(type, concat(utf8("--" + b + "\r\nContent-Disposition: form-data; name=\"case\"\r\n"
                + "Content-Type: application/json\r\n\r\n{\"recordId\":"), ascii("\r\n"), close)));
        bodies.put("case part with a NUL", Map.entry(type, concat(utf8("--" + b + "\r\nContent-Disposition: form-data; name=\"case\"\r\n"
                + "Content-Type: application/json\r\n\r\n"), Malformed.replaceMark(Api.JSON.writeValueAsBytes(Map.of("recordId", "x",
                "reason", Malformed.MARK)), ascii("a\\u0000b")), ascii("\r\n"), close)));
        bodies.put("an unknown part", Map.entry(type, concat(casePart, utf8("--" + b + "\r\nContent-Disposition: form-data; name=\"caller\"\r\n\r\n"
                + "admin1\r\n"), close)));
        bodies.put("a GBK part name", Map.entry(type, concat(casePart, file.apply(concat(ascii("Content-Disposition: form-data; name=\""),
                Malformed.gbk("柳州"), ascii("\"; filename=\"a.pdf\""))), close)));
        return bodies;
    }

    /** Files whose content is not an accepted type, whatever their name and declared type say. */
    private static Map<String, byte[]> fakeFiles() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("text named .pdf", utf8("This is a plain text file pretending to be a PDF.\n"));
        files.put("HTML named .pdf", utf8("<html><script>alert(1)</script></html>"));
        files.put("Windows executable", concat(ascii("MZ"), new byte[512]));
        files.put("ZIP", concat(bytes(0x50, 0x4B, 0x03, 0x04), new byte[256]));
        files.put("empty", new byte[0]);
        files.put("GIF", ascii("GIF89a\u0001\u0000\u0001\u0000"));
        files.put("SVG with script", utf8("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"));
        files.put("PDF magic only", ascii("%PDF-"));
        return files;
    }

    /**
     * The report verification: a PDF body or a multipart part "file". Any bytes are a fair question (the answer says
     * whether they are a genuine report), so fake files are ANY; broken multipart bodies and the envelope classes are not.
     */
    private static List<Input> verify(String path, String token) {
        List<Input> in = new ArrayList<>();
        for (Map.Entry<String, Map.Entry<String, byte[]>> broken : brokenMultipart(ascii("{}"), "file").entrySet()) {
            in.add(new Input("multipart: " + broken.getKey(), request("POST", path, token, broken.getValue().getKey(), broken.getValue().getValue()),
                    Expect.REFUSED));
        }
        for (Map.Entry<String, byte[]> fake : fakeFiles().entrySet()) {
            World.Multipart m = new World.Multipart().file("file", "report.pdf", "application/pdf", fake.getValue());
            in.add(new Input("verify: " + fake.getKey(), request("POST", path, token, m.contentType(), m.body()), Expect.ANY));
            in.add(new Input("verify: " + fake.getKey() + " as the body", request("POST", path, token, "application/pdf", fake.getValue()),
                    Expect.ANY));
        }
        in.add(new Input("content type: JSON", request("POST", path, token, "application/json", ascii("{\"file\":\"x\"}")), Expect.REFUSED));
        in.add(new Input("content type: text/plain", request("POST", path, token, "text/plain", World.pdf()), Expect.REFUSED));
        in.add(new Input("content type: none", request("POST", path, token, null, World.pdf()), Expect.REFUSED));
        in.addAll(envelope("POST", path, token, "application/pdf", World.pdf(), 21L * 1024 * 1024, false, Expect.ANY));
        return in;
    }

    /** Broken multipart bodies, fake files and polyglots on the attachments operation (parts "files"). */
    private static List<Input> attachments(String path, String anyPath) {
        List<Input> in = new ArrayList<>();
        String token = user("ent1");
        for (Map.Entry<String, Map.Entry<String, byte[]>> broken : brokenMultipart(ascii("{}"), "files").entrySet()) {
            in.add(new Input("multipart: " + broken.getKey(), request("POST", path, token, broken.getValue().getKey(), broken.getValue().getValue()),
                    Expect.REFUSED));
        }
        for (Map.Entry<String, byte[]> fake : fakeFiles().entrySet()) {
            for (String declared : List.of("application/pdf", "image/png")) {
                World.Multipart m = new World.Multipart().file("files", "证据.pdf", declared, fake.getValue());
                in.add(new Input("attachment: " + fake.getKey(), request("POST", path, token, m.contentType(), m.body()), Expect.REFUSED));
            }
        }
        for (String purpose : List.of("1", "0", "%00", "PROOF%00", "evidence%ED%A0%80", "%C0%AF")) {
            World.Multipart m = new World.Multipart().file("files", "证据.pdf", "application/pdf", World.pdf());
            in.add(new Input("query: purpose not a name", request("POST", path + "?purpose=" + purpose, token, m.contentType(), m.body()),
                    Expect.REFUSED));
        }
        World.Multipart none = new World.Multipart().json("notes", Map.of("a", 1));
        in.add(new Input("multipart: no file", request("POST", path, token, none.contentType(), none.body()), Expect.REFUSED));
        in.addAll(envelope("POST", path, token, "multipart/form-data; boundary=x", concat(ascii("--x\r\nContent-Disposition: form-data; "
                + "name=\"files\"; filename=\"a.pdf\"\r\nContent-Type: application/pdf\r\n\r\n"), World.pdf(), ascii("\r\n--x--\r\n")),
                52L * 1024 * 1024, false));
        // polyglots may pass as what their first bytes say: no 5xx, on another case
        Map<String, byte[]> polyglots = new LinkedHashMap<>();
        polyglots.put("PDF + HTML", concat(World.pdf(), utf8("<html><script>alert(1)</script></html>")));
        polyglots.put("PDF + ZIP", concat(World.pdf(), bytes(0x50, 0x4B, 0x05, 0x06), new byte[18]));
        polyglots.put("JPEG magic + HTML", concat(bytes(0xFF, 0xD8, 0xFF, 0xE0), utf8("<script>alert(1)</script>")));
        polyglots.put("PNG magic + PHP", concat(bytes(0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'), utf8("<?php system($_GET['c']); ?>")));
        polyglots.forEach((name, content) -> {
            World.Multipart m = new World.Multipart().file("files", "a.pdf", "application/pdf", content);
            in.add(new Input("attachment: polyglot " + name, request("POST", anyPath, token, m.contentType(), m.body()), Expect.ANY));
        });
        return in;
    }

    /**
     * A bulk upload (NDJSON and CSV) whose every row must be rejected: each text class in a row, rows that are not
     * objects, broken CSV quoting, too many columns, too long rows, other encodings; and the envelope classes.
     */
    private static List<Input> bulk(String path, String token, ObjectNode row, List<String> text, String csvHeader, String badCsvRow,
            long limit) {
        List<Input> in = new ArrayList<>();
        String nd = "application/x-ndjson";
        for (String pointer : text) {
            for (Malformed.Payload p : Malformed.refusedInText()) {
                in.add(new Input("NDJSON row: " + p.name(), request("POST", path, token, nd,
                        concat(Malformed.withPayload(row, pointer, p.bytes()), ascii("\n"))), Expect.NO_ROW_STORED));
            }
            for (String value : Malformed.refusedForText()) {
                in.add(new Input("NDJSON row: wrong type or deep nesting", request("POST", path, token, nd,
                        concat(Malformed.withRawValue(row, pointer, value), ascii("\n"))), Expect.NO_ROW_STORED));
            }
        }
        byte[] valid = Api.JSON.writeValueAsBytes(row);
        for (byte[] body : Malformed.notAnObject(valid, random)) {
            in.add(new Input("NDJSON row: not an object", request("POST", path, token, nd, concat(body, ascii("\n"))), Expect.NO_ROW_STORED));
        }
        in.add(new Input("NDJSON: a line over 1 MiB", request("POST", path, token, nd,
                concat(ascii("{\"pad\":\""), ascii("p".repeat(1_100_000)), ascii("\"}\n"))), Expect.NO_ROW_STORED));
        in.add(new Input("NDJSON: GBK", request("POST", path, token, nd, Malformed.gbk("{\"name\":\"柳州市场\"}\n")), Expect.NO_ROW_STORED));
        in.add(new Input("NDJSON: charset=GBK", request("POST", path, token, nd + "; charset=GBK", concat(valid, ascii("\n"))),
                Expect.NO_ROW_STORED));
        String csv = "text/csv";
        List<String> brokenCsv = List.of(
                csvHeader + "\n" + badCsvRow.replaceFirst(",", ",\"") + "\n",
                csvHeader + "\n\"" + badCsvRow + "\n",
                csvHeader + "\n" + badCsvRow.replace(",", "\",\"") + "\n",
                csvHeader + "\n" + badCsvRow + "\"\"\"\n",
                csvHeader + "\n" + badCsvRow.replaceFirst(",", "\"x\"y,") + "\n",
                csvHeader + "\r" + badCsvRow + "\r\r\n\n",
                csvHeader + "\n" + badCsvRow + "," + ",".repeat(5_000) + "\n",
                csvHeader + "\n" + badCsvRow + ",\"" + "q".repeat(70_000) + "\"\n",
                csvHeader + "\n" + badCsvRow.replace(",", ",\u0000") + "\n",
                csvHeader.replace(",", ",\u0000") + "\n" + badCsvRow + "\n",
                csvHeader + "," + "col".repeat(1) + ",".repeat(400) + "\n" + badCsvRow + "\n",
                "\uFEFF\uFEFF" + csvHeader + "\n" + badCsvRow + "\n",
                csvHeader + "\n",
                "",
                "\n\n\n",
                "\"" + csvHeader + "\n" + badCsvRow + "\n",
                csvHeader.replace("name", "name\"") + "\n" + badCsvRow + "\n",
                csvHeader + "\n" + badCsvRow.replace(",", ";") + "\n");
        for (String body : brokenCsv) {
            in.add(new Input("CSV: broken quoting or shape", request("POST", path, token, csv, utf8(body)), Expect.NO_ROW_STORED));
        }
        in.add(new Input("CSV: lone surrogate in a cell", request("POST", path, token, csv,
                concat(utf8(csvHeader + "\n"), utf8(badCsvRow.substring(0, badCsvRow.lastIndexOf(',') + 1)), bytes(0xED, 0xA0, 0x80), ascii("\n"))),
                Expect.NO_ROW_STORED));
        in.add(new Input("CSV: overlong UTF-8", request("POST", path, token, csv, concat(utf8(csvHeader + "\n" + badCsvRow), bytes(0xC0, 0xAF),
                ascii("\n"))), Expect.NO_ROW_STORED));
        in.add(new Input("CSV: GBK", request("POST", path, token, csv, concat(utf8(csvHeader + "\n"), Malformed.gbk("柳州市场,测试\n"))),
                Expect.NO_ROW_STORED));
        in.add(new Input("CSV: a row over 1 MiB", request("POST", path, token, csv,
                utf8(csvHeader + "\n" + badCsvRow + "," + "r".repeat(1_100_000) + "\n")), Expect.NO_ROW_STORED));
        in.add(new Input("content type: multipart without boundary", request("POST", path, token, "multipart/form-data", concat(valid, ascii("\n"))),
                Expect.REFUSED));
        in.add(new Input("content type: application/json", request("POST", path, token, "application/json", valid), Expect.REFUSED));
        in.add(new Input("content type: none", request("POST", path, token, null, valid), Expect.REFUSED));
        in.addAll(envelope("POST", path, token, nd, concat(valid, ascii("\n")), limit, false, Expect.NO_ROW_STORED));
        return in;
    }

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

    // ------------------------------------------------------------------ the run

    @BeforeAll
    static void setUp() {
        random = new Random(SEED);
        started = System.nanoTime();
        define();
    }

    @Test
    void everyWriteOperationIsFuzzed() {
        Set<String> writes = ApiDocuments.operations(ApiDocuments.documents()).stream()
                .filter(op -> !op.method().equals("GET") && !op.method().equals("HEAD"))
                .map(ApiDocuments.Operation::key).collect(Collectors.toCollection(TreeSet::new));
        assertThat(new TreeSet<>(TARGETS.keySet())).as("the fuzzed operations against the write operations the gateway publishes "
                + "(add a target for a new one)").isEqualTo(writes);
    }

    @Test
    void malformedInputsGetNo5xxOnlyProblemRefusalsAndChangeNothing() throws Exception {
        AtomicInteger fired = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (Target target : TARGETS.values()) {
                String before = target.readBack().get();
                List<Input> inputs = target.inputs().get();
                List<Future<?>> running = new ArrayList<>();
                for (int i = 0; i < inputs.size(); i++) {
                    Input input = inputs.get(i);
                    int number = i;
                    running.add(pool.submit(() -> {
                        check(target.operation(), number, input);
                        fired.incrementAndGet();
                    }));
                }
                for (Future<?> f : running) {
                    f.get();
                }
                String after = target.readBack().get();
                if (!before.equals(after)) {
                    failures.add(target.operation() + ": changed by refused inputs (half-written): before [" + before + "] after [" + after + "]");
                }
            }
        } finally {
            pool.shutdown();
        }
        System.out.printf("FuzzIT: %d inputs (seed %d) at %d write operations in %d s%n", fired.get(), SEED, TARGETS.size(),
                (System.nanoTime() - started) / 1_000_000_000);
        assertThat(fired.get()).as("inputs fired").isGreaterThanOrEqualTo(MIN_INPUTS);
        assertThat(failures).as("%d of %d inputs broke the contract (seed %d)", failures.size(), fired.get(), SEED).isEmpty();
    }

    private static void check(String operation, int number, Input input) {
        RawHttp.Answer answer = sendPatiently(input.request());
        String what = operation + " #" + number + " [" + input.cls() + "] " + input.request().method() + " " + input.request().targetText()
                + " -> " + answer.status();
        String code = "";
        if (answer.status() >= 400) {
            String type = answer.header("Content-Type");
            if (type == null || !type.startsWith("application/problem+json")) {
                failures.add(what + ": a refusal that is not problem JSON (" + type + "): " + excerpt(answer));
            } else {
                try {
                    JsonNode p = answer.json();
                    code = p.path("code").asString();
                    if (!code.matches("[A-Z][A-Z0-9_]+") || code.matches("HTTP_\\d+") || p.path("status").asInt() != answer.status()) {
                        failures.add(what + ": a problem without a stable code or with another status: " + excerpt(answer));
                    }
                } catch (RuntimeException notJson) {
                    failures.add(what + ": a problem body that is not JSON: " + excerpt(answer));
                }
            }
            if (answer.text().contains("Exception") || answer.text().contains("\tat ")) {
                failures.add(what + ": a trace in the answer: " + excerpt(answer));
            }
        }
        if (answer.status() >= 500) {
            failures.add(what + ": a 5xx: " + excerpt(answer));
        } else if (input.expect() == Expect.REFUSED && answer.status() < 400) {
            failures.add(what + ": taken although its class must be refused: " + excerpt(answer));
        } else if (input.expect() == Expect.NO_ROW_STORED && answer.status() < 400) {
            try {
                JsonNode totals = answer.json().path("totals");
                long stored = totals.path("created").asLong() + totals.path("updated").asLong() + totals.path("unchanged").asLong();
                if (stored != 0 || totals.isMissingNode()) {
                    failures.add(what + ": a bulk upload stored rows that must all be rejected: " + excerpt(answer));
                }
            } catch (RuntimeException notJson) {
                failures.add(what + ": a bulk answer that is not JSON: " + excerpt(answer));
            }
        }
        outcomes.add(new Outcome(operation, input.cls(), answer.status(), code));
    }

    /** A 429 (the caller's bucket) is waited out, not counted: it says nothing about the input. */
    private static RawHttp.Answer sendPatiently(RawHttp.Request request) {
        RawHttp.Answer answer = RawHttp.send(request);
        for (int attempt = 0; attempt < 10 && answer.status() == 429; attempt++) {
            sleep(1_000);
            answer = RawHttp.send(request);
        }
        return answer;
    }

    private static String excerpt(RawHttp.Answer answer) {
        String text = answer.text();
        return text.length() > 240 ? text.substring(0, 240) + "…" : text;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void summary() {
        Map<String, Map<String, Integer>> byClass = new TreeMap<>();
        for (Outcome o : outcomes) {
            String cls = o.cls().replaceAll("\\(.*\\)", "()");
            byClass.computeIfAbsent(cls, k -> new TreeMap<>()).merge(o.status() + (o.code().isEmpty() ? "" : " " + o.code()), 1, Integer::sum);
        }
        StringBuilder s = new StringBuilder("FuzzIT answers by class:\n");
        byClass.forEach((cls, answers) -> s.append("  ").append(cls).append(": ").append(answers).append('\n'));
        System.out.print(s);
    }
}
