package se.lotsen.audit;

import java.time.Instant;

/**
 * A checkpoint of the audit chain, kept outside the database: the head entry's sequence number, id and chain value
 * at the time it was written, sealed with an HMAC under the audit key so that a forged or altered line is detected.
 *
 * @param seq        the head entry's sequence number
 * @param entryId    the head entry's id
 * @param chainValue the head entry's chain value
 * @param writtenAt  when the checkpoint was written
 * @param mac        HMAC-SHA256 of the four values above (see {@code AuditChain.checkpointContent})
 */
public record AuditCheckpoint(long seq, long entryId, String chainValue, Instant writtenAt, String mac) {
}
