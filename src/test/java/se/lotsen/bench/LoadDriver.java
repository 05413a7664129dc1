package se.lotsen.bench;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * The load driver of the benchmark ({@code bench/run.sh}): U signed-in virtual users, each on its own platform thread
 * with its own session, drive the real pages of a running Lotsen, pausing a think time between operations
 * ({@link #DEFAULT_THINK_MILLIS} on average; {@code -Dbench.thinkMillis=0} for none), through
 * <ol>
 * <li>a warm-up (not recorded),</li>
 * <li>the mixed workload: case list, search, case page, checklist step update, decision, deadline board, statistics,
 * handover PDF, XLSX export and the trivial {@code /ping}, reads favoured ({@link Operation#weight}),</li>
 * <li>two ceiling phases at the same concurrency and without think time (a closed loop): only {@code /ping} (the framework's own ceiling: security filters,
 * session, dispatch), then only the case page, so the two throughputs can be compared,</li>
 * </ol>
 * and writes {@code target/bench/results.json} and {@code target/bench/results.md} ({@link BenchReport}). Latencies
 * are recorded in HdrHistogram from the request being sent to the whole body being read.
 *
 * <p>Run with {@code ./mvnw -q -Pbench test -Dtest=LoadDriver -Dbench.url=http://localhost:PORT
 * -Dbench.fixtures=<dir>/bench-fixtures.json -Dbench.users=U -Dbench.seconds=S [-Dbench.appPid=PID]
 * [-Dbench.dbPid=PID]}. Without
 * {@code bench.url} the test is skipped. Not a test of Lotsen: it asserts nothing about times.
 */
class LoadDriver {

    /** Decisions recorded by the driver: a measure any case may get again (an application for a reflection period). */
    static final String DECISION_TYPE = "ADULT_REFLECTION_PERIOD";
    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    private static final DateTimeFormatter LOCAL_MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final Pattern STATUS_BUTTON = Pattern.compile("name=\"status\"\\s+value=\"([A-Z_]+)\"");
    private static final int ERROR_SAMPLES = 5;
    /**
     * The mean pause of a virtual user between two operations of the warm-up and the mixed phase: a person reads
     * the page before the next click. One second is far busier than a social worker (who reads a case for many
     * seconds); 0 gives the closed loop without pauses, where every user clicks again the moment a page arrives.
     */
    static final int DEFAULT_THINK_MILLIS = 1000;

    /**
     * How to run. {@code appPid}: the app's process, for heap samples ({@code jcmd}) and processor time;
     * {@code databasePid}: the postmaster's, for the database's processor time; {@code null} for none.
     */
    record Config(String url, Path fixtures, int users, int seconds, int warmupSeconds, int ceilingSeconds,
                  Long appPid, Long databasePid, Path outDir, long seed, int thinkMillis) {

        static Config fromSystemProperties() {
            int seconds = Integer.getInteger("bench.seconds", 60);
            String pid = System.getProperty("bench.appPid", "");
            String dbPid = System.getProperty("bench.dbPid", "");
            return new Config(System.getProperty("bench.url"),
                    Path.of(System.getProperty("bench.fixtures", "target/bench/data/bench-fixtures.json")),
                    Integer.getInteger("bench.users", 50), seconds,
                    Integer.getInteger("bench.warmupSeconds", Math.max(1, seconds / 10)),
                    Integer.getInteger("bench.ceilingSeconds", Math.max(2, seconds / 4)),
                    pid.isBlank() ? null : Long.valueOf(pid.trim()),
                    dbPid.isBlank() ? null : Long.valueOf(dbPid.trim()),
                    Path.of(System.getProperty("bench.out", "target/bench")),
                    Long.getLong("bench.driverSeed", 7), Integer.getInteger("bench.thinkMillis", DEFAULT_THINK_MILLIS));
        }
    }

    /** The figures of one operation in one phase. */
    static final class OpStats {
        /** Microseconds, up to ten minutes, three significant digits. */
        final Histogram latency = new ConcurrentHistogram(1, 600_000_000L, 3);
        final AtomicLong errors = new AtomicLong();
        final ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();

        void record(long micros, boolean ok, String what) {
            latency.recordValue(Math.max(1, Math.min(micros, 600_000_000L)));
            if (!ok) {
                if (errors.incrementAndGet() <= ERROR_SAMPLES) {
                    errorSamples.add(what);
                    System.out.println("[bench] error: " + what);
                }
            }
        }
    }

    /** A request slower than {@link #SLOW_MILLIS}: when it was sent (milliseconds into the phase) and what it was. */
    record SlowRequest(long atMillis, Operation op, long millis, String what) {
    }

    /** Requests at least this slow are listed with their time, to see whether slow requests come together. */
    static final long SLOW_MILLIS = 500;
    static final int SLOW_SAMPLES = 300;

    /** A phase's figures per operation and how long it ran. */
    static final class PhaseStats {
        final Map<Operation, OpStats> ops = new EnumMap<>(Operation.class);
        final long startedNanos = System.nanoTime();
        final ConcurrentLinkedQueue<SlowRequest> slow = new ConcurrentLinkedQueue<>();
        final AtomicLong slowCount = new AtomicLong();
        volatile double seconds;

        void timed(Operation op, long sentNanos, long micros, String what) {
            if (micros >= SLOW_MILLIS * 1000 && slowCount.incrementAndGet() <= SLOW_SAMPLES) {
                slow.add(new SlowRequest((sentNanos - startedNanos) / 1_000_000, op, micros / 1000, what));
            }
        }

        PhaseStats() {
            for (Operation op : Operation.values()) {
                ops.put(op, new OpStats());
            }
        }

        OpStats of(Operation op) {
            return ops.get(op);
        }
    }

    /** What a run measured; {@link BenchReport} writes it. */
    record Results(Config config, BenchFixtures fixtures, PhaseStats mixed, PhaseStats ceilingPing,
                   PhaseStats ceilingCasePage, HeapSampler.Figures heap, Map<String, Set<Operation>> allowed,
                   CpuSampler.PerRequest cpuPing, CpuSampler.PerRequest cpuCasePage) {
    }

    @Test
    void drive() throws Exception {
        Config config = Config.fromSystemProperties();
        assumeTrue(config.url() != null && !config.url().isBlank(), "no -Dbench.url: nothing to drive");
        Results results = run(config);
        BenchReport.write(results);
        System.out.println(BenchReport.markdown(results));
    }

    /** Signs the users in, runs the phases and returns the figures. */
    static Results run(Config config) throws Exception {
        BenchFixtures fixtures = BenchFixtures.read(config.fixtures());
        List<VirtualUser> users = new ArrayList<>();
        List<Set<Operation>> opsOf = new ArrayList<>();
        Map<String, Set<Operation>> allowed = new LinkedHashMap<>();
        Map<Operation, Integer> mayDo = new EnumMap<>(Operation.class);
        for (int i = 0; i < config.users(); i++) {
            BenchFixtures.User u = fixtures.users().get(i % fixtures.users().size());
            VirtualUser user = new VirtualUser(config.url(), u);
            user.signIn(fixtures.password());
            Set<Operation> ops = allowedFor(user);
            allowed.put(u.username() + (allowed.containsKey(u.username()) ? "#" + i : ""), ops);
            ops.forEach(op -> mayDo.merge(op, 1, Integer::sum));
            users.add(user);
            opsOf.add(ops);
        }
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < users.size(); i++) {
            VirtualUser user = users.get(i);
            Set<Operation> ops = opsOf.get(i);
            // An operation only some users may do (the statistics: leads) weighs more for them, so that its share
            // of the whole workload is still its weight.
            Map<Operation, Integer> weights = new EnumMap<>(Operation.class);
            for (Operation op : ops) {
                weights.put(op, Math.round(op.weight * (float) users.size() / mayDo.get(op)));
            }
            workers.add(new Worker(user, ops, weights, new Random(config.seed() * 31 + i), config.thinkMillis()));
        }
        System.out.printf("[bench] %d users signed in; warm-up %d s, mixed %d s (think time %d ms), ceilings 2 x %d s%n",
                workers.size(), config.warmupSeconds(), config.seconds(), config.thinkMillis(), config.ceilingSeconds());
        try (HeapSampler heap = new HeapSampler(config.appPid())) {
            phase(workers, new PhaseStats(), config.warmupSeconds(), null);
            PhaseStats mixed = new PhaseStats();
            phase(workers, mixed, config.seconds(), null);
            // Both ceilings with the same users: those who have cases to open (all of them, with a sound fixture).
            List<Worker> ceilingWorkers = workers.stream().filter(w -> !w.user.fixture.caseIds().isEmpty()).toList();
            if (ceilingWorkers.size() < workers.size()) {
                System.out.printf("[bench] %d of %d users have no cases: the ceiling phases run with %d users%n",
                        workers.size() - ceilingWorkers.size(), workers.size(), ceilingWorkers.size());
            }
            if (ceilingWorkers.isEmpty()) {
                ceilingWorkers = workers;
            }
            // The processor time of each ceiling (README, "Benchmarks": where a request's time goes).
            CpuSampler cpu = new CpuSampler(config.appPid(), config.databasePid());
            PhaseStats ceilingPing = new PhaseStats();
            CpuSampler.Snapshot before = cpu.snapshot();
            phase(ceilingWorkers, ceilingPing, config.ceilingSeconds(), Operation.CEILING_PING);
            CpuSampler.PerRequest cpuPing = cpu.perRequest(before, cpu.snapshot(),
                    ceilingPing.of(Operation.CEILING_PING).latency.getTotalCount());
            PhaseStats ceilingCasePage = new PhaseStats();
            before = cpu.snapshot();
            phase(ceilingWorkers, ceilingCasePage, config.ceilingSeconds(), Operation.CEILING_CASE_PAGE);
            CpuSampler.PerRequest cpuCasePage = cpu.perRequest(before, cpu.snapshot(),
                    ceilingCasePage.of(Operation.CEILING_CASE_PAGE).latency.getTotalCount());
            return new Results(config, fixtures, mixed, ceilingPing, ceilingCasePage, heap.finish(), allowed,
                    cpuPing, cpuCasePage);
        }
    }

    /** What this user can do: the statistics only for roles that may read them (asked of the app once, unrecorded). */
    private static Set<Operation> allowedFor(VirtualUser user) throws IOException, InterruptedException {
        BenchFixtures.User f = user.fixture;
        Set<Operation> ops = EnumSet.of(Operation.CASE_LIST, Operation.DEADLINE_BOARD, Operation.PING);
        if (!f.searchTerms().isEmpty()) {
            ops.add(Operation.SEARCH);
        }
        if (!f.caseIds().isEmpty()) {
            ops.add(Operation.CASE_PAGE);
            ops.add(Operation.DECISION);
            if (!f.stepKeys().isEmpty()) {
                ops.add(Operation.CHECKLIST_UPDATE);
            }
        }
        if (!f.handoverCaseIds().isEmpty()) {
            ops.add(Operation.HANDOVER_PDF);
        }
        if (user.get("/statistics").status() == 200) {
            ops.add(Operation.STATISTICS);
            ops.add(Operation.XLSX_EXPORT);
        }
        return ops;
    }

    private static void phase(List<Worker> workers, PhaseStats stats, int seconds, Operation only)
            throws InterruptedException {
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (Worker w : workers) {
            Thread t = new Thread(() -> w.loop(stats, end, only), "bench-" + w.user.fixture.username());
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        stats.seconds = (System.nanoTime() - start) / 1e9;
    }

    /** One virtual user's closed loop. */
    static final class Worker {
        final VirtualUser user;
        final Set<Operation> allowed;
        private final Random random;
        private final Operation[] wheel;
        private final int thinkMillis;

        Worker(VirtualUser user, Set<Operation> allowed, Map<Operation, Integer> weights, Random random,
               int thinkMillis) {
            this.user = user;
            this.thinkMillis = thinkMillis;
            this.allowed = allowed;
            this.random = random;
            List<Operation> w = new ArrayList<>();
            for (Operation op : allowed) {
                for (int i = 0; i < weights.get(op); i++) {
                    w.add(op);
                }
            }
            this.wheel = w.toArray(Operation[]::new);
        }

        void loop(PhaseStats stats, long end, Operation only) {
            // Every operation the user may do comes once, in random order, before the weighted draw: even a short
            // run exercises all of them.
            List<Operation> cover = new ArrayList<>();
            if (only == null) {
                allowed.stream().filter(op -> op.weight > 0).forEach(cover::add);
                java.util.Collections.shuffle(cover, random);
            }
            // A phase begins with a pause, as each user is somewhere in a pause when it begins: the exponential pause
            // has no memory, so what is left of one is drawn like a whole one. Without it every user sent their first
            // request of a phase at the same instant (the pauses end with the phase before), and that one burst was
            // most of every operation's slowest requests (README, "Benchmarks").
            if (only == null) {
                try {
                    think(end);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            // The cover is finished even after the phase's time is up (its measured length counts).
            while (System.nanoTime() < end || !cover.isEmpty()) {
                Operation op = only != null ? only
                        : !cover.isEmpty() ? cover.remove(cover.size() - 1) : wheel[random.nextInt(wheel.length)];
                try {
                    perform(op, stats);
                    if (only == null) {
                        think(end);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (Exception e) {
                    // A failed connection or a page without what a browser would need (no CSRF token).
                    stats.of(op).record(1, false, op + " " + e);
                }
            }
        }

        /**
         * The user's pause before the next operation: exponentially distributed around the mean (so that users do
         * not click in step), at most five times the mean, and never past the phase's end.
         */
        private void think(long end) throws InterruptedException {
            if (thinkMillis <= 0) {
                return;
            }
            double pause = Math.min(-Math.log(1 - random.nextDouble()) * thinkMillis, 5.0 * thinkMillis);
            long until = Math.min(end, System.nanoTime() + (long) (pause * 1_000_000));
            long left = until - System.nanoTime();
            if (left > 0) {
                Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
            }
        }

        private void perform(Operation op, PhaseStats stats) throws IOException, InterruptedException {
            BenchFixtures.User f = user.fixture;
            switch (op) {
                case CASE_LIST -> get(stats, op, "/cases");
                case SEARCH -> get(stats, op, "/cases?q=" + java.net.URLEncoder.encode(pick(f.searchTerms()),
                        java.nio.charset.StandardCharsets.UTF_8));
                case CASE_PAGE, CEILING_CASE_PAGE -> get(stats, op, "/cases/" + pick(f.caseIds()));
                case DEADLINE_BOARD -> get(stats, op, "/deadlines");
                case STATISTICS -> get(stats, op, "/statistics");
                case XLSX_EXPORT -> get(stats, op, "/statistics/export.xlsx");
                case HANDOVER_PDF -> get(stats, op, "/cases/" + pick(f.handoverCaseIds()) + "/handover/package.pdf");
                case PING, CEILING_PING -> get(stats, op, "/ping");
                case CHECKLIST_UPDATE -> checklistUpdate(stats);
                case DECISION -> decision(stats);
                default -> throw new IllegalStateException("not an operation of its own: " + op);
            }
        }

        /**
         * As a worker does it: opens the step page and presses the button it offers (reopen a done step, otherwise
         * mark it done; "not applicable" when that is all it offers).
         */
        private void checklistUpdate(PhaseStats stats) throws IOException, InterruptedException {
            String path = "/cases/" + pick(user.fixture.caseIds()) + "/steps/" + pick(user.fixture.stepKeys());
            VirtualUser.Response page = get(stats, Operation.STEP_PAGE, path);
            if (page == null) {
                return;
            }
            String html = page.text();
            List<String> offered = new ArrayList<>();
            Matcher m = STATUS_BUTTON.matcher(html);
            while (m.find()) {
                offered.add(m.group(1));
            }
            String status = offered.contains("OPEN") ? "OPEN" : offered.contains("DONE") ? "DONE"
                    : offered.contains("NOT_APPLICABLE") ? "NOT_APPLICABLE" : null;
            if (status == null) {
                stats.of(Operation.CHECKLIST_UPDATE).record(1, false, "POST " + path + ": the step offers no action");
                return;
            }
            Map<String, String> form = new LinkedHashMap<>();
            form.put("_csrf", VirtualUser.csrf(html));
            form.put("status", status);
            form.put("reason", status.equals("NOT_APPLICABLE") ? "Inte aktuellt i lasttestet" : "");
            post(stats, Operation.CHECKLIST_UPDATE, path, form);
        }

        /** Opens the decision form for the type and records it: an application for a reflection period. */
        private void decision(PhaseStats stats) throws IOException, InterruptedException {
            String path = "/cases/" + pick(user.fixture.caseIds()) + "/decisions/new";
            VirtualUser.Response page = get(stats, Operation.DECISION_FORM, path + "?type=" + DECISION_TYPE);
            if (page == null) {
                return;
            }
            Map<String, String> form = new LinkedHashMap<>();
            form.put("_csrf", VirtualUser.csrf(page.text()));
            form.put("type", DECISION_TYPE);
            form.put("decidedAt", LocalDateTime.now(SWEDEN).minusMinutes(5).truncatedTo(ChronoUnit.MINUTES)
                    .format(LOCAL_MINUTE));
            form.put("decidedByName", "Bänk Beslutsfattare");
            form.put("details", "Ansökan om betänketid (lasttest, fiktiv).");
            post(stats, Operation.DECISION, path + "?type=" + DECISION_TYPE, form);
        }

        /** A GET that must answer 200; returns the response, or {@code null} when it did not. */
        private VirtualUser.Response get(PhaseStats stats, Operation op, String path)
                throws IOException, InterruptedException {
            long t0 = System.nanoTime();
            VirtualUser.Response r = user.get(path);
            long micros = (System.nanoTime() - t0) / 1000;
            boolean ok = r.status() == 200 && (op != Operation.HANDOVER_PDF || r.contentType().contains("pdf"));
            stats.of(op).record(micros, ok, "GET " + path + " -> " + r.status() + " " + r.contentType()
                    + (r.location() == null ? "" : " Location: " + r.location()));
            stats.timed(op, t0, micros, "GET " + path);
            return ok ? r : null;
        }

        /** A form POST that must be accepted: a redirect (post-redirect-get), not the form shown again. */
        private void post(PhaseStats stats, Operation op, String path, Map<String, String> form)
                throws IOException, InterruptedException {
            long t0 = System.nanoTime();
            VirtualUser.Response r = user.post(path, form);
            long micros = (System.nanoTime() - t0) / 1000;
            boolean ok = r.status() == 302 || r.status() == 303;
            stats.of(op).record(micros, ok, "POST " + path + " -> " + r.status()
                    + (r.status() == 200 ? " (form shown again: " + firstError(r.text()) + ")" : "")
                    + (r.location() == null ? "" : " Location: " + r.location()));
            stats.timed(op, t0, micros, "POST " + path);
        }

        private String pick(List<String> values) {
            return values.get(random.nextInt(values.size()));
        }

        private static String firstError(String html) {
            Matcher m = Pattern.compile("class=\"[^\"]*(?:field-error|error-message)[^\"]*\"[^>]*>([^<]{0,200})")
                    .matcher(html);
            return m.find() ? m.group(1).strip() : "no error text found";
        }
    }
}
