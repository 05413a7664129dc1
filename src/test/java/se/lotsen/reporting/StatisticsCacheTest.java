package se.lotsen.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class StatisticsCacheTest {

    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-12-03T09:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final HandClock clock = new HandClock();
    /** Background refreshes, run when the test says so. */
    private final List<Runnable> refreshes = new ArrayList<>();
    private final java.util.concurrent.Executor later = refreshes::add;

    private void runRefreshes() {
        List<Runnable> now = new ArrayList<>(refreshes);
        refreshes.clear();
        now.forEach(Runnable::run);
    }
    private final AtomicInteger computed = new AtomicInteger();
    private static final StatisticsCache.Key YEAR =
            new StatisticsCache.Key(LocalDate.of(2025, 12, 4), LocalDate.of(2026, 12, 3), null);

    private Statistics compute() {
        int n = computed.incrementAndGet();
        return figures(n);
    }

    private Statistics figures(int total) {
        return new Statistics(YEAR.from(), YEAR.to(), null, 3,
                new Statistics.CaseFigures(total, 0, 0, Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of()),
                null, null, null, null, null, clock.instant());
    }

    @Test
    void the_same_figures_are_shown_until_they_are_older_than_the_setting_and_then_computed_behind_the_readers() {
        StatisticsCache cache = new StatisticsCache(Duration.ofSeconds(60), clock, later);
        assertThat(cache.get(YEAR, this::compute).cases().total()).isEqualTo(1);
        clock.now = clock.now.plusSeconds(59);
        assertThat(cache.get(YEAR, this::compute).cases().total()).as("59 s later: kept").isEqualTo(1);
        assertThat(refreshes).isEmpty();
        clock.now = clock.now.plusSeconds(1);
        assertThat(cache.get(YEAR, this::compute).cases().total()).as("60 s later: the previous ones, while")
                .isEqualTo(1);
        assertThat(refreshes).as("new ones are computed in the background").hasSize(1);
        assertThat(cache.get(YEAR, this::compute).cases().total()).as("another reader meanwhile").isEqualTo(1);
        assertThat(refreshes).as("one computation, not one per reader").hasSize(1);
        runRefreshes();
        assertThat(cache.get(YEAR, this::compute).cases().total()).as("then the new ones").isEqualTo(2);
        assertThat(computed).hasValue(2);
    }

    @Test
    void figures_nobody_asked_for_in_twice_the_setting_are_not_shown_the_reader_waits_for_new_ones() {
        StatisticsCache cache = new StatisticsCache(Duration.ofSeconds(60), clock, later);
        cache.get(YEAR, this::compute);
        clock.now = clock.now.plusSeconds(120);
        assertThat(cache.get(YEAR, this::compute).cases().total()).isEqualTo(2);
        assertThat(refreshes).isEmpty();
    }

    @Test
    void a_failed_computation_in_the_background_is_not_kept_the_next_reader_computes() {
        StatisticsCache cache = new StatisticsCache(Duration.ofSeconds(60), clock, later);
        cache.get(YEAR, this::compute);
        clock.now = clock.now.plusSeconds(61);
        assertThat(cache.get(YEAR, () -> {
            throw new IllegalStateException("database unavailable");
        }).cases().total()).as("the previous ones meanwhile").isEqualTo(1);
        runRefreshes();
        assertThat(cache.get(YEAR, this::compute).cases().total()).isEqualTo(2);
        assertThat(refreshes).isEmpty();
    }

    @Test
    void another_period_or_unit_is_computed_on_its_own() {
        StatisticsCache cache = new StatisticsCache(Duration.ofSeconds(60), clock, later);
        cache.get(YEAR, this::compute);
        cache.get(new StatisticsCache.Key(YEAR.from(), YEAR.to(), "sodermalm"), this::compute);
        cache.get(new StatisticsCache.Key(YEAR.from().plusDays(1), YEAR.to(), null), this::compute);
        assertThat(computed).hasValue(3);
    }

    @Test
    void zero_computes_every_time_and_clear_forgets() {
        StatisticsCache off = new StatisticsCache(Duration.ZERO, clock, later);
        off.get(YEAR, this::compute);
        off.get(YEAR, this::compute);
        assertThat(computed).hasValue(2);

        StatisticsCache on = new StatisticsCache(Duration.ofSeconds(60), clock, later);
        on.get(YEAR, this::compute);
        on.clear();
        assertThat(on.get(YEAR, this::compute).cases().total()).isEqualTo(4);
    }

    @Test
    void a_failed_computation_is_not_kept() {
        StatisticsCache cache = new StatisticsCache(Duration.ofSeconds(60), clock, later);
        assertThatThrownBy(() -> cache.get(YEAR, () -> {
            throw new IllegalStateException("database unavailable");
        })).hasMessage("database unavailable");
        assertThat(cache.get(YEAR, this::compute).cases().total()).isEqualTo(1);
    }

    @Test
    void readers_arriving_during_a_computation_wait_for_it_instead_of_starting_their_own() throws Exception {
        StatisticsCache cache = new StatisticsCache(Duration.ofSeconds(60), clock, later);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            Future<Statistics> first = pool.submit(() -> cache.get(YEAR, () -> {
                started.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return compute();
            }));
            assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
            List<Future<Statistics>> others = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                others.add(pool.submit(() -> cache.get(YEAR, this::compute)));
            }
            release.countDown();
            assertThat(first.get(30, TimeUnit.SECONDS).cases().total()).isEqualTo(1);
            for (Future<Statistics> other : others) {
                assertThat(other.get(30, TimeUnit.SECONDS).cases().total()).isEqualTo(1);
            }
            assertThat(computed).as("one computation for eight readers").hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void typed_periods_cannot_fill_the_heap() {
        StatisticsCache cache = new StatisticsCache(Duration.ofSeconds(60), clock, later);
        for (int i = 0; i < StatisticsCache.MAX_ENTRIES * 3; i++) {
            clock.now = clock.now.plusMillis(1);
            cache.get(new StatisticsCache.Key(YEAR.from().minusDays(i), YEAR.to(), null), this::compute);
        }
        assertThat(cache.size()).isLessThanOrEqualTo(StatisticsCache.MAX_ENTRIES + 1);
    }
}
