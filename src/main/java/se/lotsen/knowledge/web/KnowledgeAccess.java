package se.lotsen.knowledge.web;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;

import se.lotsen.access.CurrentUser;
import se.lotsen.access.Role;

/**
 * Who may do what with events and the knowledge base. Every role that works with cases (duty workers and leads, case
 * workers, unit managers, the method developer) and the auditors read events, materials and articles: the knowledge
 * is for everyone who handles or reviews these cases. Only the method developer registers and changes them. The
 * administrator manages accounts and units, not content, and is refused (as for the routines).
 */
final class KnowledgeAccess {

    static final Set<Role> READERS = EnumSet.of(Role.DUTY_WORKER, Role.DUTY_LEAD, Role.METHOD_DEVELOPER,
            Role.CASE_WORKER, Role.UNIT_MANAGER, Role.AUDITOR);

    private KnowledgeAccess() {
    }

    static boolean mayEdit(CurrentUser user) {
        return user != null && user.has(Role.METHOD_DEVELOPER);
    }

    static void requireReader(CurrentUser user) {
        if (user == null || READERS.stream().noneMatch(user::has)) {
            throw new AccessDeniedException("knowledge is read by the case roles and the auditors");
        }
    }

    static void requireEditor(CurrentUser user) {
        if (!mayEdit(user)) {
            throw new AccessDeniedException("knowledge is written by the method developer");
        }
    }
}
