package org.publiccredit.record.monitoring;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.commons.security.Caller;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A partner client's webhook endpoint and signing secret. Setting the URL (checked by {@link WebhookTargets}) answers a
 * new secret once; rotating answers a new one and keeps the previous one signing for {@code secretOverlap} (24 h), so
 * the receiver can switch without losing events. Secrets are never shown again.
 */
@Service
class Webhooks {

    private final JdbcClient jdbc;
    private final MonitoringClients clients;
    private final WebhookTargets targets;
    private final MonitoringProperties properties;
    private final Clock clock;

    Webhooks(JdbcClient jdbc, MonitoringClients clients, MonitoringProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.clients = clients;
        this.targets = new WebhookTargets(properties.allowHttpTargets());
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The endpoint as the partner sees it.
     *
     * @param url the target, or null when none is set
     * @param state ACTIVE, or NONE
     * @param setAt when the URL was last set
     * @param secretRotatedAt when the secret was last rotated
     * @param previousSecretValidUntil until when the previous secret still signs (during a rotation's overlap)
     * @param pending events waiting for delivery
     * @param failed events given up
     */
    record Endpoint(String url, String state, Instant setAt, Instant secretRotatedAt, Instant previousSecretValidUntil,
            long pending, long failed) {
    }

    /**
     * A new secret, shown this once.
     *
     * @param url the target
     * @param secret the signing secret (base64url, 32 bytes)
     * @param previousSecretValidUntil until when the previous secret still signs, when there was one
     */
    record Secret(String url, String secret, Instant previousSecretValidUntil) {
    }

    /** What a delivery needs: where, and the secrets in force at {@code now} (current first). */
    record Target(String url, String secret, String previousSecret) {
    }

    @Transactional
    public Secret set(Caller caller, String url) {
        MonitoringClients.clientOf(caller);
        URI uri = targets.require(url);
        String client = clients.register(caller);
        String secret = WebhookSigner.newSecret();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                UPDATE monitor_client SET webhook_url = ?, secret = ?, previous_secret = NULL, previous_until = NULL,
                       webhook_set_at = ?, secret_rotated_at = NULL WHERE client_id = ?""")
                .params(uri.toString(), secret, now, client).update();
        return new Secret(uri.toString(), secret, null);
    }

    @Transactional
    public Secret rotate(Caller caller) {
        String client = clients.register(caller);
        clients.lock(client);
        Target current = target(client).orElseThrow(() -> ApiException.conflict("WEBHOOK_NOT_SET",
                "Set the webhook endpoint first (PUT /api/v1/monitoring/webhook)"));
        String secret = WebhookSigner.newSecret();
        Instant now = clock.instant();
        Instant until = now.plus(properties.secretOverlap());
        jdbc.sql("""
                UPDATE monitor_client SET secret = ?, previous_secret = ?, previous_until = ?, secret_rotated_at = ?
                WHERE client_id = ?""")
                .params(secret, current.secret(), Timestamp.from(until), Timestamp.from(now), client).update();
        return new Secret(current.url(), secret, until);
    }

    public Endpoint get(Caller caller) {
        String client = MonitoringClients.clientOf(caller);
        Instant now = clock.instant();
        long[] counts = jdbc.sql("""
                SELECT count(*) FILTER (WHERE state = 'PENDING'), count(*) FILTER (WHERE state = 'FAILED')
                FROM monitor_event WHERE client_id = ?""").param(client)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        return jdbc.sql("SELECT webhook_url, webhook_set_at, secret_rotated_at, previous_until FROM monitor_client WHERE client_id = ?")
                .param(client)
                .query((rs, n) -> {
                    Timestamp until = rs.getTimestamp(4);
                    Instant previous = until == null || !until.toInstant().isAfter(now) ? null : until.toInstant();
                    String url = rs.getString(1);
                    return new Endpoint(url, url == null ? "NONE" : "ACTIVE", instant(rs.getTimestamp(2)), instant(rs.getTimestamp(3)),
                            previous, counts[0], counts[1]);
                }).optional()
                .orElse(new Endpoint(null, "NONE", null, null, null, counts[0], counts[1]));
    }

    /** The client's endpoint and the secrets that sign now, or empty when it set none. */
    Optional<Target> target(String client) {
        Instant now = clock.instant();
        return jdbc.sql("SELECT webhook_url, secret, previous_secret, previous_until FROM monitor_client WHERE client_id = ?")
                .param(client)
                .query((rs, n) -> {
                    Timestamp until = rs.getTimestamp(4);
                    boolean overlap = until != null && until.toInstant().isAfter(now);
                    return rs.getString(1) == null ? null : new Target(rs.getString(1), rs.getString(2), overlap ? rs.getString(3) : null);
                }).list().stream().filter(java.util.Objects::nonNull).findFirst();
    }

    WebhookTargets targets() {
        return targets;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
