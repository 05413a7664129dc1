package se.lotsen.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

import se.lotsen.access.CurrentUser;
import se.lotsen.access.Role;
import se.lotsen.common.NotFoundException;
import se.lotsen.organisation.Unit;
import se.lotsen.organisation.UnitId;
import se.lotsen.organisation.UnitKind;
import se.lotsen.persons.PersonId;

/**
 * The access policy for case data: the one place that decides who may read or change a case, see the protected data
 * of the person it is about, or consult on it. Every page, endpoint, list, board, panel, PDF and e-mail of case data
 * asks here, either for a {@link CaseGrant} (one case) or for the {@link CaseScope} (lists).
 *
 * <ul>
 *   <li>Duty workers, case workers and leads of the unit that holds a case read and change it.</li>
 *   <li>The same roles of a unit that handed the case on read it, and only read it, until the follow-up period ends
 *       (questions included: asking writes into the case).</li>
 *   <li>The holding unit's leads, and a case worker a lead has named for the case, see the address and placement of a
 *       person with protected identity; nobody else does.</li>
 *   <li>The method developer has no access to case content: only the case's number and unit when answering a question
 *       asked about it ({@link CaseRight#CONSULTATION}).</li>
 *   <li>Administrators and auditors see no case or person data.</li>
 * </ul>
 * For everyone else a case does not exist (404); a user who may read but not write is refused a change (403).
 */
@Service
public class CaseAccess {

    /** Roles that handle cases at their unit. */
    static final Set<Role> HANDLER_ROLES = EnumSet.of(Role.DUTY_WORKER, Role.DUTY_LEAD, Role.CASE_WORKER,
            Role.UNIT_MANAGER);
    /** Leads: see protected data of the unit's cases and name who else may. */
    static final Set<Role> LEAD_ROLES = EnumSet.of(Role.DUTY_LEAD, Role.UNIT_MANAGER);

    /** The user's unit holds the case and the user handles cases. */
    private static final String HOLDS = "(c.unit_id = :accessUnit AND :accessHandler)";
    /** The user's unit handed the case on and its follow-up period has not ended. */
    private static final String FOLLOWS = "(:accessHandler AND EXISTS (SELECT 1 FROM case_access s"
            + " WHERE s.case_id = c.id AND s.unit_id = :accessUnit AND s.until > now()))";
    private static final String READABLE = "(" + HOLDS + " OR " + FOLLOWS + ")";

    /**
     * The decision and the case in one statement: the rights come from the same predicates the lists use, and the
     * case's content (person, journal, status changes) comes along, so a page reads the case once.
     */
    private static final String GRANT = """
            SELECT c.id, c.case_number, c.status, c.subject_type, c.person_id, c.assigned_to, c.custody_decided,
                   c.version, u.id AS u_id, u.code AS u_code, u.name AS u_name, u.kind AS u_kind, u.active AS u_active,
                   a.display_name AS assigned_name, p.protected_identity,
                   %s AS holds, %s AS follows,
                   EXISTS (SELECT 1 FROM case_protected_viewer v
                           WHERE v.case_id = c.id AND v.account_id = :accessAccount) AS named,
                   %s,
                   CASE WHEN :accessLead AND %s THEN (
                       SELECT json_agg(json_build_object('id', w.id, 'name', w.display_name, 'lead',
                                  EXISTS (SELECT 1 FROM account_role wl WHERE wl.account_id = w.id AND wl.role IN (%s)))
                              ORDER BY w.display_name)
                       FROM account w WHERE w.unit_id = c.unit_id AND w.enabled
                         AND EXISTS (SELECT 1 FROM account_role wr WHERE wr.account_id = w.id AND wr.role IN (%s)))
                   END AS workers,
                   CASE WHEN :accessLead AND %s THEN coalesce((
                       SELECT json_agg(json_build_object('id', pv.account_id, 'name', pa.display_name,
                                  'by', pv.named_by_name, 'at', pv.named_at) ORDER BY pa.display_name)
                       FROM case_protected_viewer pv JOIN account pa ON pa.id = pv.account_id
                       WHERE pv.case_id = c.id), '[]'::json)
                   END AS viewers
            FROM case_file c JOIN unit u ON u.id = c.unit_id JOIN person p ON p.id = c.person_id
            LEFT JOIN account a ON a.id = c.assigned_to
            WHERE c.id = :id""".formatted(HOLDS, FOLLOWS, CaseContent.COLUMNS, HOLDS, sqlRoles(LEAD_ROLES),
            sqlRoles(HANDLER_ROLES), HOLDS);

