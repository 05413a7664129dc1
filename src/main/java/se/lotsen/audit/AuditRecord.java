package se.lotsen.audit;

import java.util.UUID;

/**
 * What to record. Build it with {@link #of(AuditAction, String, Object)} and the {@code with…} methods; the
 * {@link AuditLog} fills in the actor, channel and address from the current request when they are not given.
 */
public record AuditRecord(
        AuditAction action,
        String recordType,
        String recordId,
        AuditOutcome outcome,
        String detail,
        UUID actorAccountId,
        String actorUsername,
        String actorUnitCode,
        AuditChannel channel,
        String remoteAddress) {

    public static AuditRecord of(AuditAction action, String recordType, Object recordId) {
        return new AuditRecord(action, recordType, recordId == null ? null : recordId.toString(),
                AuditOutcome.SUCCESS, null, null, null, null, null, null);
    }

    public AuditRecord withOutcome(AuditOutcome value) {
        return new AuditRecord(action, recordType, recordId, value, detail, actorAccountId, actorUsername,
                actorUnitCode, channel, remoteAddress);
    }

    public AuditRecord withDetail(String value) {
        return new AuditRecord(action, recordType, recordId, outcome, value, actorAccountId, actorUsername,
                actorUnitCode, channel, remoteAddress);
    }

    public AuditRecord withActor(AuditActor actor) {
        return new AuditRecord(action, recordType, recordId, outcome, detail, actor.accountId(), actor.username(),
                actor.unitCode(), channel, remoteAddress);
    }

    /** An actor known only by the name they typed (failed sign-in). */
    public AuditRecord withAttemptedUsername(String username) {
        return new AuditRecord(action, recordType, recordId, outcome, detail, null, username, null, channel,
                remoteAddress);
    }

    public AuditRecord withChannel(AuditChannel value) {
        return new AuditRecord(action, recordType, recordId, outcome, detail, actorAccountId, actorUsername,
                actorUnitCode, value, remoteAddress);
    }
}
