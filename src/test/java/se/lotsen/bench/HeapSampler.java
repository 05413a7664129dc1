package se.lotsen.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Samples the app's used heap once a second while the load runs, from one {@code jstat -gc <pid> 1000} (which reads
 * the JVM's shared performance counters); at the end one sample as the run left it and one after a full collection
 * ({@code jcmd <pid> GC.run}): the live heap. A {@code jcmd} a second, as before, started a JVM a second on the
 * machine under test: about a third of a core, in bursts that showed in every operation's tail. Without a pid (the
 * app not started by {@code bench/run.sh}) it samples nothing and the figures are {@code null}.
 */
final class HeapSampler implements AutoCloseable {

    /** Used heap in MiB: the most seen during the run, right after it, and live after a full collection. */
    record Figures(Double maxUsedMiB, Double afterRunUsedMiB, Double afterFullGcUsedMiB, int samples) {
    }

    /** The {@code jstat -gc} columns whose sum is the used heap (KiB): survivor spaces, eden, old generation. */
    private static final java.util.Set<String> USED_COLUMNS = java.util.Set.of("S0U", "S1U", "EU", "OU");
    private static final Pattern HEAP_TOTAL = Pattern.compile("heap\\s+total\\s+\\d+K,\\s+used\\s+(\\d+)K");
    private static final Pattern GENERATION = Pattern.compile("generation\\s+total\\s+\\d+K,\\s+used\\s+(\\d+)K");

    private final Long pid;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long maxKiB = -1;
    private volatile int samples;
    private volatile Process jstat;

    HeapSampler(Long pid) {
        this.pid = pid;
        this.thread = new Thread(this::sampleLoop, "bench-heap");
        this.thread.setDaemon(true);
        if (pid != null) {
            thread.start();
        }
    }

    private void sampleLoop() {
        try {
            Process p = new ProcessBuilder("jstat", "-gc", String.valueOf(pid), "1000").redirectErrorStream(true)
                    .start();
            jstat = p;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String[] header = null;
                String line;
                while (running && (line = out.readLine()) != null) {
                    String[] columns = line.trim().split("\\s+");
                    if (columns[0].equals("S0C")) {
                        header = columns;
                    } else if (header != null) {
                        long used = usedKiB(header, columns);
                        if (used >= 0) {
                            samples++;
                            maxKiB = Math.max(maxKiB, used);
                        }
                    }
                }
            } finally {
                p.destroy();
            }
        } catch (IOException e) {
            // no jstat: no samples during the run
        }
    }

    /** The used heap of a {@code jstat -gc} line: survivor spaces, eden and old generation; -1 if it is not one. */
    static long usedKiB(String[] header, String[] columns) {
        if (columns.length != header.length) {
            return -1;
        }
        double sum = 0;
        int found = 0;
        for (int i = 0; i < header.length; i++) {
            if (USED_COLUMNS.contains(header[i])) {
                try {
                    sum += Double.parseDouble(columns[i]);
                    found++;
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return found == USED_COLUMNS.size() ? Math.round(sum) : -1;
    }

    /** Stops sampling and takes the two closing samples. */
    Figures finish() {
        if (pid == null) {
            return new Figures(null, null, null, 0);
        }
        stop();
        long after = usedKiB();
        jcmd("GC.run");
        long live = usedKiB();
        return new Figures(mib(Math.max(maxKiB, after)), mib(after), mib(live), samples);
    }

    private long usedKiB() {
        String out = jcmd("GC.heap_info");
        Matcher m = HEAP_TOTAL.matcher(out);
        if (m.find()) {
            return Long.parseLong(m.group(1));
        }
        // Collectors that report per generation (Serial, Parallel): their sum.
        Matcher g = GENERATION.matcher(out);
        long sum = -1;
        while (g.find()) {
            sum = Math.max(sum, 0) + Long.parseLong(g.group(1));
        }
        return sum;
    }

    private String jcmd(String command) {
        try {
            Process p = new ProcessBuilder("jcmd", String.valueOf(pid), command).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            p.waitFor(30, TimeUnit.SECONDS);
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static Double mib(long kib) {
        return kib < 0 ? null : Math.round(kib / 1024.0 * 10) / 10.0;
    }

    private void stop() {
        running = false;
        Process p = jstat;
        if (p != null) {
            p.destroy();
        }
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (pid != null) {
            stop();
        }
    }
}