    /** A set of roles as an SQL list, from the one definition of each set above. */
    private static String sqlRoles(Set<Role> roles) {
        return String.join(", ", roles.stream().map(r -> "'" + r.name() + "'").sorted().toList());
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public CaseAccess(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Whether the user handles cases: one of the handling roles, at a unit. */
    public boolean handlesCases(CurrentUser user) {
        return user.unit() != null && user.roles().stream().anyMatch(HANDLER_ROLES::contains);
    }

    /** Whether the user leads their unit (duty lead or unit manager). */
    public boolean leads(CurrentUser user) {
        return leads(user.roles(), user.unit());
    }

    /** Whether an account with these roles at this unit leads it. */
    public boolean leads(Set<Role> roles, Unit unit) {
        return unit != null && roles.stream().anyMatch(LEAD_ROLES::contains);
    }

    /** Refuses (403) a user who does not handle cases, e.g. before intake or a search of the person register. */
    public Unit requireCaseWork(CurrentUser user) {
        if (!handlesCases(user)) {
            throw new AccessDeniedException("no case-handling role");
        }
        return user.unit();
    }

    /** Refuses (403) anyone but a lead of a unit, e.g. before merging records of the unit's person register. */
    public Unit requireLead(CurrentUser user) {
        if (!leads(user)) {
            throw new AccessDeniedException("leads only");
        }
        return user.unit();
    }

    /** The predicates of the cases the user may see, for lists and searches. */
    public CaseScope scope(CurrentUser user) {
        Map<String, Object> params = new HashMap<>();
        params.put("accessUnit", user.unit() == null ? null : user.unit().id().value());
        params.put("accessHandler", handlesCases(user));
        return new CaseScope(READABLE, HOLDS, params);
    }

    /** The user's grant for the case, with whatever rights they have; empty when they have none. */
    public Optional<CaseGrant> find(CaseId id, CurrentUser user) {
        Map<String, Object> params = new HashMap<>(scope(user).params());
        params.put("accessAccount", user.accountId());
        params.put("accessLead", leads(user));
        params.put("id", id.value());
        return jdbc.sql(GRANT).params(params).query((rs, n) -> grant(rs, user)).optional()
                .filter(g -> !g.rights().isEmpty());
    }

    /** A grant to read the case; {@link NotFoundException} for everyone who may not. */
    public CaseGrant read(CaseId id, CurrentUser user) {
        return find(id, user).filter(g -> g.may(CaseRight.READ)).orElseThrow(() -> new NotFoundException("case"));
    }

    /** A grant to change the case: 404 for those who may not read it, 403 for those who may only read it. */
    public WriteGrant write(CaseId id, CurrentUser user) {
        return read(id, user).write();
    }

    /** The method developer's consultation grant for a question about the case; 404 for everyone else. */
    public CaseGrant consultation(CaseId id, CurrentUser user) {
        return find(id, user).filter(g -> g.may(CaseRight.CONSULTATION))
                .orElseThrow(() -> new NotFoundException("case"));
    }

    private CaseGrant grant(ResultSet rs, CurrentUser user) throws SQLException {
        Unit unit = new Unit(new UnitId(rs.getObject("u_id", UUID.class)), rs.getString("u_code"),
                rs.getString("u_name"), UnitKind.valueOf(rs.getString("u_kind")), rs.getBoolean("u_active"));
        CaseHeader header = new CaseHeader(new CaseId(rs.getObject("id", UUID.class)), rs.getString("case_number"),
                unit, CaseStatus.valueOf(rs.getString("status")), SubjectType.valueOf(rs.getString("subject_type")),
                new PersonId(rs.getObject("person_id", UUID.class)), !"NONE".equals(rs.getString("protected_identity")),
                rs.getObject("assigned_to", UUID.class), rs.getString("assigned_name"),
                rs.getBoolean("custody_decided"), rs.getInt("version"));
        Set<CaseRight> rights = EnumSet.noneOf(CaseRight.class);
        if (rs.getBoolean("holds")) {
            rights.add(CaseRight.READ);
            rights.add(CaseRight.WRITE);
            if (leads(user)) {
                rights.add(CaseRight.LEAD);
                rights.add(CaseRight.PROTECTED_DATA);
            } else if (rs.getBoolean("named")) {
                rights.add(CaseRight.PROTECTED_DATA);
            }
        } else if (rs.getBoolean("follows")) {
            rights.add(CaseRight.READ);
            rights.add(CaseRight.FOLLOW_UP);
        }
        if (user.has(Role.METHOD_DEVELOPER)) {
            rights.add(CaseRight.CONSULTATION);
        }
        return new CaseGrant(header, user, rights, rights.contains(CaseRight.READ) ? CaseContent.map(rs, json) : null);
    }
}
