package se.lotsen.handover;

import java.time.Instant;
import java.util.UUID;

import se.lotsen.organisation.Unit;

/** One handover of a case from a unit to another. */
public record Handover(
        UUID id,
        UUID caseId,
        String caseNumber,
        Unit from,
        Unit to,
        String reason,
        Instant handedOverAt,
        String handedOverByName,
        UUID assignedTo,
        String assignedToName,
        Instant assignedAt,
        String assignedByName,
        Instant acknowledgedAt,
        String acknowledgedByName,
        Instant escalateAt,
        Instant escalatedAt) {

    public boolean acknowledged() {
        return acknowledgedAt != null;
    }

    /** Not acknowledged and past the time it should have been. */
    public boolean late(Instant now) {
        return acknowledgedAt == null && now.isAfter(escalateAt);
    }
}
