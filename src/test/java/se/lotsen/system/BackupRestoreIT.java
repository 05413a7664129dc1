package se.lotsen.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

import se.lotsen.access.AccountForm;
import se.lotsen.access.Accounts;
import se.lotsen.access.LotsenHttp;
import se.lotsen.access.LotsenHttp.Browser;
import se.lotsen.access.LotsenHttp.Response;
import se.lotsen.access.Role;
import se.lotsen.audit.AuditCheckpoints;
import se.lotsen.audit.AuditLog;
import se.lotsen.organisation.Organisation;
import se.lotsen.organisation.UnitForm;
import se.lotsen.organisation.UnitKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A backup with PostgreSQL's continuous archiving, and a restore that is tried: the server archives each WAL segment
 * to a directory ({@code archive_command}), a base backup is taken with the low-level API ({@code pg_backup_start},
 * a copy of the data directory, {@code pg_backup_stop} and its {@code backup_label}) while Lotsen writes, and the
 * restore is a new data directory from the base backup with {@code recovery.signal} and a {@code restore_command}
 * that replays the archived WAL. A case opened before the base backup and one opened after it (only in the WAL) are
 * both there, Lotsen starts on the restored database, a signed-in user reads them, and the audit chain verifies,
 * reaching the checkpoint written (outside the database) just before the primary was lost.
 */
class BackupRestoreIT {

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    private static final Path DIR = Path.of("target", "backup-restore").toAbsolutePath();
    private static final Path PRIMARY = DIR.resolve("primary");
    private static final Path ARCHIVE = DIR.resolve("wal-archive");
    private static final Path BASE = DIR.resolve("base-backup");
    private static final Path RESTORED = DIR.resolve("restored");
    private static final Path CHECKPOINTS = DIR.resolve("audit-checkpoints");
    private static final String PASSWORD = "backup-och-återläsning";

    /** What the copy of a running data directory leaves out (the PostgreSQL manual, "Making a Base Backup"). */
    private static final Set<String> EMPTIED = Set.of("pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify",
            "pg_serial", "pg_snapshots", "pg_stat_tmp", "pg_subtrans");
    private static final Set<String> LEFT_OUT = Set.of("postmaster.pid", "postmaster.opts", "epg-lock");

    private EmbeddedPostgres primary;
    private EmbeddedPostgres restored;
    private LotsenNode lotsen;

    @AfterEach
    void stop() throws IOException {
        if (lotsen != null) {
            lotsen.close();
        }
        for (EmbeddedPostgres pg : new EmbeddedPostgres[] {primary, restored}) {
            if (pg != null) {
                pg.close();
            }
        }
    }

