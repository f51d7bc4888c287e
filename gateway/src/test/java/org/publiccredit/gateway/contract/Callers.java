package org.publiccredit.gateway.contract;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Supplier;
import org.publiccredit.testkit.Api;
import org.publiccredit.testkit.Tokens;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every kind of caller the platform must tell apart, each with a real token from the local Keycloak (or a bad one).
 * The subject of the fixtures is ent1 (Liuzhou, 4502): its records are supplied by the market department.
 */
enum Callers {
    ANONYMOUS("anonymous", () -> null),
    CITIZEN("citizen1", () -> Tokens.user("citizen1")),
    ENTERPRISE("ent1, the subject", () -> Tokens.user("ent1")),
    OTHER_ENTERPRISE("ent2, another subject", () -> Tokens.user("ent2")),
    OFFICER("officer-market, the supplying department", () -> Tokens.user("officer-market")),
    OTHER_OFFICER("officer-tax, another department", () -> Tokens.user("officer-tax")),
    REVIEWER("reviewer1, region 4502", () -> Tokens.user("reviewer1")),
    OTHER_REVIEWER("reviewer2, region 4504", () -> Tokens.user("reviewer2")),
    ADMIN("admin1", () -> Tokens.user("admin1")),
    PARTNER("partner-bank client", () -> Tokens.client("partner-bank")),
    INTERNAL("svc-record, an internal client at the gateway", () -> Tokens.client("svc-record")),
    FORGED("a token signed with another key", () -> forged(Tokens.user("admin1"))),
    EXPIRED("an expired token (exp an hour ago)", () -> expired(Tokens.user("admin1"))),
    ALG_NONE("an unsigned token (alg none)", () -> unsigned(Tokens.user("admin1")));

    private static final SecureRandom RANDOM = new SecureRandom();
    private final String description;
    private final Supplier<String> token;

    Callers(String description, Supplier<String> token) {
        this.description = description;
        this.token = token;
    }

    String description() {
        return description;
    }

    /** The gateway as this caller, in a rate-limit bucket of its own (the local gateway trusts X-Forwarded-For). */
    Api api() {
        Api api = Api.gateway().header("X-Forwarded-For", "198.18." + (1 + ordinal()) + "." + (1 + RANDOM.nextInt(250)));
        String t = token.get();
        return t == null ? api : api.as(t);
    }

    /** The caller's token, or null for an anonymous caller. */
    String token() {
        return token.get();
    }

    boolean badToken() {
        return this == FORGED || this == EXPIRED || this == ALG_NONE;
    }

    private static String forged(String real) {
        String[] parts = real.split("\\.");
        byte[] signature = new byte[256];
        RANDOM.nextBytes(signature);
        return parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    }

    private static String expired(String real) {
        String[] parts = real.split("\\.");
        ObjectNode claims = (ObjectNode) Api.JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        long past = Instant.now().minusSeconds(3600).getEpochSecond();
        claims.put("exp", past).put("iat", past - 300);
        return parts[0] + "." + b64(Api.JSON.writeValueAsString(claims)) + "." + parts[2];
    }

    private static String unsigned(String real) {
        String[] parts = real.split("\\.");
        return b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
