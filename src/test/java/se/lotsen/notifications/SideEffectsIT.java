package se.lotsen.notifications;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import se.lotsen.FreePort;
import se.lotsen.access.LotsenHttp;
import se.lotsen.access.LotsenHttp.Browser;
import se.lotsen.access.LotsenHttp.Response;
import se.lotsen.access.Scenario;
import se.lotsen.decisions.DeadlineReminders;
import se.lotsen.system.EventRetries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Side effects happen after the change that caused them, through the event publication registry, against a real SMTP
 * server (GreenMail): an urgent question is saved with its journal entry while the mail server is down, the page
 * says that the e-mail waits, and the retry delivers it; a handover tells the receiving unit's manager and an
 * assignment the case worker; a reminder goes to whoever holds the case when it is due, and the handing unit's unread
 * reminders follow the case.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "spring.mail.host=127.0.0.1")
class SideEffectsIT {

    private static final int SMTP_PORT = FreePort.find();

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(
            new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventRetries eventRetries;

    @Autowired
    DeadlineReminders reminders;

    Scenario scenario;

    @BeforeEach
    void setUp() {
        scenario = new Scenario(new LotsenHttp(port));
    }

    /** The recipients of the e-mails received so far whose text contains the marker. */
    private static List<String> mailedTo(String marker) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> body(m).contains(marker)).map(m -> {
            try {
                return m.getAllRecipients()[0].toString();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static String body(MimeMessage m) {
        try {
            return m.getSubject() + "\n" + GreenMailUtil.getBody(m);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> notified(UUID caseId, String key) {
        return jdbc.sql("""
                        SELECT a.username FROM notification n JOIN account a ON a.id = n.account_id
                        WHERE n.case_id = :c AND n.message_key = :k ORDER BY a.username""")
                .param("c", caseId).param("k", key).query(String.class).list();
    }

    private String caseNumber(UUID id, String username) {
        return scenario.http().get("/api/v1/cases/" + id, scenario.token(username)).json().get("caseNumber")
                .asString();
    }

    @Test
    void anUrgentQuestionIsKeptWhenTheMailServerIsDownAndItsEmailIsRetriedUntilSent() {
        String name = Scenario.name("Brådskande");
        UUID id = scenario.openChild("jour1", name);
        String caseNumber = caseNumber(id, "jour1");
        Browser jour1 = scenario.signedIn("jour1");
        String question;
        greenMail.stop();
        try {
            Response asked = Scenario.submit(jour1, "/questions/new?caseId=" + id, "/questions/new",
                    Map.of("caseId", id.toString(), "text", "Får vi kontakta UD i natt?", "urgent", "on"));
            assertThat(asked.status()).as("the question is saved whatever the mail server does").isEqualTo(302);
            question = java.net.URI.create(asked.location()).getPath();
            // The page tells the truth: the e-mail could not be sent and is tried again.
            await().atMost(Duration.ofSeconds(15)).until(() -> jour1.get(question).text()
                    .contains("E-posten kunde inte skickas ännu"));
        } finally {
            greenMail.start();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM journal_entry WHERE case_id = :c AND text LIKE '%kontakta UD i natt%'")
                .param("c", id).query(Long.class).single()).as("the journal entry is kept").isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM notification WHERE source_key LIKE 'question:%' AND email_status = 'RETRYING'")
                .query(Long.class).single()).isPositive();

        assertThat(eventRetries.runOnce()).isTrue();
        await().atMost(Duration.ofSeconds(15)).until(() -> mailedTo(caseNumber).contains("metod@lotsen.example"));
        await().atMost(Duration.ofSeconds(10)).until(() -> jour1.get(question).text().contains("e-post skickad till 1"));
        assertThat(mailedTo(caseNumber)).containsExactly("metod@lotsen.example");
        assertThat(String.join("\n", Arrays.stream(greenMail.getReceivedMessages()).map(SideEffectsIT::body)
                .toList())).as("no name of the person in any e-mail").doesNotContain(name);
    }

    @Test
    void aHandoverTellsTheReceivingUnitsManagerAndAnAssignmentTheCaseWorker() {
        UUID id = scenario.openChild("jour1", Scenario.name("Mottagen"));
        String caseNumber = caseNumber(id, "jour1");
        scenario.handOver("jour1", id, "rinkeby-kista");

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(notified(id, "notification.handover.received")).containsExactly("rinkebychef");
            assertThat(mailedTo(caseNumber)).contains("rinkebychef@lotsen.example");
        });

        Browser chef = scenario.signedIn("rinkebychef");
        String rinkeby1 = scenario.http().get("/api/v1/me", scenario.token("rinkeby1")).json().get("id").asString();
        Response assigned = Scenario.submit(chef, "/cases/" + id + "/handover", "/cases/" + id + "/handover/assign",
                Map.of("caseWorker", rinkeby1));
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(302);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(notified(id, "notification.handover.assigned")).containsExactly("rinkeby1");
            assertThat(mailedTo(caseNumber)).contains("rinkeby1@lotsen.example");
        });
        assertThat(mailedTo(caseNumber)).doesNotContain("jour1@lotsen.example", "sodermalm1@lotsen.example");
    }

    @Test
    void remindersGoToWhoeverHoldsTheCaseWhenTheyAreDueAndUnreadOnesFollowIt() {
        // Received a month ago: the 14-day decision whether to investigate is overdue.
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("subject", Map.of("type", "CHILD", "name", Scenario.name("Påminnelse"), "statedAge", 15));
        body.put("receivedAt", Scenario.minutesAgo(60 * 24 * 30));
        Response opened = scenario.http().postJson("/api/v1/cases", LotsenHttp.toJson(body), scenario.token("jour1"));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        UUID id = UUID.fromString(opened.json().get("id").asString());

        reminders.runOnce();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(notified(id, "notification.deadline.overdue")).contains("jour1", "jourchef"));

        // Handed over before anyone at the jour read it: the reminder follows the case to the district's manager.
        scenario.handOver("jour1", id, "rinkeby-kista");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(notified(id, "notification.deadline.overdue")).contains("rinkebychef"));
        assertThat(notified(id, "notification.deadline.overdue")).doesNotContain("rinkeby1", "sodermalm1");

        // A case that is handed over before its reminder is due is reminded to the district only.
        body.put("subject", Map.of("type", "CHILD", "name", Scenario.name("Överlämnad först"), "statedAge", 15));
        Response second = scenario.http().postJson("/api/v1/cases", LotsenHttp.toJson(body), scenario.token("jour1"));
        UUID other = UUID.fromString(second.json().get("id").asString());
        scenario.handOver("jour1", other, "rinkeby-kista");
        reminders.runOnce();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(notified(other, "notification.deadline.overdue")).contains("rinkebychef"));
        assertThat(notified(other, "notification.deadline.overdue")).doesNotContain("jour1", "jourchef");
    }
}
