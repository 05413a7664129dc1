package se.lotsen.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import se.lotsen.audit.AuditLog.ChainVerification;

/**
 * Walks the audit chain in sequence order, streaming the rows (a cursor, never the whole table in memory), and
 * compares it with the checkpoints kept outside the database.
 *
 * <p>Each entry must carry the next sequence number, link to the previous entry's chain value and have the chain
 * value its content gives: an HMAC under the audit key (or a key before a rotation, never an older key after a
 * newer one), or for the entries written before the key existed the unkeyed SHA-256, accepted only as an unbroken
 * prefix. Each checkpoint must be sealed with the key, its entry must exist with the id and chain value it names,
 * and the log must reach the latest checkpoint.
 */
final class AuditChainVerifier {

    private static final int FETCH_SIZE = 500;

    private final DataSource dataSource;
    private final TransactionTemplate tx;
    private final AuditKey key;
    private final AuditCheckpoints checkpoints;

    AuditChainVerifier(DataSource dataSource, PlatformTransactionManager transactionManager, AuditKey key,
                       AuditCheckpoints checkpoints) {
        this.dataSource = dataSource;
        this.tx = new TransactionTemplate(transactionManager);
        this.tx.setReadOnly(true);
        this.key = key;
        this.checkpoints = checkpoints;
    }

    ChainVerification verify() {
        AuditCheckpoints.Found found = checkpoints.readAll();
        NavigableMap<Long, List<AuditCheckpoint>> bySeq = new TreeMap<>();
        for (AuditCheckpoint c : found.valid()) {
            bySeq.computeIfAbsent(c.seq(), s -> new ArrayList<>()).add(c);
        }
        int checkpointCount = found.valid().size();
        Instant latestAt = found.valid().stream().map(AuditCheckpoint::writtenAt).max(Comparator.naturalOrder())
                .orElse(null);

        Walk walk = new Walk(bySeq);
        JdbcTemplate rows = new JdbcTemplate(dataSource);
        rows.setFetchSize(FETCH_SIZE); // with auto-commit off (the transaction) PostgreSQL then streams by cursor
        tx.executeWithoutResult(status -> {
            try {
                rows.query("""
                        SELECT id, seq, chain_scheme, occurred_at, actor_account_id, actor_username, actor_unit_code,
                               action, record_type, record_id, channel, remote_address, outcome, detail, review_flag,
                               prev_hash, hash
                        FROM audit_entry ORDER BY seq, id""", walk::row);
            } catch (Broken stop) {
                // The walk stops at the first break (caught here, so an enclosing transaction is not spoilt).
            }
        });
        if (walk.problem != null) {
            return new ChainVerification(walk.count, walk.brokenId, walk.brokenSeq, walk.problem, checkpointCount,
                    latestAt);
        }
        if (!found.forged().isEmpty()) {
            AuditCheckpoints.Forged f = found.forged().get(0);
            return new ChainVerification(walk.count, f.entryId(), f.seq(), ChainProblem.CHECKPOINT_FORGED,
                    checkpointCount, latestAt);
        }
        Map.Entry<Long, List<AuditCheckpoint>> beyond = bySeq.higherEntry(walk.lastSeq);
        if (beyond != null) {
            return new ChainVerification(walk.count, beyond.getValue().get(0).entryId(), walk.lastSeq + 1,
                    ChainProblem.TRUNCATED, checkpointCount, latestAt);
        }
        return new ChainVerification(walk.count, null, null, null, checkpointCount, latestAt);
    }

    /** Stops the walk at the first break. */
    private static final class Broken extends RuntimeException {
        Broken() {
            super(null, null, false, false);
        }
    }

    private final class Walk {

        private final NavigableMap<Long, List<AuditCheckpoint>> checkpointsBySeq;
        long count;
        long lastSeq;
        String prev = AuditChain.GENESIS;
        boolean keyedSeen;
        /** The oldest key a further entry may use: never an older key after a newer one. */
        int keyIndex;
        ChainProblem problem;
        Long brokenId;
        Long brokenSeq;

        Walk(NavigableMap<Long, List<AuditCheckpoint>> checkpointsBySeq) {
            this.checkpointsBySeq = checkpointsBySeq;
        }

        void row(ResultSet rs) throws SQLException {
            count++;
            long id = rs.getLong("id");
            long seq = rs.getLong("seq");
            if (seq != lastSeq + 1) {
                // Entries lastSeq+1 .. seq-1 are missing. A checkpoint that named one of them says which.
                Map.Entry<Long, List<AuditCheckpoint>> named = checkpointsBySeq.ceilingEntry(lastSeq + 1);
                if (named != null && named.getKey() < seq) {
                    fail(ChainProblem.CHECKPOINT_MISSING_ENTRY, named.getValue().get(0).entryId(), named.getKey());
                }
                fail(ChainProblem.SEQUENCE_GAP, id, lastSeq + 1);
            }
            String scheme = rs.getString("chain_scheme");
            String value = rs.getString("hash");
            String prevValue = rs.getString("prev_hash");
            if (AuditChain.SCHEME_LEGACY.equals(scheme) && keyedSeen) {
                fail(ChainProblem.LEGACY_AFTER_KEYED, id, seq);
            }
            if (prevValue == null || !prevValue.equals(prev) || value == null || !matches(rs, id, seq, scheme, value)) {
                fail(ChainProblem.VALUE_MISMATCH, id, seq);
            }
            for (AuditCheckpoint c : checkpointsBySeq.getOrDefault(seq, List.of())) {
                if (c.entryId() != id || !c.chainValue().equals(value)) {
                    fail(ChainProblem.CHECKPOINT_MISMATCH, id, seq);
                }
            }
            keyedSeen |= AuditChain.SCHEME_KEYED.equals(scheme);
            prev = value;
            lastSeq = seq;
        }

        private boolean matches(ResultSet rs, long id, long seq, String scheme, String value) throws SQLException {
            AuditRecord r;
            Instant at;
            try {
                at = rs.getObject("occurred_at", OffsetDateTime.class).toInstant();
                r = new AuditRecord(AuditAction.valueOf(rs.getString("action")), rs.getString("record_type"),
                        rs.getString("record_id"), AuditOutcome.valueOf(rs.getString("outcome")),
                        rs.getString("detail"), rs.getObject("actor_account_id", UUID.class),
                        rs.getString("actor_username"), rs.getString("actor_unit_code"),
                        AuditChannel.valueOf(rs.getString("channel")), rs.getString("remote_address"),
                        rs.getString("review_flag"));
            } catch (RuntimeException e) {
                return false; // a value the application never writes
            }
            if (AuditChain.SCHEME_LEGACY.equals(scheme)) {
                return AuditChain.legacyHash(prev, at, r).equals(value);
            }
            if (!AuditChain.SCHEME_KEYED.equals(scheme)) {
                return false;
            }
            int k = key.matchingKey(keyIndex, AuditChain.entryContent(id, seq, prev, at, r), value);
            if (k < 0) {
                return false;
            }
            keyIndex = k;
            return true;
        }

        private void fail(ChainProblem p, Long id, Long seq) {
            problem = p;
            brokenId = id;
            brokenSeq = seq;
            throw new Broken();
        }
    }
}
