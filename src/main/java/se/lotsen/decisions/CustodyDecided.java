package se.lotsen.decisions;

import java.time.Instant;

import se.lotsen.cases.CaseId;

/** An immediate custody (6 § or 6 a § LVU) was decided and recorded; its deadlines have started. */
public record CustodyDecided(CaseId caseId, String caseNumber, DecisionId decision, DecisionType type,
                             Instant decidedAt) {
}
