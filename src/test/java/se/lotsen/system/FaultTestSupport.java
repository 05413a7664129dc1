package se.lotsen.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.util.FileSystemUtils;

import se.lotsen.access.LotsenHttp;
import se.lotsen.access.LotsenHttp.Browser;
import se.lotsen.access.LotsenHttp.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Test support for the fault tests: a PostgreSQL of the test's own (stoppable and restartable on the same port and
 * data directory, like a database server that an operator restarts), the accounts a production-mode Lotsen needs
 * (created as an operator would: the initial administrator adds a unit and the accounts), and checks of what a write
 * left in the database.
 */
final class FaultTestSupport {

    static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    /** A valid audit key (fictional, for tests only). */
    static final String AUDIT_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    static final String ADMIN = "driftadmin";
    static final String WORKER = "jourfault";
    static final String AUDITOR = "granskfault";
    /** The password of the test's accounts (fictional). */
    static final String PASSWORD = "Fiktivt-losen-2026";
    static final String UNIT = "socialjouren";

    private FaultTestSupport() {
    }

    /** A PostgreSQL on the port and data directory (created when missing, kept when it exists). */
    static EmbeddedPostgres startPostgres(Path dataDir, int port) throws IOException {
        Files.createDirectories(dataDir.getParent());
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "100")
                .setLocaleConfig("encoding", "UTF8")
                .start();
    }

    static void wipe(Path dir) throws IOException {
        FileSystemUtils.deleteRecursively(dir);
    }

    static String jdbcUrl(int port) {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    /** The settings of production mode against the test's database (as environment variables). */
    static Map<String, String> productionSettings(int dbPort, int appPort) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PORT", Integer.toString(appPort));
        env.put("LOTSEN_DB_URL", jdbcUrl(dbPort));
        env.put("LOTSEN_DB_USER", "postgres");
        env.put("LOTSEN_DB_PASSWORD", "postgres");
        env.put("LOTSEN_AUDIT_KEY", AUDIT_KEY);
        env.put("LOTSEN_INITIAL_ADMIN_USERNAME", ADMIN);
        env.put("LOTSEN_INITIAL_ADMIN_PASSWORD", PASSWORD);
        return env;
    }

    /** The initial administrator adds the duty unit, a duty worker and an auditor. */
    static void createAccounts(LotsenHttp http) {
        Browser admin = http.browser();
        assertThat(admin.signIn(ADMIN, PASSWORD).status()).as("the administrator signs in").isEqualTo(302);
        Response form = admin.get("/admin/units/new");
        assertThat(form.status()).as("the new unit form").isEqualTo(200);
        Map<String, String> unit = new LinkedHashMap<>();
        unit.put("_csrf", LotsenHttp.csrfToken(form.body()));
        unit.put("code", UNIT);
        unit.put("name", "Socialjouren Stockholm");
        unit.put("kind", "JOUR");
        unit.put("active", "true");
        unit.put("committeeName", "");
        unit.put("contact", "08-000 00 00 (fiktivt)");
        Response created = admin.postForm("/admin/units", unit);
        assertThat(created.status()).as("the unit is created: %s", created.body()).isIn(302, 303);
        String token = http.token(ADMIN, PASSWORD);
        for (Object[] account : new Object[][] {
                {WORKER, "Elin Fiktiv", UNIT, "DUTY_WORKER"}, {AUDITOR, "Lars Fiktiv", null, "AUDITOR"}}) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("username", account[0]);
            body.put("displayName", account[1]);
            if (account[2] != null) {
                body.put("unit", account[2]);
            }
            body.put("roles", List.of(account[3]));
            body.put("password", PASSWORD);
            Response r = http.postJson("/api/v1/admin/accounts", LotsenHttp.toJson(body), token);
            assertThat(r.status()).as("account %s: %s", account[0], r.body()).isEqualTo(201);
        }
    }

    /** Opens a child's case through the API; the marker is the case's summary, unique per write. */
    static Response openCase(LotsenHttp http, String token, String marker) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("type", "CHILD");
        subject.put("name", "Mira Fiktiv");
        subject.put("statedAge", 15);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject", subject);
        body.put("receivedAt", OffsetDateTime.now(SWEDEN).minusHours(1).truncatedTo(ChronoUnit.MINUTES).toString());
        body.put("channel", "POLICE_PL12");
        body.put("summary", marker);
        return http.postJson("/api/v1/cases", LotsenHttp.toJson(body), token);
    }

    /** One write and its answer ({@code status} -1: no answer, the connection failed). */
    record Write(String marker, int status, String body) {
    }

    /** The ids of the cases whose summary is the marker. */
    static List<String> casesWithMarker(Connection db, String marker) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("SELECT id FROM case_file WHERE summary = ?")) {
            s.setString(1, marker);
            try (ResultSet rs = s.executeQuery()) {
                List<String> ids = new ArrayList<>();
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
                return ids;
            }
        }
    }

    static long count(Connection db, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * What is half-written anywhere in the database: a case without its checklist, a checklist without steps, a
     * person that no case refers to. Each a description; empty when the data is whole.
     */
    static List<String> halfWritten(Connection db) throws SQLException {
        List<String> problems = new ArrayList<>();
        long noChecklist = count(db, "SELECT count(*) FROM case_file c WHERE NOT EXISTS "
                + "(SELECT 1 FROM checklist k WHERE k.case_id = c.id)");
        long noSteps = count(db, "SELECT count(*) FROM checklist k WHERE NOT EXISTS "
                + "(SELECT 1 FROM checklist_item i WHERE i.case_id = k.case_id)");
        long orphanChecklists = count(db, "SELECT count(*) FROM checklist k WHERE NOT EXISTS "
                + "(SELECT 1 FROM case_file c WHERE c.id = k.case_id)");
        long orphanPersons = count(db, "SELECT count(*) FROM person p WHERE NOT EXISTS "
                + "(SELECT 1 FROM case_file c WHERE c.person_id = p.id)");
        if (noChecklist > 0) {
            problems.add(noChecklist + " case(s) without a checklist");
        }
        if (noSteps > 0) {
            problems.add(noSteps + " checklist(s) without steps");
        }
        if (orphanChecklists > 0) {
            problems.add(orphanChecklists + " checklist(s) without a case");
        }
        if (orphanPersons > 0) {
            problems.add(orphanPersons + " person(s) without a case");
        }
        return problems;
    }

    /** Whether the case's creation was audited (the entry the API wrote before it answered 201). */
    static boolean creationAudited(Connection db, String caseId) throws SQLException {
        return count(db, "SELECT count(*) FROM audit_entry WHERE action = 'CREATE' AND record_type = 'CASE' "
                + "AND record_id = ? AND outcome = 'SUCCESS'", caseId) == 1;
    }

    static Connection connect(int port) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(port), "postgres", "postgres");
    }

    /** The audit chain, verified by the running Lotsen (the auditor's check). */
    static void assertAuditChainIntact(LotsenHttp http) {
        String auditor = http.token(AUDITOR, PASSWORD);
        Response verification = http.get("/api/v1/audit/verification", auditor);
        assertThat(verification.status()).as(verification.body()).isEqualTo(200);
        assertThat(verification.json().get("intact").asBoolean()).as("the audit chain verifies: %s",
                verification.body()).isTrue();
    }
}
