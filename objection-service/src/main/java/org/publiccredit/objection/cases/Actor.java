package org.publiccredit.objection.cases;

/**
 * Who performs a transition, in which role on the case.
 *
 * @param role the role on this case
 * @param userId the token's subject
 * @param username the login name shown to staff (never to the applicant for staff actions)
 */
public record Actor(ActorRole role, String userId, String username) {
}
