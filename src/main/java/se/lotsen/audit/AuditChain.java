package se.lotsen.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * What the chain value of an entry and the seal of a checkpoint are computed over.
 *
 * <p>Keyed entries ({@code HMAC}) are sealed with HMAC-SHA256 under the {@link AuditKey} over a text that names the
 * scheme, the entry's id and sequence number, the previous entry's chain value and every stored column of the
 * entry. Each field is written as its length, a colon and the value (a missing value as {@code -}), so no value can
 * pass for two. Entries written before the key existed ({@code SHA256}) keep their unkeyed hash.
 */
final class AuditChain {

    /** The "previous value" of the first entry. */
    static final String GENESIS = "0".repeat(64);

    static final String SCHEME_LEGACY = "SHA256";
    static final String SCHEME_KEYED = "HMAC";

    static final int USERNAME_MAX = 64;
    static final int RECORD_ID_MAX = 128;
    static final int ADDRESS_MAX = 64;
    static final int DETAIL_MAX = 500;
    static final int FLAG_MAX = 200;

    private AuditChain() {
    }

    /** The text a keyed entry's HMAC is computed over. The record's values are as stored (truncated). */
    static String entryContent(long id, long seq, String prev, Instant at, AuditRecord r) {
        StringBuilder b = new StringBuilder("lotsen-audit-entry/1");
        field(b, Long.toString(id));
        field(b, Long.toString(seq));
        field(b, prev);
        field(b, Long.toString(at.getEpochSecond()));
        field(b, Integer.toString(at.getNano() / 1000));
        field(b, r.actorAccountId() == null ? null : r.actorAccountId().toString());
        field(b, truncate(r.actorUsername(), USERNAME_MAX));
        field(b, r.actorUnitCode());
        field(b, r.action().name());
        field(b, r.recordType());
        field(b, truncate(r.recordId(), RECORD_ID_MAX));
        field(b, r.channel().name());
        field(b, truncate(r.remoteAddress(), ADDRESS_MAX));
        field(b, r.outcome().name());
        field(b, truncate(r.detail(), DETAIL_MAX));
        field(b, truncate(r.reviewFlag(), FLAG_MAX));
        return b.toString();
    }

    /** The text a checkpoint's seal is computed over. */
    static String checkpointContent(long seq, long entryId, String chainValue, Instant writtenAt) {
        StringBuilder b = new StringBuilder("lotsen-audit-checkpoint/1");
        field(b, Long.toString(seq));
        field(b, Long.toString(entryId));
        field(b, chainValue);
        field(b, writtenAt.toString());
        return b.toString();
    }

    private static void field(StringBuilder b, String value) {
        b.append('|');
        if (value == null) {
            b.append('-');
        } else {
            b.append(value.length()).append(':').append(value);
        }
    }

    /** The unkeyed SHA-256 of entries written before the keyed chain (V4 to V13); kept to verify them. */
    static String legacyHash(String prev, Instant at, AuditRecord r) {
        String content = String.join("|", List.of(prev,
                Long.toString(at.getEpochSecond()), Integer.toString(at.getNano() / 1000),
                Objects.toString(r.actorAccountId(), ""), nz(truncate(r.actorUsername(), USERNAME_MAX)),
                nz(r.actorUnitCode()), r.action().name(), r.recordType(), nz(truncate(r.recordId(), RECORD_ID_MAX)),
                r.channel().name(), nz(truncate(r.remoteAddress(), ADDRESS_MAX)), r.outcome().name(),
                nz(truncate(r.detail(), DETAIL_MAX))))
                // The review flag came later: entries without one hash as before, so older entries still verify.
                + (r.reviewFlag() == null ? "" : "|flag:" + nz(truncate(r.reviewFlag(), FLAG_MAX)));
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s.replace("|", "\\|");
    }

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
