package se.lotsen.decisions;

import java.time.Instant;

import se.lotsen.cases.CaseId;

/** An immediate custody ended, with its reason; its open deadlines were closed. */
public record CustodyEnded(CaseId caseId, String caseNumber, DecisionId decision, CustodyEnd reason,
                           Instant endedAt) {
}
