package se.lotsen.notifications;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import se.lotsen.access.Account;
import se.lotsen.access.AccountId;
import se.lotsen.access.Accounts;
import se.lotsen.access.Role;
import se.lotsen.cases.CaseAccess;
import se.lotsen.cases.CaseHolder;
import se.lotsen.cases.Cases;
import se.lotsen.cases.EmergencyAccessGranted;
import se.lotsen.cases.PersonKnownElsewhere;
import se.lotsen.consultation.QuestionAnswered;
import se.lotsen.consultation.QuestionAsked;
import se.lotsen.decisions.DeadlineReminderDue;
import se.lotsen.handover.CaseHandedOver;
import se.lotsen.handover.HandoverAssigned;
import se.lotsen.handover.HandoverLate;
import se.lotsen.organisation.Organisation;
import se.lotsen.organisation.Unit;
import se.lotsen.organisation.UnitId;
import se.lotsen.organisation.UnitKind;
import se.lotsen.common.SwedishDates;
import se.lotsen.retention.RetentionRunFinished;

/**
 * Who is told what, when something happened in another module. Every method runs after the change that caused it was
 * saved, in a transaction of its own, through the event publication registry: when it fails it is run again, and the
 * notifications' source keys make sure nobody is told twice. Recipients are decided when the event is handled, so a
 * reminder goes to whoever holds the case then.
 */
@Component
class NotificationTriggers {

    private final Notifications notifications;
    private final Accounts accounts;
    private final Organisation organisation;
    private final Cases cases;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    NotificationTriggers(Notifications notifications, Accounts accounts, Organisation organisation, Cases cases,
                         JdbcClient jdbc, ApplicationEventPublisher events) {
        this.notifications = notifications;
        this.accounts = accounts;
        this.organisation = organisation;
        this.cases = cases;
        this.jdbc = jdbc;
        this.events = events;
    }

    /** A question to the method developers: all of them in the app; an urgent one also by e-mail. */
    @ApplicationModuleListener
    void on(QuestionAsked e) {
        List<Account> methodDevelopers = accounts.withRole(Role.METHOD_DEVELOPER);
        notify(methodDevelopers, new Notifications.Message("question:" + e.question(),
                e.urgent() ? "notification.question.urgent" : "notification.question.new",
                List.of(e.caseNumber() == null ? "–" : e.caseNumber(), e.askedByName()), null, e.caseNumber(), null,
                "/questions/" + e.question(), e.urgent()));
    }

    /** The answer: the asker, in the app. */
    @ApplicationModuleListener
    void on(QuestionAnswered e) {
        notify(accounts.find(e.askedBy()).stream().toList(), new Notifications.Message("answer:" + e.question(),
                "notification.question.answered",
                List.of(e.caseNumber() == null ? "–" : e.caseNumber(), e.answeredByName()), null, e.caseNumber(), null,
                "/questions/" + e.question(), false));
    }

    /**
     * A deadline reminder: the case's worker and the leads of the unit that holds the case when the reminder is
     * delivered (after a handover, the receiving unit); an overdue deadline also the other leads.
     */
    @ApplicationModuleListener
    void on(DeadlineReminderDue e) {
        Optional<CaseHolder> holder = cases.holder(e.caseId()).filter(h -> h.status().active());
        if (holder.isEmpty()) {
            return;
        }
        CaseHolder h = holder.get();
        UnitId unit = new UnitId(h.unitId());
        List<Account> recipients = workerAndLeads(h);
        if (e.overdue()) {
            recipients.addAll(accounts.withRoleInUnit(unit, isJour(unit) ? Role.UNIT_MANAGER : Role.DUTY_LEAD));
        }
        notify(recipients, new Notifications.Message("reminder:" + e.deadline() + ":" + e.occasion(),
                e.overdue() ? "notification.deadline.overdue" : "notification.deadline.due",
                List.of(h.caseNumber(), task(e), e.dueDate().toString()), h.caseId(), h.caseNumber(),
                e.deadline().value(), "/cases/" + h.caseId(), true));
    }

