package org.publiccredit.testkit;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real access tokens from the local Keycloak (realm {@code credit}): demo users through the portal client's
 * password grant, partner and internal clients through client credentials. Cached until shortly before expiry.
 */
public final class Tokens {

    private static final HttpClient http = HttpClient.newHttpClient();
    private static final JsonMapper json = JsonMapper.builder().build();
    private static final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private Tokens() {
    }

    /** A demo user's token (password {@code demo}): citizen1, ent1, ent2, officer-market, officer-tax, reviewer1, reviewer2, admin1. */
    public static String user(String username) {
        return cached("user:" + username, () -> request(Map.of("grant_type", "password", "client_id", "portal",
                "username", username, "password", "demo")));
    }

    /** A confidential client's token: partner-tax, partner-bank, internal-indexer, svc-record, svc-objection. */
    public static String client(String clientId) {
        return cached("client:" + clientId, () -> request(Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", clientId + "-local-secret")));
    }

    private record Cached(String token, Instant expires) {
    }

    private static String cached(String key, java.util.function.Supplier<Cached> fetch) {
        Cached c = cache.get(key);
        if (c == null || Instant.now().isAfter(c.expires())) {
            c = fetch.get();
            cache.put(key, c);
        }
        return c.token();
    }

    private static Cached request(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                            URI.create(Stack.keycloak() + "/realms/credit/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token: " + r.statusCode() + " " + r.body());
            }
            JsonNode node = json.readTree(r.body());
            return new Cached(node.get("access_token").asString(),
                    Instant.now().plusSeconds(Math.max(10, node.get("expires_in").asLong() - 60)));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
