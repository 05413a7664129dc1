package se.lotsen.handover;

import se.lotsen.access.AccountId;
import se.lotsen.cases.CaseId;

/** The receiving unit's manager assigned a case worker to a handed-over case. */
public record HandoverAssigned(CaseId caseId, String caseNumber, HandoverId handover, AccountId caseWorker,
                               String assignedByName) {
}
