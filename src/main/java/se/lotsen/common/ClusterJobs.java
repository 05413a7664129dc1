package se.lotsen.common;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Runs a job on one app node at a time: it takes a ShedLock lock in the database (timed by the database's clock)
 * and skips the run when another node holds it. Reminders, handover escalation, audit checkpoints and the retry of
 * failed side effects use it.
 *
 * <p>A scheduled run ({@link #runScheduled}) keeps the lock for most of the job's interval even when it finishes at
 * once, so that N nodes, each with its own timer, run the job about once per interval between them rather than N
 * times: without it, node B would take the lock a moment after node A released it.
 */
@Component
public class ClusterJobs {

    private final LockingTaskExecutor locks;
    private final Clock clock;

    ClusterJobs(LockingTaskExecutor locks, Clock clock) {
        this.locks = locks;
        this.clock = clock;
    }

    /**
     * Runs the task under the job's lock, held at most {@code lockAtMost} should the node die; empty when another
     * node is running the job. The task must not return null.
     */
    public <T> Optional<T> runAlone(String job, Duration lockAtMost, Supplier<T> task) {
        return run(job, lockAtMost, Duration.ZERO, task);
    }

    /**
     * A run by the job's timer, which runs every {@code interval} on every node: as {@link #runAlone}, and the lock
     * is kept until {@value #HELD_PERCENT} % of the interval has passed since the run started, so that no other node
     * runs the job again within the interval. A run by hand ({@link #runAlone}) on a node is skipped in that time too.
     */
    public <T> Optional<T> runScheduled(String job, Duration lockAtMost, Duration interval, Supplier<T> task) {
        Duration atLeast = interval.multipliedBy(HELD_PERCENT).dividedBy(100);
        return run(job, lockAtMost.compareTo(atLeast) < 0 ? atLeast : lockAtMost, atLeast, task);
    }

    /** How much of a scheduled job's interval its lock is kept: less than all, so that timer drift never skips a run. */
    static final int HELD_PERCENT = 90;

    private <T> Optional<T> run(String job, Duration lockAtMost, Duration lockAtLeast, Supplier<T> task) {
        try {
            LockingTaskExecutor.TaskResult<T> result = locks.executeWithLock(
                    (LockingTaskExecutor.TaskWithResult<T>) task::get,
                    new LockConfiguration(clock.instant(), job, lockAtMost, lockAtLeast));
            return result.wasExecuted() ? Optional.of(result.getResult()) : Optional.empty();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
