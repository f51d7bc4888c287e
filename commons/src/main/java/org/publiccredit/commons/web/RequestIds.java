package org.publiccredit.commons.web;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
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
        return given != null && SAFE.matcher(given).matches() ? given : create();
    }

    /**
     * A new random (version 4) UUID. A request id is a label for logs, not a secret: it comes from
     * {@link ThreadLocalRandom}, not from {@code UUID.randomUUID()}'s SecureRandom, which read /dev/urandom on every
     * request the gateway or a service named (seen with strace on the gateway's event loop).
     */
    static String create() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }

    public static String current() {
        return MDC.get(MDC_KEY);
    }
}
