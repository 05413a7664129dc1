package se.lotsen.system.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import se.lotsen.access.CurrentUser;
import se.lotsen.access.Role;

/**
 * Which work areas each role's start page shows, in the order that role needs them. Areas whose capability is not
 * built yet are listed without a link and say so, so that nobody looks for them in vain.
 */
final class WorkAreas {

    private static final Map<Role, List<WorkArea>> BY_ROLE = new LinkedHashMap<>();

    static {
        BY_ROLE.put(Role.DUTY_WORKER, List.of(
                new WorkArea("intake", "/cases/new"),
                new WorkArea("myCases", "/cases?mine=true"),
                new WorkArea("jourQueue", "/cases"),
                new WorkArea("deadlines", "/deadlines"),
                new WorkArea("queuedContacts", "/contacts/queued"),
                new WorkArea("knowledge", "/knowledge/articles")));
        BY_ROLE.put(Role.DUTY_LEAD, List.of(
                new WorkArea("jourQueue", "/cases"),
                new WorkArea("deadlines", "/deadlines"),
                new WorkArea("escalations", null),
                new WorkArea("duplicates", "/persons/merge"),
                new WorkArea("emergencyAccesses", "/cases/emergency-access/log"),
                new WorkArea("knowledge", "/knowledge/articles"),
                new WorkArea("statistics", "/statistics"),
                new WorkArea("grants", "/grants")));
        // The method developer has no access to case content (the case access policy): the deadline board shows
        // them no case's deadline (their case scope is empty), only dated items of their own, such as a grant's
        // final report; and the deadline rules.
        BY_ROLE.put(Role.METHOD_DEVELOPER, List.of(
                new WorkArea("routines", "/routines"),
                new WorkArea("questions", "/questions"),
                new WorkArea("deadlineRules", "/deadlines/rules"),
                new WorkArea("partners", "/partners"),
                new WorkArea("reviews", "/reviews"),
                new WorkArea("knowledge", "/knowledge/articles"),
                new WorkArea("knowledgeEvents", "/knowledge/events"),
                new WorkArea("statistics", "/statistics"),
                new WorkArea("grants", "/grants"),
                new WorkArea("deadlines", "/deadlines")));
        BY_ROLE.put(Role.CASE_WORKER, List.of(
                new WorkArea("myCases", "/cases?mine=true"),
                new WorkArea("incomingHandovers", "/handovers"),
                new WorkArea("deadlines", "/deadlines"),
                new WorkArea("askMethodDeveloper", "/questions/new"),
                new WorkArea("knowledge", "/knowledge/articles")));
        BY_ROLE.put(Role.UNIT_MANAGER, List.of(
                new WorkArea("unitQueue", "/cases"),
                new WorkArea("incomingHandovers", "/handovers"),
                new WorkArea("deadlines", "/deadlines"),
                new WorkArea("duplicates", "/persons/merge"),
                new WorkArea("emergencyAccesses", "/cases/emergency-access/log"),
                new WorkArea("knowledge", "/knowledge/articles"),
                new WorkArea("statistics", "/statistics"),
                new WorkArea("grants", "/grants")));
        BY_ROLE.put(Role.AUDITOR, List.of(
                new WorkArea("auditLog", "/audit"),
                new WorkArea("auditReviews", "/audit/reviews"),
                new WorkArea("emergencyAccesses", "/cases/emergency-access/log"),
                new WorkArea("reviews", "/reviews"),
                new WorkArea("statistics", "/statistics"),
                new WorkArea("grants", "/grants"),
                new WorkArea("knowledge", "/knowledge/articles")));
        BY_ROLE.put(Role.ADMIN, List.of(
                new WorkArea("accounts", "/admin/accounts"),
                new WorkArea("units", "/admin/units"),
                new WorkArea("partners", "/partners")));
    }

    private WorkAreas() {
    }

    /** The user's roles, each with its areas, in a stable order. */
    static Map<Role, List<WorkArea>> forUser(CurrentUser user) {
        Map<Role, List<WorkArea>> result = new LinkedHashMap<>();
        for (Map.Entry<Role, List<WorkArea>> e : BY_ROLE.entrySet()) {
            if (user.has(e.getKey())) {
                result.put(e.getKey(), e.getValue());
            }
        }
        return result;
    }

    /** Navigation links for the user: the available areas, each once. */
    static List<WorkArea> navigation(CurrentUser user) {
        List<WorkArea> links = new ArrayList<>();
        for (List<WorkArea> areas : forUser(user).values()) {
            for (WorkArea area : areas) {
                if (area.available() && links.stream().noneMatch(l -> l.key().equals(area.key()))) {
                    links.add(area);
                }
            }
        }
        return links;
    }
}
