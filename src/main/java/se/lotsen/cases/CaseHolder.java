package se.lotsen.cases;

import java.util.UUID;

/**
 * Who holds a case, for reminders and boards: the unit, the assigned worker (or {@code null}), the case number and
 * whether it is about a child. No personal data of the person the case is about.
 */
public record CaseHolder(UUID caseId, String caseNumber, UUID unitId, String unitCode, UUID assignedTo,
                         CaseStatus status, SubjectType subjectType) {
}
