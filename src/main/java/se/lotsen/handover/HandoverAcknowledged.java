package se.lotsen.handover;

import java.time.Instant;

import se.lotsen.cases.CaseId;
import se.lotsen.organisation.UnitId;

/** The receiving unit acknowledged receipt of a handed-over case; the handing unit's watch ends. */
public record HandoverAcknowledged(CaseId caseId, String caseNumber, HandoverId handover, UnitId fromUnit,
                                   String acknowledgedByName, Instant acknowledgedAt) {
}
