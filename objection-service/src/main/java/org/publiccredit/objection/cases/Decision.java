package org.publiccredit.objection.cases;

import java.time.Instant;

/**
 * How a case closed: the outcome with its reason, or (outcome null) the reason it was not accepted.
 */
public record Decision(Outcome outcome, String reason, Instant at, String by) {
}
