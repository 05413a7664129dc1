package se.lotsen.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Samples the app's used heap with {@code jcmd <pid> GC.heap_info} once a second while the load runs; at the end one
 * sample as the run left it and one after a full collection ({@code jcmd <pid> GC.run}): the live heap. Without a pid
 * (the app not started by {@code bench/run.sh}) it samples nothing and the figures are {@code null}.
 */
final class HeapSampler implements AutoCloseable {

    /** Used heap in MiB: the most seen during the run, right after it, and live after a full collection. */
    record Figures(Double maxUsedMiB, Double afterRunUsedMiB, Double afterFullGcUsedMiB, int samples) {
    }

    private static final Pattern HEAP_TOTAL = Pattern.compile("heap\\s+total\\s+\\d+K,\\s+used\\s+(\\d+)K");
    private static final Pattern GENERATION = Pattern.compile("generation\\s+total\\s+\\d+K,\\s+used\\s+(\\d+)K");

    private final Long pid;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long maxKiB = -1;
    private volatile int samples;

    HeapSampler(Long pid) {
        this.pid = pid;
        this.thread = new Thread(this::sampleLoop, "bench-heap");
        this.thread.setDaemon(true);
        if (pid != null) {
            thread.start();
        }
    }

    private void sampleLoop() {
        while (running) {
            long used = usedKiB();
            if (used >= 0) {
                samples++;
                maxKiB = Math.max(maxKiB, used);
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
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
