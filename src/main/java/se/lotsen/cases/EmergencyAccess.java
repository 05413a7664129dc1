package se.lotsen.cases;

import java.time.Instant;
import java.util.UUID;

/**
 * One emergency access (nödåtkomst) as the holding unit's leads and the auditors review it: who opened which case,
 * why, when, and until when the grant lasts.
 */
public record EmergencyAccess(UUID id, CaseId caseId, String caseNumber, String holdingUnitName, String accountName,
                              String accountUnitName, String reason, Instant grantedAt, Instant expiresAt,
                              boolean active) {
}
