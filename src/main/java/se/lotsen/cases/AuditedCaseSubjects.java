package se.lotsen.cases;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import se.lotsen.audit.AuditSubjects;
import se.lotsen.common.SqlLike;

/**
 * Tells log review what audit entries about cases and persons concern: the case number, the person's name, whether
 * the person has protected identity, the holding unit; an entry about a case's decision, deadline or question is
 * described by its case (the ids are read from those modules' tables by primary key, one statement per page). Shown to auditors only (the audit pages and API require the
 * auditor role); this is not an access path to case content, so it does not go through {@link CaseAccess}.
 */
@Component
class AuditedCaseSubjects implements AuditSubjects {

    private final JdbcClient jdbc;

    AuditedCaseSubjects(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Subject> describe(Set<String> recordIds) {
        List<UUID> ids = new ArrayList<>();
        for (String id : recordIds) {
            UUID uuid = uuidOrNull(id);
            if (uuid != null) {
                ids.add(uuid);
            }
        }
        Map<String, Subject> subjects = new HashMap<>();
        if (ids.isEmpty()) {
            return subjects;
        }
        // One statement for the page: the cases among the ids, and the persons among them.
        jdbc.sql("""
                        SELECT c.id, c.case_number, p.name, p.protected_identity, u.code
                        FROM case_file c JOIN person p ON p.id = c.person_id JOIN unit u ON u.id = c.unit_id
                        WHERE c.id IN (:ids)
                        UNION ALL
                        SELECT p.id, NULL, p.name, p.protected_identity, u.code
                        FROM person p JOIN unit u ON u.id = p.unit_id
                        WHERE p.id IN (:ids)
                        UNION ALL
                        SELECT r.id, c.case_number, p.name, p.protected_identity, u.code
                        FROM (SELECT id, case_id FROM decision WHERE id IN (:ids)
                              UNION ALL SELECT id, case_id FROM deadline WHERE id IN (:ids)
                              UNION ALL SELECT id, case_id FROM question WHERE id IN (:ids) AND case_id IS NOT NULL) r
                        JOIN case_file c ON c.id = r.case_id JOIN person p ON p.id = c.person_id
                        JOIN unit u ON u.id = c.unit_id""")
                .param("ids", ids)
                .query((rs, n) -> subjects.put(rs.getObject(1, UUID.class).toString(), new Subject(rs.getString(2),
                        rs.getString(3), !"NONE".equals(rs.getString(4)), rs.getString(5))))
                .list();
        return subjects;
    }

    @Override
    public Set<String> recordIdsMatching(String caseNumber, String person) {
        boolean byNumber = caseNumber != null && !caseNumber.isBlank();
        boolean byPerson = person != null && !person.isBlank();
        Set<String> ids = new LinkedHashSet<>();
        if (!byNumber && !byPerson) {
            return ids;
        }
        Map<String, Object> params = new HashMap<>();
        params.put("limit", MAX_MATCHES + 1);
        String personMatches = "(lower(p.name) LIKE :person OR EXISTS (SELECT 1 FROM person_name n "
                + "WHERE n.person_id = p.id AND lower(n.name) LIKE :person))";
        List<String> caseWhere = new ArrayList<>();
        if (byNumber) {
            caseWhere.add("lower(c.case_number) LIKE :number");
            params.put("number", SqlLike.contains(caseNumber));
        }
        if (byPerson) {
            caseWhere.add(personMatches);
            params.put("person", SqlLike.contains(person));
        }
        String sql = "(SELECT c.id FROM case_file c JOIN person p ON p.id = c.person_id WHERE "
                + String.join(" AND ", caseWhere) + " LIMIT :limit)";
        if (byPerson && !byNumber) {
            sql += " UNION ALL (SELECT p.id FROM person p WHERE " + personMatches + " LIMIT :limit)";
        }
        jdbc.sql(sql).params(params).query((rs, n) -> ids.add(rs.getObject(1, UUID.class).toString())).list();
        return ids;
    }

    @Override
    public List<UnitChoice> units() {
        return jdbc.sql("SELECT code, name FROM unit ORDER BY lower(name), code")
                .query((rs, n) -> new UnitChoice(rs.getString(1), rs.getString(2))).list();
    }

    private static UUID uuidOrNull(String s) {
        if (s == null || s.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
