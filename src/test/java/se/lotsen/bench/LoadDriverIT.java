package se.lotsen.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the benchmark from rotting: the data generator makes a small database (1,000 cases, 10 users), Lotsen starts
 * on it in-process, and the load driver runs for a few seconds with three of the users: two case workers and a lead
 * (who may read the statistics). Every operation of the mixed workload and
 * both ceiling phases must have been exercised without a single error, and the results files must name them all.
 * Nothing is asserted about times.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoadDriverIT {

    private static Path dataDir;

    @LocalServerPort
    int port;

    /** Generates the database before the application context starts on it. */
    @DynamicPropertySource
    static void generatedDatabase(DynamicPropertyRegistry registry) throws Exception {
        dataDir = Path.of("target", "bench-it", UUID.randomUUID().toString()).toAbsolutePath();
        DataGenerator.run(new DataGenerator.Settings(dataDir, 1_000, 1_000, 10, 42));
        registry.add("lotsen.db.data-dir", dataDir::toString);
    }

    @Test
    void everyOperationRunsWithoutErrorsAndTheResultsNameThemAll() throws Exception {
        Path out = dataDir.resolve("results");
        long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"))
                .get(0).strip());
        LoadDriver.Config config = new LoadDriver.Config("http://localhost:" + port, threeUsers(), 3, 4, 1, 1,
                ProcessHandle.current().pid(), postmaster, out, 7, 50);
        LoadDriver.Results results = LoadDriver.run(config);
        BenchReport.write(results);

        for (BenchReport.Row row : BenchReport.rows(results)) {
            assertThat(row.requests()).as("requests of %s", row.op()).isPositive();
            assertThat(row.errors()).as("errors of %s: %s", row.op(), row.errorSamples()).isZero();
        }
        assertThat(results.heap().maxUsedMiB()).as("heap sampled with jcmd").isNotNull().isPositive();
        // Processor time per request: the app (here the test's own process, which also drives) and the database did
        // work in both ceilings; the driver is not told apart from the app in one process.
        for (CpuSampler.PerRequest cpu : List.of(results.cpuPing(), results.cpuCasePage())) {
            assertThat(cpu.requests()).isPositive();
            assertThat(cpu.app()).as("app ms per request").isNotNull().isPositive();
            assertThat(cpu.database()).as("database ms per request").isNotNull().isPositive();
            assertThat(cpu.driver()).as("driver in the app's process").isNull();
        }

        JsonNode json = JsonMapper.builder().build().readTree(Files.readString(out.resolve("results.json")));
        List<String> names = new ArrayList<>();
        json.get("operations").forEach(o -> names.add(o.get("operation").asString()));
        assertThat(names).containsExactlyInAnyOrder(java.util.Arrays.stream(Operation.values()).map(Enum::name)
                .toArray(String[]::new));
        assertThat(json.get("run").get("users").asInt()).isEqualTo(3);
        assertThat(json.get("run").get("cases").asInt()).isEqualTo(1_000);
        assertThat(json.get("machine").get("cores").asInt()).isPositive();
        String md = Files.readString(out.resolve("results.md"));
        for (Operation op : Operation.values()) {
            assertThat(md).as("results.md").contains("| " + op.label + " |");
        }
        assertThat(md).contains("p95 < 100 ms", "≥ ½ of trivial req/s", "App heap used",
                "Processor time per request in the ceilings", "A case page costs the server");
        assertThat(json.get("cpuPerRequest").get("ceilingCasePage").get("databaseMs").asDouble()).isPositive();
    }

    /** The generated fixtures cut to two users with everything to work on and one who may read the statistics. */
    private static Path threeUsers() throws Exception {
        JsonMapper mapper = JsonMapper.builder().build();
        tools.jackson.databind.node.ObjectNode root = (tools.jackson.databind.node.ObjectNode) mapper.readTree(
                Files.readString(dataDir.resolve("bench-fixtures.json")));
        List<JsonNode> workers = new ArrayList<>();
        JsonNode lead = null;
        for (JsonNode u : root.get("users")) {
            boolean complete = !u.get("caseIds").isEmpty() && !u.get("stepKeys").isEmpty()
                    && !u.get("handoverCaseIds").isEmpty() && !u.get("searchTerms").isEmpty();
            String role = u.get("role").asString();
            if (complete && (role.equals("UNIT_MANAGER") || role.equals("DUTY_LEAD"))) {
                lead = lead == null ? u : lead;
            } else if (complete && workers.size() < 2) {
                workers.add(u);
            }
        }
        assertThat(workers).as("generated case workers with cases, steps, handovers and search terms").hasSize(2);
        assertThat(lead).as("a generated lead with cases, steps, handovers and search terms").isNotNull();
        workers.add(lead);
        root.putArray("users").addAll(workers);
        Path file = dataDir.resolve("bench-fixtures-3.json");
        Files.writeString(file, mapper.writeValueAsString(root));
        return file;
    }
}
