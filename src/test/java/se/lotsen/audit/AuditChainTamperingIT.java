package se.lotsen.audit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import se.lotsen.audit.AuditLog.ChainVerification;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attacks of a database administrator without the audit key, carried out directly in the database with the
 * append-only triggers switched off, and the verification that catches each one and names the first broken entry.
 *
 * <p>Each test works on an audit log of its own in a fresh schema of the embedded PostgreSQL, migrated by the real
 * migrations: first to V13, where three entries are written the old way (unkeyed SHA-256, as before the key existed),
 * then to V14, after which eight entries are written by {@link AuditLog#record} with the key. The destruction stays in
 * that schema, so the application's own log (shared by the other tests of the context) is never touched; the schema
 * is dropped afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditChainTamperingIT {

    private static final byte[] KEY = bytes(32, 7);
    private static final byte[] WRONG_KEY = bytes(32, 9);
    private static final int LEGACY = 3;
    private static final int KEYED = 8;

    @Autowired
    DataSource applicationDataSource;

    @TempDir
    Path checkpointDir;

    private String schema;
    private DriverManagerDataSource ds;
    private JdbcClient db;
    private AuditLog log;
    private AuditCheckpoints checkpoints;

    private static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (seed * 31 + i * 17);
        }
        return b;
    }

    @BeforeEach
    void freshLogWithALegacyPrefix() throws SQLException {
        schema = "audit_tamper_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String url;
        try (Connection c = applicationDataSource.getConnection()) {
            url = c.getMetaData().getURL();
        }
        ds = new DriverManagerDataSource(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                "postgres", "");
        db = JdbcClient.create(ds);

        // The schema as it was before the keyed chain, with entries written the old way.
        Flyway.configure().dataSource(ds).schemas(schema).defaultSchema(schema).locations("classpath:db/migration")
                .target("13").load().migrate();
        String prev = AuditChain.GENESIS;
        Instant at = Instant.parse("2026-03-27T22:40:00.123456Z");
        List<AuditRecord> legacy = List.of(
                new AuditRecord(AuditAction.SIGN_IN, "ACCOUNT", "acc-1", AuditOutcome.SUCCESS, null,
                        UUID.fromString("00000000-0000-0000-0000-000000000001"), "jour1", "socialjouren",
                        AuditChannel.PAGE, "127.0.0.1"),
                new AuditRecord(AuditAction.READ, "CASE", "case|1", AuditOutcome.SUCCESS, "a detail with | a bar",
                        null, "jour1", "socialjouren", AuditChannel.API, null),
                new AuditRecord(AuditAction.READ, "CASE", "case-2", AuditOutcome.DENIED, null, null, "jour2", null,
                        AuditChannel.PAGE, "10.0.0.2", "PROTECTED_PERSON"));
        for (AuditRecord r : legacy) {
            at = at.plusSeconds(60);
            String hash = AuditChain.legacyHash(prev, at, r);
            db.sql("""
                    INSERT INTO audit_entry (occurred_at, actor_account_id, actor_username, actor_unit_code, action,
                        record_type, record_id, channel, remote_address, outcome, detail, review_flag, prev_hash, hash)
                    VALUES (:at, :account, :username, :unit, :action, :type, :id, :channel, :address, :outcome,
                        :detail, :flag, :prev, :hash)""")
                    .param("at", at.atOffset(ZoneOffset.UTC)).param("account", r.actorAccountId())
                    .param("username", r.actorUsername()).param("unit", r.actorUnitCode())
                    .param("action", r.action().name()).param("type", r.recordType()).param("id", r.recordId())
                    .param("channel", r.channel().name()).param("address", r.remoteAddress())
                    .param("outcome", r.outcome().name()).param("detail", r.detail()).param("flag", r.reviewFlag())
                    .param("prev", prev).param("hash", hash).update();
            prev = hash;
        }

        // The upgrade, and entries written by the application with the key.
        Flyway.configure().dataSource(ds).schemas(schema).defaultSchema(schema).locations("classpath:db/migration")
                .target("14").load().migrate();
        checkpoints = new AuditCheckpoints(db, AuditKey.of(KEY), checkpointDir, Clock.systemUTC());
        log = logWith(AuditKey.of(KEY));
        for (int i = 1; i <= KEYED; i++) {
            log.record(AuditRecord.of(AuditAction.READ, "CASE", "keyed-" + i).withDetail("keyed entry " + i));
        }
        // A function that recomputes a legacy hash in SQL, as an attacker would.
        db.sql("""
                CREATE FUNCTION attacker_legacy_hash(prev TEXT, e audit_entry) RETURNS TEXT LANGUAGE sql AS $$
                    SELECT encode(sha256(convert_to(
                        prev || '|' || floor(extract(epoch FROM e.occurred_at))::bigint
                        || '|' || (extract(microseconds FROM e.occurred_at)::bigint % 1000000)
                        || '|' || coalesce(e.actor_account_id::text, '')
                        || '|' || replace(coalesce(e.actor_username, ''), '|', '\\|')
                        || '|' || replace(coalesce(e.actor_unit_code, ''), '|', '\\|')
                        || '|' || e.action || '|' || e.record_type
                        || '|' || replace(coalesce(e.record_id, ''), '|', '\\|')
                        || '|' || e.channel
                        || '|' || replace(coalesce(e.remote_address, ''), '|', '\\|')
                        || '|' || e.outcome
                        || '|' || replace(coalesce(e.detail, ''), '|', '\\|')
                        || CASE WHEN e.review_flag IS NULL THEN ''
                                ELSE '|flag:' || replace(e.review_flag, '|', '\\|') END,
                        'UTF8')), 'hex')
                $$""").update();
    }

    @AfterEach
    void dropSchema() {
        db.sql("DROP SCHEMA " + schema + " CASCADE").update();
    }

    private AuditLog logWith(AuditKey key) {
        return new AuditLog(db, ds, new DataSourceTransactionManager(ds), Clock.systemUTC(), key,
                new AuditCheckpoints(db, key, checkpointDir, Clock.systemUTC()));
    }

    private void sql(String... statements) {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            for (String s : statements) {
                st.execute(s);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Triggers off, the way a database superuser would. */
    private void disableTriggers() {
        sql("ALTER TABLE audit_entry DISABLE TRIGGER USER");
    }

    private long idAt(long seq) {
        return db.sql("SELECT id FROM audit_entry WHERE seq = :s").param("s", seq).query(Long.class).single();
    }

    private long count() {
        return db.sql("SELECT count(*) FROM audit_entry").query(Long.class).single();
    }

    private static void assertBroken(ChainVerification v, ChainProblem problem, Long id, Long seq) {
        assertThat(v.intact()).as("intact").isFalse();
        assertThat(v.problem()).as("reason").isEqualTo(problem);
        assertThat(v.firstBrokenEntryId()).as("first broken entry").isEqualTo(id);
        assertThat(v.brokenSeq()).as("sequence number").isEqualTo(seq);
    }

    /** Recomputes the chain from {@code fromSeq} on with unkeyed SHA-256 in SQL, marking the entries as legacy. */
    private void recomputeAsLegacyFrom(long fromSeq) {
        sql("""
                DO $$
                DECLARE
                    r audit_entry;
                    prev TEXT := coalesce((SELECT hash FROM audit_entry WHERE seq = %d - 1), repeat('0', 64));
                BEGIN
                    FOR r IN SELECT * FROM audit_entry WHERE seq >= %d ORDER BY seq LOOP
                        UPDATE audit_entry SET prev_hash = prev, chain_scheme = 'SHA256',
                            hash = attacker_legacy_hash(prev, r)
                        WHERE id = r.id RETURNING hash INTO prev;
                    END LOOP;
                END
                $$""".formatted(fromSeq, fromSeq));
    }

    /** Recomputes the chain from {@code fromSeq} on with an HMAC under a key that is not the audit key. */
    private void recomputeWithWrongKeyFrom(long fromSeq) {
        AuditKey wrong = AuditKey.of(WRONG_KEY);
        String prev = db.sql("SELECT hash FROM audit_entry WHERE seq = :s").param("s", fromSeq - 1)
                .query(String.class).single();
        List<Map<String, Object>> rows = db.sql("SELECT * FROM audit_entry WHERE seq >= :s ORDER BY seq")
                .param("s", fromSeq).query().listOfRows();
        for (Map<String, Object> row : rows) {
            AuditRecord r = new AuditRecord(AuditAction.valueOf((String) row.get("action")),
                    (String) row.get("record_type"), (String) row.get("record_id"),
                    AuditOutcome.valueOf((String) row.get("outcome")), (String) row.get("detail"),
                    (UUID) row.get("actor_account_id"), (String) row.get("actor_username"),
                    (String) row.get("actor_unit_code"), AuditChannel.valueOf((String) row.get("channel")),
                    (String) row.get("remote_address"), (String) row.get("review_flag"));
            Instant at = ((java.sql.Timestamp) row.get("occurred_at")).toInstant();
            long id = ((Number) row.get("id")).longValue();
            long seq = ((Number) row.get("seq")).longValue();
            String value = wrong.mac(AuditChain.entryContent(id, seq, prev, at, r));
            db.sql("UPDATE audit_entry SET prev_hash = :p, hash = :h WHERE id = :id")
                    .param("p", prev).param("h", value).param("id", id).update();
            prev = value;
        }
    }

    // ------------------------------------------------------------------------------------------------------------

    @Test
    void anUntouchedLogWithALegacyPrefixIsIntact() throws Exception {
        ChainVerification v = log.verifyChain();
        assertThat(v.intact()).as("%s at %s", v.problem(), v.firstBrokenEntryId()).isTrue();
        assertThat(v.entries()).isEqualTo(LEGACY + KEYED);
        assertThat(v.checkpoints()).isZero();

        // The migration numbered the old entries in order and marked them; the first keyed entry chains on the last.
        assertThat(db.sql("SELECT seq FROM audit_entry ORDER BY id").query(Long.class).list())
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
        assertThat(db.sql("SELECT chain_scheme FROM audit_entry ORDER BY seq").query(String.class).list())
                .containsExactly("SHA256", "SHA256", "SHA256", "HMAC", "HMAC", "HMAC", "HMAC", "HMAC", "HMAC",
                        "HMAC", "HMAC");
        assertThat(db.sql("SELECT prev_hash FROM audit_entry WHERE seq = 4").query(String.class).single())
                .isEqualTo(db.sql("SELECT hash FROM audit_entry WHERE seq = 3").query(String.class).single());
        // The attacker's SQL computes exactly the legacy hash the application computed (so the attacks are real).
        assertThat(db.sql("SELECT attacker_legacy_hash(prev_hash, e) = hash FROM audit_entry e "
                + "WHERE chain_scheme = 'SHA256' ORDER BY seq").query(Boolean.class).list())
                .containsExactly(true, true, true);

        // With a checkpoint too; and a second checkpoint of an unmoved head is not written by the job.
        AuditCheckpoint c = checkpoints.write().orElseThrow();
        assertThat(c.seq()).isEqualTo(LEGACY + KEYED);
        assertThat(checkpoints.writeIfMoved()).isEmpty();
        log.record(AuditRecord.of(AuditAction.READ, "CASE", "after-checkpoint"));
        assertThat(checkpoints.writeIfMoved()).hasValueSatisfying(n -> assertThat(n.seq()).isEqualTo(c.seq() + 1));
        v = log.verifyChain();
        assertThat(v.intact()).as("%s at %s", v.problem(), v.firstBrokenEntryId()).isTrue();
        assertThat(v.checkpoints()).isEqualTo(2);

        // A line still being written (no line end yet) is not a checkpoint yet, and not a forgery either.
        try (var files = Files.list(checkpointDir)) {
            Path file = files.findFirst().orElseThrow();
            Files.writeString(file, "{\"seq\":1", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        }
        assertThat(log.verifyChain().intact()).isTrue();
    }

    @Test
    void anAlteredEntryIsFound() {
        disableTriggers();
        long victim = idAt(6);
        db.sql("UPDATE audit_entry SET detail = 'harmless' WHERE seq = 6").update();

        assertBroken(log.verifyChain(), ChainProblem.VALUE_MISMATCH, victim, 6L);
    }

    @Test
    void anAlteredReviewFlagIsFound() {
        disableTriggers();
        db.sql("UPDATE audit_entry SET review_flag = 'EMERGENCY_ACCESS' WHERE seq = 7").update();

        assertBroken(log.verifyChain(), ChainProblem.VALUE_MISMATCH, idAt(7), 7L);
    }

    @Test
    void anAlteredLegacyEntryIsFound() {
        disableTriggers();
        // A removed review flag on an entry of the old scheme.
        db.sql("UPDATE audit_entry SET review_flag = NULL WHERE seq = 3").update();

        assertBroken(log.verifyChain(), ChainProblem.VALUE_MISMATCH, idAt(3), 3L);
    }

    @Test
    void deletedEntriesInTheMiddleLeaveAGap() {
        long after = idAt(7);
        sql("SET session_replication_role = replica; DELETE FROM audit_entry WHERE seq IN (5, 6)");

        assertBroken(log.verifyChain(), ChainProblem.SEQUENCE_GAP, after, 5L);
    }

    @Test
    void deletedEntriesWithTheChainRecomputedWithSha256AreFound() {
        disableTriggers();
        long firstRewritten = idAt(7);
        // Two reads removed, the rest renumbered and the chain recomputed in SQL with the old unkeyed hash.
        sql("DELETE FROM audit_entry WHERE seq IN (5, 6)",
                "UPDATE audit_entry SET seq = seq - 2 + 1000 WHERE seq > 6",
                "UPDATE audit_entry SET seq = seq - 1000 WHERE seq > 1000");
        recomputeAsLegacyFrom(5);

        assertBroken(log.verifyChain(), ChainProblem.LEGACY_AFTER_KEYED, firstRewritten, 5L);
    }

    @Test
    void deletedEntriesWithTheChainRecomputedWithAnotherKeyAreFound() {
        disableTriggers();
        long firstRewritten = idAt(7);
        sql("DELETE FROM audit_entry WHERE seq IN (5, 6)",
                "UPDATE audit_entry SET seq = seq - 2 + 1000 WHERE seq > 6",
                "UPDATE audit_entry SET seq = seq - 1000 WHERE seq > 1000");
        recomputeWithWrongKeyFrom(5);

        assertBroken(log.verifyChain(), ChainProblem.VALUE_MISMATCH, firstRewritten, 5L);
    }

    @Test
    void theWholeChainRecomputedAsLegacyIsFoundByACheckpoint() {
        AuditCheckpoint c = checkpoints.write().orElseThrow();
        disableTriggers();
        sql("DELETE FROM audit_entry WHERE seq = 2",
                "UPDATE audit_entry SET seq = seq - 1 + 1000 WHERE seq > 2",
                "UPDATE audit_entry SET seq = seq - 1000 WHERE seq > 1000");
        // One entry more, so that the log reaches the checkpoint's number again, and the whole chain recomputed.
        db.sql("""
                INSERT INTO audit_entry (seq, chain_scheme, occurred_at, action, record_type, channel, outcome,
                    prev_hash, hash)
                VALUES (:seq, 'SHA256', now(), 'READ', 'CASE', 'SYSTEM', 'SUCCESS', repeat('0', 64), repeat('0', 64))
                """).param("seq", c.seq()).update();
        recomputeAsLegacyFrom(1);
        long replaced = idAt(c.seq());

        assertBroken(log.verifyChain(), ChainProblem.CHECKPOINT_MISMATCH, replaced, c.seq());
    }

    @Test
    void entriesCutOffTheEndAfterACheckpointAreFound() {
        AuditCheckpoint c = checkpoints.write().orElseThrow();
        for (int i = 1; i <= 3; i++) {
            log.record(AuditRecord.of(AuditAction.READ, "CASE", "late-" + i));
        }
        disableTriggers();

        // Cut after the latest checkpoint: not detectable (the documented limit of the interval).
        db.sql("DELETE FROM audit_entry WHERE seq > :s").param("s", c.seq()).update();
        assertThat(log.verifyChain().intact()).isTrue();

        // Cut into what the checkpoint covers: detected.
        db.sql("DELETE FROM audit_entry WHERE seq > :s").param("s", c.seq() - 2).update();
        ChainVerification v = log.verifyChain();
        assertBroken(v, ChainProblem.TRUNCATED, c.entryId(), c.seq() - 1);
        assertThat(v.entries()).isEqualTo(c.seq() - 2);
    }

    @Test
    void entriesDeletedAroundACheckpointAreNamedByIt() {
        // A checkpoint when the log ends at seq 8, then deletion of 7 to 9 without recomputing.
        disableTriggers();
        db.sql("DELETE FROM audit_entry WHERE seq > 8").update();
        sql("ALTER TABLE audit_entry ENABLE TRIGGER USER");
        AuditCheckpoint c = checkpoints.write().orElseThrow();
        assertThat(c.seq()).isEqualTo(8);
        for (int i = 1; i <= 3; i++) {
            log.record(AuditRecord.of(AuditAction.READ, "CASE", "later-" + i));
        }
        disableTriggers();
        db.sql("DELETE FROM audit_entry WHERE seq BETWEEN 7 AND 9").update();

        assertBroken(log.verifyChain(), ChainProblem.CHECKPOINT_MISSING_ENTRY, c.entryId(), 8L);
    }

    @Test
    void aTruncatedTableIsFound() {
        AuditCheckpoint c = checkpoints.write().orElseThrow();
        assertThat(log.verifyChain().intact()).isTrue();

        sql("SET session_replication_role = replica; TRUNCATE audit_entry");
        assertThat(count()).isZero();

        ChainVerification v = log.verifyChain();
        assertBroken(v, ChainProblem.TRUNCATED, c.entryId(), 1L);
        assertThat(v.entries()).isZero();
    }

    @Test
    void aForgedCheckpointIsFound() throws Exception {
        AuditCheckpoint real = checkpoints.write().orElseThrow();
        Path file;
        try (var files = Files.list(checkpointDir)) {
            file = files.filter(f -> f.getFileName().toString().startsWith("audit-checkpoints-")).findFirst()
                    .orElseThrow();
        }
        assertThat(Files.readString(file)).contains("\"seq\":" + real.seq());
        assertThat(log.verifyChain().intact()).isTrue();

        // A line sealed with another key, naming an earlier head (as after cutting entries off the end).
        AuditKey wrong = AuditKey.of(WRONG_KEY);
        Instant at = real.writtenAt().plusSeconds(1);
        long seq = real.seq() - 3;
        long id = idAt(seq);
        String value = db.sql("SELECT hash FROM audit_entry WHERE seq = :s").param("s", seq).query(String.class)
                .single();
        AuditCheckpoint forged = new AuditCheckpoint(seq, id, value, at,
                wrong.mac(AuditChain.checkpointContent(seq, id, value, at)));
        Files.writeString(file, checkpoints.line(forged) + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        assertBroken(log.verifyChain(), ChainProblem.CHECKPOINT_FORGED, id, seq);

        // The real line altered (another head, the seal kept) is forged too; so is a line that is not a checkpoint.
        Files.writeString(file, checkpoints.line(new AuditCheckpoint(real.seq() - 1, real.entryId(),
                real.chainValue(), real.writtenAt(), real.mac())) + "\n", StandardCharsets.UTF_8);
        assertBroken(log.verifyChain(), ChainProblem.CHECKPOINT_FORGED, real.entryId(), real.seq() - 1);
        Files.writeString(file, "not a checkpoint\n", StandardCharsets.UTF_8);
        assertBroken(log.verifyChain(), ChainProblem.CHECKPOINT_FORGED, null, null);
    }

    @Test
    void afterARotationOldEntriesVerifyWithThePreviousKeyAndNoEntryMayGoBackToIt() {
        byte[] newKey = bytes(32, 11);
        AuditLog rotated = logWith(AuditKey.of(newKey, KEY));
        rotated.record(AuditRecord.of(AuditAction.READ, "CASE", "after-rotation"));
        assertThat(rotated.verifyChain().intact()).isTrue();

        // Without the previous key the old entries do not verify.
        assertBroken(logWith(AuditKey.of(newKey)).verifyChain(), ChainProblem.VALUE_MISMATCH, idAt(4), 4L);

        // An entry under the old key after one under the new key: someone holding a retired key appended it.
        log.record(AuditRecord.of(AuditAction.READ, "CASE", "with-the-retired-key"));
        long last = LEGACY + KEYED + 2;
        assertBroken(rotated.verifyChain(), ChainProblem.VALUE_MISMATCH, idAt(last), last);
    }
}
