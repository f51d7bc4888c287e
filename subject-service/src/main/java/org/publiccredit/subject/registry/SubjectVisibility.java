package org.publiccredit.subject.registry;

import java.util.Optional;
import org.publiccredit.commons.id.Identifiers;
import org.publiccredit.commons.security.Caller;
import org.publiccredit.commons.security.Role;
import org.publiccredit.subject.registry.SubjectView.Level;

/**
 * The one rule for who sees what of a subject. Organisations: the full view for admins, officers and the
 * enterprise user acting for that very code; the public view for everyone else. Natural persons are never public
 * here: admins and officers get the full (masked) view, everyone else nothing, which the API answers as 404 so
 * nobody can probe who is registered. A person's own subject is shown through {@code /mine}, not here.
 */
public final class SubjectVisibility {

    private SubjectVisibility() {
    }

    public static Optional<Level> levelFor(Subject subject, Caller caller) {
        boolean staff = caller.hasAny(Role.ADMIN, Role.OFFICER);
        if (subject.person()) {
            return staff ? Optional.of(Level.FULL) : Optional.empty();
        }
        boolean ownEnterprise = caller.has(Role.ENTERPRISE) && caller.uscc() != null
                && subject.code().equals(Identifiers.normalize(caller.uscc()));
        return Optional.of(staff || ownEnterprise ? Level.FULL : Level.PUBLIC);
    }
}
