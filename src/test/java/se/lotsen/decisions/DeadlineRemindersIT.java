package se.lotsen.decisions;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import se.lotsen.FreePort;
import se.lotsen.access.Account;
import se.lotsen.access.Accounts;
import se.lotsen.access.ApiTokens;
import se.lotsen.access.CurrentUser;
import se.lotsen.calendar.SwedishCalendar;
import se.lotsen.cases.CaseId;
import se.lotsen.cases.Cases;
import se.lotsen.cases.ExploitationForm;
import se.lotsen.cases.Intake;
import se.lotsen.cases.IntakeChannel;
import se.lotsen.cases.ProtectionOutcome;
import se.lotsen.cases.SubjectType;
import se.lotsen.common.Paging;
import se.lotsen.notifications.Notification;
import se.lotsen.notifications.Notifications;
import se.lotsen.persons.IdentityKind;
import se.lotsen.persons.PersonDetails;
import se.lotsen.persons.ProtectedIdentity;
import se.lotsen.persons.Sex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Deadline reminders against a real SMTP server (GreenMail): the case holder and the unit's lead get an e-mail with
 * the case number and the due date and no personal data, once per occasion, also when two nodes run the job at the
 * same time; an overdue deadline is escalated once; in-app notifications are kept; a failed e-mail is retried through
 * the event publication registry until the mail server takes it, without the reminder being lost or doubled.
 * Notifications and e-mail follow the job's run after commit (events), so the tests wait for them. The scheduled jobs
 * are switched off so that only the test's explicit runs send. GreenMail listens on a free port (not the fixed 3025)
 * so that parallel builds on the same machine cannot collide.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {"spring.mail.host=127.0.0.1", "lotsen.reminders.enabled=false"})
class DeadlineRemindersIT {

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    private static final int SMTP_PORT = FreePort.find();

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(
            new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired
    DeadlineReminders reminders;

    @Autowired
    se.lotsen.system.EventRetries eventRetries;

    @Autowired
    Cases cases;

    @Autowired
    se.lotsen.cases.CaseAccess access;

    @Autowired
    Decisions decisions;

    @Autowired
    Notifications notifications;

    @Autowired
    Accounts accounts;

    @Autowired
    ApiTokens apiTokens;

    @Autowired
    SwedishCalendar calendar;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    private final Map<String, CurrentUser> users = new HashMap<>();

    // -- helpers --

    private CurrentUser user(String username) {
        return users.computeIfAbsent(username, u -> {
            Account a = accounts.findByUsername(u).orElseThrow();
            return apiTokens.authenticate(apiTokens.issue(a.id()).token()).orElseThrow();
        });
    }

    private String email(String username) {
        String address = accounts.findByUsername(username).orElseThrow().email();
        assertThat(address).as("e-mail of %s", username).isNotBlank();
        return address;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(SWEDEN));
    }

    private Instant at(LocalDate day, int hour) {
        Instant t = day.atTime(LocalTime.of(hour, 0)).atZone(SWEDEN).toInstant();
        Instant latest = clock.instant().minusSeconds(600);
        return t.isAfter(latest) ? latest : t;
    }

    /** A case and what the tests look for in e-mails. */
    private record TestCase(CaseId id, String caseNumber, String personName) {
    }

    private TestCase openChild(String username, Instant receivedAt) {
        CurrentUser user = user(username);
        String name = "Namnsson" + UUID.randomUUID().toString().substring(0, 8);
        CaseId id = cases.open(new Intake(SubjectType.CHILD, receivedAt, IntakeChannel.POLICE_PL12, "Polisen",
                "114 14", "Ung person påträffad", Set.of(ExploitationForm.SEXUAL), null, null,
                new PersonDetails(IdentityKind.UNKNOWN, "", "Alva " + name, "", null, 15, false, Sex.UNKNOWN, "", "",
                        false, "", "", ProtectedIdentity.NONE, ""), null), user);
        cases.recordProtection(access.write(id, user), ProtectionOutcome.DECISION_PENDING,
                "Behov av skydd; ordföranden kontaktad", null);
        return new TestCase(id, cases.view(access.read(id, user)).caseNumber(), name);
    }

    /**
     * A child case held by jour1 with a committee's 6 § decision a week ago, so that its 7 § submission is due today
     * or (when today is closed) on the next working day: within the two-working-day lead.
     */
    private TestCase caseWithSubmissionDueSoon() {
        LocalDate decided = today().minusWeeks(1);
        TestCase c = openChild("jour1", at(decided, 9));
        decisions.record(access.write(c.id(), user("jour1")), new DecisionCommand(DecisionType.LVU_6,
                at(decided, 10), null, "Anna Ordförande", Mandate.COMMITTEE, "rinkeby-kista", Set.of("LVU_2"),
                "Rättens beslut kan inte avvaktas.", null, null, null, null, null, false, true));
        Deadline submission = submission(c);
        assertThat(submission.dueDate()).as("precondition").isAfterOrEqualTo(today());
        assertThat(calendar.workingDaysBetween(today(), submission.dueDate())).as("precondition").isLessThanOrEqualTo(2);
        return c;
    }

