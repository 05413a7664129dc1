package se.lotsen.system.database;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import se.lotsen.common.StartupProblem;

/**
 * The embedded PostgreSQL of the default mode: a real PostgreSQL server started from the jar, with its data in a
 * persistent directory.
 *
 * <p>One Lotsen process owns a data directory at a time: an exclusive lock on {@code lotsen.lock} in the directory
 * is taken before the server starts, so a second instance fails with a clear message instead of touching the
 * database files. Within one JVM (e.g. several test contexts) the running server is shared and reference-counted.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Map<Path, EmbeddedPostgresServer> RUNNING = new HashMap<>();

    private final Path dataDir;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final EmbeddedPostgres postgres;
    private int users;

    private EmbeddedPostgresServer(Path dataDir, FileChannel lockChannel, FileLock lock, EmbeddedPostgres postgres) {
        this.dataDir = dataDir;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.postgres = postgres;
    }

    /** Starts the server for the directory, or joins the one this JVM already runs there. */
    static synchronized EmbeddedPostgresServer acquire(Path configuredDir, boolean cleanOnStart) {
        Path dataDir = configuredDir.toAbsolutePath().normalize();
        EmbeddedPostgresServer server = RUNNING.get(dataDir);
        if (server == null) {
            server = start(dataDir, cleanOnStart);
            RUNNING.put(dataDir, server);
        }
        server.users++;
        return server;
    }

    private static EmbeddedPostgresServer start(Path dataDir, boolean cleanOnStart) {
        FileChannel channel = null;
        try {
            Files.createDirectories(dataDir);
            Path lockFile = dataDir.resolve("lotsen.lock");
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new StartupProblem(
                        "the data directory " + dataDir + " is in use by another running Lotsen instance.",
                        "Stop the other instance, or start this one with another data directory "
                                + "(LOTSEN_DATA_DIR=/path/to/dir).");
            }
            Path pgData = dataDir.resolve("postgres");
            if (cleanOnStart) {
                deleteRecursively(pgData);
            }
            stopStaleServer(pgData);
            boolean existing = Files.exists(pgData.resolve("PG_VERSION"));
            log.info("Starting embedded PostgreSQL ({} data directory {})", existing ? "existing" : "new", pgData);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    // Spring stops it when the context closes; a hook of its own would stop it too early.
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "100")
                    .setLocaleConfig("encoding", "UTF8")
                    .start();
            return new EmbeddedPostgresServer(dataDir, channel, lock, postgres);
        } catch (StartupProblem e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            throw new StartupProblem("the embedded PostgreSQL in " + dataDir + " did not start (" + e.getMessage() + ").",
                    "Check that the directory is writable and not used by another program, or run against an "
                            + "external PostgreSQL with LOTSEN_DB_URL.", e);
        }
    }

    /**
     * A PostgreSQL left running on our data directory by a Lotsen that was killed (kill -9, a power cut of the JVM
     * only): its {@code postmaster.pid} names a live postgres process whose data directory is ours. We hold
     * {@code lotsen.lock}, so no live Lotsen uses it: it is stopped (SIGTERM, PostgreSQL's "smart" shutdown; its
     * clients died with the old Lotsen) before our own server starts, instead of failing the start. A pid file of a
     * process that no longer exists is left to PostgreSQL, which removes it itself.
     */
    static void stopStaleServer(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        java.util.List<String> lines = Files.readAllLines(pidFile);
        if (lines.size() < 2) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return;
        }
        Path theirs = Path.of(lines.get(1).trim());
        boolean ours = Files.exists(theirs) && Files.isSameFile(theirs, pgData);
        ProcessHandle process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive).orElse(null);
        if (!ours || process == null || !process.info().command().map(c -> c.contains("postgres")).orElse(true)) {
            return;
        }
        log.warn("A PostgreSQL server (pid {}) from a Lotsen that did not stop cleanly still runs on the data "
                + "directory {}; stopping it before starting", pid, pgData);
        process.destroy();
        try {
            process.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new StartupProblem("a PostgreSQL server (pid " + pid + ") left running on " + pgData
                    + " did not stop within 60 seconds.", "Stop that process (kill " + pid + ") and start again.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the stale PostgreSQL to stop", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException(e);
        }
        log.info("The stale PostgreSQL server (pid {}) stopped", pid);
    }

    DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public void close() {
        synchronized (EmbeddedPostgresServer.class) {
            if (--users > 0) {
                return;
            }
            RUNNING.remove(dataDir);
            try {
                postgres.close();
            } catch (IOException e) {
                log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
            }
            try {
                lock.release();
            } catch (IOException e) {
                log.debug("Lock release failed", e);
            }
            closeQuietly(lockChannel);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing more to do
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
