package se.lotsen.reporting.web;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

import org.junit.jupiter.api.Test;

/**
 * The statistics XLSX export with 100,000 rows: time, file size and heap growth. Not a test: it asserts nothing and
 * runs only with {@code ./mvnw -o -Pbench test -Dtest=XlsxExportBenchmark} (or its {@code main}). The heap is measured
 * as the live heap after a full collection, before the export and every 10,000 rows during it, so the growth is what
 * the export keeps, not garbage waiting to be collected; the budget is 64 MiB. Figures go to stdout and
 * {@code target/bench/xlsx-export.json}. Wall-clock figures on a shared machine vary.
 */
class XlsxExportBenchmark {

    static final int ROWS = 100_000;
    static final int SAMPLE_EVERY = 10_000;
    static final long BUDGET_MIB = 64;

    @Test
    void xlsxExportOf100000Rows() throws IOException {
        main(new String[0]);
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of("target", "bench", "statistics-100000.xlsx");
        Files.createDirectories(out.getParent());
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        // Warm up the writer's classes so that loading them is not counted as growth.
        try (OutputStream warm = OutputStream.nullOutputStream()) {
            StatisticsExport.xlsx(warm, header(), rows(1000, memory, new long[1]));
        }
        long baseline = liveHeap(memory);
        long[] peak = {baseline};
        long start = System.nanoTime();
        long written;
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(out))) {
            written = StatisticsExport.xlsx(file, header(), rows(ROWS, memory, peak));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        peak[0] = Math.max(peak[0], liveHeap(memory));
        double growthMiB = (peak[0] - baseline) / 1024.0 / 1024.0;
        long size = Files.size(out);
        String json = String.format(Locale.ROOT, """
                {"rows": %d, "seconds": %.2f, "heapGrowthMiB": %.2f, "budgetMiB": %d, "withinBudget": %s, \
                "fileSizeBytes": %d, "maxHeapMiB": %d, "java": "%s"}
                """, written, seconds, growthMiB, BUDGET_MIB, growthMiB <= BUDGET_MIB, size,
                Runtime.getRuntime().maxMemory() / 1024 / 1024, System.getProperty("java.version"));
        Path figures = Path.of("target", "bench", "xlsx-export.json");
        Files.writeString(figures, json);
        System.out.print("XLSX export benchmark: " + json);
    }

    private static List<String> header() {
        return List.of("Period", "Enhet", "Mått", "Kategori", "Värde");
    }

    /** Live heap after a full collection. */
    private static long liveHeap(MemoryMXBean memory) {
        System.gc();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** Generated figures, made one at a time as the writer asks (the export keeps none). */
    private static Iterator<StatisticsExport.Row> rows(int n, MemoryMXBean memory, long[] peak) {
        String[] measures = {"cases.byMonth", "cases.byCountry", "decisions.byType", "cases.byAgeGroup"};
        return new Iterator<>() {
            int i;

            @Override
            public boolean hasNext() {
                return i < n;
            }

            @Override
            public StatisticsExport.Row next() {
                if (i >= n) {
                    throw new NoSuchElementException();
                }
                if (i > 0 && i % SAMPLE_EVERY == 0) {
                    peak[0] = Math.max(peak[0], liveHeap(memory));
                }
                int k = i++;
                String unit = "enhet-" + (k % 50);
                Integer value = k % 7 == 0 ? null : k % 1000;
                return new StatisticsExport.Row("2026-01-01–2026-12-31", unit, measures[k % measures.length],
                        "kategori-" + (k % 200), value, value == null ? "<3" : null);
            }
        };
    }
}
