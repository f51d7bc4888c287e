package org.publiccredit.objection.notify;

import java.util.UUID;

/**
 * A case changed state; published inside the transition's transaction and delivered after it commits. Carries no
 * personal data: the notifier looks the recipient up by {@code ownerKey} when a real channel exists.
 *
 * @param caseId the case
 * @param kind OBJECTION or REPAIR
 * @param from the state before (null when filed)
 * @param to the state after
 * @param ownerKey the applicant as owner ({@code uscc:…} or {@code user:<sub>})
 */
public record CaseChanged(UUID caseId, String kind, String from, String to, String ownerKey) {
}
