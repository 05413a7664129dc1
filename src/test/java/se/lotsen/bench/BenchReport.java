package se.lotsen.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a run's figures: {@code results.json} (machine, run parameters, per operation and phase the request count,
 * errors with the first few samples, throughput and latency percentiles, heap) and {@code results.md} (the table
 * against the targets).
 */
final class BenchReport {

    /** The mixed phase's operations in the table's order, then the two ceiling rows. */
    static final List<Operation> MIXED = List.of(Operation.CASE_PAGE, Operation.CASE_LIST, Operation.SEARCH,
            Operation.DEADLINE_BOARD, Operation.STATISTICS, Operation.HANDOVER_PDF, Operation.XLSX_EXPORT,
            Operation.STEP_PAGE, Operation.CHECKLIST_UPDATE, Operation.DECISION_FORM, Operation.DECISION,
            Operation.PING);

    private BenchReport() {
    }

    /** One row: an operation's figures in a phase. Times in milliseconds. */
    record Row(Operation op, long requests, long errors, double perSecond, double p50, double p95, double p99,
               double max, List<String> errorSamples) {

        static Row of(Operation op, LoadDriver.PhaseStats phase) {
            LoadDriver.OpStats s = phase.of(op);
            Histogram h = s.latency;
            long n = h.getTotalCount();
            return new Row(op, n, s.errors.get(), n / Math.max(phase.seconds, 1e-9), ms(h.getValueAtPercentile(50), n),
                    ms(h.getValueAtPercentile(95), n), ms(h.getValueAtPercentile(99), n), ms(h.getMaxValue(), n),
                    List.copyOf(s.errorSamples));
        }

        private static double ms(long micros, long n) {
            return n == 0 ? 0 : micros / 1000.0;
        }
    }

    static List<Row> rows(LoadDriver.Results r) {
        List<Row> rows = new ArrayList<>();
        for (Operation op : MIXED) {
            rows.add(Row.of(op, r.mixed()));
        }
        rows.add(Row.of(Operation.CEILING_PING, r.ceilingPing()));
        rows.add(Row.of(Operation.CEILING_CASE_PAGE, r.ceilingCasePage()));
        return rows;
    }

    /** "yes", "no", "not run" or empty when the issue sets no target for the operation. */
    static String met(Row row, List<Row> rows) {
        if (row.op().target == Operation.Target.NONE) {
            return "";
        }
        if (row.requests() == 0) {
            return "not run";
        }
        boolean met = switch (row.op().target) {
            case P95_100_MS -> row.p95() < 100;
            case P95_1_S -> row.p95() < 1000;
            case P95_10_S -> row.p95() < 10_000;
            case HALF_OF_TRIVIAL -> row.perSecond() >= 0.5 * rows.stream()
                    .filter(x -> x.op() == Operation.CEILING_PING).findFirst().orElseThrow().perSecond();
            case NONE -> true;
        };
        return met ? "yes" : "**no**";
    }

