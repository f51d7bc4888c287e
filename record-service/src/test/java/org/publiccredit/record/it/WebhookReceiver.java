package org.publiccredit.record.it;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.publiccredit.testkit.Api;
import tools.jackson.databind.JsonNode;

/** A partner's webhook receiver for the tests: on 127.0.0.1, a free port, keeps every request; can go down and come back. */
final class WebhookReceiver implements AutoCloseable {

    /** One request as received. */
    record Received(String eventId, String signature, byte[] body, JsonNode json, Instant at) {
    }

    private final int port;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    /** Requests to drop without an answer (the connection closed), and how many were. */
    private volatile Predicate<JsonNode> drop = j -> false;
    private final java.util.concurrent.atomic.AtomicInteger dropsLeft = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger dropped = new java.util.concurrent.atomic.AtomicInteger();
    private HttpServer server;

    WebhookReceiver() {
        try (ServerSocket s = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            this.port = s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        start();
    }

    String url() {
        return "http://127.0.0.1:" + port + "/hook";
    }

    void start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 100);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/hook", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            JsonNode json = Api.JSON.readTree(body);
            if (drop.test(json) && dropsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                dropped.incrementAndGet();
                exchange.close(); // no answer: the server closes the connection, as a target whose keep-alive ran out
                return;
            }
            received.add(new Received(exchange.getRequestHeaders().getFirst("X-Credit-Event-Id"),
                    exchange.getRequestHeaders().getFirst("X-Credit-Signature"), body, json, Instant.now()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    /** Drops the next {@code count} requests whose JSON matches, closing the connection without an answer. */
    void dropNext(int count, Predicate<JsonNode> which) {
        drop = which;
        dropsLeft.set(count);
    }

    int dropped() {
        return dropped.get();
    }

    void stop() {
        server.stop(0);
    }

    @Override
    public void close() {
        stop();
    }

    List<Received> all() {
        return new ArrayList<>(received);
    }

    /** Waits until {@code count} requests match, then answers them (all that match by then). */
    List<Received> await(Predicate<Received> which, int count, Duration timeout) {
        Instant end = Instant.now().plus(timeout);
        while (true) {
            List<Received> matching = received.stream().filter(which).toList();
            if (matching.size() >= count) {
                return matching;
            }
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("the receiver got " + matching.size() + " of " + count + " expected requests in " + timeout
                        + "; all: " + received.stream().map(r -> r.json().toString()).toList());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /**
     * The documented check (docs/contracts.md "Monitoring"): HMAC-SHA256 keyed with the secret's UTF-8 bytes over
     * {@code <t>.<body>}, hex, equal (in constant time) to one {@code v1} of the header, and {@code t} within 5 minutes.
     */
    static boolean verify(String header, byte[] body, String secret) {
        if (header == null) {
            return false;
        }
        long t = -1;
        List<String> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            String[] kv = part.split("=", 2);
            if (kv.length == 2 && kv[0].equals("t")) {
                t = Long.parseLong(kv[1]);
            } else if (kv.length == 2 && kv[0].equals("v1")) {
                signatures.add(kv[1]);
            }
        }
        if (Math.abs(Instant.now().getEpochSecond() - t) > 300) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
            byte[] expected = HexFormat.of().formatHex(mac.doFinal(body)).getBytes(StandardCharsets.UTF_8);
            return signatures.stream().anyMatch(s -> MessageDigest.isEqual(expected, s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
