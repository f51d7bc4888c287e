package org.publiccredit.objection.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.publiccredit.testkit.Api;
import tools.jackson.databind.JsonNode;

/**
 * A mailbox of the local SMTP server (GreenMail standalone, started by {@code ./platform}), read through its REST API
 * ({@code greenmail.api.url}, default http://127.0.0.1:8025): the raw messages with their headers.
 */
final class Mailbox {

    static final String API = System.getProperty("greenmail.api.url", "http://127.0.0.1:8025");

    private Mailbox() {
    }

    /** One message: the decoded subject and the raw MIME text (headers in clear, body base64). */
    record Message(String subject, String mime) {
        boolean header(String name, String value) {
            return mime.contains("\n" + name + ": " + value + "\r\n") || mime.contains("\n" + name + ": " + value + "\n");
        }
    }

    static List<Message> of(String address) {
        var reply = Api.service("objection").get("/actuator/health"); // the stack is up (fails fast otherwise)
        if (reply.status() >= 500) {
            throw new IllegalStateException("objection-service is not up");
        }
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        try {
            var r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(API + "/api/user/" + address + "/messages/INBOX"))
                    .GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return List.of();
            }
            List<Message> out = new ArrayList<>();
            for (JsonNode m : Api.JSON.readTree(r.body())) {
                out.add(new Message(m.path("subject").asString(), "\n" + m.path("mimeMessage").asString()));
            }
            return out;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("GreenMail's API at " + API + " cannot be read: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The messages matching, once at least one arrived (or empty after {@code within}). */
    static List<Message> await(String address, Predicate<Message> which, Duration within) {
        long end = System.nanoTime() + within.toNanos();
        while (true) {
            List<Message> found = of(address).stream().filter(which).toList();
            if (!found.isEmpty() || System.nanoTime() > end) {
                return found;
            }
            Fixtures.sleep(500);
        }
    }
}
