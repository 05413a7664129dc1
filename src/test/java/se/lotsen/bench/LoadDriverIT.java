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
 * Keeps the benchmark from rotting: the data generator makes a tiny database (100 cases, 3 users), Lotsen starts on it
 * in-process, and the load driver runs for a few seconds with three users. Every operation of the mixed workload and
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
        DataGenerator.run(new DataGenerator.Settings(dataDir, 100, 1_000, 3, 42));
        registry.add("lotsen.db.data-dir", dataDir::toString);
    }

    @Test
    void everyOperationRunsWithoutErrorsAndTheResultsNameThemAll() throws Exception {
        Path out = dataDir.resolve("results");
        LoadDriver.Config config = new LoadDriver.Config("http://localhost:" + port,
                dataDir.resolve("bench-fixtures.json"), 3, 4, 1, 1, ProcessHandle.current().pid(), out, 7);
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
        assertThat(json.get("run").get("cases").asInt()).isEqualTo(100);
        assertThat(json.get("machine").get("cores").asInt()).isPositive();
        String md = Files.readString(out.resolve("results.md"));
        for (Operation op : Operation.values()) {
            assertThat(md).as("results.md").contains("| " + op.label + " |");
        }
        assertThat(md).contains("p95 < 100 ms", "≥ ½ of trivial req/s", "App heap used");
    }
}
