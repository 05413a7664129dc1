package se.lotsen.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import se.lotsen.LotsenApplication;
import se.lotsen.access.LotsenHttp;
import se.lotsen.access.LotsenHttp.Response;
import se.lotsen.audit.AuditLog;
import se.lotsen.reporting.Reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static se.lotsen.access.LotsenHttp.DEMO_PASSWORD;

/**
 * The data generator at a small size: 300 cases and 15,000 audit entries into a fresh data directory, then Lotsen
 * started on that directory as the benchmark starts it. The rows are there as asked; a generated user signs in and
 * works on their own unit's cases through the real pages while another unit's case does not exist for them; the
 * audit chain with the generated entries verifies; the method developer's statistics count the generated cases.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedDataIT {

    static final int CASES = 300;
    static final long AUDIT = 15_000;
    static final int USERS = 6;

    Path dir;
    JsonNode fixtures;
    ConfigurableApplicationContext app;
    JdbcClient jdbc;
    LotsenHttp http;

    @BeforeAll
    void generateAndStart() throws Exception {
        dir = Path.of("target", "test-db", "generated-" + UUID.randomUUID()).toAbsolutePath();
        DataGenerator.Result result = DataGenerator.run(new DataGenerator.Settings(dir, CASES, AUDIT, USERS, 7));
        assertThat(result.reused()).isFalse();
        fixtures = JsonMapper.builder().build().readTree(Files.readString(result.fixtures(), StandardCharsets.UTF_8));
        app = new SpringApplicationBuilder(LotsenApplication.class).run(
                "--lotsen.db.data-dir=" + dir, "--lotsen.demo.cases=false", "--server.port=0");
        jdbc = app.getBean(JdbcClient.class);
        http = new LotsenHttp(((WebServerApplicationContext) app).getWebServer().getPort());
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void theRowsAreThereAsAsked() {
        assertThat(count("SELECT count(*) FROM case_file")).isEqualTo(CASES);
        assertThat(count("SELECT count(*) FROM audit_entry WHERE actor_username LIKE 'gen-%'")).isEqualTo(AUDIT);
        assertThat(count("SELECT count(*) FROM person")).isEqualTo(CASES);
        assertThat(count("SELECT count(*) FROM checklist")).isEqualTo(CASES);
        assertThat(count("SELECT count(*) FROM reporting_case")).isEqualTo(CASES);
        assertThat(count("SELECT count(DISTINCT subject_type) FROM case_file")).isEqualTo(2);
        assertThat(count("SELECT count(DISTINCT unit_id) FROM case_file")).isGreaterThanOrEqualTo(13);
        assertThat(count("SELECT count(DISTINCT extract(year FROM received_at)) FROM case_file"))
                .isGreaterThanOrEqualTo(5);
        for (String table : List.of("checklist_item", "decision", "deadline", "cooperation_contact", "handover",
                "journal_entry", "case_indicator", "reporting_decision", "reporting_deadline", "reporting_handover")) {
            assertThat(count("SELECT count(*) FROM " + table)).as(table).isPositive();
        }
        assertThat(count("SELECT count(*) FROM deadline WHERE status = 'PENDING'")).as("open deadlines").isPositive();
        // loaded without the triggers that keep it (V34), the case list's copy of the cases is still exact
        assertThat(count("""
                SELECT count(*) FROM case_file c FULL JOIN case_search s ON s.id = c.id
                WHERE (c.id, c.unit_id, c.status, c.assigned_to, c.received_at, c.case_number,
                       person_search_names(c.person_id))
                      IS DISTINCT FROM
                      (s.id, s.unit_id, s.status, s.assigned_to, s.received_at, s.case_number, s.person_names)"""))
                .as("cases whose copy differs or is missing").isZero();
        assertThat(fixtures.get("cases").asInt()).isEqualTo(CASES);
        assertThat(fixtures.get("auditEntries").asLong()).isEqualTo(AUDIT);
        assertThat(fixtures.get("users").size()).isEqualTo(USERS);
    }

    @Test
    void aGeneratedUserWorksOnTheirOwnUnitsCasesAndNoOthers() {
        JsonNode user = null;
        for (JsonNode u : fixtures.get("users")) {
            if (u.get("caseIds").size() > 0 && u.get("searchTerms").size() > 0) {
                user = u;
                break;
            }
        }
        assertThat(user).as("a generated user with open cases").isNotNull();
        String unit = user.get("unit").asString();
        LotsenHttp.Browser browser = http.browser();
        Response signIn = browser.signIn(user.get("username").asString(), fixtures.get("password").asString());
        assertThat(signIn.status()).isEqualTo(302);
        assertThat(signIn.location()).doesNotContain("error");

        String caseId = user.get("caseIds").get(0).asString();
        Response page = browser.get("/cases/" + caseId);
        assertThat(page.status()).isEqualTo(200);
        String number = jdbc.sql("SELECT case_number FROM case_file WHERE id = :id").param("id", UUID.fromString(caseId))
                .query(String.class).single();
        assertThat(page.body()).contains(number);
        // The step keys the driver sets are on the case and open.
        for (JsonNode step : user.get("stepKeys")) {
            assertThat(count("SELECT count(*) FROM checklist_item WHERE case_id = '" + caseId + "' AND step_key = '"
                    + step.asString() + "' AND applicable")).as(step.asString()).isEqualTo(1);
        }
        assertThat(browser.get("/cases").status()).isEqualTo(200);
        String term = user.get("searchTerms").get(0).asString();
        Response search = browser.get("/cases?q=" + java.net.URLEncoder.encode(term, StandardCharsets.UTF_8));
        assertThat(search.status()).isEqualTo(200);
        assertThat(search.body()).containsIgnoringCase(term);
        Response board = browser.get("/deadlines");
        assertThat(board.status()).isEqualTo(200);

        String other = jdbc.sql("""
                        SELECT c.id::text FROM case_file c JOIN unit u ON u.id = c.unit_id
                        WHERE u.code <> :unit AND NOT EXISTS (SELECT 1 FROM case_access a JOIN unit au ON au.id = a.unit_id
                                                              WHERE a.case_id = c.id AND au.code = :unit)
                        LIMIT 1""")
                .param("unit", unit).query(String.class).single();
        assertThat(browser.get("/cases/" + other).status()).as("another unit's case").isEqualTo(404);
    }

    @Test
    void theAuditChainWithTheGeneratedEntriesVerifies() {
        AuditLog.ChainVerification v = app.getBean(AuditLog.class).verifyChain();
        assertThat(v.intact()).as("chain problem %s at entry %s", v.problem(), v.firstBrokenEntryId()).isTrue();
        assertThat(v.entries()).isGreaterThanOrEqualTo(AUDIT);
    }

    @Test
    void theStatisticsCountTheGeneratedCases() {
        LocalDate to = LocalDate.now();
        LocalDate from = to.minusYears(6);
        long expected = count("SELECT count(*) FROM case_file");
        String token = http.token("metod", DEMO_PASSWORD);
        Response api = http.get("/api/v1/statistics?from=" + from + "&to=" + to, token);
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.json().get("cases").get("total").asLong()).isEqualTo(expected);
        List<String> types = new ArrayList<>();
        api.json().get("decisions").get("byType").properties().forEach(e -> {
            if (e.getValue().isNumber() && e.getValue().asInt() > 0) {
                types.add(e.getKey());
            }
        });
        assertThat(types).contains("LVU_6");
        // The read model's log holds the facts behind the figures: a rebuild from it gives the same figures.
        long facts = app.getBean(Reporting.class).rebuild();
        assertThat(facts).isGreaterThanOrEqualTo(expected);
        Response rebuilt = http.get("/api/v1/statistics?from=" + from + "&to=" + to, token);
        assertThat(withoutComputedAt(rebuilt.json())).isEqualTo(withoutComputedAt(api.json()));
        LotsenHttp.Browser metod = http.browser();
        assertThat(metod.signIn("metod", DEMO_PASSWORD).status()).isEqualTo(302);
        Response page = metod.get("/statistics?from=" + from + "&to=" + to);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(Long.toString(expected));
    }

    /** The figures without the moment they were computed (tests compute them anew on every request). */
    private static tools.jackson.databind.JsonNode withoutComputedAt(tools.jackson.databind.JsonNode figures) {
        tools.jackson.databind.node.ObjectNode copy = (tools.jackson.databind.node.ObjectNode) figures.deepCopy();
        copy.remove("computedAt");
        return copy;
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
