package se.lotsen.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static se.lotsen.access.LotsenHttp.DEMO_PASSWORD;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unbescape.html.HtmlEscape;

import se.lotsen.access.LotsenHttp;
import se.lotsen.access.LotsenHttp.Browser;
import se.lotsen.access.LotsenHttp.Response;
import se.lotsen.access.Scenario;

/**
 * The intake's check-your-answers step over real HTTP: sending the intake form opens nothing and leads to the check
 * page; only the check page's button opens the case, once; its "Ändra" links go back to the form with the answers;
 * a protected address never appears in an address.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IntakeCheckIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    LotsenHttp http;

    @BeforeEach
    void setUp() {
        http = new LotsenHttp(port);
    }

    private Browser signedIn(String username) {
        Browser browser = http.browser();
        assertThat(browser.signIn(username, DEMO_PASSWORD).status()).isEqualTo(302);
        return browser;
    }

    private static Map<String, String> intake(String name, String address) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("subjectType", "CHILD");
        form.put("receivedAt", LocalDateTime.now(ZoneId.of("Europe/Stockholm")).minusHours(1).withSecond(0)
                .withNano(0).toString().replace('T', ' '));
        form.put("channel", "POLICE_PL12");
        form.put("reporter", "Gränspolisen Arlanda");
        form.put("summary", "Flickan kom ensam med tåget.");
        form.put("exploitationForms", "BEGGING");
        form.put("identityKind", "UNKNOWN");
        form.put("identityNumber", "");
        form.put("name", name);
        form.put("statedAge", "15");
        form.put("sex", "FEMALE");
        form.put("protectedIdentity", address.isEmpty() ? "NONE" : "SKYDDAD_FOLKBOKFORING");
        form.put("address", address);
        return form;
    }

    private long casesAbout(String name) {
        return jdbc.sql("SELECT count(*) FROM case_file c JOIN person p ON p.id = c.person_id WHERE p.name = :n")
                .param("n", name).query(Long.class).single();
    }

    @Test
    void theFormLeadsToTheCheckPageAndOnlyItsButtonOpensTheCaseOnce() {
        Browser jour1 = signedIn("jour1");
        String name = "Kontroll " + TestIdentityNumbers.token();
        String address = "Hemlighetsgatan " + TestIdentityNumbers.token();

        Response sent = Scenario.submit(jour1, "/cases/new/intake", "/cases/new/intake", intake(name, address));

        assertThat(sent.status()).as(sent.body()).isEqualTo(302);
        assertThat(sent.location()).matches(".*/cases/new/check\\?draft=[0-9a-f-]{36}$")
                .doesNotContain("Hemlighetsgatan").doesNotContain("Kontroll");
        assertThat(casesAbout(name)).as("sending the intake form opens nothing").isZero();
        String checkPath = sent.location().substring(sent.location().indexOf("/cases/new/check"));
        String token = checkPath.substring(checkPath.indexOf("draft=") + 6);

        Response check = jour1.get(checkPath);
        assertThat(check.status()).isEqualTo(200);
        String html = HtmlEscape.unescapeHtml(check.body());
        assertThat(html).contains("Kontrollera uppgifterna innan ärendet öppnas").contains(name)
                .contains("Gränspolisen Arlanda").contains("Flickan kom ensam med tåget.").contains(address)
                .contains("Tiggeri");
        // Each answer has a change link back to its field; the links carry only the token.
        assertThat(html).contains("href=\"/cases/new/intake?draft=" + token + "#name\"")
                .contains("href=\"/cases/new/intake?draft=" + token + "#channel\"")
                .contains("href=\"/cases/new/intake?draft=" + token + "#subjectType\"")
                .contains("href=\"/cases/new/intake?draft=" + token + "#address\"");
        assertThat(html).containsPattern("<form[^>]*action=\"/cases\"[^>]*novalidate");

        // "Ändra": the form comes back with every answer, and sending it again keeps the same draft.
        Response change = jour1.get("/cases/new/intake?draft=" + token);
        assertThat(change.status()).isEqualTo(200);
        String form = HtmlEscape.unescapeHtml(change.body());
        assertThat(form).contains("value=\"" + name + "\"").contains("value=\"" + address + "\"")
                .contains("value=\"Gränspolisen Arlanda\"").contains("name=\"draft\" value=\"" + token + "\"");
        Map<String, String> changed = intake(name, address);
        changed.put("reporter", "Citypolisen");
        changed.put("draft", token);
        Response again = Scenario.submit(jour1, "/cases/new/intake?draft=" + token, "/cases/new/intake", changed);
        assertThat(again.location()).endsWith("/cases/new/check?draft=" + token);
        assertThat(HtmlEscape.unescapeHtml(jour1.get(checkPath).body())).contains("Citypolisen");
        assertThat(casesAbout(name)).isZero();

        // The check page's button opens the case.
        Response confirm = Scenario.submit(jour1, checkPath, "/cases", Map.of("draft", token));
        assertThat(confirm.status()).as(confirm.body()).isEqualTo(302);
        assertThat(confirm.location()).matches(".*/cases/[0-9a-f-]{36}$");
        assertThat(casesAbout(name)).isEqualTo(1);
        String opened = confirm.location().substring(confirm.location().indexOf("/cases/"));
        assertThat(jdbc.sql("SELECT reporter FROM case_file WHERE id = :id")
                .param("id", UUID.fromString(opened.substring("/cases/".length()))).query(String.class).single())
                .isEqualTo("Citypolisen");

        // A second confirm (a double click, the back button and again) opens no second case: it goes to the first.
        Map<String, String> replay = new LinkedHashMap<>(Map.of("draft", token));
        replay.put("_csrf", LotsenHttp.csrfToken(jour1.get("/cases").body()));
        Response second = jour1.postForm("/cases", replay);
        assertThat(second.status()).isEqualTo(302);
        assertThat(second.location()).endsWith(opened);
        assertThat(casesAbout(name)).as("no second case").isEqualTo(1);
        // The draft is gone from the session: its check page goes back to the form.
        assertThat(jour1.get(checkPath).location()).endsWith("/cases/new/intake");
    }

    @Test
    void anInvalidIntakeShowsEveryProblemAtOnceAndNoCheckPage() {
        Browser jour1 = signedIn("jour1");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("receivedAt", "igår");
        form.put("identityKind", "PERSONNUMMER");
        form.put("identityNumber", "12");
        form.put("name", "");
        form.put("exploitationForms", "OTHER");

        Response r = Scenario.submit(jour1, "/cases/new/intake", "/cases/new/intake", form);

        assertThat(r.status()).isEqualTo(200);
        String html = HtmlEscape.unescapeHtml(r.body());
        assertThat(html).contains("error-summary");
        // One round: the unreadable date, the missing choices and the service's rules are all listed together.
        // In the order of the form (GOV.UK), each naming its field.
        int previous = -1;
        for (String field : new String[] {"subjectType", "receivedAt", "channel", "exploitationOther",
                "identityNumber", "name"}) {
            int at = html.indexOf("href=\"#" + field + "\"");
            assertThat(at).as(field).isGreaterThan(previous);
            previous = at;
        }
        assertThat(html).contains("Skriv ”Inkom” som ÅÅÅÅ-MM-DD TT:MM").contains("Fyll i ”Namn”")
                .doesNotContain("Fyll i fältet");
    }

    @Test
    void aConfirmWithoutAKeptDraftOpensNothing() {
        Browser jour1 = signedIn("jour1");
        long before = jdbc.sql("SELECT count(*) FROM case_file").query(Long.class).single();
        Response r = Scenario.submit(jour1, "/cases/new/intake", "/cases",
                Map.of("draft", UUID.randomUUID().toString(), "subjectType", "CHILD", "channel", "OTHER",
                        "name", "Ingen Utkast"));
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.location()).endsWith("/cases/new/intake");
        assertThat(jdbc.sql("SELECT count(*) FROM case_file").query(Long.class).single()).isEqualTo(before);
    }
}