    static String markdown(LoadDriver.Results r) {
        List<Row> rows = rows(r);
        StringBuilder md = new StringBuilder();
        LoadDriver.Config c = r.config();
        md.append(String.format(Locale.ROOT, "Lotsen benchmark: %,d cases, %,d audit entries, %d users, %d s mixed "
                        + "with a mean think time of %d ms (after %d s warm-up), 2 x %d s ceiling without think time; "
                        + "%d cores, %s RAM, Java %s; commit %s%n%n",
                r.fixtures().cases(), r.fixtures().auditEntries(), c.users(), c.seconds(), c.thinkMillis(),
                c.warmupSeconds(),
                c.ceilingSeconds(), Runtime.getRuntime().availableProcessors(), ramText(), javaVersion(), gitCommit()));
        md.append("| operation | requests | errors | req/s | p50 ms | p95 ms | p99 ms | max ms | target | met? |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---|---|\n");
        for (Row row : rows) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %s | %s |%n",
                    row.op().label, row.requests(), row.errors(), row.perSecond(), row.p50(), row.p95(), row.p99(),
                    row.max(), row.op().target.text, met(row, rows)));
        }
        HeapSampler.Figures heap = r.heap();
        md.append('\n');
        if (heap.maxUsedMiB() != null) {
            md.append(String.format(Locale.ROOT, "App heap used: max %.1f MiB during the run, %.1f MiB right after it, "
                    + "%.1f MiB live after a full GC (%d samples).%n", heap.maxUsedMiB(), heap.afterRunUsedMiB(),
                    heap.afterFullGcUsedMiB(), heap.samples()));
        } else {
            md.append("App heap: not sampled (no -Dbench.appPid).\n");
        }
        md.append(cpuMarkdown(r));
        return md.toString();
    }

    /**
     * The processor time a request of each ceiling cost, per process, and the case page's server time (app and
     * database) as a multiple of {@code /ping}'s: what the ceilings' ratio is made of.
     */
    static String cpuMarkdown(LoadDriver.Results r) {
        CpuSampler.PerRequest ping = r.cpuPing();
        CpuSampler.PerRequest page = r.cpuCasePage();
        if (ping == null || page == null || ping.app() == null || page.app() == null) {
            return "Processor time per request: not sampled (Linux's /proc and -Dbench.appPid needed).\n";
        }
        StringBuilder md = new StringBuilder();
        md.append("\nProcessor time per request in the ceilings (ms, from /proc; \"other\": the rest of the machine):\n\n");
        md.append("| ceiling | requests | app | database | driver | other | server (app + database) | cores busy |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        md.append(cpuRow(Operation.CEILING_PING.label, ping));
        md.append(cpuRow(Operation.CEILING_CASE_PAGE.label, page));
        if (ping.server() != null && page.server() != null && ping.server() > 0) {
            md.append(String.format(Locale.ROOT, "%nA case page costs the server %.1f times what a /ping does.%n",
                    page.server() / ping.server()));
        }
        return md.toString();
    }

    private static String cpuRow(String label, CpuSampler.PerRequest p) {
        return String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %s | %s |%n", label, p.requests(),
                ms(p.app()), ms(p.database()), ms(p.driver()), ms(p.other()), ms(p.server()),
                p.busyCores() == null ? "–" : String.format(Locale.ROOT, "%.2f", p.busyCores()));
    }

    private static String ms(Double v) {
        return v == null ? "–" : String.format(Locale.ROOT, "%.2f", v);
    }

    private static Map<String, Object> cpuJson(CpuSampler.PerRequest p) {
        Map<String, Object> o = new LinkedHashMap<>();
        if (p == null) {
            return o;
        }
        o.put("requests", p.requests());
        o.put("appMs", p.app());
        o.put("databaseMs", p.database());
        o.put("driverMs", p.driver());
        o.put("otherMs", p.other());
        o.put("serverMs", p.server());
        o.put("busyCores", p.busyCores());
        return o;
    }

    static void write(LoadDriver.Results r) throws IOException {
        Files.createDirectories(r.config().outDir());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("finishedAt", Instant.now().toString());
        json.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(), "ramBytes", ramBytes(),
                "javaVersion", javaVersion(), "os", System.getProperty("os.name") + " " + System.getProperty("os.arch")));
        json.put("gitCommit", gitCommit());
        LoadDriver.Config c = r.config();
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("url", c.url());
        run.put("cases", r.fixtures().cases());
        run.put("auditEntries", r.fixtures().auditEntries());
        run.put("fixtureUsers", r.fixtures().users().size());
        run.put("users", c.users());
        run.put("seconds", c.seconds());
        run.put("warmupSeconds", c.warmupSeconds());
        run.put("thinkMillis", c.thinkMillis());
        run.put("ceilingSeconds", c.ceilingSeconds());
        run.put("mixedSecondsMeasured", r.mixed().seconds);
        run.put("decisionType", LoadDriver.DECISION_TYPE);
        json.put("run", run);
        List<Row> rows = rows(r);
        List<Map<String, Object>> ops = new ArrayList<>();
        for (Row row : rows) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("operation", row.op().name());
            o.put("label", row.op().label);
            o.put("phase", row.op() == Operation.CEILING_PING || row.op() == Operation.CEILING_CASE_PAGE
                    ? "ceiling" : "mixed");
            o.put("requests", row.requests());
            o.put("errors", row.errors());
            o.put("requestsPerSecond", round(row.perSecond()));
            o.put("p50Ms", row.p50());
            o.put("p95Ms", row.p95());
            o.put("p99Ms", row.p99());
            o.put("maxMs", row.max());
            o.put("target", row.op().target.text);
            o.put("met", met(row, rows).replace("*", ""));
            o.put("errorSamples", row.errorSamples());
            ops.add(o);
        }
        json.put("operations", ops);
        // The mixed phase's slow requests in the order they were sent: do they come one by one or all at once?
        List<Map<String, Object>> slow = new ArrayList<>();
        r.mixed().slow.stream().sorted(java.util.Comparator.comparingLong(LoadDriver.SlowRequest::atMillis))
                .forEach(q -> {
                    Map<String, Object> o = new LinkedHashMap<>();
                    o.put("sentAtMs", q.atMillis());
                    o.put("operation", q.op().name());
                    o.put("ms", q.millis());
                    o.put("request", q.what());
                    slow.add(o);
                });
        json.put("slowRequestsOver" + LoadDriver.SLOW_MILLIS + "Ms", Map.of("count", r.mixed().slowCount.get(),
                "listed", slow));
        HeapSampler.Figures heap = r.heap();
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("maxUsedMiB", heap.maxUsedMiB());
        h.put("afterRunUsedMiB", heap.afterRunUsedMiB());
        h.put("afterFullGcUsedMiB", heap.afterFullGcUsedMiB());
        h.put("samples", heap.samples());
        json.put("appHeap", h);
        Map<String, Object> cpu = new LinkedHashMap<>();
        cpu.put("ceilingPing", cpuJson(r.cpuPing()));
        cpu.put("ceilingCasePage", cpuJson(r.cpuCasePage()));
        json.put("cpuPerRequest", cpu);
        Map<String, Object> users = new LinkedHashMap<>();
        r.allowed().forEach((name, allowed) -> users.put(name, allowed.stream().map(Enum::name).toList()));
        json.put("operationsPerUser", users);
        JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        Files.writeString(c.outDir().resolve("results.json"), mapper.writeValueAsString(json), StandardCharsets.UTF_8);
        Files.writeString(c.outDir().resolve("results.md"), markdown(r), StandardCharsets.UTF_8);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static String javaVersion() {
        return System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")";
    }

    static long ramBytes() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return -1;
    }

    private static String ramText() {
        long b = ramBytes();
        return b < 0 ? "unknown" : String.format(Locale.ROOT, "%.1f GiB", b / (1024.0 * 1024 * 1024));
    }

    static String gitCommit() {
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
