package se.lotsen.cases;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import se.lotsen.FreePort;
import se.lotsen.MutableClock;
import se.lotsen.MutableClockConfiguration;
import se.lotsen.access.LotsenHttp;
import se.lotsen.access.LotsenHttp.Browser;
import se.lotsen.access.LotsenHttp.Response;
import se.lotsen.access.Scenario;
import se.lotsen.audit.ReviewFlag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Emergency access (nödåtkomst): a case worker of a district opens a jour case by its number with a reason and reads
 * it, only reads it, without the protected address, until the grant expires (the application's clock is moved on);
 * the case never appears in her lists. Without a reason nothing is given. The method developer, the auditor and the
 * administrator cannot ask. The jour's duty lead and the auditor are told in the app and by e-mail (GreenMail), with
 * the case number and no personal data; the reason is on the list of emergency accesses for them, and not in the audit
 * log, whose entries carry the review flags. A read by the holding unit of an ordinary case carries none.
 */
@Import(MutableClockConfiguration.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {"lotsen.test.isolation=emergency-access", "spring.mail.host=127.0.0.1",
        "lotsen.emergency-access.duration=PT12H",
        // The test moves the clock past the emergency access; the session must outlive it.
        "lotsen.security.session.max-lifetime=P2D"})
class EmergencyAccessIT {

    private static final int SMTP_PORT = FreePort.find();
    private static final String ADDRESS = "Lönnvägen 3, Hägersten";
    private static final String REASON = "Flickan finns hos oss på Rinkeby och jouren svarar inte i telefon.";

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
    MutableClock clock;

    Scenario scenario;

    @BeforeEach
    void setUp() {
        clock.reset();
        scenario = new Scenario(new LotsenHttp(port));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private record OpenedCase(UUID id, String number, String name) {
    }

    private OpenedCase jourCase(boolean protectedIdentity) {
        String name = Scenario.name("Nödprov");
        Map<String, Object> subject = protectedIdentity
                ? Map.of("protectedIdentity", "SKYDDAD_FOLKBOKFORING", "address", ADDRESS) : Map.of();
        JsonNode created = scenario.openChild("jour1", name, subject);
        return new OpenedCase(UUID.fromString(created.get("id").asString()), created.get("caseNumber").asString(),
                name);
    }

    private long grants(UUID caseId) {
        return jdbc.sql("SELECT count(*) FROM emergency_access WHERE case_id = :c").param("c", caseId)
                .query(Long.class).single();
    }

    private Response request(Browser browser, String caseNumber, String reason) {
        Response page = browser.get("/cases/emergency-access");
        assertThat(page.status()).isEqualTo(200);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", LotsenHttp.csrfToken(page.body()));
        form.put("caseNumber", caseNumber);
        form.put("reason", reason);
        return browser.postForm("/cases/emergency-access", form);
    }

    private long lastAuditId() {
        return jdbc.sql("SELECT coalesce(max(id), 0) FROM audit_entry").query(Long.class).single();
    }

    /** The review flags of the user's entries about the record after {@code afterId}, waiting for them to be written. */
    private List<Set<ReviewFlag>> flags(long afterId, String username, String action, UUID record, int count) {
        String sql = """
                SELECT review_flag FROM audit_entry WHERE id > :after AND actor_username = :u AND action = :a
                  AND record_id = :r ORDER BY id""";
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(sql).param("after", afterId).param("u", username)
                .param("a", action).param("r", record.toString()).query(String.class).list().size() >= count);
        return jdbc.sql(sql).param("after", afterId).param("u", username).param("a", action)
                .param("r", record.toString()).query((rs, n) -> ReviewFlag.parse(rs.getString(1))).list();
    }

    private List<String> notified(String accessId) {
        return jdbc.sql("""
                        SELECT a.username FROM notification n JOIN account a ON a.id = n.account_id
                        WHERE n.source_key = :s ORDER BY a.username""")
                .param("s", "emergency:" + accessId).query(String.class).list();
    }

    private static List<MimeMessage> mailsAbout(String caseNumber) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> text(m).contains(caseNumber)).toList();
    }

    private static String text(MimeMessage m) {
        try {
            Object content = m.getContent();
            return m.getSubject() + "\n" + (content instanceof String decoded ? decoded : GreenMailUtil.getBody(m));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recipient(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aDistrictCaseWorkerOpensAJourCaseWithAReasonReadsItOnlyAndTheLeadsAndAuditorsAreTold() {
        OpenedCase c = jourCase(true);
        Browser rinkeby1 = scenario.signedIn("rinkeby1");
        assertThat(rinkeby1.get("/cases/" + c.id()).status()).as("outside her rights the case does not exist")
                .isEqualTo(404);

        // The page warns what emergency access means.
        Response page = rinkeby1.get("/cases/emergency-access");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("Nödåtkomst loggas och granskas", "granskare", "12 timmar");

        // Without a reason, with too short a reason, with a number that is no case: field errors, nothing given.
        Response empty = request(rinkeby1, c.number(), "");
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.body()).contains("error-summary", "href=\"#reason\"");
        assertThat(empty.text()).contains("Skriv varför du behöver läsa ärendet.");
        Response shortReason = request(rinkeby1, c.number(), "Behöver läsa.");
        assertThat(shortReason.text()).contains("Skriv skälet med minst 20 tecken.");
        Response unknown = request(rinkeby1, "RINKEBY-1999-9999", REASON);
        assertThat(unknown.text()).contains("Inget ärende med det numret.");
        assertThat(unknown.text()).as("what was typed is kept").contains(REASON);
        assertThat(grants(c.id())).isZero();
        assertThat(rinkeby1.get("/cases/" + c.id()).status()).isEqualTo(404);

        // With a reason: the case opens, read-only, with the banner, and the address stays masked.
        long before = lastAuditId();
        Response granted = request(rinkeby1, c.number().toLowerCase(), REASON);
        assertThat(granted.status()).isEqualTo(302);
        assertThat(granted.location()).endsWith("/cases/" + c.id());
        assertThat(grants(c.id())).isEqualTo(1);
        String accessId = jdbc.sql("SELECT id::text FROM emergency_access WHERE case_id = :c").param("c", c.id())
                .query(String.class).single();
        Response casePage = rinkeby1.get("/cases/" + c.id());
        assertThat(casePage.status()).isEqualTo(200);
        assertThat(casePage.text()).contains("Nödåtkomst till", c.number()).doesNotContain(ADDRESS);
        assertThat(casePage.body()).doesNotContain("/journal/new");

        // Read only: no journal entry, no form to change anything, no question.
        Map<String, String> journal = new LinkedHashMap<>();
        journal.put("_csrf", LotsenHttp.csrfToken(casePage.body()));
        journal.put("occurredAt", "2026-01-01T10:00");
        journal.put("text", "Anteckning under nödåtkomst");
        assertThat(rinkeby1.postForm("/cases/" + c.id() + "/journal", journal).status()).isEqualTo(403);
        assertThat(rinkeby1.get("/cases/" + c.id() + "/journal/new").status()).isEqualTo(403);
        assertThat(rinkeby1.get("/cases/" + c.id() + "/person").status()).isEqualTo(403);
        assertThat(rinkeby1.get("/questions/new?caseId=" + c.id()).status()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM journal_entry WHERE case_id = :c AND text LIKE '%nödåtkomst%'")
                .param("c", c.id()).query(Long.class).single()).isZero();

        // Never in her lists or searches: only by opening the case.
        assertThat(rinkeby1.get("/cases?q=" + c.number()).body()).doesNotContain("/cases/" + c.id());
        assertThat(rinkeby1.get("/cases").body()).doesNotContain("/cases/" + c.id(), c.number());
        assertThat(rinkeby1.get("/cases?q=Nödprov").body()).doesNotContain("/cases/" + c.id(), c.number());
        assertThat(scenario.http().get("/api/v1/cases?query=" + c.number(), scenario.token("rinkeby1")).body())
                .doesNotContain(c.number());

        // The audit entries: the request and every read flagged; the reason's length, not its text.
        assertThat(flags(before, "rinkeby1", "READ", c.id(), 2)).allSatisfy(f -> assertThat(f)
                .contains(ReviewFlag.EMERGENCY_ACCESS, ReviewFlag.OUTSIDE_UNIT));
        List<Set<ReviewFlag>> reads = flags(before, "rinkeby1", "READ", c.id(), 2);
        // ODD_HOURS depends on the hour the test runs at (a district keeps office hours): OfficeHoursFlagTest.
        Set<ReviewFlag> emergencyFlags = EnumSet.copyOf(reads.get(1));
        emergencyFlags.remove(ReviewFlag.ODD_HOURS);
        assertThat(emergencyFlags).containsExactlyInAnyOrder(ReviewFlag.EMERGENCY_ACCESS, ReviewFlag.OUTSIDE_UNIT,
                ReviewFlag.PROTECTED_PERSON);
        String detail = jdbc.sql("""
                        SELECT detail FROM audit_entry WHERE id > :after AND actor_username = 'rinkeby1'
                          AND detail LIKE 'emergency access%'""")
                .param("after", before).query(String.class).single();
        assertThat(detail).contains(accessId, "reason of " + REASON.length() + " characters").doesNotContain("Flickan");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE detail LIKE '%Flickan%'").query(Long.class)
                .single()).isZero();

        // The jour's duty lead and the auditor are told, in the app and by e-mail; nobody else.
        await().atMost(Duration.ofSeconds(15)).until(() -> notified(accessId).size() >= 2);
        assertThat(notified(accessId)).containsExactly("granskare", "jourchef");
        await().atMost(Duration.ofSeconds(15)).until(() -> mailsAbout(c.number()).size() >= 2);
        assertThat(mailsAbout(c.number()).stream().map(EmergencyAccessIT::recipient).sorted())
                .containsExactly("granskare@lotsen.example", "jourchef@lotsen.example");
        assertThat(mailsAbout(c.number())).allSatisfy(m -> assertThat(text(m))
                .contains("Johan Lund", "med nödåtkomst", "/cases/emergency-access/log")
                .doesNotContain(c.name(), "Nödprov", ADDRESS, "Lönnvägen", "Flickan"));
        Browser jourchef = scenario.signedIn("jourchef");
        assertThat(jourchef.get("/notifications").text()).contains("Johan Lund (Rinkeby-Kista stadsdelsförvaltning) öppnade ärende "
                + c.number());

        // The reason is on the list of emergency accesses: for the holding unit's lead and the auditor, not others.
        assertThat(jourchef.get("/cases/emergency-access/log?q=" + c.number()).text()).contains(REASON, "Johan Lund");
        Browser granskare = scenario.signedIn("granskare");
        assertThat(granskare.get("/cases/emergency-access/log").text()).contains(REASON, c.number());
        assertThat(scenario.signedIn("rinkebychef").get("/cases/emergency-access/log").text())
                .as("another unit's lead").doesNotContain(c.number());
        assertThat(rinkeby1.get("/cases/emergency-access/log").status()).isEqualTo(403);

        // Asked again while it lasts: the case just opens, no second grant.
        assertThat(request(rinkeby1, c.number(), REASON).status()).isEqualTo(302);
        assertThat(grants(c.id())).isEqualTo(1);

        // It expires: after twelve hours the case does not exist for her again.
        clock.advance(Duration.ofHours(11));
        assertThat(rinkeby1.get("/cases/" + c.id()).status()).isEqualTo(200);
        clock.advance(Duration.ofHours(1).plusMinutes(1));
        assertThat(rinkeby1.get("/cases/" + c.id()).status()).isEqualTo(404);
        assertThat(granskare.get("/cases/emergency-access/log?q=" + c.number()).text()).contains("Upphört");
    }

    @Test
    void theMethodDeveloperTheAuditorAndTheAdministratorCannotAsk() {
        OpenedCase c = jourCase(false);
        for (String username : List.of("metod", "granskare", "admin")) {
            Browser browser = scenario.signedIn(username);
            assertThat(browser.get("/cases/emergency-access").status()).as(username).isEqualTo(403);
            Response home = browser.get("/");
            Map<String, String> form = new LinkedHashMap<>();
            form.put("_csrf", LotsenHttp.csrfToken(home.body()));
            form.put("caseNumber", c.number());
            form.put("reason", REASON);
            assertThat(browser.postForm("/cases/emergency-access", form).status()).as(username).isEqualTo(403);
            assertThat(browser.get("/cases/" + c.id()).status()).as(username).isEqualTo(404);
        }
        assertThat(grants(c.id())).isZero();
    }

    @Test
    void aCaseTheUserMayAlreadyReadJustOpensAndItsReadsByTheHoldingUnitCarryNoFlags() {
        OpenedCase ordinary = jourCase(false);
        OpenedCase protectedCase = jourCase(true);
        Browser jour1 = scenario.signedIn("jour1");
        long before = lastAuditId();

        Response own = request(jour1, ordinary.number(), REASON);
        assertThat(own.status()).isEqualTo(302);
        assertThat(own.location()).endsWith("/cases/" + ordinary.id());
        assertThat(grants(ordinary.id())).isZero();

        assertThat(jour1.get("/cases/" + ordinary.id()).status()).isEqualTo(200);
        assertThat(jour1.get("/cases/" + ordinary.id()).text()).doesNotContain("Nödåtkomst till");
        assertThat(flags(before, "jour1", "READ", ordinary.id(), 3)).allSatisfy(f -> assertThat(f).isEmpty());

        assertThat(jour1.get("/cases/" + protectedCase.id()).status()).isEqualTo(200);
        assertThat(flags(before, "jour1", "READ", protectedCase.id(), 1))
                .containsExactly(Set.of(ReviewFlag.PROTECTED_PERSON));
    }
}