    /** What the reminder asks to be done, read in the reader's language: the deadline kind's task. */
    static String task(DeadlineReminderDue e) {
        return e.kind() == null ? e.legalBasis() : Notifications.messageArgument("deadlineTask." + e.kind().name());
    }

    /**
     * A handover: the receiving unit's leads (who assign it). Reminders of the case not yet read by people of the
     * handing unit follow the case: the receiving unit's leads get them, and their pending e-mails are cancelled.
     */
    @ApplicationModuleListener
    void on(CaseHandedOver e) {
        List<Account> leads = leadsOf(e.toUnit());
        String from = organisation.unit(e.fromUnit()).map(Unit::name).orElse("–");
        notify(leads, new Notifications.Message("handover:" + e.handover(), "notification.handover.received",
                List.of(e.caseNumber(), from), e.caseId().value(), e.caseNumber(), null,
                "/cases/" + e.caseId() + "/handover", true));
        record Pending(UUID id, String key, String args, UUID deadline) {
        }
        List<Pending> pending = jdbc.sql("""
                        SELECT n.id, n.message_key, n.arguments, n.deadline_id FROM notification n
                        JOIN account a ON a.id = n.account_id
                        WHERE n.case_id = :c AND n.deadline_id IS NOT NULL AND n.read_at IS NULL
                          AND a.unit_id IS DISTINCT FROM :to""")
                .param("c", e.caseId().value()).param("to", e.toUnit().value())
                .query((rs, n) -> new Pending(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getObject(4, UUID.class)))
                .list();
        for (Pending p : pending) {
            jdbc.sql("""
                            UPDATE notification SET email_status = 'CANCELLED'
                            WHERE id = :id AND email_status IN ('PENDING', 'RETRYING')""")
                    .param("id", p.id()).update();
            notify(leads, new Notifications.Message("moved:" + p.deadline() + ":" + p.key(), p.key(),
                    Notifications.arguments(p.args()),
                    e.caseId().value(), e.caseNumber(), p.deadline(), "/cases/" + e.caseId(), true));
        }
    }

    /** An assignment: the case worker. */
    @ApplicationModuleListener
    void on(HandoverAssigned e) {
        notify(accounts.find(e.caseWorker()).stream().toList(), new Notifications.Message(
                "assigned:" + e.handover() + ":" + e.caseWorker(), "notification.handover.assigned",
                List.of(e.caseNumber(), e.assignedByName()), e.caseId().value(), e.caseNumber(), null,
                "/cases/" + e.caseId(), true));
    }

    /** Receipt not acknowledged in time: the receiving unit's leads and the handing unit's duty leads. */
    @ApplicationModuleListener
    void on(HandoverLate e) {
        List<Account> recipients = new ArrayList<>(leadsOf(e.toUnit()));
        recipients.addAll(accounts.withRoleInUnit(e.fromUnit(), Role.DUTY_LEAD));
        notify(recipients, new Notifications.Message("late:" + e.handover(), "notification.handover.late",
                List.of(e.caseNumber(), e.toUnitName()), e.caseId().value(), e.caseNumber(), null,
                "/cases/" + e.caseId(), true));
    }

    /**
     * A jour opened a case about a person another unit holds an open case about: that case's worker and its unit's
     * leads, with the case numbers and the jour's name only.
     */
    @ApplicationModuleListener
    void on(PersonKnownElsewhere e) {
        Optional<CaseHolder> other = cases.holder(e.otherCase()).filter(h -> h.status().active());
        if (other.isEmpty()) {
            return;
        }
        CaseHolder h = other.get();
        List<Account> recipients = workerAndLeads(h);
        String opener = organisation.unit(e.openedBy()).map(Unit::name).orElse("–");
        notify(recipients, new Notifications.Message("elsewhere:" + e.openedCase() + ":" + e.otherCase(),
                "notification.person.knownElsewhere", List.of(h.caseNumber(), opener, e.openedCaseNumber()),
                h.caseId(), h.caseNumber(), null, "/cases/" + h.caseId(), true));
    }