    @Test
    void aRestoreFromTheBaseBackupAndTheArchivedWalHoldsEverythingAndLotsenRunsOnIt() throws Exception {
        FileSystemUtils.deleteRecursively(DIR);
        Files.createDirectories(ARCHIVE);
        primary = EmbeddedPostgres.builder().setDataDirectory(PRIMARY).setCleanDataDirectory(true)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("wal_level", "replica")
                .setServerConfig("archive_mode", "on")
                // Passed on pg_ctl's command line, which a shell splits: one quoted word (the path has no spaces).
                .setServerConfig("archive_command", "'test ! -f " + ARCHIVE + "/%f && cp %p " + ARCHIVE + "/%f'")
                .start();
        lotsen = LotsenNode.start("primary", primary.getJdbcUrl("postgres", "postgres"), CHECKPOINTS, Map.of(),
                null);
        lotsen.bean(Organisation.class).createUnit(new UnitForm("backupjouren", "Backupjouren (test)", UnitKind.JOUR,
                true, ""));
        lotsen.bean(Accounts.class).create(new AccountForm("jour7", "Alma Återställare", "jour7@lotsen.example",
                "backupjouren", Set.of(Role.DUTY_WORKER), true, PASSWORD));
        String before = openChild(lotsen.http, "Före Basbackup");

        // The base backup, taken while Lotsen runs: its label names the WAL it needs from the archive.
        String label;
        try (Connection c = primary.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT pg_backup_start('lotsen-test', true)");
            copyDataDirectory(PRIMARY, BASE);
            try (ResultSet rs = s.executeQuery("SELECT labelfile FROM pg_backup_stop(true)")) {
                rs.next();
                label = rs.getString(1);
            }
        }
        Files.writeString(BASE.resolve("backup_label"), label, StandardCharsets.UTF_8);
        assertThat(label).contains("START WAL LOCATION");

        // After the base backup: a case, read by the user, and a checkpoint of the audit chain (kept outside).
        String after = openChild(lotsen.http, "Efter Basbackup");
        Browser browser = lotsen.http.browser();
        browser.signIn("jour7", PASSWORD);
        assertThat(browser.get("/cases/" + after).status()).isEqualTo(200);
        assertThat(lotsen.bean(AuditCheckpoints.class).write()).as("a checkpoint of the chain's head").isPresent();
        lotsen.close();
        lotsen = null;
        long entries = JdbcClient.create(primary.getPostgresDatabase()).sql("SELECT count(*) FROM audit_entry")
                .query(Long.class).single();

        // The last segment goes to the archive (archive_timeout does this in production), and the primary is lost.
        String lastSegment;
        try (Connection c = primary.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_walfile_name(pg_switch_wal())")) {
            rs.next();
            lastSegment = rs.getString(1);
        }
        await("the last WAL segment archived").atMost(Duration.ofSeconds(30))
                .until(() -> Files.exists(ARCHIVE.resolve(lastSegment)));
        primary.close();
        primary = null;

        // The restore: the base backup into a new directory, recovery.signal, and the archive's WAL replayed.
        copyDataDirectory(BASE, RESTORED);
        Files.writeString(RESTORED.resolve("backup_label"), label, StandardCharsets.UTF_8);
        Files.createFile(RESTORED.resolve("recovery.signal"));
        // PostgreSQL refuses a data directory that others may read (a restore as root must set it too).
        Files.setPosixFilePermissions(RESTORED, PosixFilePermissions.fromString("rwx------"));
        restored = EmbeddedPostgres.builder().setDataDirectory(RESTORED).setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(120))
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(DIR.resolve("restored.log").toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(DIR.resolve("restored.log").toFile()))
                .setServerConfig("archive_mode", "off")
                .setServerConfig("restore_command", "'cp " + ARCHIVE + "/%f %p'")
                .setServerConfig("recovery_target_action", "promote")
                .start();
        JdbcClient db = JdbcClient.create(restored.getPostgresDatabase());
        // With hot_standby (the default) it accepts read-only connections while it still replays; then it promotes.
        await("the restored server has replayed the archive and opened the database").atMost(Duration.ofSeconds(60))
                .until(() -> !db.sql("SELECT pg_is_in_recovery()").query(Boolean.class).single());
        assertThat(db.sql("SELECT count(*) FROM case_file WHERE id IN (:a, :b)")
                .param("a", UUID.fromString(before)).param("b", UUID.fromString(after)).query(Long.class).single())
                .as("the case from before the base backup and the one replayed from the WAL").isEqualTo(2);
        assertThat(db.sql("SELECT count(*) FROM audit_entry").query(Long.class).single())
                .as("every audit entry").isEqualTo(entries);

        // Lotsen on the restored database: a signed-in user reads both cases; the chain and its checkpoints verify.
        lotsen = LotsenNode.start("restored", restored.getJdbcUrl("postgres", "postgres"), CHECKPOINTS, Map.of(),
                null);
        Browser user = lotsen.http.browser();
        assertThat(user.signIn("jour7", PASSWORD).status()).isEqualTo(302);
        Response page = user.get("/cases/" + before);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Före Basbackup");
        page = user.get("/cases/" + after);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Efter Basbackup");
        AuditLog.ChainVerification chain = lotsen.bean(AuditLog.class).verifyChain();
        assertThat(chain.intact()).as("the restored audit chain: %s", chain).isTrue();
        assertThat(chain.checkpoints()).as("checkpoints the restored chain reaches").isPositive();
        assertThat(chain.entries()).isGreaterThan(entries);
    }

    /**
     * Copies a data directory as a file-level backup does: the files as they are (PostgreSQL may change them during
     * the copy; the WAL replay mends that), with the transient directories left empty and the running server's own
     * files left out.
     */
    private static void copyDataDirectory(Path from, Path to) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(from)) {
            paths = walk.toList();
        }
        for (Path source : paths) {
            Path relative = from.relativize(source);
            if (relative.getNameCount() > 1 && EMPTIED.contains(relative.getName(0).toString())
                    || LEFT_OUT.contains(relative.toString())
                    || relative.getFileName().toString().startsWith("pgsql_tmp")
                    || relative.toString().equals("backup_label")) {
                continue;
            }
            Path target = to.resolve(relative.toString());
            try {
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            } catch (NoSuchFileException removedMeanwhile) {
                // A file PostgreSQL removed during the copy: the WAL replay does not need it.
            }
        }
    }

    private static String openChild(LotsenHttp http, String name) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("type", "CHILD");
        subject.put("name", name);
        subject.put("statedAge", 15);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject", subject);
        body.put("receivedAt", OffsetDateTime.now(SWEDEN).minusHours(1).truncatedTo(ChronoUnit.MINUTES).toString());
        body.put("channel", "POLICE_PL12");
        Response opened = http.postJson("/api/v1/cases", LotsenHttp.toJson(body), http.token("jour7", PASSWORD));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        return opened.json().get("id").asString();
    }
}
