package se.lotsen.access;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import se.lotsen.access.LotsenHttp.Browser;
import se.lotsen.access.LotsenHttp.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static se.lotsen.access.LotsenHttp.DEMO_PASSWORD;

/**
 * Test support: builds cases as the users would, over the API (open, decide, record contacts, ask, hand over), and
 * signs users in for pages. All names are fictional and made unique per call.
 */
public final class Scenario {

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    private final LotsenHttp http;
    private final Map<String, String> tokens = new HashMap<>();

    public Scenario(LotsenHttp http) {
        this.http = http;
    }

    public LotsenHttp http() {
        return http;
    }

    public String token(String username) {
        return tokens.computeIfAbsent(username, u -> http.token(u, DEMO_PASSWORD));
    }

    public Browser signedIn(String username) {
        Browser browser = http.browser();
        Response r = browser.signIn(username, DEMO_PASSWORD);
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.location()).doesNotContain("error");
        return browser;
    }

    /** A unique fictional name. */
    public static String name(String first) {
        return first + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String minutesAgo(int minutes) {
        return OffsetDateTime.now(SWEDEN).minusMinutes(minutes).truncatedTo(ChronoUnit.MINUTES).toString();
    }

    /**
     * The last time before now that a partner open on weekdays 08–17 was open: 10:00 on the latest working day
     * (Swedish holidays included) whose 10:00 has passed. A call recorded at that time is never queued for the next
     * opening, whatever hour the test runs at.
     */
    public static String duringOfficeHours() {
        se.lotsen.calendar.SwedishCalendar calendar = new se.lotsen.calendar.SwedishCalendar();
        OffsetDateTime now = OffsetDateTime.now(SWEDEN);
        java.time.LocalDate day = now.toLocalDate();
        while (!calendar.isWorkingDay(day) || !day.atTime(10, 0).atZone(SWEDEN).toOffsetDateTime().isBefore(now)) {
            day = day.minusDays(1);
        }
        return day.atTime(10, 0).atZone(SWEDEN).toOffsetDateTime().toString();
    }

    /** Opens a child case as the user; {@code subject} adds to or overrides the subject's fields. */
    public JsonNode openChild(String username, String name, Map<String, Object> subject) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("type", "CHILD");
        s.put("name", name);
        s.put("statedAge", 15);
        s.putAll(subject);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject", s);
        body.put("receivedAt", minutesAgo(300));
        body.put("channel", "POLICE_PL12");
        Response r = http.postJson("/api/v1/cases", LotsenHttp.toJson(body), token(username));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    public UUID openChild(String username, String name) {
        return UUID.fromString(openChild(username, name, Map.of()).get("id").asString());
    }

    /** Records an immediate custody (6 § LVU, the chair's decision) decided and carried out a few hours ago. */
    public JsonNode custody(String username, UUID caseId) {
        return ok(http.postJson("/api/v1/cases/" + caseId + "/decisions", """
                {"type":"LVU_6","decidedAt":"%s","executedAt":"%s",
                 "decidedBy":{"name":"Anna Ordförande","mandate":"CHAIR"},"committee":"rinkeby-kista",
                 "grounds":["LVU_2"],"urgencyReason":"Risk för fortsatt exploatering."}"""
                .formatted(minutesAgo(240), minutesAgo(200)), token(username)));
    }

    /** Records a placement decision (11 § LVU) with the given text. */
    public JsonNode placement(String username, UUID caseId, String details) {
        return ok(http.postJson("/api/v1/cases/" + caseId + "/decisions", LotsenHttp.toJson(Map.of(
                "type", "LVU_11_PLACEMENT", "decidedAt", minutesAgo(150),
                "decidedBy", Map.of("name", "Anna Ordförande", "mandate", "CHAIR"), "committee", "rinkeby-kista",
                "details", details)), token(username)));
    }

    /** Records a contact; {@code status} may be null (Lotsen decides). */
    public JsonNode contact(String username, UUID caseId, String type, String partner, String summary) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("partner", partner);
        body.put("at", minutesAgo(100));
        body.put("channel", "EMAIL");
        body.put("summary", summary);
        return ok(http.postJson("/api/v1/cases/" + caseId + "/contacts", LotsenHttp.toJson(body), token(username)));
    }

    public Response ask(String username, UUID caseId, String text, boolean urgent) {
        return http.postJson("/api/v1/cases/" + caseId + "/questions",
                LotsenHttp.toJson(Map.of("text", text, "urgent", urgent)), token(username));
    }

    public JsonNode handOver(String username, UUID caseId, String toUnit) {
        return ok(http.postJson("/api/v1/cases/" + caseId + "/handover",
                LotsenHttp.toJson(Map.of("toUnit", toUnit, "reason", "Folkbokförd där.")), token(username)));
    }

    /** Posts a page form with the CSRF token of the page it is on. */
    public static Response submit(Browser browser, String pagePath, String postPath, Map<String, String> fields) {
        Response page = browser.get(pagePath);
        assertThat(page.status()).as("GET %s: %s", pagePath, page.body()).isEqualTo(200);
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("_csrf", LotsenHttp.csrfToken(page.body()));
        return browser.postForm(postPath, form);
    }

    /**
     * Fills in the intake form, goes through its check page and presses "Öppna ärendet" there, as a person does; the
     * answer of the confirm (a redirect to the case when it opened). The intake form alone opens nothing.
     */
    public static Response openThroughIntake(Browser browser, String intakePath, Map<String, String> fields) {
        Response checked = submit(browser, intakePath, "/cases/new/intake", fields);
        assertThat(checked.status()).as("POST /cases/new/intake: %s", checked.body()).isEqualTo(302);
        assertThat(checked.location()).as("to the check page").contains("/cases/new/check?draft=");
        String check = checked.location().substring(checked.location().indexOf("/cases/new/check"));
        String token = check.substring(check.indexOf("draft=") + "draft=".length());
        return submit(browser, check, "/cases", Map.of("draft", token));
    }

    private static JsonNode ok(Response r) {
        assertThat(r.status()).as(r.body()).isBetween(200, 299);
        return r.json();
    }
}