    /**
     * Emergency access (nödåtkomst) to a case: every lead of the unit holding it (the access policy's leads, {@link
     * CaseAccess#leadRoles()}) and every auditor, in the app and by e-mail. Who, which case and until when; the reason
     * is read in Lotsen, on the list of emergency accesses the message links to.
     */
    @ApplicationModuleListener
    void on(EmergencyAccessGranted e) {
        List<Account> recipients = new ArrayList<>();
        for (Role lead : CaseAccess.leadRoles()) {
            recipients.addAll(accounts.withRoleInUnit(e.holdingUnit(), lead));
        }
        recipients.addAll(accounts.withRole(Role.AUDITOR));
        Optional<Account> by = accounts.find(new AccountId(e.account()));
        String name = by.map(Account::displayName).orElse("–");
        String byUnit = by.map(Account::unit).map(Unit::name).orElse("–");
        String holder = organisation.unit(e.holdingUnit()).map(Unit::name).orElse("–");
        ZonedDateTime until = e.expiresAt().atZone(SwedishDates.ZONE);
        notify(recipients, new Notifications.Message("emergency:" + e.access(), "notification.emergencyAccess",
                List.of(e.caseNumber(), name, byUnit, holder, until.toLocalDate().toString(),
                        DateTimeFormatter.ofPattern("HH.mm").format(until)),
                null, e.caseNumber(), null,
                "/cases/emergency-access/log?q=" + java.net.URLEncoder.encode(e.caseNumber(),
                        java.nio.charset.StandardCharsets.UTF_8), true));
    }

    /**
     * Gallring needs a person: a run that stopped (every auditor, once a run, by e-mail too), or a report listing files
     * whose last day under the law is near while erasure is off (every auditor, once a week, by e-mail too). Counts
     * and a day only; the case numbers are on the run's page the message links to.
     */
    @ApplicationModuleListener
    void on(RetentionRunFinished e) {
        String link = "/audit/retention/" + e.run();
        if (e.failed()) {
            notify(accounts.withRole(Role.AUDITOR), new Notifications.Message("retention-failed:" + e.run(),
                    "notification.retentionFailed", List.of(e.day().toString()), null, null, null, link, true));
        }
        if (e.actBy() != null) {
            java.time.temporal.WeekFields week = java.time.temporal.WeekFields.ISO;
            String source = "retention-due:" + e.day().get(week.weekBasedYear()) + "-W"
                    + e.day().get(week.weekOfWeekBasedYear());
            notify(accounts.withRole(Role.AUDITOR), new Notifications.Message(source, "notification.retentionDue",
                    List.of(Integer.toString(e.filesDue()), e.actBy().toString()), null, null, null, link, true));
        }
    }

    private void notify(List<Account> recipients, Notifications.Message message) {
        List<UUID> toMail = notifications.create(recipients, message);
        if (!toMail.isEmpty()) {
            events.publishEvent(new NotificationsCreated(toMail));
        }
    }

    /** The case's worker, if one is assigned, and the leads of the unit that holds it. */
    private List<Account> workerAndLeads(CaseHolder h) {
        List<Account> recipients = new ArrayList<>();
        if (h.assignedTo() != null) {
            accounts.find(new AccountId(h.assignedTo())).ifPresent(recipients::add);
        }
        recipients.addAll(leadsOf(new UnitId(h.unitId())));
        return recipients;
    }

    /** Who leads a unit: the duty leads of a jour, the unit managers of a district. */
    private List<Account> leadsOf(UnitId unit) {
        return accounts.withRoleInUnit(unit, isJour(unit) ? Role.DUTY_LEAD : Role.UNIT_MANAGER);
    }

    private boolean isJour(UnitId unit) {
        return organisation.unit(unit).map(u -> u.kind() == UnitKind.JOUR).orElse(false);
    }
}
