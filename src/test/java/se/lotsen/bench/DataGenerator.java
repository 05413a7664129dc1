package se.lotsen.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import se.lotsen.LotsenApplication;
import se.lotsen.cases.AgeGroup;
import se.lotsen.cases.CaseId;
import se.lotsen.cases.CaseOpened;
import se.lotsen.cases.ExploitationForm;
import se.lotsen.cases.IntakeChannel;
import se.lotsen.cases.SubjectType;
import se.lotsen.decisions.DeadlineId;
import se.lotsen.decisions.DeadlineKind;
import se.lotsen.decisions.DeadlineMet;
import se.lotsen.decisions.DeadlineScheduled;
import se.lotsen.decisions.DecisionId;
import se.lotsen.decisions.DecisionRecorded;
import se.lotsen.decisions.DecisionType;
import se.lotsen.handover.CaseHandedOver;
import se.lotsen.handover.HandoverAcknowledged;
import se.lotsen.handover.HandoverId;
import se.lotsen.organisation.UnitId;
import se.lotsen.persons.Sex;
import se.lotsen.reporting.ReportingFactWriter;
import se.lotsen.audit.AuditAction;
import se.lotsen.audit.AuditChannel;
import se.lotsen.audit.AuditOutcome;
import se.lotsen.audit.BulkAuditWriter;
import se.lotsen.persons.SwedishPhonetic;
import se.lotsen.routines.CaseFacts;
import se.lotsen.routines.LinkedStep;
import se.lotsen.routines.RoutineDocument;
import se.lotsen.routines.RoutineVersion;
import se.lotsen.routines.Routines;

/**
 * Generates a fictional city-scale Lotsen database: starts Lotsen once in-process on the data directory (so that
 * Flyway migrates it and the organisation, demo accounts, partners and published routines are seeded exactly as in
 * production's embedded mode), then bulk loads cases and their rows with set-based SQL ({@code INSERT ... SELECT
 * FROM generate_series}, deterministic pseudo-random values from the seed via {@code hashint8extended}) and audit
 * entries by COPY with their HMAC chain computed in Java ({@link BulkAuditWriter}). Writes
 * {@code <dir>/bench-fixtures.json} for the load driver. All people and texts are fictional.
 */
public final class DataGenerator {

    static final String PASSWORD = "lotsen-demo";
    static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    static final int BATCH = 50_000;
    static final int YEARS = 5;

    /** What to generate. */
    public record Settings(Path dataDir, int cases, long auditEntries, int users, long seed) {

        public static Settings fromSystemProperties() {
            int cases = Integer.parseInt(System.getProperty("bench.cases", "1000"));
            String audit = System.getProperty("bench.audit");
            long auditEntries = audit == null || audit.isBlank() ? 50L * cases : Long.parseLong(audit);
            String dir = System.getProperty("bench.dataDir");
            Path dataDir = dir == null || dir.isBlank() ? Path.of("target", "bench", "data-" + cases) : Path.of(dir);
            return new Settings(dataDir.toAbsolutePath().normalize(), cases, auditEntries,
                    Integer.parseInt(System.getProperty("bench.users", "50")),
                    Long.parseLong(System.getProperty("bench.seed", "42")));
        }
    }

    /** What was generated: the fixture file's content and the timings per step. */
    public record Result(boolean reused, Path fixtures, double seconds, Map<String, Double> stepSeconds) {
    }

    private final Settings settings;
    private final Map<String, Double> steps = new LinkedHashMap<>();
    private final JsonMapper json = JsonMapper.builder().build();
    private Connection con;
    private ConfigurableApplicationContext context;

    public DataGenerator(Settings settings) {
        this.settings = settings;
    }

    public static Result run(Settings settings) throws Exception {
        return new DataGenerator(settings).generate();
    }

    Result generate() throws Exception {
        Path fixtures = settings.dataDir().resolve("bench-fixtures.json");
        if (Files.exists(fixtures) && sameSettings(fixtures)) {
            log("%s exists with the same cases/audit/users/seed: nothing to do", fixtures);
            return new Result(true, fixtures, 0, Map.of());
        }
        long started = System.nanoTime();
        Files.createDirectories(settings.dataDir());
        context = startLotsen();
        try {
            DataSource dataSource = context.getBean(DataSource.class);
            con = dataSource.getConnection();
            con.setAutoCommit(true);
            exec("SET synchronous_commit = off");
            exec("SET maintenance_work_mem = '1GB'");
            exec("SET work_mem = '256MB'");
            if (count("SELECT count(*) FROM case_file") > 0) {
                throw new IllegalStateException("the database in " + settings.dataDir() + " already holds cases; "
                        + "generate into an empty data directory (delete it or choose another -Dbench.dataDir)");
            }
            tuneServer();
            Model model = prepare();
            // The rows are consistent by construction: no foreign-key triggers during the load (a superuser
            // session setting), and at scale the secondary indexes are built once afterwards.
            exec("SET session_replication_role = replica");
            boolean drop = Boolean.parseBoolean(System.getProperty("bench.dropIndexes",
                    Boolean.toString(settings.cases() >= 100_000)));
            List<String[]> dropped = drop ? dropIndexes() : List.of();
            generateCases(model);
            generateRelated(model);
            // Without the triggers of the load, the case list's copy of the cases as V34's triggers keep it.
            step("case_search", () -> exec("""
                    INSERT INTO case_search (id, unit_id, status, assigned_to, received_at, case_number, person_names)
                    SELECT c.id, c.unit_id, c.status, c.assigned_to, c.received_at, c.case_number,
                           person_search_names(c.person_id)
                    FROM case_file c"""));
            generateReporting(model);
            generateFacts();
            if (!dropped.isEmpty()) {
                step("indexes of the case tables rebuilt (" + dropped.size() + ")", () -> {
                    for (String[] d : dropped) {
                        exec(d[1]);
                    }
                });
            }
            exec("SET session_replication_role = DEFAULT");
            generateAudit(model);
            // VACUUM as well as ANALYZE: the bulk-loaded tables are otherwise vacuumed by autovacuum during the first
            // benchmark (50,000,000 audit entries take it minutes), and the index-only scans the searches rely on
            // need the visibility map a vacuum sets.
            step("vacuum and analyze", () -> exec("VACUUM (ANALYZE)"));
            exec("DROP TABLE IF EXISTS gen_case, gen_unit, gen_worker, gen_step, gen_name_key, gen_partner, names_f, "
                    + "names_m, names_l");
            exec("DROP FUNCTION IF EXISTS gen_r(bigint, int, int)");
            double seconds = (System.nanoTime() - started) / 1e9;
            writeFixtures(model, fixtures, seconds);
            summary(seconds);
            return new Result(false, fixtures, seconds, Map.copyOf(steps));
        } finally {
            if (con != null) {
                con.close();
            }
            context.close();
        }
    }

    // -- the app --

    private ConfigurableApplicationContext startLotsen() {
        long t = System.nanoTime();
        // Command-line arguments: they win over the test resources' config/application.yml.
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(LotsenApplication.class).run(
                "--lotsen.db.data-dir=" + settings.dataDir(),
                "--lotsen.demo.cases=false",
                "--server.port=0",
                "--lotsen.reminders.enabled=false",
                "--lotsen.handover.escalation-enabled=false",
                "--lotsen.audit.checkpoints-enabled=false",
                "--lotsen.events.retries-enabled=false",
                "--spring.main.banner-mode=off");
        steps.put("start Lotsen (migrate, seed)", (System.nanoTime() - t) / 1e9);
        log("Lotsen started on %s (migrated and seeded) in %.1f s", settings.dataDir(), (System.nanoTime() - t) / 1e9);
        return ctx;
    }

    /**
     * Settings for a database of this size (written to postgresql.auto.conf; shared_buffers takes effect at the
     * next start of the embedded PostgreSQL, i.e. when the benchmark starts Lotsen on the directory).
     */
    private void tuneServer() throws SQLException {
        for (String s : List.of("shared_buffers = '2GB'", "effective_cache_size = '8GB'", "work_mem = '16MB'",
                "maintenance_work_mem = '512MB'", "random_page_cost = 1.1", "max_wal_size = '2GB'",
                "checkpoint_timeout = '15min'", "max_parallel_maintenance_workers = 2")) {
            exec("ALTER SYSTEM SET " + s);
        }
        exec("SELECT pg_reload_conf()");
    }

    /** The tables the generator fills with one or more rows per case. */
    static final List<String> CASE_TABLES = List.of("person", "person_name", "person_name_key", "person_history",
            "case_file", "case_status_change", "case_indicator", "checklist", "checklist_item", "decision", "deadline",
            "cooperation_contact", "handover", "case_access", "journal_entry", "reporting_case", "reporting_decision",
            "reporting_deadline", "reporting_handover", "reporting_fact", "case_search");

    /** Indexes the load itself reads: the case list's copy looks up each case's names by person (V34). */
    static final List<String> KEPT_INDEXES = List.of("person_name_person_idx");

