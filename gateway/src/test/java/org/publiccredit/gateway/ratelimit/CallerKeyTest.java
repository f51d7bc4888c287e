package org.publiccredit.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

class CallerKeyTest {

    private static final List<Cidr> TRUSTED = List.of(Cidr.parse("10.0.0.0/8"));

    private static MockServerWebExchange from(String remote, String... forwardedFor) {
        MockServerHttpRequest.BaseBuilder<?> b = MockServerHttpRequest.get("/api/v1/search")
                .remoteAddress(new InetSocketAddress(remote, 40000));
        if (forwardedFor.length > 0) {
            b.header("X-Forwarded-For", forwardedFor);
        }
        return MockServerWebExchange.from(b);
    }

    private static JwtAuthenticationToken token(Map<String, Object> claims) {
        Jwt jwt = new Jwt("t", Instant.now(), Instant.now().plusSeconds(60), Map.of("alg", "RS256"), claims);
        return new JwtAuthenticationToken(jwt);
    }

    @Test
    void anonymousCallersCountByTheirConnectionWhenNotBehindATrustedProxy() {
        CallerKey key = CallerKey.of(from("203.0.113.5", "1.2.3.4"), null, TRUSTED);
        assertThat(key.tier()).isEqualTo("anonymous");
        assertThat(key.key()).isEqualTo("ip:203.0.113.5");
    }

    @Test
    void behindATrustedProxyTheRightMostUntrustedHopCounts() {
        assertThat(CallerKey.of(from("10.0.0.7", "6.6.6.6, 203.0.113.9"), null, TRUSTED).key()).isEqualTo("ip:203.0.113.9");
        assertThat(CallerKey.of(from("10.0.0.7", "203.0.113.9, 10.0.0.3"), null, TRUSTED).key()).isEqualTo("ip:203.0.113.9");
        assertThat(CallerKey.of(from("10.0.0.7"), null, TRUSTED).key()).isEqualTo("ip:10.0.0.7");
    }

    @Test
    void peopleCountByUserAndClientsByClientId() {
        CallerKey user = CallerKey.of(from("10.0.0.7"), token(Map.of("sub", "u-1", "preferred_username", "ent1", "azp", "portal")), TRUSTED);
        assertThat(user).isEqualTo(new CallerKey("user", "user:u-1", null));
        CallerKey partner = CallerKey.of(from("10.0.0.7"),
                token(Map.of("sub", "s-1", "preferred_username", "service-account-partner-tax", "azp", "partner-tax")), TRUSTED);
        assertThat(partner).isEqualTo(new CallerKey("partner", "partner:partner-tax", "partner-tax"));
    }
}
