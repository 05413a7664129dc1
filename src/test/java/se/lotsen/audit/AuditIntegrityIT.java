package se.lotsen.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import se.lotsen.access.LotsenHttp;
import se.lotsen.access.LotsenHttp.Browser;
import se.lotsen.access.LotsenHttp.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static se.lotsen.access.LotsenHttp.DEMO_PASSWORD;

/**
 * The integrity of the application's own audit trail, as an auditor checks it: a checkpoint written on demand (API
 * and page) lands in the checkpoint directory beside the embedded data, the verification compares with it, and only
 * auditors may do either.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditIntegrityIT {

    @LocalServerPort
    int port;

    @Autowired
    AuditCheckpoints checkpoints;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditCheckpointJob job;

    LotsenHttp http;

    @BeforeEach
    void setUp() {
        http = new LotsenHttp(port);
    }

    private List<String> checkpointLines() throws Exception {
        Path dir = checkpoints.directory().orElseThrow();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().flatMap(f -> {
                try {
                    return Files.readAllLines(f).stream();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }

    @Test
    void anAuditorWritesACheckpointAndTheVerificationComparesWithIt() throws Exception {
        String token = http.token("granskare", DEMO_PASSWORD);
        // In embedded mode the checkpoints live beside the embedded data.
        assertThat(checkpoints.directory()).hasValueSatisfying(d -> assertThat(d.toString())
                .contains("test-db").endsWith("audit-checkpoints"));

        Response written = http.postJson("/api/v1/audit/checkpoints", "{}", token);

        assertThat(written.status()).isEqualTo(200);
        JsonNode c = written.json();
        long seq = c.get("seq").asLong();
        Map<String, Object> head = jdbc.sql("SELECT id, hash FROM audit_entry WHERE seq = :s").param("s", seq)
                .query().singleRow();
        assertThat(c.get("entryId").asLong()).isEqualTo(((Number) head.get("id")).longValue());
        assertThat(c.get("chainValue").asString()).isEqualTo(head.get("hash"));
        assertThat(c.get("mac").asString()).matches("[0-9a-f]{64}");
        assertThat(c.get("storedInDirectory").asBoolean()).isTrue();
        assertThat(checkpointLines()).anySatisfy(line -> assertThat(line)
                .contains("\"seq\":" + seq + ",").contains(c.get("mac").asString()));

        Response verification = http.get("/api/v1/audit/verification", token);

        assertThat(verification.status()).isEqualTo(200);
        JsonNode v = verification.json();
        assertThat(v.get("intact").asBoolean()).as(verification.body()).isTrue();
        assertThat(v.get("checkedEntries").asLong()).isGreaterThan(seq - 1);
        assertThat(v.has("firstBrokenId")).isTrue();
        assertThat(v.get("firstBrokenId").isNull()).isTrue();
        assertThat(v.get("reason").isNull()).isTrue();
        assertThat(v.get("checkpoints").asInt()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void theJobWritesTheHeadOnceAndNotAgainUntilItMoves() {
        long head = jdbc.sql("SELECT max(seq) FROM audit_entry").query(Long.class).single();

        AuditCheckpoint first = job.runOnce().orElseGet(() -> checkpoints.latest().orElseThrow());
        assertThat(first.seq()).isGreaterThanOrEqualTo(head);
        assertThat(checkpoints.latest()).contains(first);

        // Run again: nothing is written for the same head; a checkpoint is written only for a later one.
        job.runOnce().ifPresent(next -> assertThat(next.seq()).isGreaterThan(first.seq()));
    }

    @Test
    void onlyAuditorsMayWriteCheckpointsOrVerify() {
        for (String user : List.of("jour1", "jourchef", "admin", "metod")) {
            String token = http.token(user, DEMO_PASSWORD);
            assertThat(http.postJson("/api/v1/audit/checkpoints", "{}", token).status()).as(user).isEqualTo(403);
            assertThat(http.get("/api/v1/audit/verification", token).status()).as(user).isEqualTo(403);
        }
        assertThat(http.postJson("/api/v1/audit/checkpoints", "{}", null).status()).isEqualTo(401);
        assertThat(http.get("/api/v1/audit/verification", null).status()).isEqualTo(401);
    }

    @Test
    void theCheckPageWritesACheckpointAndExplainsTheResult() throws Exception {
        Browser auditor = http.browser();
        auditor.signIn("granskare", DEMO_PASSWORD);
        String csrf = LotsenHttp.csrfToken(auditor.get("/audit").body());
        int before = checkpointLines().size();

        Response written = auditor.postForm("/audit/checkpoints", Map.of("_csrf", csrf));

        assertThat(written.status()).isEqualTo(200);
        assertThat(written.text()).contains("Kontrollpunkt skriven").contains("Skriv kontrollpunkt nu")
                .contains("katalogen för kontrollpunkter");
        assertThat(checkpointLines()).hasSize(before + 1);

        Response verified = auditor.postForm("/audit/verify", Map.of("_csrf", csrf));
        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.text()).contains("Loggen är oförändrad").contains("Jämförd med")
                .contains("utanför databasen");

        // A case worker may not write one.
        Browser worker = http.browser();
        worker.signIn("jour1", DEMO_PASSWORD);
        String workerCsrf = LotsenHttp.csrfToken(worker.get("/").body());
        assertThat(worker.postForm("/audit/checkpoints", Map.of("_csrf", workerCsrf)).status()).isEqualTo(403);
        assertThat(checkpointLines()).hasSize(before + 1);
    }
}
