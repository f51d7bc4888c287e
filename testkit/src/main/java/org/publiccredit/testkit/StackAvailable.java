package org.publiccredit.testkit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Fails an integration test class at once, with the fix, when the stack is not running. */
final class StackAvailable implements BeforeAllCallback {

    private static volatile boolean checked;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (checked) {
            return;
        }
        try {
            HttpResponse<Void> r = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(Stack.gateway() + "/actuator/health/readiness")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("gateway not ready: " + r.statusCode());
            }
            checked = true;
        } catch (Exception e) {
            throw new IllegalStateException("The local stack is not running (" + e.getMessage()
                    + "). Start it with ./platform up, or run all tests with ./platform test.", e);
        }
    }
}
