package se.lotsen.consultation;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.lotsen.access.Account;
import se.lotsen.access.Accounts;
import se.lotsen.access.ApiTokens;
import se.lotsen.access.CurrentUser;
import se.lotsen.access.LotsenHttp;
import se.lotsen.access.LotsenHttp.Browser;
import se.lotsen.access.LotsenHttp.Response;
import se.lotsen.cases.CaseId;
import se.lotsen.cases.Cases;
import se.lotsen.cases.JournalEntry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.lotsen.access.LotsenHttp.DEMO_PASSWORD;

/**
 * Questions to the method developer over real HTTP: a district case worker asks about a case, the method developer
 * sees it in the queue with its age and answers it, both are kept in the case's journal, and both sides are
 * notified; the method developer sees the question, not the case.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsultationIT {

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    private static final Pattern QUESTION_LOCATION = Pattern.compile("/questions/([0-9a-f-]{36})$");
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern STYLE_ATTRIBUTE = Pattern.compile("<[^>]+\\sstyle\\s*=", Pattern.CASE_INSENSITIVE);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Cases cases;

    @Autowired
    se.lotsen.cases.CaseAccess access;

    @Autowired
    Accounts accounts;

    @Autowired
    ApiTokens apiTokens;

    LotsenHttp http;

    private final Map<String, CurrentUser> users = new HashMap<>();

    @BeforeEach
    void setUp() {
        http = new LotsenHttp(port);
    }

    private CurrentUser user(String username) {
        return users.computeIfAbsent(username, u -> {
            Account a = accounts.findByUsername(u).orElseThrow();
            return apiTokens.authenticate(apiTokens.issue(a.id()).token()).orElseThrow();
        });
    }

    private Browser signedIn(String username) {
        Browser browser = http.browser();
        Response r = browser.signIn(username, DEMO_PASSWORD);
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.location()).doesNotContain("error");
        return browser;
    }

    private static Response page(Browser browser, String path) {
        Response r = browser.get(path);
        assertClean(r, "GET " + path);
        return r;
    }

    private static void assertClean(Response r, String what) {
        if (r.contentType().startsWith("text/html")) {
            assertThat(INLINE_SCRIPT.matcher(r.body()).find()).as("inline <script> in %s", what).isFalse();
            assertThat(STYLE_ATTRIBUTE.matcher(r.body()).find()).as("inline style attribute in %s", what).isFalse();
        }
    }

    /** rinkeby1 opens a case at the district itself, so that the jour's method developer cannot read it. */
    private UUID districtCase(String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject", Map.of("type", "ADULT", "name", name));
        body.put("receivedAt", OffsetDateTime.now(SWEDEN).minusHours(5).truncatedTo(ChronoUnit.MINUTES).toString());
        Response r = http.postJson("/api/v1/cases", LotsenHttp.toJson(body), http.token("rinkeby1", DEMO_PASSWORD));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return UUID.fromString(r.json().get("id").asString());
    }

    private Response ask(Browser browser, UUID caseId, String text, boolean urgent) {
        Response form = page(browser, "/questions/new" + (caseId == null ? "" : "?caseId=" + caseId));
        assertThat(form.status()).isEqualTo(200);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", LotsenHttp.csrfToken(form.body()));
        if (caseId != null) {
            fields.put("caseId", caseId.toString());
        }
        fields.put("text", text);
        if (urgent) {
            fields.put("urgent", "true");
        }
        Response r = browser.postForm("/questions/new", fields);
        assertClean(r, "POST question");
        return r;
    }

    private List<String> notified(String username, String key) {
        return jdbc.sql("""
                        SELECT n.arguments FROM notification n JOIN account a ON a.id = n.account_id
                        WHERE a.username = :u AND n.message_key = :k ORDER BY n.created_at""")
                .param("u", username).param("k", key).query(String.class).list();
    }

    @Test
    void aQuestionAboutACaseIsAnsweredAndBothAreInTheJournal() {
        UUID caseId = districtCase("Oksana Melnyk");
        String question = "Ska vi kontakta UD redan nu, eller vänta tills polisen har hållit förhör?";
        String answer = "Gör riskbedömningen först och dokumentera den. Kontakta UD först när risken är bedömd.";
        Browser rinkeby1 = signedIn("rinkeby1");

        Response form = page(rinkeby1, "/questions/new?caseId=" + caseId);
        String caseNumber = jdbc.sql("SELECT case_number FROM case_file WHERE id = :id").param("id", caseId)
                .query(String.class).single();
        assertThat(form.text()).contains(caseNumber, "Brådskande skickar e-post till metodutvecklaren");

        Response empty = ask(rinkeby1, caseId, "   ", true);
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.text()).contains("Det finns fel i formuläret", "Fyll i ”Din fråga”.", caseNumber);

        Response asked = ask(rinkeby1, caseId, question, true);
        assertThat(asked.status()).as(asked.body()).isEqualTo(302);
        Matcher m = QUESTION_LOCATION.matcher(asked.location());
        assertThat(m.find()).as(asked.location()).isTrue();
        String questionId = m.group(1);
        Response mine = page(rinkeby1, "/questions/" + questionId);
        assertThat(mine.text()).contains(question, "Den brådskande frågan är sparad", "Brådskande", "Avisering");
        // Notifications follow after the question was saved (an event, delivered after commit).
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(notified("metod", "notification.question.urgent")).anyMatch(a -> a.contains(caseNumber)));

        // The method developer's queue: unanswered first, with how long it has waited.
        Browser metod = signedIn("metod");
        Response queue = page(metod, "/questions");
        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.text()).contains("Frågor från kollegor", "Brådskande", "Har väntat i", "Johan Lund",
                caseNumber);
        assertThat(page(metod, "/questions?unanswered=true").text()).contains(caseNumber);

        Response show = page(metod, "/questions/" + questionId);
        assertThat(show.status()).isEqualTo(200);
        assertThat(show.text()).contains(question, "Skicka svaret");
        String csrf = LotsenHttp.csrfToken(show.body());
        Response noAnswer = metod.postForm("/questions/" + questionId + "/answer", Map.of("_csrf", csrf, "answer", ""));
        assertClean(noAnswer, "POST empty answer");
        assertThat(noAnswer.status()).isEqualTo(200);
        assertThat(noAnswer.text()).contains("Det finns fel i formuläret", "Fyll i ”Svar”.");

        Response answered = metod.postForm("/questions/" + questionId + "/answer", Map.of("_csrf", csrf, "answer", answer));
        assertThat(answered.status()).as(answered.body()).isEqualTo(302);
        Response twice = metod.postForm("/questions/" + questionId + "/answer", Map.of("_csrf", csrf, "answer", "Igen."));
        assertThat(twice.status()).isEqualTo(200);
        assertThat(twice.text()).contains("Frågan är redan besvarad.", answer);

        // Both are in the case's journal, signed by their authors; the asker is notified.
        List<JournalEntry> journal = cases.view(access.read(new CaseId(caseId), user("rinkeby1"))).journal();
        assertThat(journal).anySatisfy(e -> {
            assertThat(e.text()).contains("Fråga till metodutvecklaren (brådskande)", question);
            assertThat(e.authorName()).isEqualTo("Johan Lund");
        });
        assertThat(journal).anySatisfy(e -> {
            assertThat(e.text()).contains("Svar från metodutvecklaren", answer);
            assertThat(e.authorName()).isEqualTo("Sofia Ek");
        });
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(notified("rinkeby1", "notification.question.answered")).anyMatch(a -> a.contains(caseNumber)));

        Response casePage = page(rinkeby1, "/cases/" + caseId);
        assertThat(casePage.text()).contains("Frågor till metodutvecklaren", "Fråga metodutvecklaren om ärendet",
                question, answer);
        assertThat(page(rinkeby1, "/questions").text()).contains("Mina frågor till metodutvecklaren", "Besvarad av Sofia Ek");

        // The method developer sees the question, not the case.
        assertThat(metod.get("/cases/" + caseId).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/cases/" + caseId, http.token("metod", DEMO_PASSWORD)).status()).isEqualTo(404);
        assertThat(metod.get("/questions/new?caseId=" + caseId).status()).isEqualTo(404);
        assertThat(page(metod, "/questions/" + questionId).text()).doesNotContain("href=\"/cases/" + caseId);
        // Nobody else sees the question.
        assertThat(signedIn("sodermalm1").get("/questions/" + questionId).status()).isEqualTo(404);
    }

    @Test
    void aGeneralQuestionNeedsNoCase() {
        Browser jour1 = signedIn("jour1");
        Response asked = ask(jour1, null, "Finns det en mall för PM vid överlämning?", false);
        assertThat(asked.status()).as(asked.body()).isEqualTo(302);
        Response mine = page(jour1, "/questions");
        assertThat(mine.text()).contains("Finns det en mall för PM vid överlämning?", "Allmän fråga");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(notified("metod", "notification.question.new")).anyMatch(a -> a.startsWith("–")));
        // An administrator has no case role and asks nothing.
        Browser admin = signedIn("admin");
        Response form = page(admin, "/questions/new");
        Response denied = admin.postForm("/questions/new",
                Map.of("_csrf", LotsenHttp.csrfToken(form.body()), "text", "Fråga"));
        assertThat(denied.status()).isEqualTo(403);
    }
}
