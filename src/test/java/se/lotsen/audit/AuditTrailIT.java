package se.lotsen.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.transaction.AfterTransaction;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import se.lotsen.access.LotsenHttp;
import se.lotsen.access.LotsenHttp.Browser;
import se.lotsen.access.LotsenHttp.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static se.lotsen.access.LotsenHttp.DEMO_PASSWORD;

/**
 * The audit trail: what sign-ins, sign-outs and reads record; that the table is append-only in the database; and
 * that the hash chain is intact and detects tampering.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditTrailIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    AuditLog auditLog;

    LotsenHttp http;

    /** Set by the tampering test, checked after its transaction was rolled back. */
    private Long tamperedId;

    @BeforeEach
    void setUp() {
        http = new LotsenHttp(port);
    }

    private long lastId() {
        return jdbc.sql("SELECT coalesce(max(id), 0) FROM audit_entry").query(Long.class).single();
    }

    /** Entries after {@code afterId} with the action, oldest first. */
    private List<Map<String, Object>> entriesAfter(long afterId, AuditAction action) {
        return jdbc.sql("SELECT * FROM audit_entry WHERE id > :id AND action = :action ORDER BY id")
                .param("id", afterId).param("action", action.name()).query().listOfRows();
    }

    /**
     * Waits (bounded) until an entry exists. Entries written by the interceptor after the handler completed may
     * reach the database a moment after the client has read the response.
     */
    private List<Map<String, Object>> awaitEntries(long afterId, AuditAction action, int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> entriesAfter(afterId, action).size() >= count);
        return entriesAfter(afterId, action);
    }

    private UUID accountId(String username) {
        return jdbc.sql("SELECT id FROM account WHERE username = :u").param("u", username).query(UUID.class).single();
    }

    @Test
    void pageSignInIsRecorded() {
        long before = lastId();

        Response r = http.browser().signIn("jour1", DEMO_PASSWORD);
        assertThat(r.location()).doesNotContain("error");

        List<Map<String, Object>> entries = entriesAfter(before, AuditAction.SIGN_IN);
        assertThat(entries).hasSize(1);
        Map<String, Object> e = entries.get(0);
        assertThat(e.get("actor_username")).isEqualTo("jour1");
        assertThat(e.get("actor_account_id")).isEqualTo(accountId("jour1"));
        assertThat(e.get("actor_unit_code")).isEqualTo("socialjouren");
        assertThat(e.get("channel")).isEqualTo("PAGE");
        assertThat(e.get("outcome")).isEqualTo("SUCCESS");
        assertThat(e.get("record_type")).isEqualTo("ACCOUNT");
        assertThat(e.get("remote_address")).isNotNull();
        assertThat(e.get("occurred_at")).isNotNull();
    }

    @Test
    void apiSignInIsRecorded() {
        long before = lastId();

        http.token("jour2", DEMO_PASSWORD);

        List<Map<String, Object>> entries = entriesAfter(before, AuditAction.SIGN_IN);
        assertThat(entries).hasSize(1);
        Map<String, Object> e = entries.get(0);
        assertThat(e.get("actor_username")).isEqualTo("jour2");
        assertThat(e.get("actor_account_id")).isEqualTo(accountId("jour2"));
        assertThat(e.get("channel")).isEqualTo("API");
        assertThat(e.get("outcome")).isEqualTo("SUCCESS");
        assertThat(e.get("remote_address")).isNotNull();

        Map<String, Object> issued = awaitEntries(before, AuditAction.TOKEN_ISSUED, 1).get(0);
        assertThat(issued.get("actor_username")).isEqualTo("jour2");
        assertThat(issued.get("channel")).isEqualTo("API");
        assertThat(issued.get("record_id")).isEqualTo(accountId("jour2").toString());
    }

    @Test
    void failedSignInIsRecordedAsDenied() {
        long before = lastId();

        assertThat(http.requestToken("jourchef", "not-the-password").status()).isEqualTo(401);
        assertThat(http.browser().signIn("jourchef", "also-not-the-password").location()).endsWith("/login?error");

        List<Map<String, Object>> failed = entriesAfter(before, AuditAction.SIGN_IN_FAILED);
        assertThat(failed).hasSize(2);
        assertThat(failed).allSatisfy(e -> {
            assertThat(e.get("actor_username")).isEqualTo("jourchef");
            assertThat(e.get("outcome")).isEqualTo("DENIED");
            assertThat(e.get("remote_address")).isNotNull();
        });
        assertThat(failed).extracting(e -> e.get("channel")).containsExactly("API", "PAGE");
        assertThat(entriesAfter(before, AuditAction.SIGN_IN)).isEmpty();
        assertThat(failed.toString()).doesNotContain("not-the-password");

        // A successful sign-in resets the failed count of the demo account.
        http.token("jourchef", DEMO_PASSWORD);
    }

    @Test
    void signOutIsRecorded() {
        Browser browser = http.browser();
        browser.signIn("jour1", DEMO_PASSWORD);
        long before = lastId();

        Response r = browser.signOut("/");

        assertThat(r.status()).isEqualTo(302);
        assertThat(r.location()).endsWith("/login?logout");
        List<Map<String, Object>> entries = entriesAfter(before, AuditAction.SIGN_OUT);
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).get("actor_username")).isEqualTo("jour1");
        assertThat(entries.get(0).get("channel")).isEqualTo("PAGE");
        assertThat(entries.get(0).get("remote_address")).isNotNull();
        assertThat(browser.get("/").status()).isEqualTo(302);
    }

    @Test
    void readingMeIsRecorded() {
        String token = http.token("jour1", DEMO_PASSWORD);
        long before = lastId();

        assertThat(http.get("/api/v1/me", token).status()).isEqualTo(200);

        List<Map<String, Object>> entries = awaitEntries(before, AuditAction.READ, 1);
        assertThat(entries).hasSize(1);
        Map<String, Object> e = entries.get(0);
        assertThat(e.get("record_type")).isEqualTo("ACCOUNT");
        assertThat(e.get("record_id")).isEqualTo(accountId("jour1").toString());
        assertThat(e.get("actor_username")).isEqualTo("jour1");
        assertThat(e.get("channel")).isEqualTo("API");
        assertThat(e.get("outcome")).isEqualTo("SUCCESS");
        assertThat(e.get("remote_address")).isNotNull();
    }

    @Test
    void updateDeleteAndTruncateAreRefusedByTheDatabase() throws SQLException {
        String marker = "append-only check " + UUID.randomUUID();
        auditLog.record(AuditRecord.of(AuditAction.READ, "TEST", "append-only").withDetail(marker));
        long id = jdbc.sql("SELECT id FROM audit_entry WHERE detail = :d").param("d", marker)
                .query(Long.class).single();
        long count = jdbc.sql("SELECT count(*) FROM audit_entry").query(Long.class).single();
        Map<String, Object> row = jdbc.sql("SELECT * FROM audit_entry WHERE id = :id").param("id", id)
                .query().singleRow();
        TransactionTemplate tx = new TransactionTemplate(transactionManager);

        // Through Spring's JDBC support. Each in a transaction that is rolled back, in case the refusal is missing.
        for (String sql : List.of(
                "UPDATE audit_entry SET detail = 'changed' WHERE id = " + id,
                "UPDATE audit_entry SET outcome = 'DENIED'",
                "DELETE FROM audit_entry WHERE id = " + id,
                "DELETE FROM audit_entry",
                "TRUNCATE audit_entry")) {
            tx.executeWithoutResult(status -> {
                status.setRollbackOnly();
                assertThatThrownBy(() -> jdbc.sql(sql).update()).as(sql)
                        .isInstanceOf(DataAccessException.class)
                        .rootCause().hasMessageContaining("append-only");
            });
        }

        // Through a plain JDBC connection, with auto-commit as a careless client would use it.
        for (String sql : List.of(
                "UPDATE audit_entry SET detail = 'changed' WHERE id = " + id,
                "DELETE FROM audit_entry WHERE id = " + id,
                "TRUNCATE audit_entry")) {
            try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
                c.setAutoCommit(true);
                assertThatThrownBy(() -> st.executeUpdate(sql)).as(sql)
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("append-only");
            }
        }

        // Nothing was removed (entries of other requests may have been added meanwhile), the entry is unchanged.
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry").query(Long.class).single())
                .isGreaterThanOrEqualTo(count);
        assertThat(jdbc.sql("SELECT * FROM audit_entry WHERE id = :id").param("id", id).query().singleRow())
                .isEqualTo(row);
    }

    @Test
    void realChainIsIntact() {
        http.browser().signIn("jour1", DEMO_PASSWORD);
        String token = http.token("jour2", DEMO_PASSWORD);
        http.requestToken("jourchef", "not-the-password");
        http.token("jourchef", DEMO_PASSWORD);
        long beforeRead = lastId();
        assertThat(http.get("/api/v1/me", token).status()).isEqualTo(200);
        awaitEntries(beforeRead, AuditAction.READ, 1);

        long countBefore = jdbc.sql("SELECT count(*) FROM audit_entry").query(Long.class).single();

        AuditLog.ChainVerification verification = auditLog.verifyChain();

        long countAfter = jdbc.sql("SELECT count(*) FROM audit_entry").query(Long.class).single();
        assertThat(verification.intact()).as("first broken entry %s", verification.firstBrokenEntryId()).isTrue();
        assertThat(verification.firstBrokenEntryId()).isNull();
        // Every entry was checked.
        assertThat(verification.entries()).isBetween(countBefore, countAfter).isGreaterThanOrEqualTo(5);
        // Each entry links to the one before it.
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM audit_entry e
                        WHERE e.prev_hash <> coalesce((SELECT p.hash FROM audit_entry p WHERE p.id < e.id
                                                       ORDER BY p.id DESC LIMIT 1), repeat('0', 64))""")
                .query(Long.class).single()).isZero();
    }

    @Test
    @Transactional
    void verifyChainDetectsATamperedEntry() {
        // Three entries of our own; each is committed at once in a transaction of its own.
        for (int i = 1; i <= 3; i++) {
            auditLog.record(AuditRecord.of(AuditAction.READ, "TEST", "tamper-" + i).withDetail("original " + i));
        }
        List<Long> ids = jdbc.sql("SELECT id FROM audit_entry WHERE record_type = 'TEST' AND detail LIKE 'original %' "
                        + "ORDER BY id DESC LIMIT 3")
                .query(Long.class).list();
        assertThat(ids).hasSize(3);
        long victim = ids.get(1); // the middle one
        assertThat(auditLog.verifyChain().intact()).isTrue();

        // Someone with the power to switch the triggers off changes an entry (in this test's transaction).
        jdbc.sql("ALTER TABLE audit_entry DISABLE TRIGGER USER").update();
        assertThat(jdbc.sql("UPDATE audit_entry SET detail = 'harmless' WHERE id = :id").param("id", victim)
                .update()).isEqualTo(1);
        tamperedId = victim;

        AuditLog.ChainVerification verification = auditLog.verifyChain();

        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBrokenEntryId()).isEqualTo(victim);
    }

    @AfterTransaction
    void tamperingWasRolledBack() {
        if (tamperedId == null) {
            return;
        }
        assertThat(jdbc.sql("SELECT detail FROM audit_entry WHERE id = :id").param("id", tamperedId)
                .query(String.class).single()).startsWith("original");
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM pg_trigger
                        WHERE tgrelid = 'audit_entry'::regclass AND NOT tgisinternal AND tgenabled = 'O'""")
                .query(Long.class).single()).isEqualTo(2);
        assertThat(auditLog.verifyChain().intact()).isTrue();
        tamperedId = null;
    }
}
