package se.lotsen.system;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.unbescape.html.HtmlEscape;

import se.lotsen.MutableClock;
import se.lotsen.MutableClockConfiguration;
import se.lotsen.access.LotsenHttp;
import se.lotsen.access.LotsenHttp.Browser;
import se.lotsen.access.LotsenHttp.Response;
import se.lotsen.common.SwedishDates;

import static org.assertj.core.api.Assertions.assertThat;
import static se.lotsen.access.LotsenHttp.DEMO_PASSWORD;
import static se.lotsen.access.LotsenHttp.csrfToken;

/**
 * Dates and times in the forms, over real HTTP: typed and shown in Swedish form ({@code 2026-12-03 23:50}), never
 * prefilled where a decision's time is asked for, and read as typed when the worker registers a decision after
 * midnight. The clock is set to Friday 4 December 2026 at 00.20 Swedish time: a custody decided on Thursday 3 December
 * at 23.50 is submitted to the court within a week from the decision day (7 § LVU), by Thursday 10 December -- not
 * Friday 11 December, as a decision time defaulted to "now" would have it.
 */
@Import(MutableClockConfiguration.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {"lotsen.test.isolation=date-fields", "lotsen.reminders.enabled=false"})
class DateFieldsIT {

    private static final Pattern CASE_LOCATION = Pattern.compile("(?:https?://[^/]+)?/cases/([0-9a-f-]{36})");
    /** Friday 4 December 2026, 00.20 Swedish time: registering after midnight. */
    private static final LocalDateTime REGISTERED_AT = LocalDateTime.of(2026, 12, 4, 0, 20);

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    LotsenHttp http;

