package se.lotsen.decisions;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import se.lotsen.cases.CaseClosingCheck;
import se.lotsen.cases.CaseId;
import se.lotsen.cases.ClosingBlocker;

/**
 * What keeps a case open in this module: an immediate custody in force (it must be ended with its reason first) and
 * every open deadline (met, or closed by ending what it concerns). The database refuses the close as well.
 */
@Component
class DecisionClosingCheck implements CaseClosingCheck {

    private final JdbcClient jdbc;

    DecisionClosingCheck(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<ClosingBlocker> blockers(CaseId caseId) {
        List<ClosingBlocker> blockers = new ArrayList<>();
        jdbc.sql("""
                        SELECT 'custody' AS what, d.type AS kind, to_char(d.decided_at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD') AS day
                        FROM decision d WHERE d.case_id = :c AND d.type IN ('LVU_6', 'LVU_6A') AND d.ended_at IS NULL
                        UNION ALL
                        SELECT 'deadline', r.legal_basis, coalesce(to_char(d.due_date, 'YYYY-MM-DD'), '–')
                        FROM deadline d JOIN deadline_rule r ON r.id = d.rule_id
                        WHERE d.case_id = :c AND d.status IN """ + DeadlineStatus.OPEN_STORED_SQL)
                .param("c", caseId.value())
                .query((rs, n) -> blockers.add("custody".equals(rs.getString(1))
                        ? new ClosingBlocker("case.close.blocked.custody",
                                List.of(DecisionType.valueOf(rs.getString(2)).legalBasis(), rs.getString(3)))
                        : new ClosingBlocker("case.close.blocked.deadline",
                                List.of(rs.getString(2), rs.getString(3)))))
                .list();
        return blockers;
    }
}
