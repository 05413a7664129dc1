package se.lotsen.cases;

import java.util.List;

/**
 * Tells the case what keeps it open. Implemented by modules whose records must be finished before a case can close
 * (the decisions module: a custody in force, an open deadline), so that this module depends on none of them. The
 * case aggregate refuses to close while any check reports a blocker; the database refuses it too.
 */
public interface CaseClosingCheck {

    List<ClosingBlocker> blockers(CaseId caseId);
}