    private Deadline submission(TestCase c) {
        return decisions.deadlines(access.read(c.id(), user("jour1"))).stream()
                .filter(d -> d.kind() == DeadlineKind.LVU_7_SUBMISSION).findFirst().orElseThrow();
    }

    private Deadline ofKind(TestCase c, String holder, DeadlineKind kind) {
        return decisions.deadlines(access.read(c.id(), user(holder))).stream().filter(d -> d.kind() == kind).findFirst()
                .orElseThrow();
    }

    private record Mail(List<String> to, String subject, String body) {
        String text() {
            return subject + "\n" + body;
        }
    }

    private static Mail read(MimeMessage m) {
        try {
            Address[] recipients = m.getAllRecipients();
            List<String> to = recipients == null ? List.of()
                    : Arrays.stream(recipients).map(Address::toString).toList();
            Object content = m.getContent();
            return new Mail(to, m.getSubject(), content instanceof String s ? s : String.valueOf(content));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the case has {@code count} e-mails (the listeners run after the job's commit); returns them. */
    private List<Mail> awaitMails(TestCase c, int count) {
        await().atMost(Duration.ofSeconds(15)).until(() -> mailsAbout(c).size() >= count);
        return mailsAbout(c);
    }

    /** Gives the listeners of a run that should send nothing time to run, then checks that nothing more came. */
    private void assertNoMoreMails(TestCase c, int count) {
        await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(mailsAbout(c)).hasSize(count));
    }

    private List<String> emailStatuses(UUID deadlineId) {
        return jdbc.sql("SELECT email_status FROM notification WHERE deadline_id = :d ORDER BY email_status")
                .param("d", deadlineId).query(String.class).list();
    }

    /** The e-mails received so far that concern the case (by its case number). */
    private List<Mail> mailsAbout(TestCase c) {
        return Arrays.stream(greenMail.getReceivedMessages()).map(DeadlineRemindersIT::read)
                .filter(m -> m.text().contains(c.caseNumber())).toList();
    }

    private static List<String> recipients(List<Mail> mails) {
        return mails.stream().flatMap(m -> m.to().stream()).toList();
    }

    /** The due date as an e-mail may write it: ISO, or Swedish "30 november 2026". */
    private static boolean mentionsDate(String text, LocalDate date) {
        return text.contains(date.toString())
                || text.contains(date.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("sv-SE"))));
    }

    private static void assertNoPersonalData(Mail mail, TestCase c) {
        assertThat(mail.text()).as("no person name in %s", mail).doesNotContain(c.personName()).doesNotContain("Alva");
    }

    private List<String> occasions(UUID deadlineId) {
        return jdbc.sql("SELECT occasion FROM reminder WHERE deadline_id = :d ORDER BY occasion")
                .param("d", deadlineId).query(String.class).list();
    }

    private List<Notification> notificationsAbout(String username, TestCase c) {
        Account a = accounts.findByUsername(username).orElseThrow();
        return notifications.forAccount(a.id().value(), Paging.of(0, 100)).items().stream()
                .filter(n -> c.id().value().equals(n.caseId())).toList();
    }

    private long notificationRows(UUID deadlineId) {
        return jdbc.sql("SELECT count(*) FROM notification WHERE deadline_id = :d").param("d", deadlineId)
                .query(Long.class).single();
    }

    // -- tests --

    @Test
    void aDeadlineDueWithinTwoWorkingDaysIsRemindedOnceToTheHolderAndTheDutyLead() {
        TestCase c = caseWithSubmissionDueSoon();
        Deadline submission = submission(c);
        String jour1 = email("jour1");
        String jourchef = email("jourchef");

        int sent = reminders.runOnce();

        assertThat(sent).isPositive();
        List<Mail> mails = awaitMails(c, 2);
        assertThat(recipients(mails)).as("one e-mail each to the holder and the duty lead")
                .containsExactlyInAnyOrder(jour1, jourchef);
        assertThat(recipients(mails)).doesNotContain(email("jour2"), email("rinkebychef"));
        assertThat(mails).allSatisfy(m -> {
            assertThat(m.text()).contains(c.caseNumber());
            // It says what to do (the deadline kind's task), not which paragraph runs out (issue 11, item 10).
            assertThat(m.text()).contains(": Underställ beslutet om omedelbart omhändertagande till "
                    + "förvaltningsrätten senast ").doesNotContain("tidsfristen enligt");
            assertThat(mentionsDate(m.text(), submission.dueDate())).as("due date %s in %s", submission.dueDate(), m)
                    .isTrue();
            assertNoPersonalData(m, c);
        });
        assertThat(occasions(submission.id())).hasSize(1);

        // In the app too, for both, unread.
        for (String username : List.of("jour1", "jourchef")) {
            List<Notification> inApp = notificationsAbout(username, c);
            assertThat(inApp).as(username).hasSize(1);
            assertThat(inApp.get(0).messageKey()).isEqualTo("notification.deadline.due");
            assertThat(inApp.get(0).arguments()).contains(c.caseNumber())
                    .noneMatch(a -> a.contains(c.personName()));
            assertThat(inApp.get(0).unread()).isTrue();
            assertThat(notifications.unreadCount(accounts.findByUsername(username).orElseThrow().id().value()))
                    .isPositive();
        }

        assertThat(emailStatuses(submission.id())).containsExactly("SENT", "SENT");

        // The next run sends nothing more about it.
        reminders.runOnce();

        assertNoMoreMails(c, mails.size());
        assertThat(occasions(submission.id())).hasSize(1);
        assertThat(notificationsAbout("jour1", c)).hasSize(1);
    }

