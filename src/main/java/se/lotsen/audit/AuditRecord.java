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
        String remoteAddress,
        String reviewFlag) {

    public AuditRecord(AuditAction action, String recordType, String recordId, AuditOutcome outcome, String detail,
                       UUID actorAccountId, String actorUsername, String actorUnitCode, AuditChannel channel,
                       String remoteAddress) {
        this(action, recordType, recordId, outcome, detail, actorAccountId, actorUsername, actorUnitCode, channel,
                remoteAddress, null);
    }

    public static AuditRecord of(AuditAction action, String recordType, Object recordId) {
        return new AuditRecord(action, recordType, recordId == null ? null : recordId.toString(),
                AuditOutcome.SUCCESS, null, null, null, null, null, null, null);
    }

    /** Flags the entry for log review. */
    public AuditRecord withFlags(java.util.Collection<ReviewFlag> flags) {
        return withReviewFlag(ReviewFlag.format(flags));
    }

    /** The stored review flags (see {@link ReviewFlag#format}). */
    public AuditRecord withReviewFlag(String value) {
        return new AuditRecord(action, recordType, recordId, outcome, detail, actorAccountId, actorUsername,
                actorUnitCode, channel, remoteAddress, value);
    }

    public AuditRecord withOutcome(AuditOutcome value) {
        return new AuditRecord(action, recordType, recordId, value, detail, actorAccountId, actorUsername,
                actorUnitCode, channel, remoteAddress, reviewFlag);
    }

    public AuditRecord withDetail(String value) {
        return new AuditRecord(action, recordType, recordId, outcome, value, actorAccountId, actorUsername,
                actorUnitCode, channel, remoteAddress, reviewFlag);
    }

    public AuditRecord withActor(AuditActor actor) {
        return new AuditRecord(action, recordType, recordId, outcome, detail, actor.accountId(), actor.username(),
                actor.unitCode(), channel, remoteAddress, reviewFlag);
    }

    /** An actor known only by the name they typed (failed sign-in). */
    public AuditRecord withAttemptedUsername(String username) {
        return new AuditRecord(action, recordType, recordId, outcome, detail, null, username, null, channel,
                remoteAddress, reviewFlag);
    }

    public AuditRecord withChannel(AuditChannel value) {
        return new AuditRecord(action, recordType, recordId, outcome, detail, actorAccountId, actorUsername,
                actorUnitCode, value, remoteAddress, reviewFlag);
    }
}