    /** Drops the secondary indexes of the case tables that back no constraint; returns (name, definition). */
    private List<String[]> dropIndexes() throws SQLException {
        List<String[]> dropped = new ArrayList<>();
        try (PreparedStatement ps = con.prepareStatement("""
                SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
                FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
                WHERE t.relname = ANY (?) AND NOT i.indisprimary AND i.indexrelid::regclass::text <> ALL (?)
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)""")) {
            ps.setArray(1, con.createArrayOf("text", CASE_TABLES.toArray()));
            ps.setArray(2, con.createArrayOf("text", KEPT_INDEXES.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    dropped.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
        }
        for (String[] d : dropped) {
            exec("DROP INDEX " + d[0]);
        }
        log("dropped %d secondary indexes of the case tables for the load", dropped.size());
        return dropped;
    }

    // -- the model: units, workers, routine steps, names --

    static final class Model {
        final List<UUID> unitIds = new ArrayList<>();
        final List<String> unitCodes = new ArrayList<>();
        final List<String> unitKinds = new ArrayList<>();
        int jour0;
        int jour1;
        final List<Integer> districts = new ArrayList<>();
        int workersPerUnit;
        /** unit index -> workers (id, username). */
        final List<List<String[]>> workers = new ArrayList<>();
        final List<String> stepKeys = new ArrayList<>();
        UUID routineVersion;
        final List<String[]> benchUsers = new ArrayList<>();
    }

    private Model prepare() throws Exception {
        Model m = new Model();
        long t = System.nanoTime();
        exec("""
                CREATE OR REPLACE FUNCTION gen_r(n bigint, k int, m int) RETURNS int LANGUAGE sql IMMUTABLE
                AS 'SELECT abs(hashint8extended(n, %d::bigint * 1000 + k) %% m)::int'""".formatted(settings.seed()));
        // Units: the jours first, then the districts (a big city has about 13; add fictional ones if fewer).
        int districts = (int) count("SELECT count(*) FROM unit WHERE kind = 'DISTRICT' AND active");
        for (int i = districts; i < 13; i++) {
            exec("""
                    INSERT INTO unit (id, code, name, kind, contact) VALUES ('%s', 'distrikt-%02d',
                        'Distrikt %02d stadsdelsförvaltning (genererad)', 'DISTRICT', '08-000 99 %02d (fiktiv)')
                    ON CONFLICT (code) DO NOTHING""".formatted(uuid("unit", i), i + 1, i + 1, i + 1));
        }
        try (Statement st = con.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT id, code, kind FROM unit WHERE active AND kind IN ('JOUR', 'DISTRICT')
                ORDER BY kind DESC, CASE WHEN code = 'socialjouren' THEN 0 ELSE 1 END, code""")) {
            while (rs.next()) {
                m.unitIds.add(rs.getObject(1, UUID.class));
                m.unitCodes.add(rs.getString(2));
                m.unitKinds.add(rs.getString(3));
            }
        }
        for (int i = 0; i < m.unitKinds.size(); i++) {
            if (m.unitKinds.get(i).equals("DISTRICT")) {
                m.districts.add(i);
            }
        }
        m.jour0 = 0;
        m.jour1 = m.unitKinds.size() > 1 && m.unitKinds.get(1).equals("JOUR") ? 1 : 0;
        exec("CREATE UNLOGGED TABLE gen_unit (u int PRIMARY KEY, id uuid, code text, kind text)");
        for (int i = 0; i < m.unitIds.size(); i++) {
            exec("INSERT INTO gen_unit VALUES (%d, '%s', '%s', '%s')".formatted(i, m.unitIds.get(i),
                    m.unitCodes.get(i), m.unitKinds.get(i)));
        }

        // Workers of every unit (the holders of generated cases) and the benchmark's users.
        String hash = context.getBean(PasswordEncoder.class).encode(PASSWORD);
        m.workersPerUnit = Math.max(4, Math.min(40, settings.cases() / 25_000));
        exec("CREATE UNLOGGED TABLE gen_worker (u int, w int, id uuid, username text, name text, "
                + "PRIMARY KEY (u, w))");
        try (PreparedStatement ps = con.prepareStatement("INSERT INTO gen_worker VALUES (?, ?, ?, ?, ?)")) {
            for (int u = 0; u < m.unitIds.size(); u++) {
                List<String[]> list = new ArrayList<>();
                for (int w = 0; w < m.workersPerUnit; w++) {
                    UUID id = uuid("worker", u * 1000 + w);
                    String username = "gen-" + m.unitCodes.get(u) + "-" + String.format("%02d", w + 1);
                    String name = Names.staffName(u * 1000 + w);
                    ps.setInt(1, u);
                    ps.setInt(2, w);
                    ps.setObject(3, id);
                    ps.setString(4, username);
                    ps.setString(5, name);
                    ps.addBatch();
                    list.add(new String[] {id.toString(), username, name});
                }
                m.workers.add(list);
            }
            ps.executeBatch();
        }
        exec("""
                INSERT INTO account (id, username, display_name, email, unit_id, password_hash)
                SELECT w.id, w.username, w.name, w.username || '@lotsen.example', g.id, '%s'
                FROM gen_worker w JOIN gen_unit g ON g.u = w.u""".formatted(hash));
        exec("""
                INSERT INTO account_role (account_id, role)
                SELECT w.id, CASE WHEN g.kind = 'JOUR' THEN (CASE WHEN w.w = 0 THEN 'DUTY_LEAD' ELSE 'DUTY_WORKER' END)
                                  ELSE (CASE WHEN w.w = 0 THEN 'UNIT_MANAGER' ELSE 'CASE_WORKER' END) END
                FROM gen_worker w JOIN gen_unit g ON g.u = w.u""");
        try (PreparedStatement acc = con.prepareStatement("""
                INSERT INTO account (id, username, display_name, email, unit_id, password_hash)
                VALUES (?, ?, ?, ?, ?, ?)""");
             PreparedStatement role = con.prepareStatement("INSERT INTO account_role (account_id, role) VALUES (?, ?)")) {
            for (int i = 1; i <= settings.users(); i++) {
                // Spread over the units; jours get more (they handle most new cases).
                int u = (i - 1) % (m.unitIds.size() + 2);
                u = u >= m.unitIds.size() ? (u - m.unitIds.size() == 0 ? m.jour0 : m.jour1) : u;
                boolean jour = m.unitKinds.get(u).equals("JOUR");
                String r = i % 10 == 0 ? (jour ? "DUTY_LEAD" : "UNIT_MANAGER") : (jour ? "DUTY_WORKER" : "CASE_WORKER");
                String username = String.format("bench-%03d", i);
                UUID id = uuid("bench-user", i);
                acc.setObject(1, id);
                acc.setString(2, username);
                acc.setString(3, Names.staffName(900_000 + i) + " (bench)");
                acc.setString(4, username + "@lotsen.example");
                acc.setObject(5, m.unitIds.get(u));
                acc.setString(6, hash);
                acc.addBatch();
                role.setObject(1, id);
                role.setString(2, r);
                role.addBatch();
                m.benchUsers.add(new String[] {username, r, m.unitCodes.get(u), Integer.toString(u), id.toString()});
            }
            acc.executeBatch();
            role.executeBatch();
        }

        // The published acute routine: which steps apply for each combination of the case facts.
        RoutineVersion version = context.getBean(Routines.class).currentPublished(Routines.ACUTE).orElseThrow();
        m.routineVersion = version.id();
        List<RoutineDocument.Step> all = version.document().allSteps();
        exec("CREATE UNLOGGED TABLE gen_step (profile int, pos int, step_key text, applicable boolean, "
                + "PRIMARY KEY (profile, pos))");
        try (PreparedStatement ps = con.prepareStatement("INSERT INTO gen_step VALUES (?, ?, ?, ?)")) {
            for (int p = 0; p < 128; p++) {
                CaseFacts f = new CaseFacts((p & 1) != 0, (p & 2) != 0, (p & 4) != 0, (p & 8) != 0, (p & 16) != 0,
                        (p & 32) != 0, (p & 64) != 0);
                for (int i = 0; i < all.size(); i++) {
                    ps.setInt(1, p);
                    ps.setInt(2, i);
                    ps.setString(3, all.get(i).key());
                    ps.setBoolean(4, all.get(i).appliesTo(f));
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
        // Steps the driver may set by hand on any case: no condition, no required field, not done by an action;
        // from the second half of the routine, which open cases have not reached (see the checklist items).
        int half = all.size() / 2;
        for (int i = half; i < all.size(); i++) {
            RoutineDocument.Step s = all.get(i);
            if (s.conditions().isEmpty() && s.fields().stream().noneMatch(RoutineDocument.StepField::required)
                    && LinkedStep.of(s.key()).isEmpty()) {
                m.stepKeys.add(s.key());
            }
        }
        this.halfSteps = half;

        // Name keys (the persons register's phonetic search) for every generated first and last name.
        exec("CREATE UNLOGGED TABLE gen_name_key (list char(1), i int, key text)");
        try (PreparedStatement ps = con.prepareStatement("INSERT INTO gen_name_key VALUES (?, ?, ?)")) {
            addKeys(ps, "F", Names.FEMALE);
            addKeys(ps, "M", Names.MALE);
            addKeys(ps, "L", Names.LAST);
            ps.executeBatch();
        }

        // Partners by contact type.
        exec("""
                CREATE UNLOGGED TABLE gen_partner AS
                SELECT t.type, (row_number() OVER (PARTITION BY t.type ORDER BY p.name) - 1)::int AS i, p.id,
                       count(*) OVER (PARTITION BY t.type)::int AS cnt
                FROM (VALUES ('POLICE', 'POLICE_LOCAL'), ('POLICE', 'POLICE_TRAFFICKING_UNIT'),
                             ('REGIONAL_COORDINATOR', 'REGIONAL_COORDINATOR_CHILDREN'),
                             ('REGIONAL_COORDINATOR', 'REGIONAL_COORDINATOR_ADULTS'),
                             ('INTERPRETER', 'INTERPRETER_SERVICE'), ('MIGRATIONSVERKET', 'MIGRATIONSVERKET'),
                             ('HEALTH_CARE', 'HEALTH_CARE'), ('NATIONAL_HOTLINE', 'NATIONAL_HOTLINE'),
                             ('HOME_COUNTRY_UD', 'UD_CENTRAL_AUTHORITY'), ('PLACEMENT', 'SHELTER'),
                             ('OTHER', 'OTHER'), ('OTHER', 'BARNAHUS')) AS t(type, kind)
                JOIN partner p ON p.kind = t.kind AND p.active""");
        if (count("SELECT count(*) FROM partner WHERE active") == 0) {
            exec("""
                    INSERT INTO partner (id, name, kind, hours) VALUES
                    ('%s', 'Polisen, människohandelsgruppen (fiktiv)', 'POLICE_TRAFFICKING_UNIT', 'ALWAYS')"""
                    .formatted(uuid("partner", 1)));
        }
        exec("""
                INSERT INTO gen_partner (type, i, id, cnt)
                SELECT t.type, 0, (SELECT id FROM partner WHERE active ORDER BY name LIMIT 1), 1
                FROM unnest(ARRAY['POLICE','REGIONAL_COORDINATOR','INTERPRETER','MIGRATIONSVERKET','HEALTH_CARE',
                                  'NATIONAL_HOTLINE','HOME_COUNTRY_UD','PLACEMENT','OTHER']) AS t(type)
                WHERE NOT EXISTS (SELECT 1 FROM gen_partner g WHERE g.type = t.type)""");
        steps.put("prepare (units, accounts, routine profiles)", (System.nanoTime() - t) / 1e9);
        return m;
    }

    private int halfSteps;

    private static void addKeys(PreparedStatement ps, String list, List<String> names) throws SQLException {
        for (int i = 0; i < names.size(); i++) {
            for (String key : SwedishPhonetic.keys(names.get(i))) {
                ps.setString(1, list);
                ps.setInt(2, i);
                ps.setString(3, key);
                ps.addBatch();
            }
        }
    }

    // -- cases --

    private void generateCases(Model m) throws Exception {
        int n = settings.cases();
        String districts = m.districts.stream().map(Object::toString).collect(Collectors.joining(",", "ARRAY[", "]"));
        long t = System.nanoTime();
        // Every case's attributes, once; the tables below are derived from it batch by batch.
        exec(String.format(Locale.ROOT, """
                CREATE UNLOGGED TABLE gen_case AS
                WITH a AS (
                    SELECT n,
                           now() - interval '%1$d years'
                               + ((n - 1 + gen_r(n, 1, 1000) / 1000.0) * %2$f) * interval '1 second' AS received_at,
                           gen_r(n, 2, 100) AS r_open, %3$s AS districts,
                           gen_r(n, 4, 100) < 45 AS child, gen_r(n, 10, 100) AS r_nat, gen_r(n, 12, 100) AS r_kind,
                           gen_r(n, 25, 100) AS r_active
                    FROM generate_series(1, %4$d) n),
                b AS (
                    SELECT a.*,
                           CASE WHEN r_open < 50 THEN %5$d WHEN r_open < 60 THEN %6$d
                                ELSE districts[1 + gen_r(n, 3, cardinality(districts))] END AS open_u,
                           r_open < 60 AND gen_r(n, 5, 100) < 55 AS handed,
                           CASE WHEN child THEN 10 + gen_r(n, 7, 8)
                                ELSE 18 + (gen_r(n, 7, 100) * gen_r(n, 8, 100)) / 220 END AS age,
                           CASE WHEN r_nat < 35 THEN 'SE' WHEN r_nat >= 95 THEN NULL
                                ELSE (ARRAY['RO','BG','NG','TH','UA','SY','AF','MA','VN','ER','SO','PL','AL','CN',
                                            'HU'])[1 + gen_r(n, 11, 15)] END AS nat
                    FROM a),
                c AS (
                    SELECT b.*,
                           CASE WHEN handed THEN districts[1 + gen_r(n, 6, cardinality(districts))] ELSE open_u END
                               AS hold_u,
                           CASE WHEN nat = 'SE' THEN (CASE WHEN r_kind < 92 THEN 'PERSONNUMMER' ELSE 'RESERVNUMMER' END)
                                WHEN nat IS NULL THEN 'UNKNOWN'
                                WHEN r_kind < 20 THEN 'SAMORDNINGSNUMMER' WHEN r_kind < 28 THEN 'RESERVNUMMER'
                                ELSE 'UNKNOWN' END AS id_kind,
                           make_date(extract(year FROM received_at)::int - age, 1, 1) + (n %% 365)::int AS birth,
                           CASE WHEN gen_r(n, 14, 1000) < 20 THEN 'SEKRETESSMARKERING'
                                WHEN gen_r(n, 14, 1000) < 25 THEN 'SKYDDAD_FOLKBOKFORING' ELSE 'NONE' END AS protected,
                           nat IS DISTINCT FROM 'SE' AND gen_r(n, 15, 100) < 70 AS interp,
                           CASE WHEN child THEN (ARRAY['POLICE_PL12','POLICE_PL12','POLICE_PL12','POLICE_PL12',
                                    'POLICE_OTHER','POLICE_OTHER','POLICE_OTHER','ANONYMOUS_CALL','OTHER_AUTHORITY',
                                    'OTHER_AUTHORITY','HEALTH_CARE','SCHOOL','SCHOOL','SCHOOL','ORGANISATION',
                                    'ORGANISATION','THE_PERSON_THEMSELF','RELATIVE_OR_PRIVATE_PERSON',
                                    'RELATIVE_OR_PRIVATE_PERSON','OTHER'])[1 + gen_r(n, 9, 20)]
                                ELSE (ARRAY['POLICE_OTHER','POLICE_OTHER','POLICE_OTHER','POLICE_OTHER','POLICE_OTHER',
                                    'ANONYMOUS_CALL','OTHER_AUTHORITY','OTHER_AUTHORITY','OTHER_AUTHORITY',
                                    'HEALTH_CARE','HEALTH_CARE','ORGANISATION','ORGANISATION','ORGANISATION',
                                    'ORGANISATION','THE_PERSON_THEMSELF','THE_PERSON_THEMSELF','THE_PERSON_THEMSELF',
                                    'RELATIVE_OR_PRIVATE_PERSON','OTHER'])[1 + gen_r(n, 9, 20)] END AS channel,
                           concat_ws(',',
                               CASE WHEN gen_r(n, 18, 100) < 7 THEN 'BEGGING' END,
                               CASE WHEN gen_r(n, 19, 100) < (CASE WHEN child THEN 20 ELSE 8 END) THEN 'CRIMINALITY' END,
                               CASE WHEN gen_r(n, 17, 100) < 14 THEN 'FORCED_LABOUR' END,
                               CASE WHEN gen_r(n, 20, 100) < 3 THEN 'FORCED_MARRIAGE' END,
                               CASE WHEN gen_r(n, 21, 1000) < 2 THEN 'ORGAN_REMOVAL' END,
                               CASE WHEN gen_r(n, 22, 100) < 2 THEN 'OTHER' END,
                               CASE WHEN gen_r(n, 16, 100) < 62 THEN 'SEXUAL' END) AS forms,
                           child AND gen_r(n, 23, 100) < 14 AS custody,
                           CASE WHEN nat IS DISTINCT FROM 'SE' AND gen_r(n, 24, 100) < 35 THEN 'LVU_6A'
                                ELSE 'LVU_6' END AS custody_type,
                           CASE WHEN received_at > now() - interval '14 days' THEN true
                                WHEN received_at > now() - interval '120 days' THEN r_active < 75
                                ELSE r_active < 4 END AS active,
                           received_at + (2 + gen_r(n, 26, 70)) * interval '1 hour' AS handed_at,
                           gen_r(n, 28, %7$d) AS first_i, gen_r(n, 29, %8$d) AS last_i,
                           gen_r(n, 30, %9$d) AS hold_w, gen_r(n, 31, %9$d) AS open_w,
                           CASE WHEN gen_r(n, 32, 100) < 65 THEN 'FEMALE' WHEN gen_r(n, 32, 100) < 95 THEN 'MALE'
                                WHEN gen_r(n, 32, 100) < 96 THEN 'OTHER' ELSE 'UNKNOWN' END AS sex
                    FROM b)
                SELECT c.*,
                       md5('%10$d:case:' || n)::uuid AS id, md5('%10$d:person:' || n)::uuid AS person_id,
                       CASE WHEN active THEN (CASE WHEN handed THEN 'HANDED_OVER' ELSE 'OPEN' END) ELSE 'CLOSED' END
                           AS status,
                       CASE WHEN NOT active THEN least(received_at + (10 + gen_r(n, 27, 170)) * interval '1 day',
                                                       now() - interval '1 hour') END AS closed_at,
                       CASE id_kind
                           WHEN 'PERSONNUMMER' THEN to_char(birth, 'YYYYMMDD') || lpad(((n / 365) %% 10000)::text, 4, '0')
                           WHEN 'SAMORDNINGSNUMMER' THEN to_char(birth, 'YYYYMM')
                               || (extract(day FROM birth)::int + 60)::text || lpad(((n / 365) %% 10000)::text, 4, '0')
                           WHEN 'RESERVNUMMER' THEN '99' || lpad(n::text, 10, '0') END AS id_number,
                       (CASE WHEN child THEN 1 ELSE 0 END) + (CASE WHEN custody THEN 2 ELSE 0 END)
                           + (CASE WHEN NOT (nat = 'SE' AND id_kind = 'PERSONNUMMER') OR nat IS NULL THEN 4 ELSE 0 END)
                           + (CASE WHEN protected <> 'NONE' THEN 8 ELSE 0 END)
                           + (CASE WHEN id_kind IN ('UNKNOWN', 'RESERVNUMMER') THEN 16 ELSE 0 END)
                           + (CASE WHEN interp THEN 32 ELSE 0 END)
                           + (CASE WHEN channel IN ('POLICE_PL12', 'POLICE_OTHER') THEN 64 ELSE 0 END) AS profile,
                       extract(year FROM received_at AT TIME ZONE 'Europe/Stockholm')::int AS year
                FROM c""", YEARS, YEARS * 365.25 * 86400 / n, districts, n, m.jour0, m.jour1,
                Names.FEMALE.size(), Names.LAST.size(), m.workersPerUnit, settings.seed()));
        exec("ALTER TABLE gen_case ADD PRIMARY KEY (n)");
        // Case numbers per opening unit and year, in order of arrival (as the app's sequence hands them out; %04d:
        // at least four digits, more above 9999).
        exec("ALTER TABLE gen_case ADD COLUMN case_number text");
        exec("""
                UPDATE gen_case g SET case_number = upper(u.code) || '-' || s.year || '-'
                    || CASE WHEN s.k < 10000 THEN lpad(s.k::text, 4, '0') ELSE s.k::text END
                FROM (SELECT n, year, row_number() OVER (PARTITION BY open_u, year ORDER BY n) AS k FROM gen_case) s,
                     gen_unit u
                WHERE s.n = g.n AND u.u = g.open_u""");
        exec("ANALYZE gen_case");
        steps.put("case attributes (gen_case)", (System.nanoTime() - t) / 1e9);
        log("case attributes of %,d cases in %.1f s", n, (System.nanoTime() - t) / 1e9);

        batched("person", """
                INSERT INTO person (id, unit_id, identity_kind, identity_number, name, stated_birth_date, stated_age,
                    age_assessed, sex, nationality, languages, interpreter_needed, interpreter_language,
                    protected_identity, address, created_at, updated_at)
                SELECT c.person_id, u.id, c.id_kind, c.id_number,
                       (CASE WHEN c.sex = 'MALE' THEN mn.name ELSE fn.name END) || ' ' || ln.name,
                       CASE WHEN c.id_kind <> 'UNKNOWN' OR c.n %% 3 = 0 THEN c.birth END,
                       CASE WHEN c.id_kind = 'UNKNOWN' AND c.n %% 3 <> 0 THEN c.age END,
                       c.id_kind = 'UNKNOWN' AND c.child AND c.n %% 5 = 0,
                       c.sex, c.nat,
                       CASE WHEN c.nat = 'SE' THEN 'svenska' WHEN c.nat IS NULL THEN NULL
                            ELSE (ARRAY['rumänska','bulgariska','engelska','thailändska','ukrainska','arabiska','dari',
                                        'arabiska','vietnamesiska','tigrinja','somaliska','polska','albanska',
                                        'mandarin','ungerska'])[1 + gen_r(c.n, 11, 15)] END,
                       c.interp,
                       CASE WHEN c.interp THEN (ARRAY['rumänska','bulgariska','engelska','thailändska','ukrainska',
                                        'arabiska','dari','arabiska','vietnamesiska','tigrinja','somaliska','polska',
                                        'albanska','mandarin','ungerska'])[1 + gen_r(c.n, 11, 15)] END,
                       c.protected,
                       CASE WHEN c.n %% 4 = 0 THEN 'Exempelgatan ' || (1 + c.n %% 97) || ', 1' || lpad((c.n %% 9999)::text, 4, '0')
                            || ' Stockholm (fiktiv)' END,
                       c.received_at, coalesce(c.closed_at, c.received_at)
                FROM gen_case c JOIN gen_unit u ON u.u = c.hold_u
                JOIN names_f fn ON fn.i = c.first_i JOIN names_m mn ON mn.i = c.first_i %% %d
                JOIN names_l ln ON ln.i = c.last_i
                WHERE c.n BETWEEN ? AND ?""".formatted(Names.MALE.size()), m, () -> {
            Names.createTables(con);
        });
        batched("person_name", """
                INSERT INTO person_name (id, person_id, name, kind, note, added_at, added_by)
                SELECT md5('%1$d:pname:' || c.n)::uuid, c.person_id,
                       (CASE WHEN c.sex = 'MALE' THEN mn.name ELSE fn.name END) || ' ' || ln.name, 'NAME', NULL,
                       c.received_at, w.id
                FROM gen_case c JOIN gen_worker w ON w.u = c.open_u AND w.w = c.open_w
                JOIN names_f fn ON fn.i = c.first_i JOIN names_m mn ON mn.i = c.first_i %% %2$d
                JOIN names_l ln ON ln.i = c.last_i
                WHERE c.n BETWEEN ? AND ?
                UNION ALL
                SELECT md5('%1$d:palias:' || c.n)::uuid, c.person_id, an.name, 'ALIAS', 'Uppgivet namn (fiktivt)',
                       c.received_at, NULL
                FROM gen_case c JOIN names_f an ON an.i = (c.first_i + 7) %% %3$d
                WHERE c.n BETWEEN ? AND ? AND c.n %% 10 = 0""".formatted(settings.seed(), Names.MALE.size(),
                Names.FEMALE.size()), m, null);
        batched("person_name_key", """
                INSERT INTO person_name_key (person_id, key)
                SELECT c.person_id, k.key
                FROM gen_case c JOIN gen_name_key k ON k.list = 'L' AND k.i = c.last_i
                WHERE c.n BETWEEN ? AND ?
                UNION
                SELECT c.person_id, k.key
                FROM gen_case c JOIN gen_name_key k ON k.list = CASE WHEN c.sex = 'MALE' THEN 'M' ELSE 'F' END
                     AND k.i = CASE WHEN c.sex = 'MALE' THEN c.first_i %% %d ELSE c.first_i END
                WHERE c.n BETWEEN ? AND ?""".formatted(Names.MALE.size()), m, null);
        batched("person_history", """
                INSERT INTO person_history (person_id, occurred_at, account_id, action, detail)
                SELECT c.person_id, c.received_at, w.id, 'CREATED', NULL
                FROM gen_case c JOIN gen_worker w ON w.u = c.open_u AND w.w = c.open_w
                WHERE c.n BETWEEN ? AND ?""", m, null);
        batched("case_file", """
                INSERT INTO case_file (id, case_number, unit_id, opened_by_unit_id, person_id, subject_type,
                    received_at, intake_channel, reporter, reporter_contact, summary, exploitation_forms,
                    exploitation_other, overall_assessment, indicators_assessed_at, indicators_assessed_by,
                    protection_outcome, protection_notes, protection_assessed_at, protection_assessed_by,
                    custody_decided, status, assigned_to, created_by, created_at, updated_at, closed_at, version,
                    changed_by_name)
                SELECT c.id, c.case_number, hu.id, ou.id, c.person_id, CASE WHEN c.child THEN 'CHILD' ELSE 'ADULT' END,
                       c.received_at, c.channel,
                       CASE WHEN c.channel LIKE 'POLICE%' THEN 'Polisen, ingripandeverksamheten (fiktiv)'
                            WHEN c.channel = 'ANONYMOUS_CALL' THEN NULL
                            ELSE (ARRAY['Skolkurator (fiktiv)','Akutmottagningen (fiktiv)','Stödorganisation (fiktiv)',
                                        'Migrationsverket (fiktiv)','Anhörig (fiktiv)'])[1 + c.n % 5] END,
                       CASE WHEN c.channel <> 'ANONYMOUS_CALL' THEN '08-000 ' || lpad((c.n % 100)::text, 2, '0')
                            || ' 00 (fiktivt)' END,
                       (ARRAY['Uppgifter om att personen säljer sex och styrs av någon annan.',
                              'Påträffad vid tillslag i lägenhet; uppger att hen är skyldig pengar för resan.',
                              'Orolig anmälan om att personen arbetar långa dagar utan lön.',
                              'Tiggeri på centralstationen; en vuxen samlar in pengarna.',
                              'Personen har varit försvunnen från boendet i flera dagar.',
                              'Kontakt via stödorganisation; personen vill ha hjälp att lämna en utnyttjande situation.',
                              'Misstanke om att personen används för att begå brott för någon annans räkning.',
                              'Anmälan om att personen ska giftas bort mot sin vilja.'])[1 + gen_r(c.n, 33, 8)]
                           || ' (genererad, fiktiv)',
                       c.forms, CASE WHEN c.forms LIKE '%OTHER%' THEN 'Hushållsarbete utan lön (fiktivt)' END,
                       'Flera indikatorer tyder på att personen utnyttjas; fortsatt bedömning behövs.',
                       c.received_at + interval '3 hours', w.name,
                       CASE WHEN c.custody THEN 'CUSTODY_DECIDED' WHEN c.child AND c.n % 3 = 0 THEN 'DECISION_PENDING'
                            WHEN c.n % 2 = 0 THEN 'PROTECTION_WITH_CONSENT' ELSE 'NO_IMMEDIATE_NEED' END,
                       'Skyddsbedömning gjord samma dag (fiktiv).', c.received_at + interval '2 hours', w.name,
                       c.custody, c.status, hw.id, w.id, c.received_at,
                       coalesce(c.closed_at, CASE WHEN c.handed THEN c.handed_at ELSE c.received_at END),
                       c.closed_at, 0, hw.name
                FROM gen_case c JOIN gen_unit hu ON hu.u = c.hold_u JOIN gen_unit ou ON ou.u = c.open_u
                JOIN gen_worker w ON w.u = c.open_u AND w.w = c.open_w
                JOIN gen_worker hw ON hw.u = c.hold_u AND hw.w = c.hold_w
                WHERE c.n BETWEEN ? AND ?""", m, null);
        // The next number each unit hands out continues after the generated ones.
        exec("""
                INSERT INTO case_number_sequence (unit_id, year, last)
                SELECT u.id, g.year, count(*) FROM gen_case g JOIN gen_unit u ON u.u = g.open_u GROUP BY u.id, g.year
                ON CONFLICT (unit_id, year) DO UPDATE SET last = greatest(case_number_sequence.last, EXCLUDED.last)""");
        batched("case_status_change", """
                INSERT INTO case_status_change (case_id, from_status, to_status, reason, changed_at, changed_by,
                    changed_by_name)
                SELECT c.id, NULL, 'OPEN', NULL, c.received_at, w.id, w.name
                FROM gen_case c JOIN gen_worker w ON w.u = c.open_u AND w.w = c.open_w WHERE c.n BETWEEN ? AND ?
                UNION ALL
                SELECT c.id, 'OPEN', 'HANDED_OVER', 'Överlämnas till stadsdelsförvaltningen där personen vistas.',
                       c.handed_at, w.id, w.name
                FROM gen_case c JOIN gen_worker w ON w.u = c.open_u AND w.w = c.open_w
                WHERE c.n BETWEEN ? AND ? AND c.handed
                UNION ALL
                SELECT c.id, CASE WHEN c.handed THEN 'HANDED_OVER' ELSE 'OPEN' END, 'CLOSED',
                       'Insatserna är avslutade (fiktivt).', c.closed_at, w.id, w.name
                FROM gen_case c JOIN gen_worker w ON w.u = c.hold_u AND w.w = c.hold_w
                WHERE c.n BETWEEN ? AND ? AND c.status = 'CLOSED'""", m, null);
        String childIndicators = "ARRAY['NO_ID_OR_FALSE_ID','CONTROLLED_BY_CALLER','DISAPPEARS_UNEXPLAINED',"
                + "'UNEXPLAINED_MONEY_OR_CLOTHES','CRIMINAL_NETWORK','ENTERED_ILLEGALLY','INSTRUCTED_PHONE_NUMBER',"
                + "'NO_ACCESS_TO_GUARDIANS','NO_SCHOOL_NO_PLAY','FIXER_ADULT_NEARBY','LEARNED_STORY',"
                + "'CLAIMED_AGE_DOES_NOT_MATCH','SEXUAL_SERVICES_DEMANDED','VIOLENCE_OR_THREATS','DEBT_AT_DESTINATION']";
        String adultIndicators = "ARRAY['NO_ID_OR_FALSE_ID','CONTROLLED_BY_CALLER','CRIMINAL_NETWORK',"
                + "'DECEIVED_ABOUT_WORK','DEBT_BONDAGE_AT_RECRUITMENT','ABUSE_OF_DIFFICULT_SITUATION','EXCESSIVE_HOURS',"
                + "'NO_OR_LOW_PAY','BAD_LIVING_CONDITIONS','SEXUAL_SERVICES_DEMANDED','DOCUMENTS_CONFISCATED',"
                + "'VIOLENCE_OR_THREATS','ISOLATED_OR_CONFINED','DEPENDENT_ON_EXPLOITER','FEAR_OF_AUTHORITIES']";
        batched("case_indicator", """
                INSERT INTO case_indicator (case_id, indicator_key)
                SELECT DISTINCT c.id, CASE WHEN c.child THEN (%s)[1 + gen_r(c.n * 8 + k, 34, 15)]
                                           ELSE (%s)[1 + gen_r(c.n * 8 + k, 34, 15)] END
                FROM gen_case c CROSS JOIN LATERAL generate_series(1, 2 + gen_r(c.n, 35, 4)) k
                WHERE c.n BETWEEN ? AND ?""".formatted(childIndicators, adultIndicators), m, null);
        batched("checklist", """
                INSERT INTO checklist (case_id, routine_version_id)
                SELECT c.id, '%s' FROM gen_case c WHERE c.n BETWEEN ? AND ?""".formatted(m.routineVersion), m, null);
        batched("checklist_item", """
                INSERT INTO checklist_item (case_id, step_key, applicable, status, done_by, done_by_name, done_at, reason)
                SELECT c.id, s.step_key, s.applicable, x.status,
                       CASE WHEN x.status <> 'OPEN' THEN w.id END, CASE WHEN x.status <> 'OPEN' THEN w.name END,
                       CASE WHEN x.status <> 'OPEN' THEN c.received_at + s.pos * interval '25 minutes' END,
                       CASE WHEN x.status = 'NOT_APPLICABLE' THEN 'Inte aktuellt i ärendet.' END
                FROM gen_case c JOIN gen_step s ON s.profile = c.profile
                JOIN gen_worker w ON w.u = c.hold_u AND w.w = c.hold_w
                CROSS JOIN LATERAL (SELECT CASE
                    WHEN NOT s.applicable THEN 'OPEN'
                    WHEN c.status = 'CLOSED' OR s.pos < gen_r(c.n, 41, %d) THEN
                        (CASE WHEN gen_r(c.n * 64 + s.pos, 42, 20) = 0 THEN 'NOT_APPLICABLE' ELSE 'DONE' END)
                    ELSE 'OPEN' END AS status) x
                WHERE c.n BETWEEN ? AND ?""".formatted(halfSteps + 1), m, null);
    }

    // -- decisions, deadlines, contacts, handovers, journal --

    private void generateRelated(Model m) throws Exception {
        String firstDistrict = m.unitIds.get(m.districts.get(0)).toString();
        batched("decision", """
                INSERT INTO decision (id, case_id, type, custody_id, decided_at, executed_at, decided_by_name, mandate,
                    committee_unit_id, grounds, urgency_reason, habitual_residence, details, ended_at, end_reason,
                    recorded_by, recorded_by_name, created_at, placement)
                SELECT md5('%1$d:custody:' || c.n)::uuid, c.id, c.custody_type, NULL,
                       c.received_at + interval '3 hours', c.received_at + interval '4 hours',
                       'Ordförande (fiktiv)', 'CHAIR',
                       CASE WHEN hu.kind = 'DISTRICT' THEN hu.id ELSE '%2$s'::uuid END,
                       (ARRAY['LVU_3', 'LVU_2,LVU_3', 'LVU_2'])[1 + gen_r(c.n, 43, 3)],
                       'Rättens beslut kan inte avvaktas: barnet riskerar att föras bort (fiktivt).',
                       CASE WHEN c.custody_type = 'LVU_6A' THEN 'Utomlands (fiktivt)' END, NULL,
                       CASE WHEN c.status = 'CLOSED' THEN c.closed_at - interval '1 day' END,
                       CASE WHEN c.status = 'CLOSED' THEN (ARRAY['CARE_GRANTED','GROUNDS_CEASED'])[1 + c.n %% 2] END,
                       w.id, w.name, c.received_at + interval '3 hours', false
                FROM gen_case c JOIN gen_unit hu ON hu.u = c.hold_u
                JOIN gen_worker w ON w.u = c.open_u AND w.w = c.open_w
                WHERE c.n BETWEEN ? AND ? AND c.custody
                UNION ALL
                SELECT md5('%1$d:placement:' || c.n)::uuid, c.id, 'LVU_11_PLACEMENT', md5('%1$d:custody:' || c.n)::uuid,
                       c.received_at + interval '5 hours', c.received_at + interval '6 hours', 'Ordförande (fiktiv)',
                       'CHAIR', CASE WHEN hu.kind = 'DISTRICT' THEN hu.id ELSE '%2$s'::uuid END, '', NULL, NULL,
                       'Placering i jourhem (fiktivt).',
                       CASE WHEN c.status = 'CLOSED' THEN c.closed_at - interval '1 day' END, NULL,
                       w.id, w.name, c.received_at + interval '5 hours', true
                FROM gen_case c JOIN gen_unit hu ON hu.u = c.hold_u
                JOIN gen_worker w ON w.u = c.open_u AND w.w = c.open_w
                WHERE c.n BETWEEN ? AND ? AND c.custody
                UNION ALL
                SELECT md5('%1$d:adult:' || c.n)::uuid, c.id,
                       CASE WHEN gen_r(c.n, 44, 100) < 15 THEN 'ADULT_PROTECTED_HOUSING' ELSE 'ADULT_REFLECTION_PERIOD' END,
                       NULL, c.received_at + interval '6 hours', c.received_at + interval '7 hours', w.name, NULL, NULL,
                       '', NULL, NULL, 'Insats beviljad (fiktivt).',
                       CASE WHEN c.status = 'CLOSED' THEN c.closed_at END, NULL,
                       w.id, w.name, c.received_at + interval '6 hours', gen_r(c.n, 44, 100) < 15
                FROM gen_case c JOIN gen_worker w ON w.u = c.hold_u AND w.w = c.hold_w
                WHERE c.n BETWEEN ? AND ? AND NOT c.child
                  AND (gen_r(c.n, 44, 100) < 15 OR (gen_r(c.n, 44, 100) < 20 AND c.nat IS DISTINCT FROM 'SE'
                       AND c.received_at >= '2022-08-01'))""".formatted(settings.seed(), firstDistrict), m, null);
        // Deadlines: the child's protection assessment and investigation decision, the custody's court deadlines,
        // the reflection period's end. Open ones (due soon or overdue) are on the deadline board.
        batched("deadline", """
                INSERT INTO deadline (id, case_id, decision_id, kind, rule_id, anchor_date, nominal_date, due_date,
                    status, met_on, met_at, met_by_name, evidence, created_at)
                SELECT d.id, d.case_id, d.decision_id, d.kind, d.rule_id::uuid, d.anchor, d.due, d.due,
                       CASE WHEN d.open THEN 'PENDING' ELSE 'MET' END,
                       CASE WHEN NOT d.open THEN least(d.met, d.due) END,
                       CASE WHEN NOT d.open THEN least(d.met, d.due)::timestamp AT TIME ZONE 'Europe/Stockholm'
                            + interval '10 hours' END,
                       CASE WHEN NOT d.open THEN d.by END,
                       CASE WHEN NOT d.open THEN 'Dokumenterat i journalen (fiktivt).' END, d.created
                FROM (
                    SELECT md5('%1$d:dl-cpa:' || c.n)::uuid AS id, c.id AS case_id, NULL::uuid AS decision_id,
                           'CHILD_PROTECTION_ASSESSMENT' AS kind,
                           CASE WHEN c.received_at >= '2025-07-01' THEN '00000000-0000-0000-0001-000000000008'
                                ELSE '00000000-0000-0000-0001-000000000009' END AS rule_id,
                           (c.received_at AT TIME ZONE 'Europe/Stockholm')::date AS anchor,
                           (c.received_at AT TIME ZONE 'Europe/Stockholm')::date AS due,
                           (c.received_at AT TIME ZONE 'Europe/Stockholm')::date AS met, false AS open,
                           w.name AS by, c.received_at AS created
                    FROM gen_case c JOIN gen_worker w ON w.u = c.open_u AND w.w = c.open_w
                    WHERE c.n BETWEEN ? AND ? AND c.child
                    UNION ALL
                    SELECT md5('%1$d:dl-cid:' || c.n)::uuid, c.id, NULL,
                           'CHILD_INVESTIGATION_DECISION',
                           CASE WHEN c.received_at >= '2025-07-01' THEN '00000000-0000-0000-0001-000000000010'
                                ELSE '00000000-0000-0000-0001-000000000011' END,
                           (c.received_at AT TIME ZONE 'Europe/Stockholm')::date,
                           (c.received_at AT TIME ZONE 'Europe/Stockholm')::date + 14,
                           (c.received_at AT TIME ZONE 'Europe/Stockholm')::date + 3 + gen_r(c.n, 45, 11),
                           c.status <> 'CLOSED' AND ((c.received_at AT TIME ZONE 'Europe/Stockholm')::date + 14
                               >= current_date OR gen_r(c.n, 46, 100) < 15),
                           w.name, c.received_at
                    FROM gen_case c JOIN gen_worker w ON w.u = c.hold_u AND w.w = c.hold_w
                    WHERE c.n BETWEEN ? AND ? AND c.child
                    UNION ALL
                    SELECT md5('%1$d:dl-c1:' || c.n)::uuid, c.id, md5('%1$d:custody:' || c.n)::uuid,
                           CASE WHEN c.custody_type = 'LVU_6' THEN 'LVU_7_SUBMISSION' ELSE 'LVU_6A_INITIAL' END,
                           CASE WHEN c.custody_type = 'LVU_6' THEN '00000000-0000-0000-0001-000000000001'
                                ELSE '00000000-0000-0000-0001-000000000006' END,
                           (c.received_at AT TIME ZONE 'Europe/Stockholm')::date,
                           (c.received_at AT TIME ZONE 'Europe/Stockholm')::date
                               + CASE WHEN c.custody_type = 'LVU_6' THEN 7 ELSE 28 END,
                           (c.received_at AT TIME ZONE 'Europe/Stockholm')::date + 2 + gen_r(c.n, 47, 4),
                           c.status <> 'CLOSED' AND (c.received_at AT TIME ZONE 'Europe/Stockholm')::date
                               + CASE WHEN c.custody_type = 'LVU_6' THEN 7 ELSE 28 END >= current_date,
                           w.name, c.received_at + interval '3 hours'
                    FROM gen_case c JOIN gen_worker w ON w.u = c.hold_u AND w.w = c.hold_w
                    WHERE c.n BETWEEN ? AND ? AND c.custody
                    UNION ALL
                    SELECT md5('%1$d:dl-c2:' || c.n)::uuid, c.id, md5('%1$d:custody:' || c.n)::uuid,
                           'LVU_8_APPLICATION', '00000000-0000-0000-0001-000000000003',
                           (c.received_at AT TIME ZONE 'Europe/Stockholm')::date,
                           (c.received_at AT TIME ZONE 'Europe/Stockholm')::date + 28,
                           (c.received_at AT TIME ZONE 'Europe/Stockholm')::date + 14 + gen_r(c.n, 48, 12),
                           c.status <> 'CLOSED' AND (c.received_at AT TIME ZONE 'Europe/Stockholm')::date + 28
                               >= current_date,
                           w.name, c.received_at + interval '3 hours'
                    FROM gen_case c JOIN gen_worker w ON w.u = c.hold_u AND w.w = c.hold_w
                    WHERE c.n BETWEEN ? AND ? AND c.custody AND c.custody_type = 'LVU_6'
                    UNION ALL
                    SELECT md5('%1$d:dl-rp:' || c.n)::uuid, c.id, md5('%1$d:adult:' || c.n)::uuid,
                           'REFLECTION_PERIOD_END', '00000000-0000-0000-0001-000000000019',
                           (c.received_at AT TIME ZONE 'Europe/Stockholm')::date,
                           (c.received_at AT TIME ZONE 'Europe/Stockholm')::date + 30,
                           (c.received_at AT TIME ZONE 'Europe/Stockholm')::date + 30,
                           c.status <> 'CLOSED' AND (c.received_at AT TIME ZONE 'Europe/Stockholm')::date + 30
                               >= current_date,
                           w.name, c.received_at + interval '6 hours'
                    FROM gen_case c JOIN gen_worker w ON w.u = c.hold_u AND w.w = c.hold_w
                    WHERE c.n BETWEEN ? AND ? AND NOT c.child AND gen_r(c.n, 44, 100) >= 15
                      AND gen_r(c.n, 44, 100) < 20 AND c.nat IS DISTINCT FROM 'SE' AND c.received_at >= '2022-08-01'
                ) d""".formatted(settings.seed()), m, null);
        batched("cooperation_contact", """
                INSERT INTO cooperation_contact (id, case_id, partner_id, type, at, channel, summary, follow_up_on,
                    status, fields, recorded_by, recorded_by_name, created_at, updated_at, placement)
                SELECT md5('%1$d:contact:' || c.n || ':' || k)::uuid, c.id, p.id, t.type,
                       c.received_at + k * interval '5 hours', (ARRAY['PHONE','EMAIL','SECURE_EMAIL','MEETING',
                           'PHONE','VIDEO'])[1 + gen_r(c.n * 4 + k, 50, 6)],
                       CASE t.type WHEN 'POLICE' THEN 'Samråd med polisen om polisanmälan och förhör (fiktivt).'
                            WHEN 'REGIONAL_COORDINATOR' THEN 'Regionkoordinatorn informerad med samtycke (fiktivt).'
                            WHEN 'INTERPRETER' THEN 'Tolk bokad till samtalet (fiktivt).'
                            WHEN 'MIGRATIONSVERKET' THEN 'Frågor om uppehållstillstånd och betänketid (fiktivt).'
                            WHEN 'HEALTH_CARE' THEN 'Läkarundersökning bokad (fiktivt).'
                            WHEN 'NATIONAL_HOTLINE' THEN 'Rådgivning från stödtelefonen (fiktivt).'
                            WHEN 'HOME_COUNTRY_UD' THEN 'Begäran om uppgifter från hemlandet via UD (fiktivt).'
                            WHEN 'PLACEMENT' THEN 'Plats på skyddat boende ordnad (fiktivt).'
                            ELSE 'Kontakt om ärendet (fiktivt).' END,
                       CASE WHEN c.status <> 'CLOSED' AND k = 1 THEN (c.received_at + interval '7 days')::date END,
                       CASE WHEN c.status = 'CLOSED' THEN 'CLOSED' WHEN k = 1 AND gen_r(c.n, 51, 5) = 0
                            THEN 'AWAITING_REPLY' ELSE 'DONE' END,
                       '{}'::jsonb, w.id, w.name, c.received_at + k * interval '5 hours',
                       c.received_at + k * interval '5 hours', t.type = 'PLACEMENT'
                FROM gen_case c CROSS JOIN LATERAL generate_series(1, 1 + gen_r(c.n, 52, 3)) k
                CROSS JOIN LATERAL (SELECT (ARRAY['POLICE','REGIONAL_COORDINATOR','INTERPRETER','MIGRATIONSVERKET',
                        'HEALTH_CARE','NATIONAL_HOTLINE','HOME_COUNTRY_UD','PLACEMENT','OTHER'])
                        [1 + CASE WHEN k = 1 AND c.channel LIKE 'POLICE%%' THEN 0 ELSE gen_r(c.n * 4 + k, 53, 9) END]
                        AS type) t
                JOIN gen_partner p ON p.type = t.type AND p.i = gen_r(c.n * 4 + k, 54, p.cnt)
                JOIN gen_worker w ON w.u = c.hold_u AND w.w = c.hold_w
                WHERE c.n BETWEEN ? AND ?""".formatted(settings.seed()), m, null);
        batched("handover", """
                INSERT INTO handover (id, case_id, from_unit_id, to_unit_id, reason, handed_over_at, handed_over_by,
                    handed_over_by_name, previous_holder, assigned_to, assigned_at, assigned_by_name, acknowledged_at,
                    acknowledged_by, acknowledged_by_name, escalate_at)
                SELECT md5('%d:handover:' || c.n)::uuid, c.id, ou.id, hu.id,
                       'Personen vistas i stadsdelen; fortsatt utredning och insatser hos stadsdelsförvaltningen.',
                       c.handed_at, ow.id, ow.name, ow.id, hw.id, c.handed_at + interval '1 hour', lw.name,
                       CASE WHEN NOT (c.status <> 'CLOSED' AND gen_r(c.n, 55, 10) = 0)
                            THEN c.handed_at + (1 + gen_r(c.n, 56, 20)) * interval '1 hour' END,
                       CASE WHEN NOT (c.status <> 'CLOSED' AND gen_r(c.n, 55, 10) = 0) THEN hw.id END,
                       CASE WHEN NOT (c.status <> 'CLOSED' AND gen_r(c.n, 55, 10) = 0) THEN hw.name END,
                       c.handed_at + interval '1 day'
                FROM gen_case c JOIN gen_unit ou ON ou.u = c.open_u JOIN gen_unit hu ON hu.u = c.hold_u
                JOIN gen_worker ow ON ow.u = c.open_u AND ow.w = c.open_w
                JOIN gen_worker hw ON hw.u = c.hold_u AND hw.w = c.hold_w
                JOIN gen_worker lw ON lw.u = c.hold_u AND lw.w = 0
                WHERE c.n BETWEEN ? AND ? AND c.handed""".formatted(settings.seed()), m, null);
        batched("case_access", """
                INSERT INTO case_access (case_id, unit_id, until, reason)
                SELECT c.id, ou.id, c.handed_at + interval '30 days', 'HANDED_OVER'
                FROM gen_case c JOIN gen_unit ou ON ou.u = c.open_u
                WHERE c.n BETWEEN ? AND ? AND c.handed""", m, null);
        batched("journal_entry", """
                INSERT INTO journal_entry (id, case_id, number, occurred_at, signed_at, author_id, author_name, text)
                SELECT md5('%d:journal:' || c.n || ':' || k)::uuid, c.id, k,
                       c.received_at + (k - 1) * interval '9 hours',
                       c.received_at + (k - 1) * interval '9 hours' + interval '20 minutes', w.id, w.name,
                       (ARRAY['Samtal med personen med tolk. Personen berättar om resan till Sverige och om skulden.',
                              'Kontakt med polisen om förhör; målsägandebiträde begärt.',
                              'Placering ordnad. Personen informerad om sina rättigheter och om betänketid.',
                              'Uppföljande samtal; personen vill ha fortsatt stöd.',
                              'Planeringsmöte med stadsdelsförvaltningen inför överlämning.',
                              'Läkarundersökning genomförd; inga akuta behov.'])[1 + gen_r(c.n * 8 + k, 57, 6)]
                           || ' (fiktivt)'
                FROM gen_case c CROSS JOIN LATERAL generate_series(1, 1 + gen_r(c.n, 58, 4)) k
                JOIN gen_worker w ON w.u = CASE WHEN k = 1 THEN c.open_u ELSE c.hold_u END
                                 AND w.w = CASE WHEN k = 1 THEN c.open_w ELSE c.hold_w END
                WHERE c.n BETWEEN ? AND ?""".formatted(settings.seed()), m, null);
    }

    // -- the reporting read model --

    private void generateReporting(Model m) throws Exception {
        batched("reporting_case", """
                INSERT INTO reporting_case (case_id, unit_id, subject_type, age_group, sex, country, channel,
                    exploitation_forms, received_at, received_on)
                SELECT c.id, ou.id, CASE WHEN c.child THEN 'CHILD' ELSE 'ADULT' END,
                       CASE WHEN c.age < 13 THEN 'UNDER_13' WHEN c.age <= 15 THEN 'FROM_13_TO_15'
                            WHEN c.age <= 17 THEN 'FROM_16_TO_17' WHEN c.age <= 20 THEN 'FROM_18_TO_20'
                            WHEN c.age <= 29 THEN 'FROM_21_TO_29' ELSE 'FROM_30' END,
                       c.sex, c.nat, c.channel, string_to_array(c.forms, ',')::varchar[], c.received_at,
                       (c.received_at AT TIME ZONE 'Europe/Stockholm')::date
                FROM gen_case c JOIN gen_unit ou ON ou.u = c.open_u
                WHERE c.n BETWEEN ? AND ?""", m, null);
        batched("reporting_decision", """
                INSERT INTO reporting_decision (decision_id, case_id, type, decided_on)
                SELECT d.id, d.case_id, d.type, (d.decided_at AT TIME ZONE 'Europe/Stockholm')::date
                FROM gen_case c JOIN decision d ON d.case_id = c.id WHERE c.n BETWEEN ? AND ?""", m, null);
        batched("reporting_deadline", """
                INSERT INTO reporting_deadline (deadline_id, case_id, kind, met_on, last_day, closed_on)
                SELECT d.id, d.case_id, d.kind, d.met_on, d.due_date, NULL
                FROM gen_case c JOIN deadline d ON d.case_id = c.id WHERE c.n BETWEEN ? AND ?""", m, null);
        batched("reporting_handover", """
                INSERT INTO reporting_handover (handover_id, case_id, handed_over_at, acknowledged_at)
                SELECT h.id, h.case_id, h.handed_over_at, h.acknowledged_at
                FROM gen_case c JOIN handover h ON h.case_id = c.id WHERE c.n BETWEEN ? AND ?""", m, null);
    }

    /**
     * The read model's log of facts, as the events the app would have published (case opened, decision recorded,
     * deadline scheduled and met, handed over, acknowledged), so that a rebuild of the statistics from the log gives
     * the projections above.
     */
    private void generateFacts() throws Exception {
        long t = System.nanoTime();
        try (ReportingFactWriter facts = new ReportingFactWriter(context, con);
             Connection reader = context.getBean(DataSource.class).getConnection()) {
            reader.setAutoCommit(false);
            stream(reader, """
                    SELECT r.case_id, r.subject_type, r.received_at, r.unit_id, r.age_group, r.sex, r.country,
                           r.channel, array_to_string(r.exploitation_forms, ',')
                    FROM reporting_case r JOIN gen_case g ON g.id = r.case_id ORDER BY g.n""", rs -> {
                String forms = rs.getString(9);
                Set<ExploitationForm> set = forms == null || forms.isEmpty() ? Set.of()
                        : java.util.Arrays.stream(forms.split(",")).map(ExploitationForm::valueOf)
                        .collect(Collectors.toSet());
                facts.add(new CaseOpened(rs.getObject(1, UUID.class), SubjectType.valueOf(rs.getString(2)),
                        rs.getTimestamp(3).toInstant(), new UnitId(rs.getObject(4, UUID.class)),
                        AgeGroup.valueOf(rs.getString(5)), Sex.valueOf(rs.getString(6)), rs.getString(7),
                        set, IntakeChannel.valueOf(rs.getString(8))));
            });
            stream(reader, """
                    SELECT d.case_id, d.id, d.type, d.decided_at FROM decision d JOIN gen_case g ON g.id = d.case_id
                    ORDER BY g.n, d.decided_at""", rs -> facts.add(new DecisionRecorded(
                    new CaseId(rs.getObject(1, UUID.class)), new DecisionId(rs.getObject(2, UUID.class)),
                    DecisionType.valueOf(rs.getString(3)), rs.getTimestamp(4).toInstant())));
            stream(reader, """
                    SELECT d.case_id, d.id, d.kind, d.due_date, d.status, d.met_on
                    FROM deadline d JOIN gen_case g ON g.id = d.case_id ORDER BY g.n, d.created_at""", rs -> {
                CaseId caseId = new CaseId(rs.getObject(1, UUID.class));
                DeadlineId id = new DeadlineId(rs.getObject(2, UUID.class));
                DeadlineKind kind = DeadlineKind.valueOf(rs.getString(3));
                LocalDate due = rs.getObject(4, LocalDate.class);
                facts.add(new DeadlineScheduled(caseId, id, kind, due));
                if ("MET".equals(rs.getString(5))) {
                    facts.add(new DeadlineMet(caseId, id, kind, rs.getObject(6, LocalDate.class), due));
                }
            });
            stream(reader, """
                    SELECT h.case_id, c.case_number, h.id, h.from_unit_id, h.to_unit_id, h.handed_over_at,
                           h.acknowledged_by_name, h.acknowledged_at
                    FROM handover h JOIN case_file c ON c.id = h.case_id JOIN gen_case g ON g.id = h.case_id
                    ORDER BY g.n""", rs -> {
                CaseId caseId = new CaseId(rs.getObject(1, UUID.class));
                HandoverId id = new HandoverId(rs.getObject(3, UUID.class));
                UnitId from = new UnitId(rs.getObject(4, UUID.class));
                facts.add(new CaseHandedOver(caseId, rs.getString(2), id, from, new UnitId(rs.getObject(5, UUID.class)),
                        rs.getTimestamp(6).toInstant()));
                if (rs.getTimestamp(8) != null) {
                    facts.add(new HandoverAcknowledged(caseId, rs.getString(2), id, from, rs.getString(7),
                            rs.getTimestamp(8).toInstant()));
                }
            });
            reader.commit();
            facts.close();
            double secs = (System.nanoTime() - t) / 1e9;
            steps.put("reporting_fact (" + facts.written() + " rows, COPY)", secs);
            log("reporting_fact: %,d rows in %.1f s (%,.0f rows/s)", facts.written(), secs, facts.written() / secs);
        }
    }

    private interface RowAction {
        void row(ResultSet rs) throws SQLException;
    }

    private static void stream(Connection reader, String sql, RowAction action) throws SQLException {
        try (PreparedStatement ps = reader.prepareStatement(sql)) {
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    action.row(rs);
                }
            }
        }
    }

    // -- audit --

    private void generateAudit(Model m) throws Exception {
        long total = settings.auditEntries();
        int n = settings.cases();
        long t = System.nanoTime();
        // Secondary indexes cost more during a load of millions of rows than building them once afterwards.
        List<String[]> dropped = new ArrayList<>();
        if (Boolean.parseBoolean(System.getProperty("bench.dropIndexes", Boolean.toString(total >= 1_000_000)))) {
            try (Statement st = con.createStatement(); ResultSet rs = st.executeQuery("""
                    SELECT i.indexname, i.indexdef FROM pg_indexes i
                    WHERE i.tablename = 'audit_entry' AND i.indexname <> 'audit_entry_pkey'""")) {
                while (rs.next()) {
                    dropped.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            for (String[] d : dropped) {
                exec("DROP INDEX " + d[0]);
            }
        }
        SplittableRandom rnd = new SplittableRandom(settings.seed());
        Instant now = Instant.now().minusSeconds(60);
        long lastLog = System.nanoTime();
        long lastCount = 0;
        try (BulkAuditWriter writer = BulkAuditWriter.open(context, con, settings.dataDir());
             Connection reader = context.getBean(DataSource.class).getConnection()) {
            reader.setAutoCommit(false);
            try (PreparedStatement ps = reader.prepareStatement("""
                    SELECT n, id, person_id, open_u, hold_u, handed, handed_at, received_at, closed_at, protected,
                           open_w, hold_w
                    FROM gen_case ORDER BY n""")) {
                ps.setFetchSize(10_000);
                try (ResultSet rs = ps.executeQuery()) {
                    long base = total / n;
                    long extra = total % n;
                    while (rs.next()) {
                        long k = rs.getLong(1);
                        long entries = base + (k <= extra ? 1 : 0);
                        caseAudit(writer, m, rnd, now, entries, rs);
                        if (System.nanoTime() - lastLog > 10e9) {
                            double secs = (System.nanoTime() - lastLog) / 1e9;
                            log("audit_entry: %,d of %,d (%,.0f rows/s)", writer.written(), total,
                                    (writer.written() - lastCount) / secs);
                            lastLog = System.nanoTime();
                            lastCount = writer.written();
                        }
                    }
                }
            }
            reader.commit();
            double secs = (System.nanoTime() - t) / 1e9;
            steps.put("audit_entry (" + writer.written() + " rows, COPY)", secs);
            log("audit_entry: %,d rows in %.1f s (%,.0f rows/s)", writer.written(), secs, writer.written() / secs);
        }
        if (!dropped.isEmpty()) {
            long ti = System.nanoTime();
            for (String[] d : dropped) {
                exec(d[1]);
            }
            steps.put("audit_entry indexes rebuilt", (System.nanoTime() - ti) / 1e9);
            log("audit_entry: %d indexes rebuilt in %.1f s", dropped.size(), (System.nanoTime() - ti) / 1e9);
        }
    }

    /**
     * One case's entries in time order: the intake (CREATE), then reads and changes by the holding unit's workers
     * (the jour before a handover, the district after it), searches, person reads, the odd sign-in, and follow-up
     * reads by the handing unit flagged OUTSIDE_UNIT; reads of a protected person's case are flagged.
     */
    private static void caseAudit(BulkAuditWriter writer, Model m, SplittableRandom rnd, Instant now, long entries,
                                  ResultSet rs) throws SQLException {
        String caseId = rs.getString(2);
        String personId = rs.getString(3);
        int openU = rs.getInt(4);
        int holdU = rs.getInt(5);
        boolean handed = rs.getBoolean(6);
        Instant handedAt = rs.getTimestamp(7).toInstant();
        Instant received = rs.getTimestamp(8).toInstant();
        java.sql.Timestamp closedTs = rs.getTimestamp(9);
        boolean prot = !"NONE".equals(rs.getString(10));
        int openW = rs.getInt(11);
        int holdW = rs.getInt(12);
        Instant end = closedTs != null ? closedTs.toInstant() : received.plus(Duration.ofDays(60));
        if (end.isAfter(now)) {
            end = now;
        }
        long span = Math.max(1, Duration.between(received, end).toMillis());
        for (long i = 0; i < entries; i++) {
            Instant at = received.plusMillis(span * i / Math.max(1, entries) + rnd.nextInt(1000));
            if (at.isAfter(now)) {
                at = now;
            }
            boolean afterHandover = handed && at.isAfter(handedAt);
            int u = afterHandover ? holdU : openU;
            int w = i == 0 ? openW : (rnd.nextInt(3) == 0 ? rnd.nextInt(m.workersPerUnit)
                    : (afterHandover ? holdW : openW));
            String flag = null;
            if (afterHandover && rnd.nextInt(20) == 0) {
                u = openU; // follow-up read by the handing unit
                w = openW;
                flag = "OUTSIDE_UNIT";
            }
            String[] actor = m.workers.get(u).get(w);
            UUID actorId = UUID.fromString(actor[0]);
            String address = "10.20." + u + "." + (10 + w);
            AuditChannel channel = rnd.nextInt(30) == 0 ? AuditChannel.API : AuditChannel.PAGE;
            int kind = i == 0 ? -1 : rnd.nextInt(100);
            if (kind < 0) {
                writer.add(at, actorId, actor[1], m.unitCodes.get(u), AuditAction.CREATE, "CASE", caseId, channel,
                        address, AuditOutcome.SUCCESS, null, null);
            } else if (kind < 8) {
                writer.add(at, actorId, actor[1], m.unitCodes.get(u), AuditAction.SIGN_IN, "ACCOUNT", actor[0],
                        AuditChannel.PAGE, address, AuditOutcome.SUCCESS, null, null);
            } else if (kind < 13) {
                writer.add(at, actorId, actor[1], m.unitCodes.get(u), AuditAction.SEARCH, "CASE", null, channel,
                        address, AuditOutcome.SUCCESS, null, null);
            } else if (kind < 18) {
                writer.add(at, actorId, actor[1], m.unitCodes.get(u), AuditAction.READ, "PERSON", personId, channel,
                        address, AuditOutcome.SUCCESS, null, prot ? "PROTECTED_PERSON" : null);
            } else if (kind < 38 && flag == null) {
                writer.add(at, actorId, actor[1], m.unitCodes.get(u), AuditAction.UPDATE, "CASE", caseId, channel,
                        address, AuditOutcome.SUCCESS, null, null);
            } else {
                String flags = flag == null ? (prot ? "PROTECTED_PERSON" : null)
                        : (prot ? "OUTSIDE_UNIT,PROTECTED_PERSON" : flag);
                writer.add(at, actorId, actor[1], m.unitCodes.get(u), AuditAction.READ, "CASE", caseId, channel,
                        address, AuditOutcome.SUCCESS, null, flags);
            }
        }
    }

    // -- fixtures --

    private void writeFixtures(Model m, Path file, double seconds) throws Exception {
        ObjectNode root = json.createObjectNode();
        root.put("cases", settings.cases());
        root.put("auditEntries", settings.auditEntries());
        root.put("password", PASSWORD);
        root.put("seed", settings.seed());
        root.put("generatedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        root.put("seconds", Math.round(seconds * 10) / 10.0);
        ObjectNode timings = root.putObject("stepSeconds");
        steps.forEach((k, v) -> timings.put(k, Math.round(v * 10) / 10.0));
        ArrayNode users = root.putArray("users");
        Map<Integer, Integer> perUnit = new LinkedHashMap<>();
        for (String[] u : m.benchUsers) {
            int unit = Integer.parseInt(u[3]);
            int nth = perUnit.merge(unit, 1, Integer::sum) - 1;
            UUID unitId = m.unitIds.get(unit);
            ObjectNode node = users.addObject();
            node.put("username", u[0]);
            node.put("role", u[1]);
            node.put("unit", u[2]);
            ArrayNode caseIds = node.putArray("caseIds");
            // Different users of one unit get different cases where the unit has enough.
            for (String id : strings("""
                    SELECT id::text FROM (
                        SELECT id, row_number() OVER (ORDER BY received_at DESC) AS r, count(*) OVER () AS c
                        FROM case_file WHERE unit_id = ? AND status <> 'CLOSED') x
                    ORDER BY (r + ? * 200) %% greatest(c, 1), r LIMIT 200""".formatted(), unitId, nth)) {
                caseIds.add(id);
            }
            ArrayNode stepKeys = node.putArray("stepKeys");
            m.stepKeys.forEach(stepKeys::add);
            ArrayNode handovers = node.putArray("handoverCaseIds");
            for (String id : strings("""
                    SELECT h.case_id::text FROM handover h JOIN case_file c ON c.id = h.case_id
                    WHERE (h.to_unit_id = ? AND c.unit_id = h.to_unit_id)
                       OR (h.from_unit_id = ? AND EXISTS (SELECT 1 FROM case_access a WHERE a.case_id = c.id
                                                          AND a.unit_id = h.from_unit_id AND a.until > now()))
                    ORDER BY h.handed_over_at DESC LIMIT 50""", unitId, unitId)) {
                handovers.add(id);
            }
            ArrayNode terms = node.putArray("searchTerms");
            Set<String> termSet = new LinkedHashSet<>();
            for (String name : strings("""
                    SELECT p.name FROM case_file c JOIN person p ON p.id = c.person_id
                    WHERE c.unit_id = ? AND c.status <> 'CLOSED' ORDER BY c.received_at DESC LIMIT 40""", unitId)) {
                String[] parts = name.split(" ");
                termSet.add(parts[parts.length - 1]);
                if (termSet.size() >= 8) {
                    break;
                }
            }
            for (String number : strings("""
                    SELECT case_number FROM case_file WHERE unit_id = ? ORDER BY received_at DESC LIMIT 2""", unitId)) {
                termSet.add(number.substring(0, number.lastIndexOf('-') + 1) + number.substring(number.length() - 3,
                        number.length() - 1));
            }
            termSet.forEach(terms::add);
        }
        Files.writeString(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(root),
                StandardCharsets.UTF_8);
        log("wrote %s", file);
    }

    private boolean sameSettings(Path fixtures) throws IOException {
        JsonNode node = json.readTree(Files.readString(fixtures, StandardCharsets.UTF_8));
        return node.path("cases").asLong() == settings.cases()
                && node.path("auditEntries").asLong() == settings.auditEntries()
                && node.path("users").size() == settings.users()
                && node.path("seed").asLong() == settings.seed();
    }

    private void summary(double seconds) {
        StringBuilder b = new StringBuilder("\nGenerated %,d cases and %,d audit entries in %.1f s into %s\n"
                .formatted(settings.cases(), settings.auditEntries(), seconds, settings.dataDir()));
        steps.forEach((k, v) -> b.append(String.format(Locale.ROOT, "  %-55s %8.1f s%n", k, v)));
        System.out.println(b);
    }

    // -- helpers --

    private interface SqlAction {
        void run() throws Exception;
    }

    private void step(String name, SqlAction action) throws Exception {
        long t = System.nanoTime();
        action.run();
        double s = (System.nanoTime() - t) / 1e9;
        steps.put(name, s);
        log("%s in %.1f s", name, s);
    }

    /**
     * Runs an {@code INSERT ... SELECT} per batch of cases (each batch its own transaction); every {@code ?} pair in
     * the statement is bound to the batch's first and last case number. Logs rows per second.
     */
    private void batched(String table, String sql, Model m, SqlAction before) throws Exception {
        if (before != null) {
            before.run();
        }
        long t = System.nanoTime();
        long rows = 0;
        int params = (int) sql.chars().filter(c -> c == '?').count();
        try (PreparedStatement ps = con.prepareStatement(sql)) {
            for (int lo = 1; lo <= settings.cases(); lo += BATCH) {
                int hi = Math.min(settings.cases(), lo + BATCH - 1);
                for (int p = 1; p <= params; p += 2) {
                    ps.setInt(p, lo);
                    ps.setInt(p + 1, hi);
                }
                rows += ps.executeUpdate();
                if (settings.cases() > BATCH) {
                    double s = (System.nanoTime() - t) / 1e9;
                    log("%s: cases up to %,d, %,d rows (%,.0f rows/s)", table, hi, rows, rows / s);
                }
            }
        }
        double s = (System.nanoTime() - t) / 1e9;
        steps.put(table + " (" + rows + " rows)", s);
        log("%s: %,d rows in %.1f s (%,.0f rows/s)", table, rows, s, rows / Math.max(s, 1e-6));
    }

    private List<String> strings(String sql, Object... params) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = con.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private void exec(String sql) throws SQLException {
        try (Statement st = con.createStatement()) {
            st.execute(sql);
        }
    }

    private long count(String sql) throws SQLException {
        try (Statement st = con.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private UUID uuid(String kind, long n) {
        return UUID.nameUUIDFromBytes((settings.seed() + ":" + kind + ":" + n).getBytes(StandardCharsets.UTF_8));
    }

    static void log(String format, Object... args) {
        System.out.println("[gen " + LocalDate.now() + " " + java.time.LocalTime.now().withNano(0) + "] "
                + String.format(Locale.ROOT, format, args));
    }
}
