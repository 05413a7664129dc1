package se.lotsen.handover;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import se.lotsen.access.Account;
import se.lotsen.access.Accounts;
import se.lotsen.access.Role;
import se.lotsen.notifications.Notifications;

/**
 * Until the receiving unit acknowledges receipt the jour keeps watch: a handover not acknowledged by noon on the next
 * working day is escalated, once, to the receiving unit's manager and the handing unit's duty lead.
 */
@Service
public class HandoverEscalation {

    private static final Logger log = LoggerFactory.getLogger(HandoverEscalation.class);

    private final Handovers handovers;
    private final Accounts accounts;
    private final Notifications notifications;
    private final TransactionTemplate tx;
    private final HandoverProperties properties;

    public HandoverEscalation(Handovers handovers, Accounts accounts, Notifications notifications,
                              PlatformTransactionManager transactionManager, HandoverProperties properties) {
        this.handovers = handovers;
        this.accounts = accounts;
        this.notifications = notifications;
        this.tx = new TransactionTemplate(transactionManager);
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${lotsen.handover.escalation-interval:PT5M}", initialDelayString = "PT45S")
    void scheduled() {
        if (properties.escalationEnabled()) {
            runOnce();
        }
    }

    /** Escalates every late handover once; returns how many. */
    public int runOnce() {
        int escalated = 0;
        for (Handover h : handovers.dueForEscalation()) {
            try {
                Boolean done = tx.execute(status -> {
                    if (!handovers.claimEscalation(h.id())) {
                        return false;
                    }
                    List<Account> recipients = new ArrayList<>(accounts.withRoleInUnit(h.to().id(), Role.UNIT_MANAGER));
                    recipients.addAll(accounts.withRoleInUnit(h.from().id(), Role.DUTY_LEAD));
                    notifications.notify(recipients, h.caseId(), null, "notification.handover.late",
                            List.of(h.caseNumber(), h.to().name()), "/cases/" + h.caseId());
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
