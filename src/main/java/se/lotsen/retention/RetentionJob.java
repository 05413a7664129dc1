package se.lotsen.retention;

import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import se.lotsen.common.ClusterJobs;

/**
 * Runs gallring at the configured interval ({@code LOTSEN_RETENTION_INTERVAL}, a day) on one app node at a time, in
 * the configured mode ({@code LOTSEN_RETENTION_MODE}).
 */
@Component
public class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);
    static final String JOB = "retention";
    /** Should the node die during a run, another may take the job after this long. */
    private static final Duration LOCK_AT_MOST = Duration.ofHours(2);

    private final Retention retention;
    private final RetentionProperties properties;
    private final ClusterJobs jobs;

    RetentionJob(Retention retention, RetentionProperties properties, ClusterJobs jobs) {
        this.retention = retention;
        this.properties = properties;
        this.jobs = jobs;
    }

    @Scheduled(fixedDelayString = "${lotsen.retention.interval:P1D}",
            initialDelayString = "${lotsen.retention.initial-delay:PT10M}")
    void scheduled() {
        if (properties.enabled()) {
            try {
                jobs.runScheduled(JOB, LOCK_AT_MOST, properties.interval(), retention::run);
            } catch (RuntimeException e) {
                log.warn("The retention job did not run; it is tried again at the next interval: {}", e.getMessage());
            }
        }
    }

    /** One run in the configured mode, now; empty when another node runs the job. */
    public Optional<RetentionRun> runOnce() {
        return jobs.runAlone(JOB, LOCK_AT_MOST, retention::run);
    }
}
