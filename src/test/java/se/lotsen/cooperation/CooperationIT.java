package se.lotsen.cooperation;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import se.lotsen.access.LotsenHttp;
import se.lotsen.access.LotsenHttp.Browser;
import se.lotsen.access.LotsenHttp.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static se.lotsen.access.LotsenHttp.DEMO_PASSWORD;

/**
 * The cooperation log over real HTTP: typed contacts through the API and the pages, queueing for a closed partner on
 * the Swedish working-day calendar, completing the matching routine step, the home-country risk rule, validation that
 * names each field, the access rule, the day's queued contacts and the partner directory.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CooperationIT {

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    private static final String POLICE = "Polisen, Citypolisen (lokalpolisområde)";
    private static final String COORDINATOR = "Regionkoordinator barn och unga, Stockholms län";
    private static final String UD = "Utrikesdepartementet, centralmyndighet (Bryssel IIb / Haag 1996)";
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern EVENT_HANDLER = Pattern.compile("\\son[a-z]+\\s*=\\s*\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern STYLE_ATTRIBUTE = Pattern.compile("<[^>]+\\sstyle\\s*=", Pattern.CASE_INSENSITIVE);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    LotsenHttp http;

    @BeforeEach
    void setUp() {
        http = new LotsenHttp(port);
    }

    // -- helpers --

    private String token(String username) {
        return http.token(username, DEMO_PASSWORD);
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
        assertCleanHtml(r, "GET " + path);
        return r;
    }

    private static void assertCleanHtml(Response r, String what) {
        if (r.contentType().startsWith("text/html")) {
            assertThat(INLINE_SCRIPT.matcher(r.body()).find()).as("inline <script> in %s", what).isFalse();
            assertThat(EVENT_HANDLER.matcher(r.body()).find()).as("inline event handler in %s", what).isFalse();
            assertThat(STYLE_ATTRIBUTE.matcher(r.body()).find()).as("inline style attribute in %s", what).isFalse();
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Opens a case about a foreign child at the caller's unit through the API; returns its id. */
    private UUID openCase(String bearer, String name) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("type", "CHILD");
        subject.put("name", name);
        subject.put("nationality", "RO");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject", subject);
        body.put("receivedAt", OffsetDateTime.now(SWEDEN).minusHours(2).truncatedTo(ChronoUnit.MINUTES).toString());
        Response r = http.postJson("/api/v1/cases", LotsenHttp.toJson(body), bearer);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return UUID.fromString(r.json().get("id").asString());
    }

    private static Map<String, Object> contact(String type, String partner, String at, Map<String, String> fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("partner", partner);
        body.put("at", at);
        body.put("channel", "PHONE");
        body.put("summary", "Vad som frågades eller avtalades: " + type);
        body.put("fields", fields);
        body.put("completeStep", true);
        return body;
    }

    private Response postContact(UUID caseId, Map<String, Object> body, String bearer) {
        return http.postJson("/api/v1/cases/" + caseId + "/contacts", LotsenHttp.toJson(body), bearer);
    }

    private JsonNode step(UUID caseId, String key, String bearer) {
        Response r = http.get("/api/v1/cases/" + caseId, bearer);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        for (JsonNode i : r.json().get("checklist").values()) {
            if (i.get("key").asString().equals(key)) {
                return i;
            }
        }
        throw new AssertionError("no step " + key + " in " + r.body());
    }

    private static List<String> errorFields(Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        List<String> fields = new ArrayList<>();
        for (JsonNode e : r.json().get("errors").values()) {
            fields.add(e.get("field").asString());
            assertThat(e.get("message").asString()).isNotBlank();
        }
        return fields;
    }

    private UUID partnerId(String name) {
        return jdbc.sql("SELECT id FROM partner WHERE name = :n").param("n", name).query(UUID.class).single();
    }

    private static String oneHourAgo() {
        return OffsetDateTime.now(SWEDEN).minusHours(1).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    // -- the API --

    @Test
    void policeContactWithReportNumberCompletesThePoliceReportStep() {
        String jour1 = token("jour1");
        UUID caseId = openCase(jour1, "Ionela Popescu");
        assertThat(step(caseId, "polisanmalan", jour1).get("status").asString()).isEqualTo("OPEN");

        Response r = postContact(caseId, contact("POLICE", POLICE, oneHourAgo(),
                Map.of("reportMade", "YES", "reportNumber", "5000-K123456-26", "secrecyRule", "OSL_10_23")), jour1);

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.location()).contains("/api/v1/cases/" + caseId + "/contacts/");
        JsonNode json = r.json();
        assertThat(json.get("type").asString()).isEqualTo("POLICE");
        assertThat(json.get("partner").asString()).isEqualTo(POLICE);
        assertThat(json.get("status").asString()).isEqualTo("DONE");
        assertThat(json.has("queuedFor")).isFalse();
        assertThat(json.get("fields").get("reportNumber").asString()).isEqualTo("5000-K123456-26");

        JsonNode policeStep = step(caseId, "polisanmalan", jour1);
        assertThat(policeStep.get("status").asString()).isEqualTo("DONE");
        assertThat(policeStep.get("fields").get("diarienummer").asString()).isEqualTo("5000-K123456-26");
        assertThat(policeStep.get("doneBy").asString()).isEqualTo("Elin Berg");

        Response list = http.get("/api/v1/cases/" + caseId + "/contacts", jour1);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().values()).hasSize(1);
    }

    @Test
    void anEmailToAClosedPartnerKeepsItsStatusAndAPlannedCallStaysQueued() {
        String jour1 = token("jour1");
        UUID caseId = openCase(jour1, "Elena Munteanu");

        // An e-mail sent at 03:00 on a Sunday has been sent: it awaits the reply, it is not queued.
        Map<String, Object> email = contact("REGIONAL_COORDINATOR", partnerId(COORDINATOR).toString(),
                "2025-11-30T03:00:00+01:00", Map.of("consent", "YES"));
        email.put("channel", "EMAIL");
        email.put("status", "AWAITING_REPLY");
        Response sent = postContact(caseId, email, jour1);
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        assertThat(sent.json().get("status").asString()).isEqualTo("AWAITING_REPLY");
        assertThat(sent.json().has("queuedFor")).isFalse();

        // A call planned for later stays planned (queued) until then.
        Map<String, Object> planned = contact("REGIONAL_COORDINATOR", partnerId(COORDINATOR).toString(),
                "2025-12-01T03:00:00+01:00", Map.of("consent", "YES"));
        planned.put("status", "QUEUED");
        Response queued = postContact(caseId, planned, jour1);
        assertThat(queued.status()).as(queued.body()).isEqualTo(201);
        assertThat(queued.json().get("status").asString()).isEqualTo("QUEUED");
        assertThat(queued.json().has("queuedFor")).isTrue();
    }

    @Test
    void regionalCoordinatorAtThreeInTheNightIsQueuedForTheNextWorkingDayAtEight() {
        String jour1 = token("jour1");
        UUID caseId = openCase(jour1, "Bianca Dumitru");

        // Sunday 30 November 2025 at 03:00: the coordinator works office hours, so Monday 1 December at 08:00.
        Response r = postContact(caseId, contact("REGIONAL_COORDINATOR", partnerId(COORDINATOR).toString(),
                "2025-11-30T03:00:00+01:00", Map.of("consent", "YES")), jour1);

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("status").asString()).isEqualTo("QUEUED");
        assertThat(r.json().get("queuedFor").asString()).isEqualTo("2025-12-01T07:00:00Z");
        // A queued contact is not made yet, so the step stays open.
        assertThat(step(caseId, "regionkoordinator", jour1).get("status").asString()).isEqualTo("OPEN");
        UUID contactId = UUID.fromString(r.json().get("id").asString());

        // The day's queued contacts list it, with a way to mark it as made.
        Browser browser = signedIn("jour1");
        Response queued = page(browser, "/contacts/queued");
        assertThat(queued.status()).isEqualTo(200);
        String caseNumber = http.get("/api/v1/cases/" + caseId, jour1).json().get("caseNumber").asString();
        assertThat(queued.text()).contains(caseNumber, COORDINATOR, "Köade kontakter");
        assertThat(queued.body()).contains("/cases/" + caseId + "/contacts/" + contactId + "/status");
        // …and so does the deadline board of the day.
        String board = page(browser, "/deadlines").text();
        assertThat(board).contains("Köade kontakter att ta i dag");
        assertThat(board.substring(board.indexOf("Köade kontakter att ta i dag"))).contains(caseNumber, COORDINATOR);

        // The morning after: marked as made, with the step.
        Response statusPage = page(browser, "/cases/" + caseId + "/contacts/" + contactId + "/status");
        assertThat(statusPage.status()).isEqualTo(200);
        Response noStatus = browser.postForm("/cases/" + caseId + "/contacts/" + contactId + "/status",
                Map.of("_csrf", LotsenHttp.csrfToken(statusPage.body()), "note", "Ringde kl. 08.05."));
        assertCleanHtml(noStatus, "POST status without a status");
        assertThat(noStatus.status()).isEqualTo(200);
        assertThat(noStatus.text()).contains("Det finns fel i formuläret", "Ringde kl. 08.05.");

        Response done = browser.postForm("/cases/" + caseId + "/contacts/" + contactId + "/status",
                Map.of("_csrf", LotsenHttp.csrfToken(statusPage.body()), "status", "DONE",
                        "note", "Ringde kl. 08.05. Samråd bokat.", "completeStep", "true"));
        assertThat(done.status()).as(done.body()).isEqualTo(302);
        assertThat(done.location()).endsWith("/cases/" + caseId + "#cooperation");
        JsonNode coordinatorStep = step(caseId, "regionkoordinator", jour1);
        assertThat(coordinatorStep.get("status").asString()).isEqualTo("DONE");
        assertThat(coordinatorStep.get("fields").get("samtycke").asString()).isEqualTo("YES");
        JsonNode after = http.get("/api/v1/cases/" + caseId + "/contacts/" + contactId, jour1).json();
        assertThat(after.get("status").asString()).isEqualTo("DONE");
        assertThat(after.get("summary").asString()).contains("Samråd bokat.");
    }

    @Test
    void homeCountryContactThatMayEndangerTheChildIsClosed() {
        String jour1 = token("jour1");
        UUID caseId = openCase(jour1, "Andrei Ionescu");

        // Thursday 26 November 2026 at 10:00: UD is open, but the contact could endanger the child.
        Response r = postContact(caseId, contact("HOME_COUNTRY_UD", UD, "2026-11-26T10:00:00+01:00",
                Map.of("contactMayEndanger", "YES", "riskAssessment", "Familjen kan vara inblandad i rekryteringen.")),
                jour1);

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("status").asString()).isEqualTo("CLOSED");
        assertThat(r.json().has("queuedFor")).isFalse();
        // The risk assessment is documented, so its step is done, even though no contact is made.
        assertThat(step(caseId, "riskbedomning-hemland", jour1).get("status").asString()).isEqualTo("DONE");

        Browser browser = signedIn("jour1");
        Response casePage = page(browser, "/cases/" + caseId);
        assertThat(casePage.status()).isEqualTo(200);
        assertThat(casePage.text()).contains("Samverkan", "Avslutad",
                "Ingen kontakt tas med hemlandet: den kan utsätta barnet eller en familjemedlem för fara.",
                "Kan kontakten utsätta barnet eller en familjemedlem för fara?");

        // Nor can it be marked as made afterwards.
        String contactId = r.json().get("id").asString();
        String statusPath = "/cases/" + caseId + "/contacts/" + contactId + "/status";
        Response statusPage = page(browser, statusPath);
        assertThat(statusPage.status()).isEqualTo(200);
        assertThat(statusPage.text()).contains("kan utsätta barnet eller en familjemedlem för fara och tas inte");
        Response refused = browser.postForm(statusPath, Map.of("_csrf", LotsenHttp.csrfToken(statusPage.body()),
                "status", "DONE", "completeStep", "true"));
        assertCleanHtml(refused, "POST status DONE of an endangering contact");
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.text()).contains("Det finns fel i formuläret");
        assertThat(http.get("/api/v1/cases/" + caseId + "/contacts/" + contactId, jour1).json().get("status")
                .asString()).isEqualTo("CLOSED");
        assertThat(step(caseId, "riskbedomning-hemland", jour1).get("status").asString()).isEqualTo("DONE");
    }

    @Test
    void invalidContactIsABadRequestNamingEachField() {
        String jour1 = token("jour1");
        UUID caseId = openCase(jour1, "Mihai Stan");

        Map<String, Object> body = contact("POLICE", "Ingen sådan samverkanspart", oneHourAgo(),
                Map.of("reportMade", "YES"));
        body.put("channel", "PIGEON");
        assertThat(errorFields(postContact(caseId, body, jour1)))
                .containsExactlyInAnyOrder("partner", "channel", "fields[reportNumber]");

        Map<String, Object> badType = contact("NOPE", POLICE, "i går", Map.of());
        assertThat(errorFields(postContact(caseId, badType, jour1))).containsExactlyInAnyOrder("type", "at");

        Map<String, Object> noReason = contact("POLICE", POLICE, oneHourAgo(), Map.of("reportMade", "NO"));
        assertThat(errorFields(postContact(caseId, noReason, jour1))).containsExactly("fields[noReportReason]");

        Map<String, Object> udWithoutRequest = contact("HOME_COUNTRY_UD", UD, "2026-11-26T10:00:00+01:00",
                Map.of("contactMayEndanger", "NO", "riskAssessment", "Ingen risk känd."));
        assertThat(errorFields(postContact(caseId, udWithoutRequest, jour1))).containsExactly("fields[requestType]");

        assertThat(http.get("/api/v1/cases/" + caseId + "/contacts", jour1).json().values()).isEmpty();
    }

    @Test
    void otherUnitsCannotRecordOrSeeContacts() {
        String jour1 = token("jour1");
        UUID caseId = openCase(jour1, "Elena Radu");
        String sodermalm1 = token("sodermalm1");

        Response r = postContact(caseId, contact("POLICE", POLICE, oneHourAgo(),
                Map.of("reportMade", "YES", "reportNumber", "5000-K1-26")), sodermalm1);
        assertThat(r.status()).as(r.body()).isEqualTo(404);
        assertThat(http.get("/api/v1/cases/" + caseId + "/contacts", sodermalm1).status()).isEqualTo(404);

        Browser browser = signedIn("sodermalm1");
        assertThat(browser.get("/cases/" + caseId + "/contacts/new?type=POLICE").status()).isEqualTo(404);
    }

    // -- the pages --

    @Test
    void contactFormShowsTheFieldsAndGuidanceOfTheTypeAndKeepsWhatWasTyped() {
        String jour1 = token("jour1");
        UUID caseId = openCase(jour1, "Sorina Matei");
        Browser browser = signedIn("jour1");

        Response chooser = page(browser, "/cases/" + caseId + "/contacts/new");
        assertThat(chooser.status()).isEqualTo(200);
        assertThat(chooser.text()).contains("Vad gäller kontakten?");

        Response ud = page(browser, "/cases/" + caseId + "/contacts/new?type=HOME_COUNTRY_UD");
        assertThat(ud.status()).isEqualTo(200);
        assertThat(ud.text()).contains("Gör riskbedömningen först: kan kontakten utsätta barnet eller en familjemedlem "
                + "för fara? (Haagkonventionen art. 37, Bryssel IIb art. 88)");

        Response police = page(browser, "/cases/" + caseId + "/contacts/new?type=POLICE");
        assertThat(police.status()).isEqualTo(200);
        String form = police.text();
        assertThat(form).contains("10 kap. 21 § OSL", "10 kap. 23 § OSL", "samtycke", "Har polisanmälan gjorts?",
                "Polisens diarienummer", "Markera motsvarande steg i rutinen som klart", "Gör polisanmälan",
                "vad som frågades eller avtalades");
        assertThat(police.body()).contains("name=\"fields[reportMade]\"", "type=\"radio\"", "name=\"completeStep\"")
                // When: prefilled with now, in Swedish form, whatever the browser's language.
                .containsPattern("id=\"at\" name=\"at\" value=\"\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}\"");
        // The suggested partners come first; every partner can still be chosen.
        assertThat(form.indexOf(POLICE)).isPositive().isLessThan(form.indexOf("Barnahus Stockholm"));

        String at = OffsetDateTime.now(SWEDEN).minusMinutes(30).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", LotsenHttp.csrfToken(police.body()));
        fields.put("type", "POLICE");
        fields.put("partnerId", partnerId(POLICE).toString());
        fields.put("at", at);
        fields.put("channel", "PHONE");
        fields.put("summary", "Anmälan om människohandel, förhör på Barnahus i morgon.");
        fields.put("fields[reportMade]", "YES");
        fields.put("fields[reportNumber]", "");
        fields.put("fields[officer]", "Inspektör Åsa Öberg");
        fields.put("followUpOn", "");
        fields.put("status", "");
        fields.put("completeStep", "true");
        Response invalid = browser.postForm("/cases/" + caseId + "/contacts/new", fields);
        assertCleanHtml(invalid, "POST contact with errors");
        assertThat(invalid.status()).isEqualTo(200);
        assertThat(invalid.text()).contains("Det finns fel i formuläret",
                "Skriv polisens diarienummer när anmälan är gjord.", "Inspektör Åsa Öberg",
                "Anmälan om människohandel, förhör på Barnahus i morgon.");
        assertThat(invalid.body()).contains("href=\"#fields[reportNumber]\"");

        fields.put("fields[reportNumber]", "5000-K765432-26");
        Response saved = browser.postForm("/cases/" + caseId + "/contacts/new", fields);
        assertThat(saved.status()).as(saved.body()).isEqualTo(302);
        assertThat(saved.location()).endsWith("/cases/" + caseId + "#cooperation");
        assertThat(step(caseId, "polisanmalan", jour1).get("fields").get("diarienummer").asString())
                .isEqualTo("5000-K765432-26");

        Response casePage = page(browser, "/cases/" + caseId);
        assertThat(casePage.status()).isEqualTo(200);
        assertThat(casePage.text()).contains("Kontakten med " + POLICE + " är registrerad.", "Samverkan",
                "Registrera kontakt", "Polisens diarienummer", "5000-K765432-26", "Inspektör Åsa Öberg", "Klar");
    }

    @Test
    void partnerDirectoryIsForEveryoneAndEditedByAdministratorsAndTheMethodDeveloper() {
        Browser jour1 = signedIn("jour1");
        Response directory = page(jour1, "/partners");
        assertThat(directory.status()).isEqualTo(200);
        assertThat(directory.text()).contains("Samverkansparter", "Migrationsverket", "Dygnet runt", "Vardagar 08:00–17:00");
        Response filtered = page(jour1, "/partners?kind=MIGRATIONSVERKET&q=" + enc("migration"));
        assertThat(filtered.status()).isEqualTo(200);
        assertThat(filtered.text()).contains("Migrationsverket").doesNotContain(POLICE);
        assertThat(jour1.get("/partners/new").status()).isEqualTo(403);
        assertThat(jour1.get("/partners/" + partnerId(POLICE)).status()).isEqualTo(403);

        Browser metod = signedIn("metod");
        Response edit = page(metod, "/partners/" + partnerId(COORDINATOR));
        assertThat(edit.status()).isEqualTo(200);
        assertThat(edit.body()).contains("value=\"08:00\"", "value=\"17:00\"");

        Browser admin = signedIn("admin");
        Response form = page(admin, "/partners/new");
        assertThat(form.status()).isEqualTo(200);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", LotsenHttp.csrfToken(form.body()));
        fields.put("name", "Socialtjänsten i Malmö, jouren (test)");
        fields.put("kind", "OTHER");
        fields.put("country", "SE");
        fields.put("phone", "(demo) 040-000 00 00");
        fields.put("email", "");
        fields.put("notes", "");
        fields.put("hours", "OFFICE_HOURS");
        fields.put("opens", "17:00");
        fields.put("closes", "08:00");
        fields.put("active", "true");
        Response invalid = admin.postForm("/partners/new", fields);
        assertCleanHtml(invalid, "POST partner with errors");
        assertThat(invalid.status()).isEqualTo(200);
        assertThat(invalid.text()).contains("Stängningstiden måste vara senare än öppningstiden.",
                "Socialtjänsten i Malmö, jouren (test)");

        fields.put("opens", "08:00");
        fields.put("closes", "16:30");
        Response saved = admin.postForm("/partners/new", fields);
        assertThat(saved.status()).as(saved.body()).isEqualTo(302);
        assertThat(page(admin, saved.location().replaceFirst("^https?://[^/]+", "")).text())
                .contains("Socialtjänsten i Malmö, jouren (test)", "Vardagar 08:00–16:30");
    }
}
