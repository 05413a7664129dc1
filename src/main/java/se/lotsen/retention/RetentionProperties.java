package se.lotsen.retention;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the retention job.
 *
 * @param enabled                whether the scheduled job runs ({@code LOTSEN_RETENTION_ENABLED})
 * @param mode                   {@code REPORT} lists the files that are due, {@code ERASE} erases them
 *                               ({@code LOTSEN_RETENTION_MODE}, default {@code REPORT})
 * @param interval               how often the job runs ({@code LOTSEN_RETENTION_INTERVAL}, one day)
 * @param maxFilesPerRun         at most this many files are erased (or listed) in one run; the rest wait for the next
 *                               ({@code LOTSEN_RETENTION_MAX_FILES_PER_RUN}, 2,000)
 * @param batchSize              files are read this many at a time, so that memory stays small whatever the size
 *                               ({@code LOTSEN_RETENTION_BATCH_SIZE}, 2,000)
 * @param completedEventsKeptFor completed event publications (which carry case ids) are removed after this long
 *                               ({@code LOTSEN_RETENTION_COMPLETED_EVENTS_KEPT_FOR}, 30 days)
 */
@ConfigurationProperties("lotsen.retention")
public record RetentionProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("REPORT") RetentionMode mode,
        @DefaultValue("P1D") Duration interval,
        @DefaultValue("2000") int maxFilesPerRun,
        @DefaultValue("2000") int batchSize,
        @DefaultValue("P30D") Duration completedEventsKeptFor) {

    public RetentionProperties {
        if (maxFilesPerRun < 1) {
            throw new IllegalArgumentException("lotsen.retention.max-files-per-run (LOTSEN_RETENTION_MAX_FILES_PER_RUN)"
                    + " must be at least 1, was " + maxFilesPerRun);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("lotsen.retention.batch-size (LOTSEN_RETENTION_BATCH_SIZE) must be at"
                    + " least 1, was " + batchSize);
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("lotsen.retention.interval (LOTSEN_RETENTION_INTERVAL) must be positive");
        }
    }
}
