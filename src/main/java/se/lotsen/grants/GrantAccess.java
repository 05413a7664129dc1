package se.lotsen.grants;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;

import se.lotsen.access.CurrentUser;
import se.lotsen.access.Role;

/**
 * Who may see and manage grants. A grant holds no personal data, but its money and its report to the funder are the
 * business of those who answer for the work: the method developer manages grants (the project's owner of method and
 * reporting); unit managers, duty leads and auditors read them, the report and its PDF; the other roles are refused
 * (403: that grants exist is no secret, their figures are not theirs to follow). An unknown grant is 404 for all.
 */
public final class GrantAccess {

    static final Set<Role> READERS = EnumSet.of(Role.METHOD_DEVELOPER, Role.UNIT_MANAGER, Role.DUTY_LEAD,
            Role.AUDITOR);

    private GrantAccess() {
    }

    public static boolean mayRead(CurrentUser user) {
        return user != null && user.roles().stream().anyMatch(READERS::contains);
    }

    public static boolean mayManage(CurrentUser user) {
        return user != null && user.has(Role.METHOD_DEVELOPER);
    }

    public static void requireReader(CurrentUser user) {
        if (!mayRead(user)) {
            throw new AccessDeniedException("grants are read by the method developer, managers, duty leads and auditors");
        }
    }

    public static void requireManager(CurrentUser user) {
        if (!mayManage(user)) {
            throw new AccessDeniedException("grants are managed by the method developer");
        }
    }
}
