package org.publiccredit.commons.web;

import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Request ids: kept from the caller's {@code X-Request-Id} when it is safe to echo, otherwise new.
 * The current one lives in the logging MDC under {@code requestId}.
 */
public final class RequestIds {

    /** The header that carries the id through gateway, services and responses. */
    public static final String HEADER = "X-Request-Id";
    /** The MDC key. */
    public static final String MDC_KEY = "requestId";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private RequestIds() {
    }

    /** The caller's id if it is 1-64 safe characters (no CR/LF, nothing to inject into logs), else a new one. */
    public static String acceptOrCreate(String given) {
        return given != null && SAFE.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }

    public static String current() {
        return MDC.get(MDC_KEY);
    }
}
