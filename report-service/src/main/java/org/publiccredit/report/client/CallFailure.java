package org.publiccredit.report.client;

import feign.FeignException;

/**
 * What went wrong with a call to another service, read from whatever the Feign and circuit-breaker layers threw.
 *
 * @param status the HTTP status the other service answered, or -1 when there was no answer (down, timeout, breaker
 *               open, no token)
 * @param summary a short description for logs (no personal data, no body echo)
 */
record CallFailure(int status, String summary) {

    static CallFailure of(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof FeignException f && f.status() > 0) {
                return new CallFailure(f.status(), "HTTP " + f.status());
            }
            if (t.getCause() == null || t.getCause() == t) {
                return new CallFailure(-1, t.getClass().getSimpleName());
            }
        }
        return new CallFailure(-1, "unknown failure");
    }
}
