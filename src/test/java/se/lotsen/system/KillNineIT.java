package se.lotsen.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import se.lotsen.FreePort;
import se.lotsen.access.LotsenHttp;
import se.lotsen.access.LotsenHttp.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * {@code kill -9} of the packaged jar (a process of its own, {@code Process.destroyForcibly()}, SIGKILL) in the middle
 * of a stream of concurrent writes, then a restart on the same database:
 * <ul>
 *     <li>production mode, against a PostgreSQL the test started (it outlives the app, like a real deployment):
 *     every write that was answered 201 is there after the restart, whole (its checklist with steps, its person,
 *     its audit entry), nothing is half-written anywhere, the audit chain verifies and the restarted app serves
 *     the cases;</li>
 *     <li>embedded mode: the embedded PostgreSQL child of the killed jar survives it and holds the data directory;
 *     the next start recognises that stale server of its own directory, stops it and starts.</li>
 * </ul>
 */
class KillNineIT {

    private static final Path TARGET = Path.of("target");
    private static final Path WORK = TARGET.resolve("kill-nine-it");
    private static final int WRITERS = 8;
    /** Writes answered 201 before the kill (at least): the kill comes in the middle of the stream. */
    private static final int SUCCESSES_BEFORE_KILL = 40;

    @Test
    void everyAcknowledgedWriteSurvivesAKillNineWholeAndNothingIsHalfWritten() throws Exception {
        Path pgData = WORK.resolve("pg");
        FaultTestSupport.wipe(pgData);
        int dbPort = FreePort.find();
        EmbeddedPostgres postgres = FaultTestSupport.startPostgres(pgData, dbPort);
        Process app = null;
        try {
            int port = FreePort.find();
            Map<String, String> env = FaultTestSupport.productionSettings(dbPort, port);
            app = startJar(env, WORK.resolve("production-1.log"));
            LotsenHttp http = new LotsenHttp(port);
            FaultTestSupport.createAccounts(http);
            String token = http.token(FaultTestSupport.WORKER, FaultTestSupport.PASSWORD);

            ConcurrentLinkedQueue<FaultTestSupport.Write> writes = new ConcurrentLinkedQueue<>();
            AtomicBoolean killed = new AtomicBoolean();
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    for (int i = 0; ; i++) {
                        String marker = "KILL9-" + writer + "-" + i;
                        try {
                            Response r = FaultTestSupport.openCase(http, token, marker);
                            writes.add(new FaultTestSupport.Write(marker, r.status(), r.body()));
                        } catch (UncheckedIOException noAnswer) {
                            writes.add(new FaultTestSupport.Write(marker, -1, String.valueOf(noAnswer)));
                            if (killed.get()) {
                                return null;
                            }
                        }
                    }
                }));
            }
            Process running = app;
            await("writes are answered").atMost(Duration.ofSeconds(90)).until(() -> {
                if (!running.isAlive()) {
                    fail("the jar stopped:\n" + tail(WORK.resolve("production-1.log")));
                }
                return writes.stream().filter(w -> w.status() == 201).count() >= SUCCESSES_BEFORE_KILL;
            });
            killed.set(true);
            app.destroyForcibly();
            assertThat(app.waitFor(30, TimeUnit.SECONDS)).isTrue();
            for (Future<?> f : writers) {
                f.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
            List<FaultTestSupport.Write> acknowledged = writes.stream().filter(w -> w.status() == 201).toList();
            assertThat(writes.stream().filter(w -> w.status() != 201 && w.status() != -1).toList())
                    .as("answers other than 201 (or none, after the kill)").isEmpty();

            // The same database, a new app.
            app = startJar(env, WORK.resolve("production-2.log"));
            try (Connection db = FaultTestSupport.connect(dbPort)) {
                List<String> problems = new ArrayList<>();
                for (FaultTestSupport.Write w : acknowledged) {
                    List<String> ids = FaultTestSupport.casesWithMarker(db, w.marker());
                    String id = LotsenHttp.json(w.body()).get("id").asString();
                    if (!ids.equals(List.of(id))) {
                        problems.add(w.marker() + ": " + ids + " instead of " + id);
                    } else if (!FaultTestSupport.creationAudited(db, id)) {
                        problems.add(w.marker() + ": no audit entry of its creation");
                    }
                }
                assertThat(problems).as("writes answered 201, after the kill").isEmpty();
                assertThat(FaultTestSupport.halfWritten(db)).as("half-written data").isEmpty();
                // A write that got no answer is there whole or not at all (checked above for every case).
                System.out.printf("KillNineIT: %d writes answered 201 before the kill, %d cases in the database%n",
                        acknowledged.size(), FaultTestSupport.count(db, "SELECT count(*) FROM case_file"));
            }
            String afterRestart = http.token(FaultTestSupport.WORKER, FaultTestSupport.PASSWORD);
            for (FaultTestSupport.Write w : acknowledged) {
                String id = LotsenHttp.json(w.body()).get("id").asString();
                Response r = http.get("/api/v1/cases/" + id, afterRestart);
                assertThat(r.status()).as("the restarted app serves %s", w.marker()).isEqualTo(200);
                assertThat(r.json().get("checklist")).as(w.marker()).isNotEmpty();
            }
            assertThat(FaultTestSupport.openCase(http, afterRestart, "KILL9-AFTER").status()).isEqualTo(201);
            FaultTestSupport.assertAuditChainIntact(http);
        } finally {
            stopJar(app);
            postgres.close();
        }
    }

    @Test
    void theEmbeddedModeStartsAgainAfterAKillNineThatLeftItsPostgresRunning() throws Exception {
        Path data = WORK.resolve("embedded");
        FaultTestSupport.wipe(data);
        int port = FreePort.find();
        Map<String, String> env = Map.of("PORT", Integer.toString(port),
                "LOTSEN_DATA_DIR", data.toAbsolutePath().toString(), "LOTSEN_DEMO_CASES", "false");
        Process app = startJar(env, WORK.resolve("embedded-1.log"));
        Process second = null;
        try {
            Path pidFile = data.resolve("postgres").resolve("postmaster.pid");
            long postgresPid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            app.destroyForcibly();
            assertThat(app.waitFor(30, TimeUnit.SECONDS)).isTrue();
            // The weakness: the embedded PostgreSQL is not a child that dies with the JVM.
            boolean survived = ProcessHandle.of(postgresPid).map(ProcessHandle::isAlive).orElse(false);
            assertThat(survived).as("the embedded PostgreSQL survives kill -9 of the jar (the case this test is for)")
                    .isTrue();

            Path log = WORK.resolve("embedded-2.log");
            second = startJar(env, log);
            assertThat(Files.readString(log)).contains("did not stop cleanly still runs on the data directory");
            assertThat(ProcessHandle.of(postgresPid).map(ProcessHandle::isAlive).orElse(false))
                    .as("the stale PostgreSQL was stopped").isFalse();
            LotsenHttp http = new LotsenHttp(port);
            assertThat(http.browser().signIn("jour1", LotsenHttp.DEMO_PASSWORD).status()).isEqualTo(302);
        } finally {
            stopJar(second);
            if (app.isAlive()) {
                app.destroyForcibly();
            }
        }
    }

    /** Starts the packaged jar with the settings and waits until /actuator/health says UP. */
    private static Process startJar(Map<String, String> settings, Path log) throws IOException {
        Files.createDirectories(log.getParent());
        Files.deleteIfExists(log);
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar", theJar().toAbsolutePath().toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("LOTSEN_") || k.startsWith("SPRING_"));
        builder.environment().putAll(settings);
        Process process = builder.start();
        LotsenHttp http = new LotsenHttp(Integer.parseInt(settings.get("PORT")));
        try {
            await("the jar answers /actuator/health").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        if (!process.isAlive()) {
                            fail("the jar stopped with exit code " + process.exitValue() + ":\n" + tail(log));
                        }
                        try {
                            Response health = http.get("/actuator/health", null);
                            return health.status() == 200 && health.body().contains("UP");
                        } catch (RuntimeException notYet) {
                            return false;
                        }
                    });
        } catch (RuntimeException | AssertionError e) {
            process.destroyForcibly();
            throw new AssertionError("the jar did not start:\n" + tail(log), e);
        }
        return process;
    }

    private static void stopJar(Process app) throws InterruptedException {
        if (app != null && app.isAlive()) {
            app.destroy();
            if (!app.waitFor(60, TimeUnit.SECONDS)) {
                app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static Path theJar() throws IOException {
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> found = Files.newDirectoryStream(TARGET, "lotsen-*.jar")) {
            found.forEach(jars::add);
        }
        assertThat(jars).as("the packaged jar in target/ (the integration tests run after the package phase)")
                .hasSize(1);
        return jars.get(0);
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
