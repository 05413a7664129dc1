package se.lotsen.handover;

import java.time.Instant;

import se.lotsen.cases.CaseId;
import se.lotsen.organisation.UnitId;

/** A case was handed to another unit, which holds it from now on and must acknowledge receipt. */
public record CaseHandedOver(CaseId caseId, String caseNumber, HandoverId handover, UnitId fromUnit, UnitId toUnit,
                             Instant handedOverAt) {
}
