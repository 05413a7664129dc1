package se.lotsen.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import se.lotsen.calendar.SwedishCalendar;
import se.lotsen.persons.IdentityKind;
import se.lotsen.persons.IdentityNumber;
import se.lotsen.persons.SwedishPhonetic;

/**
 * Throughput of the domain computations that run on every page: statutory deadlines, identity-number validation and
 * phonetic keys. Not a test: it asserts nothing and runs only with {@code ./mvnw -Pbench test}; the figures go to
 * {@code target/benchmarks/domain.txt}. Wall-clock figures on a shared machine vary; compare runs on one machine.
 */
class DomainBenchmark {

    private static final List<String> RESULTS = new ArrayList<>();
    private static final int WARMUP = 3;
    private static final int ROUNDS = 5;

    @Test
    void statutoryDeadlines() {
        SwedishCalendar calendar = new SwedishCalendar();
        LocalDate start = LocalDate.of(1991, 1, 1);
        measure("statutory deadline (1 week + 4 weeks, moved), per computation", 200_000, i -> {
            LocalDate from = start.plusDays(i % 39_000);
            return calendar.weeks(from, 1).lastDay().getDayOfMonth() + calendar.weeks(from, 4).lastDay().getDayOfMonth();
        });
    }

    @Test
    void identityNumbers() {
        LocalDate today = LocalDate.of(2026, 11, 29);
        String[] numbers = {"640823-3234", "19640823-3234", "701063-2391", "20110315-R7K3", "640823-3235"};
        measure("identity number parse and check, per number", 500_000, i -> {
            IdentityNumber.Parsed p = IdentityNumber.parse(IdentityKind.PERSONNUMMER, numbers[i % numbers.length], today);
            return p.valid() ? 1 : 0;
        });
    }

    @Test
    void phoneticKeys() {
        String[] names = {"Mohammed Ali Hassan", "Youssef Ben Amar", "Catharina Andersson", "Andrej Ionescu",
                "Sophia Nyström", "Mihaela Dumitru"};
        measure("phonetic keys of a full name, per name", 500_000,
                i -> SwedishPhonetic.keys(names[i % names.length]).size());
    }

    @AfterAll
    static void write() throws IOException {
        Path out = Path.of("target", "benchmarks", "domain.txt");
        Files.createDirectories(out.getParent());
        List<String> lines = new ArrayList<>();
        lines.add("Lotsen domain benchmark, " + java.time.Instant.now() + ", Java " + System.getProperty("java.version")
                + ", " + Runtime.getRuntime().availableProcessors() + " cores");
        lines.addAll(RESULTS);
        Files.write(out, lines);
        lines.forEach(System.out::println);
    }

    private interface Work {
        int run(int i);
    }

    private static void measure(String name, int operations, Work work) {
        long sink = 0;
        for (int w = 0; w < WARMUP; w++) {
            for (int i = 0; i < operations; i++) {
                sink += work.run(i);
            }
        }
        double best = Double.MAX_VALUE;
        double sum = 0;
        for (int r = 0; r < ROUNDS; r++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < operations; i++) {
                sink += work.run(i);
            }
            double nsPerOp = (System.nanoTime() - t0) / (double) operations;
            best = Math.min(best, nsPerOp);
            sum += nsPerOp;
        }
        RESULTS.add(String.format(Locale.ROOT, "%-70s best %8.1f ns, mean %8.1f ns (%d ops x %d rounds, sink %d)", name,
                best, sum / ROUNDS, operations, ROUNDS, sink % 10));
    }
}