    @BeforeEach
    void setUp() {
        http = new LotsenHttp(port);
        clock.reset();
        clock.advance(Duration.between(clock.instant(), REGISTERED_AT.atZone(SwedishDates.ZONE).toInstant()));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theDecisionFormAsksForTheTimeAndReadsItAsTyped() {
        Browser jour1 = signedIn("jour1");
        UUID caseId = openChildCase(jour1, "Testbarn Midnatt", "2026-12-03 23:30");
        String base = "/cases/" + caseId;

        // The decision time is not prefilled with "now": the worker types when the decision was made.
        String form = text(page(jour1, base + "/decisions/new?type=LVU_6").body());
        assertThat(input(form, "decidedAt")).contains("type=\"text\"").contains("value=\"\"")
                .contains("autocomplete=\"off\"").contains("maxlength=\"19\"")
                .contains("aria-describedby=\"decidedAt-hint decidedAt-format\"");
        assertThat(input(form, "executedAt")).contains("value=\"\"");
        assertThat(form).contains("Ange när beslutet fattades, inte när du registrerar det. 7 § räknas från beslutsdagen.")
                .contains("id=\"decidedAt-format\">Skriv som ÅÅÅÅ-MM-DD TT:MM, till exempel 2026-12-03 23:50.")
                // The confirmation of an unusual time is asked for only when the time is unusual.
                .doesNotContain("unusualTimeConfirmed");

        // A slip in the execution time: the page comes back with the error at that field and both times as typed,
        // the decision time shown in Swedish form.
        Map<String, String> typed = decision("2026-12-03 23:50", "2026-12-04 00:1");
        Response slip = post(jour1, base + "/decisions/new?type=LVU_6", base + "/decisions/new", typed);
        assertThat(slip.status()).as(slip.body()).isEqualTo(200);
        String back = text(slip.body());
        assertThat(input(back, "decidedAt")).contains("value=\"2026-12-03 23:50\"");
        assertThat(input(back, "executedAt")).contains("value=\"2026-12-04 00:1\"")
                .contains("aria-describedby=\"executedAt-hint executedAt-format executedAt-error\"");
        assertThat(back).contains("<a href=\"#executedAt\">Skriv ”Beslutet verkställdes” som ÅÅÅÅ-MM-DD TT:MM, till exempel "
                + "2026-12-03 23:50.</a>");
        assertThat(back).doesNotContain("unusualTimeConfirmed");

        // Decided at 23.50 on Thursday, registered at 00.20 on Friday: 7 § counts from Thursday.
        Response saved = post(jour1, base + "/decisions/new?type=LVU_6", base + "/decisions/new",
                decision("2026-12-03 23:50", "2026-12-04 00:10"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(302);
        String casePage = text(page(jour1, base).body());
        assertThat(casePage).contains("Underställning till förvaltningsrätten (7 § LVU) – sista dag tors 10 december 2026")
                .containsPattern(Pattern.compile("Underställning till förvaltningsrätten \\(7 § LVU\\)</a>.*?"
                        + "<strong>tors 10 december 2026</strong>", Pattern.DOTALL))
                .contains("tors 3 december 2026 kl. 23.50").contains("fre 4 december 2026 kl. 00.10");

        // The decision page: the end of the custody is not prefilled either.
        Matcher decision = Pattern.compile(Pattern.quote(base) + "/decisions/[0-9a-f-]{36}").matcher(casePage);
        assertThat(decision.find()).isTrue();
        String decisionPage = text(page(jour1, decision.group()).body());
        assertThat(input(decisionPage, "endedAt")).contains("value=\"\"").contains("type=\"text\"");
    }

    @Test
    void aDecisionTimeMoreThanAWeekBackIsRecordedOnlyWhenTheWorkerConfirmsIt() {
        Browser jour1 = signedIn("jour1");
        UUID caseId = openChildCase(jour1, "Testbarn Bekräftelse", "2026-11-20 21:00");
        String base = "/cases/" + caseId;
        String action = base + "/decisions/new?type=LVU_6";

        // Two weeks back: the form comes back asking to check the time, with the checkbox, not ticked.
        Response asked = post(jour1, action, base + "/decisions/new", decision("2026-11-20 23:50", ""));
        assertThat(asked.status()).as(asked.body()).isEqualTo(200);
        String back = text(asked.body());
        assertThat(back).contains("<a href=\"#decidedAt\">Beslutet fattades: Tiden ligger i framtiden eller mer än sju dagar bakåt. "
                + "Kontrollera datum och klockslag – 7 § räknas från beslutsdagen – och bekräfta.</a>");
        assertThat(input(back, "decidedAt")).contains("value=\"2026-11-20 23:50\"");
        assertThat(input(back, "unusualTimeConfirmed")).contains("type=\"checkbox\"").doesNotContain("checked");
        assertThat(back).contains("Jag har kontrollerat tiden: beslutet fattades verkligen då");

        // Ticked, but another mistake: the checkbox stays, ticked.
        Map<String, String> confirmed = decision("2026-11-20 23:50", "");
        confirmed.put("unusualTimeConfirmed", "true");
        confirmed.put("decidedByName", "");
        Response again = post(jour1, action, base + "/decisions/new", confirmed);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(input(text(again.body()), "unusualTimeConfirmed")).contains("checked");

        // Ticked and complete: recorded, counted from the day typed.
        confirmed.put("decidedByName", "Anna Ordförande");
        Response saved = post(jour1, action, base + "/decisions/new", confirmed);
        assertThat(saved.status()).as(saved.body()).isEqualTo(302);
        assertThat(text(page(jour1, base).body())).containsPattern(Pattern.compile(
                "Underställning till förvaltningsrätten \\(7 § LVU\\)</a>.*?<strong>fre 27 november 2026</strong>",
                Pattern.DOTALL));
    }

    @Test
    void otherFormsAndFiltersReadTheSwedishFormAndTheIsoForm() {
        Browser jour1 = signedIn("jour1");
        // The ISO form a browser's own date-time field sent is still read.
        UUID caseId = openChildCase(jour1, "Testbarn Iso", "2026-12-03T22:05");
        String base = "/cases/" + caseId;
        assertThat(text(page(jour1, base).body())).contains("tors 3 december 2026 kl. 22.05");

        // The intake form shows its prefilled time in Swedish form.
        assertThat(input(text(page(jour1, "/cases/new/intake").body()), "receivedAt"))
                .containsPattern("value=\"\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}\"");

        // A journal entry at a time typed in Swedish form, with the time of day written with a full stop.
        Map<String, String> journal = new LinkedHashMap<>();
        journal.put("occurredAt", "2026-12-03 23.55");
        journal.put("text", "Samtal med jourhavande ordförande.");
        Response entry = post(jour1, base + "/journal/new", base + "/journal", journal);
        assertThat(entry.status()).as(entry.body()).isEqualTo(302);

        // The case list's date filters: Swedish form in and out, and a date that cannot be read is said so at the
        // field, kept as typed, and does not narrow the list (and is never a server error).
        String filtered = text(page(jour1, "/cases?from=2026-12-03&to=2026-12-03").body());
        assertThat(input(filtered, "from")).contains("value=\"2026-12-03\"");
        assertThat(filtered).contains("Testbarn Iso");
        String unreadable = text(page(jour1, "/cases?from=03/12/2026&to=2026-13-01").body());
        assertThat(input(unreadable, "from")).contains("value=\"03/12/2026\"").contains("aria-invalid=\"true\"");
        assertThat(input(unreadable, "to")).contains("value=\"2026-13-01\"");
        assertThat(unreadable).contains("id=\"from-error\">Skriv ett datum, till exempel 2026-12-24.")
                .contains("Testbarn Iso");
    }

    // -- helpers --

    private Browser signedIn(String username) {
        Browser browser = http.browser();
        Response r = browser.signIn(username, DEMO_PASSWORD);
        assertThat(r.status()).as("sign-in of " + username).isEqualTo(302);
        return browser;
    }

    private static Response page(Browser browser, String path) {
        Response r = browser.get(path);
        assertThat(r.status()).as("GET " + path + ":\n" + r.body()).isEqualTo(200);
        return r;
    }

    private static Response post(Browser browser, String pageWithForm, String action, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("_csrf", csrfToken(page(browser, pageWithForm).body()));
        return browser.postForm(action, form);
    }

    private static String text(String html) {
        return HtmlEscape.unescapeHtml(html);
    }

    /** The {@code <input>} tag with the id. */
    private static String input(String html, String id) {
        Matcher m = Pattern.compile("<input\\b[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(html);
        assertThat(m.find()).as("<input id=\"" + id + "\">").isTrue();
        return m.group();
    }

    private static UUID openChildCase(Browser browser, String name, String receivedAt) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("subjectType", "CHILD");
        form.put("receivedAt", receivedAt);
        form.put("channel", "POLICE_PL12");
        form.put("reporter", "Citypolisen");
        form.put("summary", "Påträffad av polisen.");
        form.put("identityKind", "UNKNOWN");
        form.put("identityNumber", "");
        form.put("name", name);
        form.put("statedAge", "15");
        form.put("sex", "UNKNOWN");
        form.put("protectedIdentity", "NONE");
        Response r = se.lotsen.access.Scenario.openThroughIntake(browser, "/cases/new/intake", form);
        assertThat(r.status()).as(r.body()).isEqualTo(302);
        Matcher m = CASE_LOCATION.matcher(r.location());
        assertThat(m.find()).as(r.location()).isTrue();
        // Follow the redirect as a browser does, so that the confirmation is shown there and not later.
        assertThat(page(browser, "/cases/" + m.group(1)).body()).contains("Ärendet är öppnat.");
        return UUID.fromString(m.group(1));
    }

    /** A 6 § decision by the chair of Rinkeby-Kista's committee, with the times as typed. */
    private static Map<String, String> decision(String decidedAt, String executedAt) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("type", "LVU_6");
        form.put("decidedAt", decidedAt);
        form.put("executedAt", executedAt);
        form.put("decidedByName", "Anna Ordförande");
        form.put("mandate", "CHAIR");
        form.put("committeeUnitCode", "rinkeby-kista");
        form.put("grounds", "LVU_3");
        form.put("_grounds", "on");
        form.put("urgencyReason", "Risk att barnet förs ut ur landet i natt.");
        return form;
    }
}
