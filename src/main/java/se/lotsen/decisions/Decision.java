package se.lotsen.decisions;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A recorded decision. */
public record Decision(
        UUID id,
        UUID caseId,
        DecisionType type,
        UUID custodyId,
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
        Instant endedAt,
        CustodyEnd endReason,
        String endNote,
        String recordedByName) {

    public boolean active() {
        return endedAt == null;
    }
}
