package se.lotsen.system;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

import se.lotsen.FreePort;
import se.lotsen.access.LotsenHttp;
import se.lotsen.access.LotsenHttp.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * What ships: the jar that {@code ./mvnw package} built, started as an operator would start it ({@code java -jar}, the
 * embedded mode with its demo data, in a process of its own), then tried as an attacker and a newcomer would try it:
 * another unit looking for a jour's person, the method developer and the auditor looking for cases, a protected
 * address, a case that must not close, a control character, a question with no mail server.
 */
class PackagedJarIT {

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    private static final Path TARGET = Path.of("target");
    private static final Path DATA = TARGET.resolve("packaged-jar-data");
    private static final Path LOG = TARGET.resolve("packaged-jar.log");

    private static Process lotsen;
    private static LotsenHttp http;

    @BeforeAll
    static void startTheJar() throws Exception {
        Path jar = theJar();
        FileSystemUtils.deleteRecursively(DATA);
        int port = FreePort.find();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-jar",
                jar.toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(LOG.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("LOTSEN_") || k.startsWith("SPRING_"));
        env.put("PORT", Integer.toString(port));
        env.put("LOTSEN_DATA_DIR", DATA.toAbsolutePath().toString());
        lotsen = builder.start();
        http = new LotsenHttp(port);
        try {
            await("the packaged jar answers /actuator/health").atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        if (!lotsen.isAlive()) {
                            fail("the jar stopped with exit code " + lotsen.exitValue() + ":\n" + logTail());
                        }
                        try {
                            Response health = http.get("/actuator/health", null);
                            return health.status() == 200 && health.body().contains("UP");
                        } catch (RuntimeException notYet) {
                            return false;
                        }
                    });
        } catch (RuntimeException | AssertionError e) {
            throw new AssertionError("the packaged jar did not start:\n" + logTail(), e);
        }
    }

    @AfterAll
    static void stopTheJar() throws InterruptedException {
        if (lotsen != null) {
            lotsen.destroy();
            if (!lotsen.waitFor(60, TimeUnit.SECONDS)) {
                lotsen.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void aDistrictLearnsNothingAboutTheJoursPersonAndOnlyLeadsSeeAProtectedAddress() {
        String jour1 = http.token("jour1", LotsenHttp.DEMO_PASSWORD);
        String address = "Skyddsgatan 7, 123 45 Fiktiva";
        Response opened = openChild(jour1, "Vesna Kovačević", Map.of("identityNumber", "201008152389",
                "address", address, "protectedIdentity", "SKYDDAD_FOLKBOKFORING"));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String caseId = opened.json().get("id").asString();
        assertThat(opened.body()).doesNotContain("Skyddsgatan");

        // The jour's own worker: the case, not the address; the jour's lead: the address.
        assertThat(http.get("/api/v1/cases/" + caseId, jour1).body()).doesNotContain("Skyddsgatan");
        Response lead = http.get("/api/v1/cases/" + caseId, http.token("jourchef", LotsenHttp.DEMO_PASSWORD));
        assertThat(lead.json().get("subject").get("address").asString()).isEqualTo(address);

        // A district: not the case, not the person.
        String sodermalm1 = http.token("sodermalm1", LotsenHttp.DEMO_PASSWORD);
        assertThat(http.get("/api/v1/cases/" + caseId, sodermalm1).status()).isEqualTo(404);
        Response search = http.get("/api/v1/persons?name=" + encode("Vesna Kovačević")
                + "&identityNumber=201008152389", sodermalm1);
        assertThat(search.status()).as(search.body()).isEqualTo(200);
        assertThat(search.json().get("matches")).isEmpty();
        assertThat(search.body()).doesNotContain("1008152389").doesNotContain("Skyddsgatan")
                .doesNotContain(opened.json().get("caseNumber").asString());

        // Neither the method developer nor the auditor nor the administrator sees it.
        for (String user : List.of("metod", "granskare", "admin")) {
            String token = http.token(user, LotsenHttp.DEMO_PASSWORD);
            assertThat(http.get("/api/v1/cases/" + caseId, token).status()).as(user).isIn(403, 404);
            Response list = http.get("/api/v1/cases?query=" + encode("Vesna"), token);
            assertThat(list.body()).as(user).doesNotContain("Vesna");
            assertThat(http.get("/api/v1/persons?name=Vesna", token).status()).as(user).isEqualTo(403);
        }
    }

    @Test
    void aChildsCaseWithItsDeadlinesOpenDoesNotClose() {
        String jour1 = http.token("jour1", LotsenHttp.DEMO_PASSWORD);
        Response opened = openChild(jour1, "Mirela Stoica", Map.of());
        String caseId = opened.json().get("id").asString();
        Response close = http.postJson("/api/v1/cases/" + caseId + "/close",
                LotsenHttp.toJson(Map.of("reason", "Fel ärende.")), jour1);
        assertThat(close.status()).as(close.body()).isEqualTo(409);
        assertThat(close.contentType()).startsWith("application/problem+json");
        assertThat(close.json().get("blockers")).isNotEmpty();
        assertThat(http.get("/api/v1/cases/" + caseId, jour1).json().get("status").asString()).isEqualTo("OPEN");
    }

    @Test
    void badInputGetsAnAnswerNeverAServerError() {
        String jour1 = http.token("jour1", LotsenHttp.DEMO_PASSWORD);
        Response nul = openChild(jour1, "Ana\u0000Popescu", Map.of());
        assertThat(nul.status()).as(nul.body()).isEqualTo(400);
        assertThat(nul.json().get("errors").get(0).get("field").asString()).isEqualTo("subject.name");
        Response truncated = http.postJson("/api/v1/cases", "{\"subject\": {\"type\": \"CHI", jour1);
        assertThat(truncated.status()).as(truncated.body()).isEqualTo(400);
        Response empty = http.postJson("/api/v1/cases", "", jour1);
        assertThat(empty.status()).as(empty.body()).isEqualTo(400);
        Response search = http.get("/api/v1/cases?query=%00", jour1);
        assertThat(search.status()).as(search.body()).isEqualTo(400);
        for (Response r : List.of(nul, truncated, empty, search)) {
            assertThat(r.body()).doesNotContain("Exception").doesNotContain("at se.lotsen");
        }
    }

    @Test
    void anUrgentQuestionIsKeptAndDeliveredInTheAppWithoutAMailServer() {
        String jour1 = http.token("jour1", LotsenHttp.DEMO_PASSWORD);
        String caseId = openChild(jour1, "Teodora Ilić", Map.of()).json().get("id").asString();
        Response asked = http.postJson("/api/v1/cases/" + caseId + "/questions",
                LotsenHttp.toJson(Map.of("text", "Gäller 6 a § när hon saknar hemvist?", "urgent", true)), jour1);
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        String caseNumber = asked.json().get("caseNumber").asString();
        String metod = http.token("metod", LotsenHttp.DEMO_PASSWORD);
        await("the method developer is notified").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode notifications = http.get("/api/v1/notifications", metod).json();
            assertThat(notifications.toString()).contains(caseNumber);
        });
    }

    private static Response openChild(String token, String name, Map<String, Object> subject) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("type", "CHILD");
        s.put("name", name);
        s.put("statedAge", 16);
        s.putAll(subject);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject", s);
        body.put("receivedAt", OffsetDateTime.now(SWEDEN).minusHours(2).truncatedTo(ChronoUnit.MINUTES).toString());
        body.put("channel", "POLICE_PL13");
        return http.postJson("/api/v1/cases", LotsenHttp.toJson(body), token);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The jar the build packaged (not the plain one Spring Boot keeps as .original). */
    private static Path theJar() throws IOException {
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> found = Files.newDirectoryStream(TARGET, "lotsen-*.jar")) {
            found.forEach(jars::add);
        }
        assertThat(jars).as("the packaged jar in target/ (the integration tests run after the package phase)")
                .hasSize(1);
        return jars.get(0);
    }

    private static String logTail() {
        try {
            List<String> lines = Files.readAllLines(LOG);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
