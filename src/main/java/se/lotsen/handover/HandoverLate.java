package se.lotsen.handover;

import se.lotsen.cases.CaseId;
import se.lotsen.organisation.UnitId;

/** Receipt of a handed-over case was not acknowledged in time: escalated once. */
public record HandoverLate(CaseId caseId, String caseNumber, HandoverId handover, UnitId fromUnit, UnitId toUnit,
                           String toUnitName) {
}
