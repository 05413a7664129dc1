package se.lotsen.system;

import java.time.Clock;
import java.time.Duration;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers again the domain events whose listener failed (an e-mail the mail server did not take, a notification
 * that could not be saved), from the event publication registry, until they succeed. Runs on one node at a time.
 */
@Component
public class EventRetries {

    static final String JOB = "event-retries";

    private final FailedEventPublications failed;
    private final LockingTaskExecutor locks;
    private final Clock clock;
    private final boolean enabled;

    EventRetries(FailedEventPublications failed, LockingTaskExecutor locks, Clock clock,
                 @Value("${lotsen.events.retries-enabled:true}") boolean enabled) {
        this.failed = failed;
        this.locks = locks;
        this.clock = clock;
        this.enabled = enabled;
    }

    @Scheduled(fixedDelayString = "${lotsen.events.retry-interval:PT1M}", initialDelayString = "PT20S")
    void scheduled() {
        if (enabled) {
            runOnce();
        }
    }

    /** Resubmits the failed publications once; false when another node is doing it. */
    public boolean runOnce() {
        LockingTaskExecutor.TaskWithResult<Boolean> resubmit = () -> {
            failed.resubmit(ResubmissionOptions.defaults());
            return true;
        };
        try {
            return locks.executeWithLock(resubmit,
                    new LockConfiguration(clock.instant(), JOB, Duration.ofMinutes(5), Duration.ZERO)).wasExecuted();
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