    @Test
    void twoNodesRunningAtTheSameTimeSendEachReminderOnce() throws Exception {
        TestCase c = caseWithSubmissionDueSoon();
        Deadline submission = submission(c);
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Integer> results = Collections.synchronizedList(new ArrayList<>());
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    results.add(reminders.runOnce());
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(results).hasSize(2);
        assertThat(results.stream().mapToInt(Integer::intValue).max().orElseThrow()).isPositive();
        List<Mail> mails = awaitMails(c, 2);
        assertNoMoreMails(c, 2);
        assertThat(recipients(mails)).containsExactlyInAnyOrder(email("jour1"), email("jourchef"));
        assertThat(occasions(submission.id())).hasSize(1);
        assertThat(notificationRows(submission.id())).isEqualTo(2);
    }

    @Test
    void anOverdueDeadlineIsEscalatedOnce() {
        // Received a month ago; the decision whether to investigate (14 days) was never recorded.
        TestCase c = openChild("jour1", at(today().minusDays(30), 9));
        Deadline investigation = ofKind(c, "jour1", DeadlineKind.CHILD_INVESTIGATION_DECISION);
        assertThat(investigation.status()).as("precondition").isEqualTo(DeadlineStatus.OVERDUE);

        reminders.runOnce();

        List<Mail> mails = awaitMails(c, 2);
        assertThat(recipients(mails)).containsExactlyInAnyOrder(email("jour1"), email("jourchef"));
        assertThat(mails).allSatisfy(m -> {
            assertThat(mentionsDate(m.text(), investigation.dueDate())).as("due date in %s", m).isTrue();
            assertNoPersonalData(m, c);
        });
        assertThat(occasions(investigation.id())).containsExactly("OVERDUE");
        assertThat(notificationsAbout("jourchef", c)).extracting(Notification::messageKey)
                .containsExactly("notification.deadline.overdue");

        reminders.runOnce();

        assertNoMoreMails(c, mails.size());
        assertThat(occasions(investigation.id())).containsExactly("OVERDUE");
        assertThat(notificationsAbout("jour1", c)).hasSize(1);
    }

    @Test
    void aDistrictCaseIsRemindedToItsHolderAndTheUnitManager() {
        TestCase c = openChild("rinkeby1", at(today().minusDays(30), 9));
        Deadline investigation = ofKind(c, "rinkeby1", DeadlineKind.CHILD_INVESTIGATION_DECISION);

        reminders.runOnce();

        List<Mail> mails = awaitMails(c, 2);
        assertThat(recipients(mails)).containsExactlyInAnyOrder(email("rinkeby1"), email("rinkebychef"));
        assertThat(recipients(mails)).doesNotContain(email("jourchef"), email("jour1"));
        assertThat(occasions(investigation.id())).containsExactly("OVERDUE");
    }

    @Test
    void aFailedEmailIsRetriedUntilTheMailServerTakesItAndNothingIsLostOrDoubled() {
        TestCase c = caseWithSubmissionDueSoon();
        Deadline submission = submission(c);

        greenMail.stop();
        try {
            reminders.runOnce();
            // The reminder is claimed and in the app at once; its e-mails wait for the mail server.
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                    assertThat(emailStatuses(submission.id())).containsExactly("RETRYING", "RETRYING"));
        } finally {
            greenMail.start();
        }
        assertThat(occasions(submission.id())).as("claimed once").hasSize(1);
        assertThat(notificationRows(submission.id())).isEqualTo(2);
        assertThat(notificationsAbout("jourchef", c)).hasSize(1);

        // Another run of the reminder job does not remind again; the registry's retry delivers the e-mails.
        assertThat(reminders.runOnce()).isZero();
        assertThat(eventRetries.runOnce()).isTrue();

        List<Mail> mails = awaitMails(c, 2);
        assertThat(recipients(mails)).containsExactlyInAnyOrder(email("jour1"), email("jourchef"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(emailStatuses(submission.id())).containsExactly("SENT", "SENT"));
        eventRetries.runOnce();
        assertNoMoreMails(c, 2);
        assertThat(occasions(submission.id())).hasSize(1);
        assertThat(notificationRows(submission.id())).isEqualTo(2);
    }
}
