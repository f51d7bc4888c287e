package org.publiccredit.record.monitoring;

import java.util.Optional;
import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.commons.security.Caller;
import org.publiccredit.commons.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whose monitoring this is: every operation belongs to the calling partner client (the token's {@code azp}), never to
 * a client named in a request. Its {@code monitor_client} row keeps the department its token last carried (the events'
 * shared views follow that department's grants) and serves as the client's lock for bulk changes.
 */
@Component
class MonitoringClients {

    private final JdbcClient jdbc;

    MonitoringClients(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The calling partner client's id, or a 403 problem PARTNER_CLIENT_REQUIRED. */
    static String clientOf(Caller caller) {
        if (!caller.has(Role.PARTNER) || caller.clientId() == null || caller.clientId().isBlank()) {
            throw ApiException.forbidden("PARTNER_CLIENT_REQUIRED", "Monitoring belongs to partner clients (client credentials)");
        }
        return caller.clientId();
    }

    /** The caller's client, its row created or its department brought up to date (in the caller's transaction). */
    String register(Caller caller) {
        String client = clientOf(caller);
        String department = caller.departmentClaim().filter(d -> !d.isBlank()).orElse(null);
        jdbc.sql("""
                INSERT INTO monitor_client (client_id, department) VALUES (?, ?)
                ON CONFLICT (client_id) DO UPDATE SET department = EXCLUDED.department
                WHERE monitor_client.department IS DISTINCT FROM EXCLUDED.department""")
                .params(client, department).update();
        return client;
    }

    /** Takes the client's row lock to the end of the transaction (bulk changes of one client one after the other). */
    void lock(String client) {
        jdbc.sql("SELECT client_id FROM monitor_client WHERE client_id = ? FOR UPDATE").param(client).query(String.class).optional();
    }

    Optional<String> department(String client) {
        return jdbc.sql("SELECT department FROM monitor_client WHERE client_id = ?").param(client).query(String.class).optional();
    }
}
