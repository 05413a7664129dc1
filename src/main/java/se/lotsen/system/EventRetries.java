package se.lotsen.system;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import se.lotsen.common.ClusterJobs;

/**
 * Delivers again the domain events whose listener failed (an e-mail the mail server did not take, a notification
 * that could not be saved), from the event publication registry, until they succeed. Runs on one node at a time.
 */
@Component
public class EventRetries {

    static final String JOB = "event-retries";

    private final FailedEventPublications failed;
    private final ClusterJobs jobs;
    private final boolean enabled;
    private final Duration interval;

    EventRetries(FailedEventPublications failed, ClusterJobs jobs,
                 @Value("${lotsen.events.retries-enabled:true}") boolean enabled,
                 @Value("${lotsen.events.retry-interval:PT1M}") Duration interval) {
        this.failed = failed;
        this.jobs = jobs;
        this.enabled = enabled;
        this.interval = interval;
    }

    @Scheduled(fixedDelayString = "${lotsen.events.retry-interval:PT1M}",
            initialDelayString = "${lotsen.events.retry-initial-delay:PT20S}")
    void scheduled() {
        if (enabled) {
            jobs.runScheduled(JOB, Duration.ofMinutes(5), interval, this::resubmit);
        }
    }

    /** Resubmits the failed publications once; false when another node is doing it. */
    public boolean runOnce() {
        return jobs.runAlone(JOB, Duration.ofMinutes(5), this::resubmit).isPresent();
    }

    private boolean resubmit() {
        failed.resubmit(ResubmissionOptions.defaults());
        return true;
    }
}
