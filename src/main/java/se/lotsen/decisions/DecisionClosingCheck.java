package se.lotsen.decisions;

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
    private final Deadlines deadlines;

    DecisionClosingCheck(JdbcClient jdbc, Deadlines deadlines) {
        this.jdbc = jdbc;
        this.deadlines = deadlines;
    }

    /** The rule itself is {@link ClosingBlockers#of}, which the case page uses to show the blockers beforehand. */
    @Override
    public List<ClosingBlocker> blockers(CaseId caseId) {
        return ClosingBlockers.of(Decisions.allForCase(jdbc, caseId.value()), deadlines.forCase(caseId.value()));
    }
}
