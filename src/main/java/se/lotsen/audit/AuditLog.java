package se.lotsen.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

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
 * followed it failed. Entries form a hash chain: each stores the SHA-256 of its content and the previous entry's
 * hash, so a removed or altered entry is detected by {@link #verifyChain()}. A transaction-scoped advisory lock
 * orders concurrent writers, also across app nodes.
 */
@Service
public class AuditLog {

    static final String GENESIS = "0".repeat(64);
    private static final long CHAIN_LOCK = 0x4c6f7473656eL; // "Lotsen"

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    public AuditLog(JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactionManager);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** Records an entry; actor, channel and address come from the current request unless given. */
    public void record(AuditRecord record) {
        AuditRecord complete = completeFromContext(record);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        tx.executeWithoutResult(status -> {
            // The chain's head under its lock, in one statement (see V13__audit_chain_head.sql).
            String head = jdbc.sql("SELECT audit_chain_head(:key)").param("key", CHAIN_LOCK)
                    .query((rs, n) -> rs.getString(1)).list().get(0);
            String prev = head == null ? GENESIS : head;
            String hash = hash(prev, now, complete);
            jdbc.sql("""
                    INSERT INTO audit_entry (occurred_at, actor_account_id, actor_username, actor_unit_code, action,
                        record_type, record_id, channel, remote_address, outcome, detail, review_flag, prev_hash, hash)
                    VALUES (:at, :accountId, :username, :unit, :action, :recordType, :recordId, :channel, :address,
                        :outcome, :detail, :flag, :prev, :hash)
                    """)
                    .param("at", now.atOffset(java.time.ZoneOffset.UTC))
                    .param("accountId", complete.actorAccountId())
                    .param("username", truncate(complete.actorUsername(), 64))
                    .param("unit", complete.actorUnitCode())
                    .param("action", complete.action().name())
                    .param("recordType", complete.recordType())
                    .param("recordId", truncate(complete.recordId(), 128))
                    .param("channel", complete.channel().name())
                    .param("address", truncate(complete.remoteAddress(), 64))
                    .param("outcome", complete.outcome().name())
                    .param("detail", truncate(complete.detail(), 500))
                    .param("flag", truncate(complete.reviewFlag(), 200))
                    .param("prev", prev)
                    .param("hash", hash)
                    .update();
        });
    }

    /**
     * Walks the whole chain and returns the id of the first entry whose hash does not match, or {@code null} when
     * the chain is intact.
     */
    public ChainVerification verifyChain() {
        String[] expectedPrev = {GENESIS};
        Long[] broken = {null};
        long[] count = {0};
        jdbc.sql("SELECT * FROM audit_entry ORDER BY id").query((rs, n) -> {
            if (broken[0] != null) {
                return null;
            }
            AuditEntry e = AuditEntryRows.map(rs);
            count[0]++;
            AuditRecord r = new AuditRecord(e.action(), e.recordType(), e.recordId(), e.outcome(), e.detail(),
                    e.actorAccountId(), e.actorUsername(), e.actorUnitCode(), e.channel(), e.remoteAddress(),
                    e.reviewFlag());
            if (!e.prevHash().equals(expectedPrev[0]) || !hash(e.prevHash(), e.occurredAt(), r).equals(e.hash())) {
                broken[0] = e.id();
            }
            expectedPrev[0] = e.hash();
            return null;
        }).list();
        return new ChainVerification(count[0], broken[0]);
    }

    /** The result of {@link #verifyChain()}. */
    public record ChainVerification(long entries, Long firstBrokenEntryId) {
        public boolean intact() {
            return firstBrokenEntryId == null;
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

    static String hash(String prev, Instant at, AuditRecord r) {
        String content = String.join("|", List.of(prev,
                Long.toString(at.getEpochSecond()), Integer.toString(at.getNano() / 1000),
                Objects.toString(r.actorAccountId(), ""), nz(truncate(r.actorUsername(), 64)),
                nz(r.actorUnitCode()), r.action().name(), r.recordType(), nz(truncate(r.recordId(), 128)),
                r.channel().name(), nz(truncate(r.remoteAddress(), 64)), r.outcome().name(),
                nz(truncate(r.detail(), 500))))
                // The review flag came later: entries without one hash as before, so older entries still verify.
                + (r.reviewFlag() == null ? "" : "|flag:" + nz(truncate(r.reviewFlag(), 200)));
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

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
