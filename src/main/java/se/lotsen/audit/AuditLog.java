package se.lotsen.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import javax.sql.DataSource;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes and verifies the audit trail.
 *
 * <p>Each entry is written in a transaction of its own, so the record of an access stays even when the work that
 * followed it failed. Entries form a keyed chain: each gets the next sequence number ({@code seq}, without gaps)
 * and a chain value that is an HMAC-SHA256, under a key kept outside the database ({@link AuditKey}), over its id,
 * its sequence number, the previous entry's value and all its content. Someone with full rights in the database
 * but without the key can neither alter nor remove an entry and recompute the rest; entries cut off the end are
 * found by comparing with the checkpoints written outside the database ({@link AuditCheckpoints}). Entries written
 * before the key existed keep their unkeyed SHA-256 value and verify as a prefix. A transaction-scoped advisory lock
 * orders concurrent writers, also across app nodes.
 */
@Service
public class AuditLog {

    static final String GENESIS = AuditChain.GENESIS;
    private static final long CHAIN_LOCK = 0x4c6f7473656eL; // "Lotsen"

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final AuditKey key;
    private final AuditChainVerifier verifier;

    public AuditLog(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactionManager, Clock clock,
                    AuditKey key, AuditCheckpoints checkpoints) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactionManager);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.key = key;
        this.verifier = new AuditChainVerifier(dataSource, transactionManager, key, checkpoints);
    }

    private record Next(String headValue, long headSeq, long id) {
    }

    /** Records an entry; actor, channel and address come from the current request unless given. */
    public void record(AuditRecord record) {
        AuditRecord complete = completeFromContext(record);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        tx.executeWithoutResult(status -> {
            // The chain's head and the new entry's id under the chain's lock, in one statement (V14).
            Next next = jdbc.sql("SELECT head_hash, head_seq, next_id FROM audit_chain_next(:key)")
                    .param("key", CHAIN_LOCK)
                    .query((rs, n) -> new Next(rs.getString(1), rs.getLong(2), rs.getLong(3))).single();
            String prev = next.headValue() == null ? GENESIS : next.headValue();
            long seq = next.headSeq() + 1;
            String value = key.mac(AuditChain.entryContent(next.id(), seq, prev, now, complete));
            jdbc.sql("""
                    INSERT INTO audit_entry (id, seq, chain_scheme, occurred_at, actor_account_id, actor_username,
                        actor_unit_code, action, record_type, record_id, channel, remote_address, outcome, detail,
                        review_flag, prev_hash, hash)
                    OVERRIDING SYSTEM VALUE
                    VALUES (:id, :seq, 'HMAC', :at, :accountId, :username, :unit, :action, :recordType, :recordId,
                        :channel, :address, :outcome, :detail, :flag, :prev, :hash)
                    """)
                    .param("id", next.id())
                    .param("seq", seq)
                    .param("at", now.atOffset(java.time.ZoneOffset.UTC))
                    .param("accountId", complete.actorAccountId())
                    .param("username", truncate(complete.actorUsername(), AuditChain.USERNAME_MAX))
                    .param("unit", complete.actorUnitCode())
                    .param("action", complete.action().name())
                    .param("recordType", complete.recordType())
                    .param("recordId", truncate(complete.recordId(), AuditChain.RECORD_ID_MAX))
                    .param("channel", complete.channel().name())
                    .param("address", truncate(complete.remoteAddress(), AuditChain.ADDRESS_MAX))
                    .param("outcome", complete.outcome().name())
                    .param("detail", truncate(complete.detail(), AuditChain.DETAIL_MAX))
                    .param("flag", truncate(complete.reviewFlag(), AuditChain.FLAG_MAX))
                    .param("prev", prev)
                    .param("hash", value)
                    .update();
        });
    }

    /**
     * Walks the whole chain (streaming) and compares it with the checkpoints outside the database: the result names
     * the first broken entry and why, or says the log is intact.
     */
    public ChainVerification verifyChain() {
        return verifier.verify();
    }

    /**
     * The result of {@link #verifyChain()}.
     *
     * @param entries            how many entries were checked
     * @param firstBrokenEntryId the id of the first entry that does not hold (for missing entries: the entry after
     *                           the gap, or the entry a checkpoint names), or {@code null}
     * @param brokenSeq          the sequence number where the chain breaks (the first missing one for a gap or a
     *                           truncation), or {@code null}
     * @param problem            why, or {@code null} when intact
     * @param checkpoints        how many valid checkpoints were compared
     * @param latestCheckpointAt when the newest of them was written, or {@code null}
     */
    public record ChainVerification(long entries, Long firstBrokenEntryId, Long brokenSeq, ChainProblem problem,
                                    int checkpoints, Instant latestCheckpointAt) {
        public boolean intact() {
            return problem == null;
        }
    }

    private AuditRecord completeFromContext(AuditRecord record) {
        AuditRecord r = record;
        HttpServletRequest request = currentRequest();
        if (r.actorUsername() == null && r.actorAccountId() == null) {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication != null && authentication.getPrincipal() instanceof AuditActor actor) {
                r = r.withActor(actor);
            }
        }
        if (r.channel() == null) {
            r = r.withChannel(request == null ? AuditChannel.SYSTEM : channelOf(request));
        }
        String address = r.remoteAddress() != null ? r.remoteAddress()
                : request == null ? null : request.getRemoteAddr();
        return new AuditRecord(r.action(), r.recordType(), r.recordId(),
                r.outcome() == null ? AuditOutcome.SUCCESS : r.outcome(), r.detail(), r.actorAccountId(),
                r.actorUsername(), r.actorUnitCode(), r.channel(), address, r.reviewFlag());
    }

    /** {@code API} for requests under {@code /api/}, {@code PAGE} otherwise. */
    public static AuditChannel channelOf(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/") ? AuditChannel.API : AuditChannel.PAGE;
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }

    /** The unkeyed SHA-256 of an entry written before the keyed chain (see {@link AuditChain#legacyHash}). */
    static String hash(String prev, Instant at, AuditRecord r) {
        return AuditChain.legacyHash(prev, at, r);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
