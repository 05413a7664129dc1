package se.lotsen.audit;

import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import se.lotsen.common.ClusterJobs;

/**
 * Writes a checkpoint of the audit chain at the configured interval ({@code LOTSEN_AUDIT_CHECKPOINT_INTERVAL}),
 * on one app node at a time, and only when the head moved since the latest checkpoint.
 */
@Component
class AuditCheckpointJob {

    private static final Logger log = LoggerFactory.getLogger(AuditCheckpointJob.class);
    static final String JOB = "audit-checkpoints";

    private final AuditCheckpoints checkpoints;
    private final AuditProperties properties;
    private final ClusterJobs jobs;

    AuditCheckpointJob(AuditCheckpoints checkpoints, AuditProperties properties, ClusterJobs jobs) {
        this.checkpoints = checkpoints;
        this.properties = properties;
        this.jobs = jobs;
    }

    @Scheduled(fixedDelayString = "${lotsen.audit.checkpoint-interval:PT5M}",
            initialDelayString = "${lotsen.audit.checkpoint-initial-delay:PT1M}")
    void scheduled() {
        if (properties.checkpointsEnabled()) {
            try {
                jobs.runScheduled(JOB, Duration.ofMinutes(5), properties.checkpointInterval(),
                        checkpoints::writeIfMoved);
            } catch (RuntimeException e) {
                log.warn("The audit checkpoint was not written; it is tried again at the next interval: {}",
                        e.getMessage());
            }
        }
    }

    /** One run: the checkpoint written, empty when the head did not move or another node runs the job. */
    Optional<AuditCheckpoint> runOnce() {
        return jobs.runAlone(JOB, Duration.ofMinutes(5), checkpoints::writeIfMoved).flatMap(o -> o);
    }
}
