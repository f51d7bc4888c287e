package org.publiccredit.gateway.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.publiccredit.commons.id.Uscc;
import org.publiccredit.testkit.Api;
import org.publiccredit.testkit.IntegrationTest;
import org.publiccredit.testkit.Reply;

/**
 * The path rules are written twice — the gateway's {@code GatewaySecurity} and each service's {@code SecurityConfig}
 * (defence in depth: a call from inside the cluster meets the service's own rules) — and this test keeps them equal:
 * every operation of the published API documents, as every kind of caller, once through the gateway and once straight
 * to its service with the same token. Refused (401 or 403) at one and not at the other is a disagreement: the gateway
 * blocks what the service allows (a user locked out, or a rule that holds only at the edge), or lets through to a
 * refusal what it should have stopped. An operation whose rule agrees but whose answer is a refusal on both sides is
 * the service's own refusal, proxied.
 *
 * <p>No call may change anything: requests carry no body and {@code Accept: image/png}, so an allowed call ends in
 * 400/406/404 before a controller acts; the two operations that take neither a body nor a path variable and answer any
 * media type (they would act) are left out for the callers that may run them.
 */
@IntegrationTest
class AccessRulesAgreeIT {

    private static final List<Callers> CALLERS = List.of(Callers.ANONYMOUS, Callers.CITIZEN, Callers.ENTERPRISE, Callers.OFFICER,
            Callers.REVIEWER, Callers.ADMIN, Callers.PARTNER);
    /** Operations that would act on an allowed call whatever the request: not called by the callers allowed to run them. */
    private static final Map<String, Set<Callers>> ACTING = Map.of(
            "POST /api/v1/admin/search:rebuild", Set.of(Callers.ADMIN),
            "POST /api/v1/monitoring/webhook:rotate-secret", Set.of(Callers.PARTNER, Callers.ADMIN));
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

    @Test
    void theGatewayAndEveryServiceRefuseTheSameCallers() {
        List<ApiDocuments.Operation> operations = ApiDocuments.operations(ApiDocuments.documents());
        List<String> disagreements = new ArrayList<>();
        int compared = 0;
        int refusedBoth = 0;
        int allowedBoth = 0;
        for (ApiDocuments.Operation op : operations) {
            String service = serviceOf(op.service());
            String path = concrete(op.path());
            for (Callers caller : CALLERS) {
                if (ACTING.getOrDefault(op.key(), Set.of()).contains(caller)) {
                    continue;
                }
                Reply viaGateway = call(caller.api(), op.method(), path);
                String token = caller.token();
                Api direct = token == null ? Api.service(service) : Api.service(service).as(token);
                Reply straight = call(direct, op.method(), path);
                assertThat(viaGateway.status()).as("%s as %s through the gateway", op.key(), caller).isLessThan(500);
                assertThat(straight.status()).as("%s as %s at %s", op.key(), caller, service).isLessThan(500);
                boolean gatewayRefused = refused(viaGateway);
                boolean serviceRefused = refused(straight);
                compared++;
                if (gatewayRefused != serviceRefused) {
                    disagreements.add("%s as %s: gateway %d, %s-service %d".formatted(op.key(), caller.description(), viaGateway.status(),
                            service, straight.status()));
                } else if (gatewayRefused) {
                    refusedBoth++;
                } else {
                    allowedBoth++;
                }
            }
        }
        System.out.printf("access rules: %d operations, %d calls compared: refused on both sides %d, let through on both %d,"
                + " disagreements %d%n", operations.size(), compared, refusedBoth, allowedBoth, disagreements.size());
        assertThat(operations).as("the published operations").hasSizeGreaterThan(50);
        assertThat(refusedBoth).as("calls refused on both sides (of %d)", compared).isPositive();
        assertThat(allowedBoth).as("calls let through on both sides (of %d)", compared).isPositive();
        assertThat(disagreements).as("operations whose gateway rule and service rule differ (of %d calls)", compared).isEmpty();
    }

    /** The document's name (record-service) to the service's short name (record). */
    private static String serviceOf(String document) {
        return document.endsWith("-service") ? document.substring(0, document.length() - "-service".length()) : document;
    }

    /** The path with each variable filled: a code by a valid USCC nobody registered, anything else by a UUID nobody uses. */
    static String concrete(String template) {
        Matcher m = VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1).toLowerCase(java.util.Locale.ROOT);
            String value = name.contains("code") || name.contains("uscc") ? freshUscc() : "00000000-0000-4000-8000-000000000000";
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String freshUscc() {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            digits.append(ThreadLocalRandom.current().nextInt(10));
        }
        return Uscc.of('9', '1', "450200", "AC" + digits.substring(2)).value();
    }

    private static boolean refused(Reply reply) {
        return reply.status() == 401 || reply.status() == 403;
    }

    /** The call with no body, asking for a media type no operation produces: nothing is acted on. */
    private static Reply call(Api api, String method, String path) {
        Api quiet = api.header("Accept", "image/png");
        for (int attempt = 0; ; attempt++) {
            Reply r = switch (method) {
                case "GET" -> quiet.get(path);
                case "DELETE" -> quiet.delete(path);
                case "POST" -> quiet.post(path, "application/json", new byte[0]);
                case "PUT" -> quiet.put(path, "");
                case "PATCH" -> quiet.patch(path, "");
                default -> throw new IllegalArgumentException(method);
            };
            if (r.status() != 429 || attempt == 3) {
                return r;
            }
            sleep(1_000);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
