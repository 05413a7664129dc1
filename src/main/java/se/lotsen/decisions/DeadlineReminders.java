package se.lotsen.decisions;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import se.lotsen.common.ClusterJobs;
import se.lotsen.calendar.SwedishCalendar;
import se.lotsen.cases.CaseId;

/**
 * Finds the deadline reminders that are due (by default two working days before the last day, on the day, and when
 * overdue) and publishes each once as a {@link DeadlineReminderDue}; who is reminded is decided when it is delivered,
 * so the reminder goes to whoever holds the case then. The job runs on one node at a time (ShedLock), and each
 * occasion is claimed by a unique row in the same transaction as its event, which the event publication registry
 * delivers after commit and again until it succeeds.
 */
@Service
public class DeadlineReminders {

    private static final Logger log = LoggerFactory.getLogger(DeadlineReminders.class);
    static final String JOB = "deadline-reminders";
    static final String OVERDUE = "OVERDUE";

    private final JdbcClient jdbc;
    private final Deadlines deadlines;
    private final SwedishCalendar calendar;
    private final ReminderProperties properties;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final ClusterJobs jobs;

    public DeadlineReminders(JdbcClient jdbc, Deadlines deadlines, SwedishCalendar calendar,
                             ReminderProperties properties, PlatformTransactionManager transactionManager,
                             ApplicationEventPublisher events, ClusterJobs jobs) {
        this.jdbc = jdbc;
        this.deadlines = deadlines;
        this.calendar = calendar;
        this.properties = properties;
        this.tx = new TransactionTemplate(transactionManager);
        this.events = events;
        this.jobs = jobs;
    }

    @Scheduled(fixedDelayString = "${lotsen.reminders.interval:PT5M}",
            initialDelayString = "${lotsen.reminders.initial-delay:PT30S}")
    void scheduled() {
        if (properties.enabled()) {
            jobs.runScheduled(JOB, Duration.ofMinutes(10), properties.interval(), this::remindDue);
        }
    }

    /** One run; returns how many reminders became due, or -1 when another node runs the job. */
    public int runOnce() {
        return jobs.runAlone(JOB, Duration.ofMinutes(10), this::remindDue).orElse(-1);
    }

    private int remindDue() {
        int due = 0;
        LocalDate today = deadlines.today();
        for (Deadline d : deadlines.dueForReminders(today, lastDayWithAnOccasion(today))) {
            Optional<String> occasion = occasion(d, today);
            if (occasion.isEmpty()) {
                continue;
            }
            try {
                Boolean claimed = tx.execute(status -> claim(d, occasion.get()));
                due += Boolean.TRUE.equals(claimed) ? 1 : 0;
            } catch (RuntimeException e) {
                log.warn("Reminder for deadline {} not claimed; it is tried on the next run: {}", d.id(), e.getMessage());
            }
        }
        return due;
    }

    /** Which occasion, if any, is due today: a lead time, the last day, or overdue. */
    Optional<String> occasion(Deadline d, LocalDate today) {
        if (today.isAfter(d.dueDate())) {
            return Optional.of(OVERDUE);
        }
        int left = calendar.workingDaysBetween(today, d.dueDate());
        if (today.equals(d.dueDate())) {
            return properties.leadWorkingDays().contains(0) ? Optional.of("DUE_TODAY") : Optional.empty();
        }
        return properties.leadWorkingDays().stream().filter(lead -> lead > 0 && left <= lead)
                .min(Integer::compare).map(lead -> "LEAD_" + lead);
    }

    /**
     * The latest last day that can have an occasion today: the day before the working day after the longest lead
     * time (a later last day has more working days left than any lead time).
     */
    LocalDate lastDayWithAnOccasion(LocalDate today) {
        int longest = properties.leadWorkingDays().stream().mapToInt(Integer::intValue).max().orElse(0);
        LocalDate until = today;
        int working = 0;
        for (LocalDate day = today.plusDays(1); ; day = day.plusDays(1)) {
            if (!calendar.isClosed(day) && ++working > longest) {
                return until;
            }
            until = day;
        }
    }

    /** Claims the occasion once (also across nodes) and publishes the reminder in the same transaction. */
    private boolean claim(Deadline d, String occasion) {
        List<UUID> inserted = jdbc.sql("""
                        INSERT INTO reminder (id, deadline_id, occasion)
                        SELECT :id, :d, :o FROM case_file c WHERE c.id = :c AND c.status <> 'CLOSED'
                        ON CONFLICT (deadline_id, occasion) DO NOTHING RETURNING id""")
                .param("id", UUID.randomUUID()).param("d", d.id()).param("o", occasion).param("c", d.caseId())
                .query(UUID.class).list();
        if (inserted.isEmpty()) {
            return false;
        }
        events.publishEvent(new DeadlineReminderDue(new CaseId(d.caseId()), d.deadlineId(), occasion, d.legalBasis(),
                d.dueDate(), d.kind()));
        return true;
    }
}
