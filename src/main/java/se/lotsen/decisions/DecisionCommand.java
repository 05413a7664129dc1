package se.lotsen.decisions;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A decision to record. For custody: grounds ({@code LVU_2}, {@code LVU_3}) and why the court's decision cannot be
 * awaited; for 6 a §: the jurisdiction assessment. Linked decisions name their custody (or the active one is used).
 * {@code placement} marks texts that concern a placement or whereabouts (always so for 11 §, 14 § whereabouts and
 * protected housing). {@code unusualTimeConfirmed}: the worker confirmed a decision time in the future or more than a
 * week back.
 */
public record DecisionCommand(
        DecisionType type,
        Instant decidedAt,
        Instant executedAt,
        String decidedByName,
        Mandate mandate,
        String committeeUnitCode,
        Set<String> grounds,
        String urgencyReason,
        String habitualResidence,
        String jurisdictionBasis,
        String jurisdictionNotes,
        String details,
        UUID custodyId,
        boolean placement,
        boolean unusualTimeConfirmed) {

    public DecisionCommand {
        grounds = grounds == null ? Set.of() : Set.copyOf(grounds);
    }
}
