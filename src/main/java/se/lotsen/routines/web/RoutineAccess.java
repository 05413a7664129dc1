package se.lotsen.routines.web;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;

import se.lotsen.access.CurrentUser;
import se.lotsen.access.Role;
import se.lotsen.common.NotFoundException;
import se.lotsen.routines.RoutineVersion;

/**
 * Who may do what with routines. Every case role may read the published versions (the handling manual is for
 * everyone who works the cases); only the method developer sees drafts, edits, publishes and sees which cases run
 * which version.
 */
final class RoutineAccess {

    /** The roles that work with cases and therefore read the routine. */
    static final Set<Role> READERS = EnumSet.of(Role.DUTY_WORKER, Role.DUTY_LEAD, Role.METHOD_DEVELOPER,
            Role.CASE_WORKER, Role.UNIT_MANAGER);

    private RoutineAccess() {
    }

    static boolean isMethodDeveloper(CurrentUser user) {
        return user != null && user.has(Role.METHOD_DEVELOPER);
    }

    static void requireReader(CurrentUser user) {
        if (user == null || READERS.stream().noneMatch(user::has)) {
            throw new AccessDeniedException("routines are read by the case roles");
        }
    }

    static void requireMethodDeveloper(CurrentUser user) {
        if (!isMethodDeveloper(user)) {
            throw new AccessDeniedException("routines are edited by the method developer");
        }
    }

    /**
     * A version the user may read: published versions for every case role, the draft only for the method
     * developer (for others it does not exist).
     */
    static RoutineVersion readable(RoutineVersion version, CurrentUser user) {
        requireReader(user);
        if (!version.published() && !isMethodDeveloper(user)) {
            throw new NotFoundException("routine version");
        }
        return version;
    }
}
