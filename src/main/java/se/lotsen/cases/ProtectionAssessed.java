package se.lotsen.cases;

import java.time.Instant;
import java.util.UUID;

/** The immediate protection assessment of a child was recorded. */
public record ProtectionAssessed(UUID caseId, ProtectionOutcome outcome, Instant assessedAt) {
}
