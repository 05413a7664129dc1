package se.lotsen.handover;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import se.lotsen.common.ClusterJobs;
import se.lotsen.cases.CaseId;

/**
 * Until the receiving unit acknowledges receipt the handing unit keeps watch: a handover not acknowledged by noon on
 * the next working day is escalated once, as a {@link HandoverLate} that tells the receiving unit's leads and the
 * handing unit's duty leads. The job runs on one node at a time (ShedLock); each escalation is claimed in the same
 * transaction as its event.
 */
@Service
public class HandoverEscalation {

    private static final Logger log = LoggerFactory.getLogger(HandoverEscalation.class);
    static final String JOB = "handover-escalation";

    private final Handovers handovers;
    private final TransactionTemplate tx;
    private final HandoverProperties properties;
    private final ApplicationEventPublisher events;
    private final ClusterJobs jobs;

    public HandoverEscalation(Handovers handovers, PlatformTransactionManager transactionManager,
                              HandoverProperties properties, ApplicationEventPublisher events,
                              ClusterJobs jobs) {
        this.handovers = handovers;
        this.tx = new TransactionTemplate(transactionManager);
        this.properties = properties;
        this.events = events;
        this.jobs = jobs;
    }

    @Scheduled(fixedDelayString = "${lotsen.handover.escalation-interval:PT5M}",
            initialDelayString = "${lotsen.handover.escalation-initial-delay:PT45S}")
    void scheduled() {
        if (properties.escalationEnabled()) {
            jobs.runScheduled(JOB, Duration.ofMinutes(10), properties.escalationInterval(), this::escalateLate);
        }
    }

    /** Escalates every late handover once; returns how many, or -1 when another node runs the job. */
    public int runOnce() {
        return jobs.runAlone(JOB, Duration.ofMinutes(10), this::escalateLate).orElse(-1);
    }

    private int escalateLate() {
        int escalated = 0;
        for (Handover h : handovers.dueForEscalation()) {
            try {
                Boolean done = tx.execute(status -> {
                    if (!handovers.claimEscalation(h.id())) {
                        return false;
                    }
                    events.publishEvent(new HandoverLate(new CaseId(h.caseId()), h.caseNumber(),
                            new HandoverId(h.id()), h.from().id(), h.to().id(), h.to().name()));
                    return true;
                });
                escalated += Boolean.TRUE.equals(done) ? 1 : 0;
            } catch (RuntimeException e) {
                log.warn("Escalation of handover {} failed; retried on the next run: {}", h.id(), e.getMessage());
            }
        }
        return escalated;
    }
}
