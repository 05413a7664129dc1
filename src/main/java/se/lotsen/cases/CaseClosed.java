package se.lotsen.cases;

import java.time.Instant;

import se.lotsen.organisation.UnitId;

/** A case was closed (with its reason, after every custody ended and every deadline was finished). */
public record CaseClosed(CaseId caseId, String caseNumber, UnitId unit, Instant closedAt) {
}
