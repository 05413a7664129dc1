package se.lotsen.system.database;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.lotsen.common.StartupProblem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One Lotsen owns a data directory: a second instance is refused before it touches the database files; within one
 * JVM the server is shared and reference-counted; the data is persistent.
 */
class EmbeddedPostgresServerIT {

    private static void execute(EmbeddedPostgresServer server, String sql) throws SQLException {
        try (Connection c = server.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static int queryInt(EmbeddedPostgresServer server, String sql) throws SQLException {
        try (Connection c = server.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getInt(1);
        }
    }

    @Test
    void directoryLockedInThisJvmIsRefused(@TempDir Path dir) throws Exception {
        try (FileChannel channel = FileChannel.open(dir.resolve("lotsen.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
            assertThat(lock.isValid()).isTrue();

            assertThatThrownBy(() -> EmbeddedPostgresServer.acquire(dir, false))
                    .isInstanceOf(StartupProblem.class)
                    .hasMessageContaining("in use")
                    .hasMessageContaining(dir.toAbsolutePath().normalize().toString());
            assertThat(dir.resolve("postgres")).doesNotExist();
        }
    }

    /** A second Lotsen process: the lock is held by another JVM, as when two instances are started. */
    @Test
    void directoryLockedByAnotherProcessIsRefused(@TempDir Path dir) throws Exception {
        Path holder = dir.resolve("LockHolder.java");
        Files.writeString(holder, """
                import java.nio.channels.FileChannel;
                import java.nio.file.Path;
                import java.nio.file.StandardOpenOption;

                public class LockHolder {
                    public static void main(String[] args) throws Exception {
                        try (FileChannel c = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE,
                                StandardOpenOption.WRITE); var lock = c.lock()) {
                            System.out.println("LOCKED");
                            System.out.flush();
                            System.in.read(); // hold the lock until the test closes our stdin
                        }
                    }
                }
                """);
        Path dataDir = dir.resolve("data");
        Files.createDirectories(dataDir);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, holder.toString(), dataDir.resolve("lotsen.lock").toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("LOCKED");

            assertThatThrownBy(() -> EmbeddedPostgresServer.acquire(dataDir, false))
                    .isInstanceOf(StartupProblem.class)
                    .hasMessageContaining("in use");
            assertThat(dataDir.resolve("postgres")).doesNotExist();
        } finally {
            process.getOutputStream().close();
            process.waitFor();
        }
    }

    /**
     * Whether another process could lock the file now: "HELD" or "FREE". Asked from a separate JVM, since within one
     * JVM opening and closing a second channel on a locked file would release the lock (POSIX record locks).
     */
    private static String lockStateSeenByAnotherProcess(Path dir, Path lockFile) throws Exception {
        Path probe = dir.resolve("LockProbe.java");
        Files.writeString(probe, """
                import java.nio.channels.FileChannel;
                import java.nio.file.Path;
                import java.nio.file.StandardOpenOption;

                public class LockProbe {
                    public static void main(String[] args) throws Exception {
                        try (FileChannel c = FileChannel.open(Path.of(args[0]), StandardOpenOption.WRITE)) {
                            var lock = c.tryLock();
                            System.out.println(lock == null ? "HELD" : "FREE");
                        }
                    }
                }
                """);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, probe.toString(), lockFile.toString())
                .redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(process.waitFor()).as(output).isZero();
        return output;
    }

    @Test
    void acquiresOfOneDirectoryShareOneServer(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("data");
        Path lockFile = dir.resolve("lotsen.lock");
        EmbeddedPostgresServer first = EmbeddedPostgresServer.acquire(dir, false);
        try {
            EmbeddedPostgresServer second = EmbeddedPostgresServer.acquire(dir.resolve("sub").resolve(".."), false);
            assertThat(second).isSameAs(first);
            assertThat(second.jdbcUrl()).isEqualTo(first.jdbcUrl());
            assertThat(lockStateSeenByAnotherProcess(tmp, lockFile)).isEqualTo("HELD");

            second.close();

            // Still running and still locked for the first user.
            assertThat(queryInt(first, "SELECT 1")).isEqualTo(1);
            assertThat(lockStateSeenByAnotherProcess(tmp, lockFile)).isEqualTo("HELD");
        } finally {
            first.close();
        }

        // The last user stopped the server and released the lock.
        assertThatThrownBy(() -> queryInt(first, "SELECT 1")).isInstanceOf(SQLException.class);
        assertThat(lockStateSeenByAnotherProcess(tmp, lockFile)).isEqualTo("FREE");
    }

    @Test
    void dataSurvivesCloseAndReacquire(@TempDir Path dir) throws Exception {
        EmbeddedPostgresServer first = EmbeddedPostgresServer.acquire(dir, false);
        try {
            execute(first, "CREATE TABLE survivor (n INT NOT NULL)");
            execute(first, "INSERT INTO survivor VALUES (42)");
        } finally {
            first.close();
        }

        EmbeddedPostgresServer again = EmbeddedPostgresServer.acquire(dir, false);
        try {
            assertThat(again).isNotSameAs(first);
            assertThat(queryInt(again, "SELECT n FROM survivor")).isEqualTo(42);
        } finally {
            again.close();
        }

        // Only an explicit clean start (tests) wipes the data.
        EmbeddedPostgresServer clean = EmbeddedPostgresServer.acquire(dir, true);
        try {
            assertThat(queryInt(clean, "SELECT count(*) FROM pg_tables WHERE tablename = 'survivor'")).isZero();
        } finally {
            clean.close();
        }
    }

    /**
     * Stopping the database is the application context's job (the server bean's destroy method), after every bean
     * that still needs the database has closed. A JVM shutdown hook of the server's own would stop PostgreSQL at the
     * same time as Spring's shutdown hook closes the context: beans that use the database while closing (Spring
     * Modulith's event publication registry, requests still running, their audit entries) then wait for a
     * connection until Hikari gives up and fail.
     */
    @Test
    void embeddedServerRegistersNoShutdownHookOfItsOwn(@TempDir Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), ShutdownHookProbe.class.getName(),
                dir.resolve("data").toString())
                .redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();

        assertThat(output).as(output).contains("NEW_SHUTDOWN_HOOKS=").contains("NEW_SHUTDOWN_HOOKS=0 ");
    }
}
