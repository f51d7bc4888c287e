package org.publiccredit.subject.registry;

import java.util.Set;
import org.publiccredit.commons.security.Caller;
import org.publiccredit.commons.security.Role;

/**
 * Who writes subject data: the source recorded on the subject (department, else client, else user) and whether it
 * is a registration source whose data count as verified (an admin, or a department listed in
 * {@code platform.subjects.registration-sources}).
 *
 * @param source    the department, client id or user name
 * @param verifying whether the writer's data verify the subject
 */
public record Writer(String source, boolean verifying) {

    public static Writer of(Caller caller, Set<String> registrationSources) {
        String source = caller.departmentClaim().orElse(caller.has(Role.PARTNER) ? caller.clientId() : caller.username());
        boolean verifying = caller.has(Role.ADMIN)
                || caller.departmentClaim().map(registrationSources::contains).orElse(false) && !caller.has(Role.PARTNER);
        return new Writer(source, verifying);
    }
}
