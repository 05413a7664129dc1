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
 * and skips the run when another node holds it. Reminders, handover escalation and the retry of failed side effects
 * use it.
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
        try {
            LockingTaskExecutor.TaskResult<T> result = locks.executeWithLock(
                    (LockingTaskExecutor.TaskWithResult<T>) task::get,
                    new LockConfiguration(clock.instant(), job, lockAtMost, Duration.ZERO));
            return result.wasExecuted() ? Optional.of(result.getResult()) : Optional.empty();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
