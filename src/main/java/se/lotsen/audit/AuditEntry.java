package se.lotsen.audit;

import java.time.Instant;
import java.util.UUID;

/** One entry of the audit trail, as stored. */
public record AuditEntry(
        long id,
        Instant occurredAt,
        UUID actorAccountId,
        String actorUsername,
        String actorUnitCode,
        AuditAction action,
        String recordType,
        String recordId,
        AuditChannel channel,
        String remoteAddress,
        AuditOutcome outcome,
        String detail,
        String reviewFlag,
        String prevHash,
        String hash) {

    /** The entry's review flags (legacy free-text flags are not listed; {@link #reviewFlag()} keeps them). */
    public java.util.Set<ReviewFlag> flags() {
        return ReviewFlag.parse(reviewFlag);
    }
}
