package se.lotsen.decisions;

import java.time.Instant;

import se.lotsen.cases.CaseId;

/**
 * A decision of any type was recorded (a custody also publishes {@link CustodyDecided}). No names and no grounds:
 * what was decided, for which case, and when, for the statistics.
 */
public record DecisionRecorded(CaseId caseId, DecisionId decision, DecisionType type, Instant decidedAt) {
}
