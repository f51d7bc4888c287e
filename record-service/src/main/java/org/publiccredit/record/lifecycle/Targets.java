package org.publiccredit.record.lifecycle;

import java.util.UUID;
import org.publiccredit.commons.problem.ApiException;

/** Parses {@code {id}:{action}} path segments (Google-style custom methods such as {@code …/records/{id}:revoke}). */
final class Targets {

    private Targets() {
    }

    /**
     * The parsed segment.
     *
     * @param id the record id
     * @param action the custom method, e.g. revoke
     */
    record Target(UUID id, String action) {
    }

    static Target parse(String segment) {
        int colon = segment.indexOf(':');
        String id = colon < 0 ? segment : segment.substring(0, colon);
        String action = colon < 0 ? "" : segment.substring(colon + 1);
        return new Target(id(id), action);
    }

    /** A record id; anything that is not a UUID is simply not found. */
    static UUID id(String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("Record");
        }
    }
}
