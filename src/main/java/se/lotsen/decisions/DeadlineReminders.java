package se.lotsen.decisions;

import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import se.lotsen.access.Account;
import se.lotsen.access.AccountId;
import se.lotsen.access.Accounts;
import se.lotsen.access.Role;
import se.lotsen.calendar.SwedishCalendar;
import se.lotsen.cases.CaseHolder;
import se.lotsen.cases.CaseId;
import se.lotsen.cases.Cases;
import se.lotsen.notifications.Notifications;
import se.lotsen.organisation.Organisation;
import se.lotsen.organisation.UnitId;
import se.lotsen.organisation.UnitKind;

/**
 * Reminds the case holder and the unit's managers of deadlines at the configured lead times (by default two working
 * days before and on the last day), and escalates an overdue deadline to the unit's leads. Each reminder is sent once:
 * the job runs on one node at a time (a lock row), and every occasion is claimed by a unique row before it is sent,
 * in the same transaction, so a failed e-mail is retried on the next run and a sent one never again.
 */
@Service
public class DeadlineReminders {

    private static final Logger log = LoggerFactory.getLogger(DeadlineReminders.class);
    private static final String JOB = "deadline-reminders";

    private final JdbcClient jdbc;
    private final Deadlines deadlines;
    private final Cases cases;
    private final Accounts accounts;
    private final Organisation organisation;
    private final Notifications notifications;
    private final SwedishCalendar calendar;
    private final ReminderProperties properties;
    private final TransactionTemplate tx;
    private final String node = ManagementFactory.getRuntimeMXBean().getName();
    private final se.lotsen.common.SwedishDates dates = new se.lotsen.common.SwedishDates();
    private static final java.util.Locale SWEDISH = java.util.Locale.forLanguageTag("sv-SE");

    public DeadlineReminders(JdbcClient jdbc, Deadlines deadlines, Cases cases, Accounts accounts,
                             Organisation organisation, Notifications notifications, SwedishCalendar calendar,
                             ReminderProperties properties, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.deadlines = deadlines;
        this.cases = cases;
        this.accounts = accounts;
        this.organisation = organisation;
        this.notifications = notifications;
        this.calendar = calendar;
        this.properties = properties;
        this.tx = new TransactionTemplate(transactionManager);
    }

    @Scheduled(fixedDelayString = "${lotsen.reminders.interval:PT5M}", initialDelayString = "PT30S")
    void scheduled() {
        if (properties.enabled()) {
            runOnce();
        }
    }

    /** One run; returns how many reminders were sent, or -1 when another node holds the job. */
    public int runOnce() {
        int claimed = jdbc.sql("""
                        UPDATE job_lock SET locked_until = now() + interval '10 minutes', locked_by = :node
                        WHERE name = :job AND locked_until < now()""")
                .param("node", node).param("job", JOB).update();
        if (claimed == 0) {
            return -1;
        }
        int sent = 0;
        try {
            LocalDate today = deadlines.today();
            for (Deadline d : deadlines.openWithDueDate()) {
                Optional<String> occasion = occasion(d, today);
                if (occasion.isEmpty()) {
                    continue;
                }
                try {
                    Integer done = tx.execute(status -> remind(d, occasion.get()));
                    sent += done == null ? 0 : done;
                } catch (RuntimeException e) {
                    log.warn("Reminder for deadline {} not sent; it is retried on the next run: {}", d.id(), e.getMessage());
                }
            }
        } finally {
            jdbc.sql("UPDATE job_lock SET locked_until = now() WHERE name = :job AND locked_by = :node")
                    .param("job", JOB).param("node", node).update();
        }
        return sent;
    }

    /** Which occasion, if any, is due today: a lead time, the last day, or overdue. */
    Optional<String> occasion(Deadline d, LocalDate today) {
        if (today.isAfter(d.dueDate())) {
            return Optional.of("OVERDUE");
        }
        int left = calendar.workingDaysBetween(today, d.dueDate());
        if (today.equals(d.dueDate())) {
            return properties.leadWorkingDays().contains(0) ? Optional.of("DUE_TODAY") : Optional.empty();
        }
        return properties.leadWorkingDays().stream().filter(lead -> lead > 0 && left <= lead)
                .min(Integer::compare).map(lead -> "LEAD_" + lead);
    }

    private int remind(Deadline d, String occasion) {
        List<UUID> inserted = jdbc.sql("""
                        INSERT INTO reminder (id, deadline_id, occasion) VALUES (:id, :d, :o)
                        ON CONFLICT (deadline_id, occasion) DO NOTHING RETURNING id""")
                .param("id", UUID.randomUUID()).param("d", d.id()).param("o", occasion).query(UUID.class).list();
        if (inserted.isEmpty()) {
            return 0;
        }
        CaseHolder holder = cases.holder(new CaseId(d.caseId())).orElseThrow();
        if (!holder.status().active()) {
            return 0;
        }
        List<Account> recipients = new ArrayList<>();
        if (holder.assignedTo() != null) {
            accounts.find(new AccountId(holder.assignedTo())).filter(Account::enabled).ifPresent(recipients::add);
        }
        UnitId unit = new UnitId(holder.unitId());
        boolean jour = organisation.unit(unit).map(u -> u.kind() == UnitKind.JOUR).orElse(false);
        recipients.addAll(accounts.withRoleInUnit(unit, jour ? Role.DUTY_LEAD : Role.UNIT_MANAGER));
        if (occasion.equals("OVERDUE")) {
            recipients.addAll(accounts.withRoleInUnit(unit, jour ? Role.UNIT_MANAGER : Role.DUTY_LEAD));
        }
        String key = occasion.equals("OVERDUE") ? "notification.deadline.overdue" : "notification.deadline.due";
        notifications.notify(recipients, d.caseId(), d.id(), key,
                List.of(holder.caseNumber(), d.legalBasis(), dates.date(d.dueDate(), SWEDISH)), "/cases/" + d.caseId());
        return 1;
    }
}
