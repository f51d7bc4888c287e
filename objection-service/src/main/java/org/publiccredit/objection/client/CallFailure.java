package org.publiccredit.objection.client;

import feign.FeignException;
import java.nio.charset.StandardCharsets;

/**
 * What went wrong with a call to another service, read from whatever the Feign and circuit-breaker layers threw.
 *
 * @param status the HTTP status the other service answered, or -1 when there was no answer (down, timeout,
 *               breaker open, no token)
 * @param code the problem code of the answer, when it was a problem document
 * @param summary a short description for logs and the case's effect status (no personal data, no body echo)
 */
public record CallFailure(int status, String code, String summary) {

    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("\"code\"\\s*:\\s*\"([A-Z0-9_]{1,64})\"");

    static CallFailure of(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof FeignException f && f.status() > 0) {
                String code = null;
                if (f.responseBody().isPresent()) {
                    var m = CODE.matcher(StandardCharsets.UTF_8.decode(f.responseBody().get().duplicate()));
                    code = m.find() ? m.group(1) : null;
                }
                return new CallFailure(f.status(), code, "HTTP " + f.status() + (code != null ? " " + code : ""));
            }
            if (t.getCause() == null || t.getCause() == t) {
                return new CallFailure(-1, null, t.getClass().getSimpleName());
            }
        }
        return new CallFailure(-1, null, "unknown failure");
    }

    /** No answer, a server error, or an answer that may change by itself (auth, rate limit): worth retrying later. */
    public boolean retryable() {
        return status < 0 || status >= 500 || status == 401 || status == 403 || status == 408 || status == 429;
    }
}
