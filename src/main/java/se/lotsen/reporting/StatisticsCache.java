package se.lotsen.reporting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * The figures last computed for a period and unit, kept for a short time ({@code lotsen.statistics.cache-for}) so
 * that many readers of the same figures (the default period, opened by every lead on a Monday morning, and its
 * exports) cost the database one computation, not one each. Readers who ask while the figures are being computed wait
 * for that computation instead of starting their own. The figures carry the moment they were computed, and the page
 * shows it.
 *
 * <p>Per node: another node computes its own. A rebuild of the read model on this node forgets every entry; on other
 * nodes the entries run out within the time kept. At most {@link #MAX_ENTRIES} periods are kept, so that typed
 * periods cannot fill the heap.
 */
final class StatisticsCache {

    static final int MAX_ENTRIES = 64;

    record Key(LocalDate from, LocalDate to, String unit) {
    }

    private record Entry(CompletableFuture<Statistics> figures, Instant started) {
    }

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private final Duration keepFor;
    private final Clock clock;

    StatisticsCache(Duration keepFor, Clock clock) {
        this.keepFor = keepFor;
        this.clock = clock;
    }

    /** The figures for the key: kept ones while fresh, else computed once by this caller while others wait. */
    Statistics get(Key key, Supplier<Statistics> compute) {
        if (keepFor.isZero()) {
            return compute.get();
        }
        Instant now = clock.instant();
        CompletableFuture<Statistics> mine = new CompletableFuture<>();
        Entry entry = entries.compute(key, (k, old) -> old != null && fresh(old, now) ? old : new Entry(mine, now));
        if (entry.figures() == mine) {
            trim(now);
            try {
                mine.complete(compute.get());
            } catch (RuntimeException | Error e) {
                // Not kept: the next reader tries again (those waiting now get the same failure).
                entries.remove(key, entry);
                mine.completeExceptionally(e);
                throw e;
            }
        }
        try {
            return entry.figures().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the statistics", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Forgets every kept figure (the read model was rebuilt). */
    void clear() {
        entries.clear();
    }

    int size() {
        return entries.size();
    }

    private boolean fresh(Entry entry, Instant now) {
        // A computation still running is joined however long it takes; a finished one is kept for keepFor.
        return !entry.figures().isDone() || entry.started().plus(keepFor).isAfter(now);
    }

    private void trim(Instant now) {
        entries.values().removeIf(e -> e.figures().isDone() && !fresh(e, now));
        while (entries.size() > MAX_ENTRIES) {
            entries.entrySet().stream().min(Comparator.comparing(e -> e.getValue().started()))
                    .ifPresent(oldest -> entries.remove(oldest.getKey(), oldest.getValue()));
        }
    }
}
