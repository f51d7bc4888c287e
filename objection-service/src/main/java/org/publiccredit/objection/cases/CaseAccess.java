package org.publiccredit.objection.cases;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.publiccredit.commons.security.Caller;
import org.publiccredit.commons.security.Role;
import org.publiccredit.objection.naming.Departments;

/**
 * Who may see and act on a case, from the token only: the applicant (owner key), a reviewer whose {@code region}
 * claim is a prefix of the record's region, an officer (or a department's partner client) whose {@code department} claim
 * is the record's supplying department. Anyone else does not see the case at all (404).
 */
public final class CaseAccess {

    private static final Pattern REGION = Pattern.compile("\\d{2,6}");
    private static final Departments SUPPLYING = new Departments();

    private CaseAccess() {
    }

    /** The owner key of a caller who can be an applicant: enterprise users by code, citizens by their own account. */
    public static Optional<String> ownerKey(Caller caller) {
        if (caller.has(Role.ENTERPRISE) && caller.uscc() != null) {
            return Optional.of("uscc:" + caller.uscc());
        }
        if (caller.has(Role.CITIZEN) && caller.idNumber() != null && caller.subject() != null) {
            return Optional.of("user:" + caller.subject());
        }
        return Optional.empty();
    }

    /** The reviewer's region claim when it is a well-formed region prefix. */
    public static Optional<String> reviewerRegion(Caller caller) {
        if (!caller.has(Role.REVIEWER) || caller.region() == null || !REGION.matcher(caller.region()).matches()) {
            return Optional.empty();
        }
        return Optional.of(caller.region());
    }

    /**
     * The department a caller acts for on cases: an officer's, or a partner client's of a supplying department (its system
     * verifies through the API as its officers do in the portal: its queue, its statistics, its cases). A partner whose
     * department is no supplying department of {@code departments.tsv} (a bank) meets no case this way.
     */
    public static Optional<String> officerDepartment(Caller caller) {
        if (caller.has(Role.OFFICER)) {
            return caller.departmentClaim();
        }
        return caller.has(Role.PARTNER) ? caller.departmentClaim().filter(SUPPLYING::known) : Optional.empty();
    }

    /** Every role the caller plays on this case; empty means the case is not theirs to see. */
    public static Set<ActorRole> rolesOn(CaseFile c, Caller caller) {
        Set<ActorRole> roles = EnumSet.noneOf(ActorRole.class);
        if (ownerKey(caller).filter(c.ownerKey()::equals).isPresent()) {
            roles.add(ActorRole.APPLICANT);
        }
        if (reviewerRegion(caller).filter(r -> c.record().region() != null && c.record().region().startsWith(r)).isPresent()) {
            roles.add(ActorRole.REVIEWER);
        }
        if (officerDepartment(caller).filter(d -> d.equals(c.record().department())).isPresent()) {
            roles.add(ActorRole.DEPARTMENT);
        }
        return roles;
    }

    /** The caller as actor in the role an action needs, or in another role they have (the transition then says 403). */
    public static Actor actorFor(Set<ActorRole> roles, ActorRole needed, Caller caller) {
        ActorRole role = roles.contains(needed) ? needed : roles.iterator().next();
        return new Actor(role, caller.subject(), caller.username());
    }
}
