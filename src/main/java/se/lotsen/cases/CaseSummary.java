package se.lotsen.cases;

import java.time.Instant;
import java.util.UUID;

/**
 * A case in a list. {@code personName} is the name to show: for a protected identity the list shows it, marked, but
 * never an address.
 */
public record CaseSummary(
        UUID id,
        String caseNumber,
        String unitCode,
        CaseStatus status,
        SubjectType subjectType,
        String personName,
        String identityNumber,
        boolean protectedIdentity,
        Instant receivedAt,
        String assignedToName) {
}
