package se.lotsen.cases;

import java.time.Instant;
import java.util.UUID;

import se.lotsen.organisation.UnitId;

/**
 * A user opened a case outside their rights through emergency access (nödåtkomst), with a reason. The holding
 * unit's leads and the auditors are told. Ids, the case number and the unit only: the reason stays in Lotsen (the
 * emergency access list), and nothing about the person the case is about is carried.
 *
 * @param access      the emergency access record
 * @param holdingUnit the unit that holds the case
 * @param account     who was given access
 */
public record EmergencyAccessGranted(UUID access, CaseId caseId, String caseNumber, UnitId holdingUnit,
                                     UUID account, Instant grantedAt, Instant expiresAt) {
}
