package se.lotsen.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.context.ApplicationContext;

import se.lotsen.bench.CopyBuffer;

/**
 * Appends generated audit entries to the keyed hash chain by PostgreSQL COPY (the data generator of the benchmarks):
 * each entry's HMAC is computed here, in sequence, over exactly the text {@link AuditChain#entryContent} defines, so
 * that {@link AuditChainVerifier} accepts the generated trail. Lives in the audit package for that package-private
 * definition and the {@link AuditKey} bean.
 *
 * <p>Nothing else may write audit entries while a writer is open (the generator runs the app with no web requests
 * and no jobs). {@link #close()} ends the last COPY and moves the id sequence past the generated ids.
 */
public final class BulkAuditWriter implements AutoCloseable {

    private static final String COPY = "COPY audit_entry (id, seq, chain_scheme, occurred_at, actor_account_id,"
            + " actor_username, actor_unit_code, action, record_type, record_id, channel, remote_address, outcome,"
            + " detail, review_flag, prev_hash, hash) FROM STDIN";
    private static final int ROWS_PER_COPY = 1_000_000;

    private final Connection connection;
    private final Mac mac;
    private final HexFormat hex = HexFormat.of();
    private final CopyBuffer rows;
    private int rowsInCopy;
    private long id;
    private long seq;
    private String prev;
    private long written;

    private BulkAuditWriter(Connection connection, Mac mac, long lastId, long lastSeq, String prev) {
        this.connection = connection;
        this.rows = new CopyBuffer(connection, COPY);
        this.mac = mac;
        this.id = lastId;
        this.seq = lastSeq;
        this.prev = prev;
    }

    /**
     * Opens a writer that continues the chain of the database behind the connection (auto-commit; each COPY of up to
     * a million rows is its own transaction). The HMAC key is the app's {@link AuditKey} bean: in embedded mode it is
     * read from {@code <data-dir>/audit.key} (checked here against the bean, so a configured key is never missed).
     */
    public static BulkAuditWriter open(ApplicationContext context, Connection connection, Path dataDir)
            throws SQLException {
        AuditKey key = context.getBean(AuditKey.class);
        Mac mac;
        try {
            byte[] raw = Base64.getDecoder().decode(Files.readString(dataDir.resolve(AuditKey.FILE_NAME),
                    StandardCharsets.US_ASCII).strip());
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(raw, "HmacSHA256"));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("the audit key file in " + dataDir + " cannot be read", e);
        }
        String probe = "lotsen-bench-key-check";
        if (!HexFormat.of().formatHex(mac.doFinal(probe.getBytes(StandardCharsets.UTF_8))).equals(key.mac(probe))) {
            throw new IllegalStateException("the app's audit key is not the one in " + dataDir.resolve(AuditKey.FILE_NAME)
                    + " (is LOTSEN_AUDIT_KEY set?)");
        }
        long lastId = 0;
        long lastSeq = 0;
        String prev = AuditChain.GENESIS;
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, seq, hash FROM audit_entry ORDER BY seq DESC LIMIT 1")) {
            if (rs.next()) {
                lastSeq = rs.getLong(2);
                prev = rs.getString(3);
            }
        }
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT coalesce(max(id), 0) FROM audit_entry")) {
            rs.next();
            lastId = rs.getLong(1);
        }
        return new BulkAuditWriter(connection, mac, lastId, lastSeq, prev);
    }

    /** Appends one entry; the time is stored (and sealed) to the microsecond, like the app's entries. */
    public void add(Instant at, UUID actorAccountId, String actorUsername, String actorUnitCode, AuditAction action,
                    String recordType, String recordId, AuditChannel channel, String remoteAddress,
                    AuditOutcome outcome, String detail, String reviewFlag) throws SQLException {
        Instant time = at.truncatedTo(ChronoUnit.MICROS);
        id++;
        seq++;
        AuditRecord record = new AuditRecord(action, recordType, recordId, outcome, detail, actorAccountId,
                actorUsername, actorUnitCode, channel, remoteAddress, reviewFlag);
        String content = AuditChain.entryContent(id, seq, prev, time, record);
        String hash = hex.formatHex(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        rows.raw(id).raw(seq).raw("HMAC").raw(time)
                .text(actorAccountId == null ? null : actorAccountId.toString())
                .text(actorUsername).text(actorUnitCode).text(action.name()).text(recordType).text(recordId)
                .text(channel.name()).text(remoteAddress).text(outcome.name()).text(detail).text(reviewFlag)
                .raw(prev).last(hash);
        prev = hash;
        written++;
        rowsInCopy++;
        if (rowsInCopy >= ROWS_PER_COPY) {
            endCopy();
        }
    }

    /** Entries written so far by this writer. */
    public long written() {
        return written;
    }

    private void endCopy() throws SQLException {
        rows.endCopy();
        rowsInCopy = 0;
    }

    @Override
    public void close() throws SQLException {
        endCopy();
        try (Statement st = connection.createStatement()) {
            st.execute("SELECT setval(pg_get_serial_sequence('audit_entry', 'id'), greatest(" + id
                    + ", (SELECT coalesce(max(id), 1) FROM audit_entry)))");
        }
    }
}
