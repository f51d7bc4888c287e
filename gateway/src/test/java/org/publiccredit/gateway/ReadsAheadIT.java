package org.publiccredit.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.publiccredit.testkit.Api;
import org.publiccredit.testkit.IntegrationTest;
import org.publiccredit.testkit.Reply;

/**
 * A read goes to the service while Redis decides (RateLimitFilter); Redis still has the last word. The bucket here is
 * emptied in the real Redis behind the gateway's back (as another gateway instance would), so this instance, which has
 * never seen the address, sends the read ahead, and Redis refuses it.
 */
@IntegrationTest
class ReadsAheadIT {

    private static final String ENT1 = "91450200MA5K00012P";

    @Test
    void aReadThatWentAheadButRedisRefusesGetsThe429AndNothingOfTheServiceAnswer() throws IOException {
        // .254 is kept for the other caller below: the same address would find its bucket emptied by the burst
        String ip = "203.0.113." + ThreadLocalRandom.current().nextInt(1, 254);
        emptyBucket("anonymous.ip:" + ip);
        Reply refused = Api.gateway().header("X-Forwarded-For", ip).header("Origin", "http://localhost:5173")
                .get("/api/v1/identifiers/" + ENT1);
        refused.expectProblem(429, "RATE_LIMITED");
        assertThat(refused.header("Retry-After")).isNotEmpty();
        assertThat(refused.text()).doesNotContain(ENT1);
        assertThat(refused.header("Access-Control-Allow-Origin")).as("the portal can read the 429").containsExactly("http://localhost:5173");
        assertThat(refused.header("X-Request-Id")).hasSize(1);

        // the same instance now knows the address was refused: the next read waits for Redis, and is refused too
        Api.gateway().header("X-Forwarded-For", ip).get("/api/v1/identifiers/" + ENT1).expectProblem(429, "RATE_LIMITED");
        // another address is served, with the service's answer and the bucket's remaining count
        Reply served = Api.gateway().header("X-Forwarded-For", "203.0.113.254").get("/api/v1/identifiers/" + ENT1);
        served.expect(200);
        assertThat(served.text()).contains(ENT1);
        assertThat(served.header("X-RateLimit-Remaining")).hasSize(1);
    }

    /**
     * No tokens, last refilled a minute from now, so that Redis refuses until the keys expire (Spring Cloud Gateway's
     * script: {@code request_rate_limiter.{<limit id>.<caller key>}.tokens} and {@code .timestamp}, in seconds).
     */
    private static void emptyBucket(String key) throws IOException {
        long future = System.currentTimeMillis() / 1000 + 60;
        try (Socket socket = new Socket("127.0.0.1", Integer.parseInt(System.getenv().getOrDefault("REDIS_PORT", "16379")))) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            command(out, in, "SETEX", "request_rate_limiter.{" + key + "}.tokens", "30", "0");
            command(out, in, "SETEX", "request_rate_limiter.{" + key + "}.timestamp", "30", Long.toString(future));
        }
    }

    private static void command(OutputStream out, InputStream in, String... args) throws IOException {
        StringBuilder resp = new StringBuilder("*" + args.length + "\r\n");
        for (String a : args) {
            resp.append('$').append(a.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(a).append("\r\n");
        }
        out.write(resp.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
        StringBuilder reply = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            reply.append((char) c);
        }
        assertThat(reply.toString().trim()).as("Redis %s", args[0]).isEqualTo("+OK");
    }
}
