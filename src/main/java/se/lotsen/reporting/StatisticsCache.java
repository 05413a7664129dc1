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
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The figures last computed for a period and unit, kept for a short time ({@code lotsen.statistics.cache-for}) so
 * that many readers of the same figures (the default period, opened by every lead on a Monday morning, and its
 * exports) cost the database one computation, not one each. Readers who ask while the figures are being computed for
 * the first time wait for that computation instead of starting their own. The figures carry the moment they were
 * computed, and the page shows it.
 *
 * <p>Figures older than the time kept are computed again in the background by the first reader who finds them so,
 * and until the new ones are ready every reader is shown the previous ones: at a million cases a year's figures take
 * about a second to compute under load, and every reader who came in that second waited for it (README,
 * "Benchmarks"). Figures older than twice the time kept (nobody asked for them for a while) are not shown: the reader
 * waits for new ones. With a time of zero nothing is kept and every reader computes.
 *
 * <p>Per node: another node computes its own. A rebuild of the read model on this node forgets every entry; on other
 * nodes the entries run out within twice the time kept. At most {@link #MAX_ENTRIES} periods are kept, so that typed
 * periods cannot fill the heap.
 */
final class StatisticsCache {

    static final int MAX_ENTRIES = 64;

    record Key(LocalDate from, LocalDate to, String unit) {
    }

    /**
     * Figures being computed or computed ({@code figures}), since {@code started}; {@code previous} is what readers
     * are shown until they are done (none for a first computation, which readers wait for).
     */
    private record Entry(CompletableFuture<Statistics> figures, Instant started, Statistics previous) {
    }

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private final Duration keepFor;
    private final Clock clock;
    private final Executor refresher;

    /**
     * @param refresher where figures that are kept are computed again (a thread of its own in the application, so
     *                  that no reader waits for it)
     */
    StatisticsCache(Duration keepFor, Clock clock, Executor refresher) {
        this.keepFor = keepFor;
        this.clock = clock;
        this.refresher = refresher;
    }

    /** The figures for the key: see the class comment. */
    Statistics get(Key key, Supplier<Statistics> compute) {
        if (keepFor.isZero()) {
            return compute.get();
        }
        Instant now = clock.instant();
        CompletableFuture<Statistics> mine = new CompletableFuture<>();
        Entry entry = entries.compute(key, (k, old) -> {
            if (old == null) {
                return new Entry(mine, now, null);
            }
            if (!old.figures().isDone() || fresh(old, now)) {
                return old;
            }
            return new Entry(mine, now, showable(old, now) ? old.figures().getNow(null) : null);
        });
        if (entry.figures() == mine) {
            trim(now);
            if (entry.previous() != null) {
                refresher.execute(() -> computeInto(key, entry, compute));
                return entry.previous();
            }
            computeInto(key, entry, compute);
        } else if (!entry.figures().isDone() && entry.previous() != null) {
            return entry.previous();
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

    private void computeInto(Key key, Entry entry, Supplier<Statistics> compute) {
        try {
            entry.figures().complete(compute.get());
        } catch (RuntimeException | Error e) {
            // Not kept: the next reader tries again (those waiting now get the same failure).
            entries.remove(key, entry);
            entry.figures().completeExceptionally(e);
        }
    }

    /** Forgets every kept figure (the read model was rebuilt). */
    void clear() {
        entries.clear();
    }

    int size() {
        return entries.size();
    }

    /** Figures computed within the time kept: shown as they are. */
    private boolean fresh(Entry entry, Instant now) {
        return entry.started().plus(keepFor).isAfter(now);
    }

    /** Figures computed (not failed) within twice the time kept: shown while new ones are computed. */
    private boolean showable(Entry entry, Instant now) {
        return entry.figures().isDone() && !entry.figures().isCompletedExceptionally()
                && entry.started().plus(keepFor.multipliedBy(2)).isAfter(now);
    }

    private void trim(Instant now) {
        entries.values().removeIf(e -> e.figures().isDone() && !showable(e, now));
        while (entries.size() > MAX_ENTRIES) {
            entries.entrySet().stream().min(Comparator.comparing(e -> e.getValue().started()))
                    .ifPresent(oldest -> entries.remove(oldest.getKey(), oldest.getValue()));
        }
    }
}
