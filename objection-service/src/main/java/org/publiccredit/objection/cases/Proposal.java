package org.publiccredit.objection.cases;

import java.time.Instant;
import java.util.Map;

/**
 * The supplying department's finding: for an objection the outcome it proposes (with the corrected fields for
 * CORRECTED), for a repair its review result.
 */
public record Proposal(Outcome outcome, String reason, Map<String, Object> fields, Instant at, String by) {

    public Proposal {
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }
}
