package se.lotsen.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the benchmark from rotting: the load driver runs for a few seconds with three users against a running Lotsen
 * (the demo cases) and every operation of the mixed workload and both ceiling phases must have been exercised without
 * a single error, and the results files must name them all. Nothing is asserted about times.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "lotsen.demo.cases=true")
class LoadDriverIT {

    /** Ordinary steps of the default routine (not linked to other work, no required fields), one set per user. */
    private static final List<List<String>> STEPS = List.of(List.of("information-barnet", "malsagandebitrade"),
            List.of("barnahus", "avvikande"), List.of("ud-rapport", "sarskild-foretradare"));

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyOperationRunsWithoutErrorsAndTheResultsNameThemAll() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "bench-it-");
        Path fixtures = dir.resolve("bench-fixtures.json");
        Files.writeString(fixtures, fixtures());
        Path out = dir.resolve("results");

        LoadDriver.Config config = new LoadDriver.Config("http://localhost:" + port, fixtures, 3, 4, 1, 1,
                ProcessHandle.current().pid(), out, 7);
        LoadDriver.Results results = LoadDriver.run(config);
        BenchReport.write(results);

        for (BenchReport.Row row : BenchReport.rows(results)) {
            assertThat(row.requests()).as("requests of %s", row.op()).isPositive();
            assertThat(row.errors()).as("errors of %s: %s", row.op(), row.errorSamples()).isZero();
        }
        assertThat(results.heap().maxUsedMiB()).as("heap sampled with jcmd").isNotNull().isPositive();

        JsonNode json = JsonMapper.builder().build().readTree(Files.readString(out.resolve("results.json")));
        List<String> names = new ArrayList<>();
        json.get("operations").forEach(o -> names.add(o.get("operation").asString()));
        assertThat(names).containsExactlyInAnyOrder(java.util.Arrays.stream(Operation.values()).map(Enum::name)
                .toArray(String[]::new));
        assertThat(json.get("run").get("users").asInt()).isEqualTo(3);
        assertThat(json.get("machine").get("cores").asInt()).isPositive();
        String md = Files.readString(out.resolve("results.md"));
        for (Operation op : Operation.values()) {
            assertThat(md).as("results.md").contains("| " + op.label + " |");
        }
        assertThat(md).contains("p95 < 100 ms", "≥ ½ of trivial req/s", "App heap used");
    }

    /** The fixtures file in the generator's format, made from the demo cases of Socialjouren. */
    private String fixtures() {
        List<String> open = jdbc.sql("""
                        SELECT c.id FROM case_file c JOIN unit u ON u.id = c.unit_id
                        WHERE u.code = 'socialjouren' AND c.status = 'OPEN' AND c.subject_type = 'CHILD'
                        ORDER BY c.case_number""").query(UUID.class).list().stream().map(UUID::toString).toList();
        List<String> handedOver = jdbc.sql("""
                        SELECT DISTINCT c.id FROM case_file c JOIN handover h ON h.case_id = c.id
                        JOIN unit u ON u.id = h.from_unit_id WHERE u.code = 'socialjouren'""")
                .query(UUID.class).list().stream().map(UUID::toString).toList();
        List<String> surnames = jdbc.sql("""
                        SELECT DISTINCT split_part(p.name, ' ', 2) FROM case_file c JOIN person p ON p.id = c.person_id
                        JOIN unit u ON u.id = c.unit_id WHERE u.code = 'socialjouren'""").query(String.class).list();
        assertThat(open).as("open child cases of Socialjouren in the demo data").isNotEmpty();
        assertThat(handedOver).as("cases Socialjouren handed over").isNotEmpty();
        for (List<String> keys : STEPS) {
            for (String key : keys) {
                assertThat(jdbc.sql("SELECT count(*) FROM checklist_item WHERE case_id = :c AND step_key = :k")
                        .param("c", UUID.fromString(open.get(0))).param("k", key).query(Long.class).single())
                        .as("step %s on the demo cases", key).isPositive();
            }
        }
        List<Map<String, Object>> users = new ArrayList<>();
        String[] names = {"jour1", "jour2", "jourchef"};
        for (int i = 0; i < names.length; i++) {
            Map<String, Object> u = new LinkedHashMap<>();
            u.put("username", names[i]);
            u.put("role", i == 2 ? "DUTY_LEAD" : "DUTY_WORKER");
            u.put("unit", "socialjouren");
            u.put("caseIds", open);
            u.put("stepKeys", STEPS.get(i));
            u.put("handoverCaseIds", handedOver);
            u.put("searchTerms", surnames);
            users.add(u);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("cases", jdbc.sql("SELECT count(*) FROM case_file").query(Long.class).single());
        root.put("auditEntries", jdbc.sql("SELECT count(*) FROM audit_entry").query(Long.class).single());
        root.put("password", "lotsen-demo");
        root.put("seed", 0);
        root.put("generatedAt", "demo cases");
        root.put("seconds", 0);
        root.put("users", users);
        return JsonMapper.builder().build().writeValueAsString(root);
    }
}
