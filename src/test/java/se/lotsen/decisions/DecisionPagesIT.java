package se.lotsen.decisions;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
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
import org.unbescape.html.HtmlEscape;

import se.lotsen.access.LotsenHttp;
import se.lotsen.access.LotsenHttp.Browser;
import se.lotsen.access.LotsenHttp.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.lotsen.access.LotsenHttp.DEMO_PASSWORD;
import static se.lotsen.access.LotsenHttp.csrfToken;

/**
 * The decision and deadline pages over real HTTP with form sign-in. A duty social worker records an immediate
 * custody decided on a Friday evening before Christmas and sees the legal last day moved past the holidays; marks the
 * 7 § submission met with the court's case number and sees the court's review start; finds the case on the deadline
 * board with overdue deadlines first; reads a reminder among the notifications. Another unit gets 404 on every page.
 * A decision without a mandate comes back with the error summary and every typed value kept.
 *
 * <p>All decision dates are fixed days in December 2025 (a decision may not lie in the future), so every run happens
 * after them: the assertions on the deadlines' dates and on their being overdue never depend on when the test runs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DecisionPagesIT {

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    private static final Pattern CASE_LOCATION = Pattern.compile("(?:https?://[^/]+)?/cases/([0-9a-f-]{36})");
    private static final Pattern CASE_NUMBER = Pattern.compile("SOCIALJOUREN-\\d{4}-\\d{4}");
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern INLINE_STYLE = Pattern.compile("\\sstyle\\s*=\\s*\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern BOARD_ROW = Pattern.compile("<tr\\b([^>]*)>(.*?)</tr>", Pattern.DOTALL);

    @LocalServerPort
    int port;

    @Autowired
    DeadlineReminders reminders;

    LotsenHttp http;

    @BeforeEach
    void setUp() {
        http = new LotsenHttp(port);
    }

    @Test
    void aDutyWorkerRecordsACustodyAndFollowsItsDeadlines() {
        Browser jour1 = signedIn("jour1");
        UUID caseId = openChildCase(jour1, "Testbarn Jul", "2025-12-19T18:00");
        String base = "/cases/" + caseId;

        // The form first asks which decision, grouped; then the form for that decision.
        String chooser = page(jour1, base + "/decisions/new").body();
        assertThat(chooser).contains("Omedelbart omhändertagande av barn").contains("Beslut som hör till ett omhändertagande")
                .contains("value=\"LVU_6\"").contains("6 § LVU").doesNotContain("Skyddat boende");
        String form = page(jour1, base + "/decisions/new?type=LVU_6").body();
        assertThat(form).contains("Aldrig en tjänsteman").contains("name=\"mandate\"").contains("name=\"grounds\"")
                .contains("name=\"committeeUnitCode\"").contains("Rinkeby-Kista stadsdelsnämnd");

        // Friday 19 December 2025 at 19.00: one week is Friday 26 December (Boxing Day), so the legal last day moves
        // past the weekend to Monday 29 December. Carried out at 21.15: four weeks is Friday 16 January 2026.
        Response saved = post(jour1, base + "/decisions/new?type=LVU_6", base + "/decisions/new",
                decisionForm("CHAIR"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(302);
        assertThat(saved.location()).endsWith(base + "#deadlines");

        String casePage = page(jour1, base).body();
        assertThat(casePage).contains("Beslutet är registrerat. Tidsfrister som startade: "
                + "Underställning till förvaltningsrätten (7 § LVU) – sista dag mån 29 december 2025; "
                + "Ansökan om vård (8 § LVU) – sista dag fre 16 januari 2026; "
                + "Anmälan vid nämndens nästa sammanträde (6 § andra stycket, 31 d § LVU)");
        String deadlines = section(casePage, "deadlines");
        assertThat(deadlines).contains("<h2 id=\"deadlines-title\">Tidsfrister</h2>")
                .contains("Underställning till förvaltningsrätten (7 § LVU)").contains("7 § LVU (1990:52)")
                .contains("mån 29 december 2025")
                .contains("Nominellt: fre 26 december 2025. Flyttad eftersom fre 26 december (Annandag jul), "
                        + "lör 27 december och sön 28 december inte är vardagar (lördag, söndag, helgdag eller afton; "
                        + "lag 1930:173).")
                .contains("Ansökan om vård (8 § LVU)").contains("fre 16 januari 2026")
                // Missed, the custody lapses: the status in words with an icon, and what follows by law.
                .contains("Upphört – fristen missades").contains("<span aria-hidden=\"true\" class=\"deadline-status__icon\">✕</span>")
                .contains("Om beslutet inte underställs i tid upphör omhändertagandet (7 § LVU).");
        String decisionsPanel = section(casePage, "decisions");
        assertThat(decisionsPanel).contains("Omedelbart omhändertagande").contains("6 § LVU")
                .contains("fre 19 december 2025 kl. 19.00").contains("fre 19 december 2025 kl. 21.15")
                .contains("Anna Ordförande").contains("(Ordföranden)")
                // The 7 § time was missed, so the custody is not shown as in force but as ended by law.
                .contains("Upphört enligt lag").doesNotContain(">Gäller<")
                .contains("Registrera beslut");

        // The decision page, with its deadlines and a way to end the custody.
        String decisionPath = link(decisionsPanel, base + "/decisions/[0-9a-f-]{36}", "\">Omedelbart omhändertagande");
        String decisionPage = page(jour1, decisionPath).body();
        assertThat(decisionPage).contains("3 § eget beteende").contains("Rinkeby-Kista stadsdelsnämnd, sociala delegationen")
                .contains("Tidsfrister som beslutet startade").contains("Underställning till förvaltningsrätten (7 § LVU)")
                .contains("Omhändertagandet upphör").contains("name=\"reason\"")
                .doesNotContain("Registrera verkställigheten");

        // The deadline page: how the last day was counted.
        String submission = link(deadlines, base + "/deadlines/[0-9a-f-]{36}", "\">Underställning till förvaltningsrätten");
        String deadlinePage = page(jour1, submission).body();
        assertThat(deadlinePage).contains("Sista dag enligt lag").contains("mån 29 december 2025")
                .contains("Nominell sista dag").contains("fre 26 december 2025").contains("– Annandag jul")
                .contains("lör 27 december 2025").contains("sön 28 december 2025")
                .contains("fre 19 december 2025").contains("(dagen för beslutet)").contains("1 vecka")
                .contains("7 § LVU (1990:52)").contains("Markera som klar").contains("Förvaltningsrättens målnummer");

        // Marking it met without the day is refused, and the case number typed is kept. The case number itself is
        // never required (LEGAL-AND-PRACTICE §11: marking 7 § met must not require it).
        Response missing = post(jour1, submission, submission + "/met", Map.of("metOn", "", "evidence", "12345-25"));
        assertThat(missing.status()).isEqualTo(200);
        assertThat(missing.body()).contains("error-summary").contains("href=\"#metOn\"")
                .contains("value=\"12345-25\"");

        // With it, the 7 § submission is met and the court's review week starts from that day.
        Response met = post(jour1, submission, submission + "/met", Map.of("metOn", "2025-12-22", "evidence", "12345-25"));
        assertThat(met.status()).as(met.body()).isEqualTo(302);
        casePage = page(jour1, base).body();
        assertThat(casePage).contains("Tidsfristen är markerad som klar. Nu startar: "
                + "Förvaltningsrättens prövning (7 § LVU) – sista dag mån 29 december 2025.");
        deadlines = section(casePage, "deadlines");
        assertThat(deadlines).contains("Förvaltningsrättens prövning (7 § LVU)").contains("7 § andra stycket LVU (1990:52)")
                .contains("Klar mån 22 december 2025 – Elin Berg");
        assertThat(page(jour1, submission).body()).contains("12345-25").doesNotContain("action=\"" + submission + "/met\"");

        // The board: the case's open deadlines, overdue ones first. A second case, received an hour ago, has
        // deadlines that are not overdue, so the board has both kinds.
        String caseNumber = caseNumber(casePage);
        UUID nowCase = openChildCase(jour1, "Testbarn Nu", LocalDateTime.now(SWEDEN).minusHours(1).withSecond(0).withNano(0)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")));
        String nowNumber = caseNumber(page(jour1, "/cases/" + nowCase).body());
        String board = page(jour1, "/deadlines?days=30").body();
        assertThat(board).contains("<h1>Tidsfrister</h1>").contains("aria-current=\"page\">30 dagar</a>")
                .contains("Försenad");
        // The board is paged (25 a page) and searchable by case number: each case's rows are found by its number.
        String ofThisCase = page(jour1, "/deadlines?days=30&q=" + caseNumber).body();
        List<String[]> thisCaseRows = boardRows(ofThisCase);
        assertThat(thisCaseRows).isNotEmpty().allMatch(r -> r[1].contains(caseNumber));
        assertThat(String.join("\n", thisCaseRows.stream().map(r -> r[1]).toList()))
                .contains("Ansökan om vård (8 § LVU)")
                .contains("Förvaltningsrättens prövning (7 § LVU)").contains("Beslut om att inleda utredning")
                .doesNotContain("Underställning till förvaltningsrätten");
        assertThat(thisCaseRows).allMatch(r -> r[0].contains("board-row--urgent"));
        List<String[]> nowRows = boardRows(page(jour1, "/deadlines?days=30&q=" + nowNumber).body());
        assertThat(nowRows).as("the board has rows that are not overdue").isNotEmpty()
                .anyMatch(r -> !r[0].contains("board-row--urgent"));
        List<String[]> rows = boardRows(board);
        int lastUrgent = -1;
        int firstCalm = rows.size();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i)[0].contains("board-row--urgent")) {
                lastUrgent = i;
            } else {
                firstCalm = Math.min(firstCalm, i);
            }
        }
        assertThat(lastUrgent).as("the board has overdue rows").isGreaterThanOrEqualTo(0);
        assertThat(lastUrgent).as("overdue rows come first").isLessThan(firstCalm);
        assertThat(page(jour1, "/deadlines/rules").body()).contains("Så räknas tidsfristerna")
                .contains("Underställning till förvaltningsrätten (7 § LVU)").contains("Gäller från sön 1 juli 1990");

        // A reminder: jour1 holds the case, the reminder job runs, and the overdue 8 § time is among the notifications,
        // with the date for people; marking them read empties the count in the header.
        assertThat(post(jour1, base, base + "/assign", Map.of()).status()).isEqualTo(302);
        reminders.runOnce();
        // The notifications follow the job's commit (an event): wait for them. Other tests' cases in this context
        // are reminded in the same run, so the page that holds this case's reminder is looked for.
        String wanted = "Försenat – ärende " + caseNumber + ": Ansök om vård hos förvaltningsrätten.";
        await().atMost(java.time.Duration.ofSeconds(20)).until(() -> notificationPageWith(jour1, wanted) != null);
        String notifications = notificationPageWith(jour1, wanted);
        assertThat(notifications).contains("Försenat – ärende " + caseNumber + ": Ansök om vård hos förvaltningsrätten. Sista dagen var "
                + "fre 16 januari 2026 och det är inte markerat som klart. Gör det genast.").doesNotContain("Aviseringar (0)")
                .contains("href=\"/cases/" + caseId + "\"");
        assertThat(post(jour1, "/notifications", "/notifications/read", Map.of()).status()).isEqualTo(302);
        assertThat(page(jour1, "/notifications").body()).contains("Aviseringar (0)")
                .contains("Alla aviseringar är markerade som lästa.");

        // Someone at another unit: none of it exists.
        Browser rinkeby = signedIn("rinkeby1");
        for (String path : List.of(decisionPath, submission, base + "/decisions/new?type=LVU_6")) {
            assertThat(rinkeby.get(path).status()).as(path).isEqualTo(404);
        }
        String rinkebyToken = csrfToken(page(rinkeby, "/deadlines").body());
        assertThat(rinkeby.postForm(submission + "/met", Map.of("_csrf", rinkebyToken, "metOn", "2025-12-22",
                "evidence", "1-25")).status()).isEqualTo(404);
        assertThat(page(rinkeby, "/deadlines?days=30&q=" + caseNumber).body()).doesNotContain("href=\"/cases/" + caseId)
                .contains("Inga tidsfrister matchar sökningen.");

        // A deadline of this case under another case's address does not exist either.
        UUID other = openChildCase(jour1, "Testbarn Annat", "2025-12-18T10:00");
        String foreign = "/cases/" + other + submission.substring(base.length());
        assertThat(jour1.get(foreign).status()).isEqualTo(404);
        assertThat(jour1.get("/cases/" + other + decisionPath.substring(base.length())).status()).isEqualTo(404);
    }

    @Test
    void aCustodyWithoutMandateComesBackWithTheErrorsAndEveryTypedValue() {
        Browser jour1 = signedIn("jour1");
        UUID caseId = openChildCase(jour1, "Testbarn Utan Mandat", "2025-12-19T18:00");
        String base = "/cases/" + caseId;

        Map<String, String> typed = decisionForm(null);
        Response r = post(jour1, base + "/decisions/new?type=LVU_6", base + "/decisions/new", typed);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        String body = r.body();
        assertNoInlineScriptOrStyle(body, "the form with errors");
        assertThat(body).contains("class=\"error-summary\"").contains("Det finns fel i formuläret")
                .contains("<a href=\"#mandate\">Vem fattade beslutet? Välj nämnden, ordföranden eller en förordnad "
                        + "ledamot. En tjänsteman får aldrig fatta beslutet.</a>")
                .contains("class=\"field field--error\"")
                .containsPattern("<fieldset(?=[^>]*class=\"fieldset--error\")(?=[^>]*aria-describedby=\"mandate-hint mandate-error\")")
                .containsPattern("<input type=\"radio\"[^>]*id=\"mandate\"");
        String text = HtmlEscape.unescapeHtml(body).replace("\r\n", "\n");
        assertThat(text).contains("name=\"type\" value=\"LVU_6\"")
                // Posted in the ISO form, shown back in Swedish form.
                .contains("id=\"decidedAt\" name=\"decidedAt\" value=\"2025-12-19 19:00\"")
                .contains("id=\"executedAt\" name=\"executedAt\" value=\"2025-12-19 21:15\"")
                .contains("name=\"decidedByName\" value=\"Anna Ordförande\"")
                .contains("<option value=\"rinkeby-kista\" selected=\"selected\">")
                .containsPattern("<input type=\"checkbox\"(?=[^>]*name=\"grounds\")(?=[^>]*value=\"LVU_3\")[^>]*checked")
                .doesNotContainPattern("<input type=\"checkbox\"(?=[^>]*name=\"grounds\")(?=[^>]*value=\"LVU_2\")[^>]*checked")
                .contains("name=\"urgencyReason\">Risk att barnet förs ut ur landet i natt.\nPolisen är på plats.")
                .contains("name=\"details\">Beslutet meddelades muntligt.");

        // Nothing was recorded.
        assertThat(section(page(jour1, base).body(), "decisions")).contains("Inga beslut är registrerade.");
    }

    /**
     * One round, nothing lost: an unreadable execution time (the form cannot be built) and a decision time the
     * service refuses (years ahead) come back together, and the refused decision time is still in its field as typed.
     */
    @Test
    void everyProblemComesAtOnceAndARefusedTimeStaysAsTyped() {
        Browser jour1 = signedIn("jour1");
        UUID caseId = openChildCase(jour1, "Testbarn En Omgång", "2025-12-19T18:00");
        String base = "/cases/" + caseId;

        Map<String, String> typed = decisionForm("CHAIR");
        typed.put("decidedAt", "2031-01-02 03:04");
        typed.put("executedAt", "i natt");
        Response r = post(jour1, base + "/decisions/new?type=LVU_6", base + "/decisions/new", typed);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        String text = HtmlEscape.unescapeHtml(r.body());
        assertThat(text).contains("<a href=\"#executedAt\">").contains("<a href=\"#decidedAt\">")
                .contains("id=\"decidedAt\" name=\"decidedAt\" value=\"2031-01-02 03:04\"")
                .contains("id=\"executedAt\" name=\"executedAt\" value=\"i natt\"");
        assertThat(section(page(jour1, base).body(), "decisions")).contains("Inga beslut är registrerade.");
    }

    // -- helpers --

    /** The first page of the user's notifications that contains the text, or null. */
    @Test
    void theCourtsRulingAndARequestedExtensionAreRecordedOnThePages() {
        Browser jour1 = signedIn("jour1");
        UUID caseId = openChildCase(jour1, "Testbarn Rätt", "2026-09-30T18:00");
        String base = "/cases/" + caseId;
        Map<String, String> sixA = decisionForm("CHAIR");
        sixA.put("type", "LVU_6A");
        sixA.put("decidedAt", "2026-09-30T22:10");
        sixA.put("executedAt", "2026-10-01T09:30");
        sixA.put("habitualResidence", "Rumänien");
        sixA.put("jurisdictionBasis", "BRUSSELS_IIB");
        Response saved = post(jour1, base + "/decisions/new?type=LVU_6A", base + "/decisions/new", sixA);
        assertThat(saved.status()).as(saved.body()).isEqualTo(302);
        String decisionPath = link(section(page(jour1, base).body(), "decisions"), base + "/decisions/[0-9a-f-]{36}",
                "\">Omedelbart omhändertagande");

        // The decision page offers the rulings that fit a 6 a § custody, and nothing else.
        String decisionPage = section(page(jour1, decisionPath).body(), "rulings");
        assertThat(decisionPage).contains("Rättens beslut").contains("value=\"CONTINUATION_GRANTED\"")
                .contains("value=\"CUSTODY_CONFIRMED\"").doesNotContain("value=\"CARE_GRANTED\"")
                .doesNotContain("value=\"TRAVEL_BAN_CONFIRMED\"");

        // Sent empty: the error summary names the kind and the day; nothing is recorded.
        Response empty = post(jour1, decisionPath, decisionPath + "/court-rulings",
                Map.of("decidedOn", "", "until", "", "courtCaseNumber", "FR 4711-26"));
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.body()).contains("error-summary").contains("href=\"#kind\"").contains("href=\"#decidedOn\"")
                .contains("value=\"FR 4711-26\"");

        // The continuation granted on 2026-11-05 runs two months from that day: 2027-01-05, not chained.
        Response granted = post(jour1, decisionPath, decisionPath + "/court-rulings", Map.of("kind",
                "CONTINUATION_GRANTED", "decidedOn", "2026-11-05", "until", "", "courtCaseNumber", "FR 4711-26"));
        assertThat(granted.status()).as(granted.body()).isEqualTo(302);
        decisionPage = page(jour1, decisionPath).body();
        assertThat(decisionPage).contains("Rätten medgav fortsatt omhändertagande (9 a §)").contains("mål FR 4711-26")
                .contains("Ny ansökan innan perioden löper ut (9 a–9 b §§ LVU)").contains("tis 5 januari 2027");

        // A 6 § custody: the committee requested an extension of the 8 § time on the deadline's page.
        UUID other = openChildCase(jour1, "Testbarn Förlängning", "2026-11-20T18:00");
        String otherBase = "/cases/" + other;
        Map<String, String> six = decisionForm("CHAIR");
        six.put("decidedAt", "2026-11-20T20:00");
        six.put("executedAt", "2026-11-20T21:00");
        assertThat(post(jour1, otherBase + "/decisions/new?type=LVU_6", otherBase + "/decisions/new", six).status())
                .isEqualTo(302);
        String application = link(section(page(jour1, otherBase).body(), "deadlines"),
                otherBase + "/deadlines/[0-9a-f-]{36}", "\">Ansökan om vård");
        assertThat(page(jour1, application).body()).contains("Nämnden har begärt förlängning");
        Response tooLate = post(jour1, application, application + "/extension-requested",
                Map.of("requestedOn", "2026-12-30"));
        assertThat(tooLate.status()).isEqualTo(200);
        assertThat(tooLate.body()).contains("error-summary").contains("href=\"#requestedOn\"");
        Response requested = post(jour1, application, application + "/extension-requested",
                Map.of("requestedOn", "2026-12-01"));
        assertThat(requested.status()).as(requested.body()).isEqualTo(302);
        assertThat(page(jour1, application).body()).contains("Förlängning begärd")
                .contains("Omhändertagandet består tills rätten har beslutat");
    }

    private static String notificationPageWith(Browser browser, String text) {
        for (int p = 0; p < 20; p++) {
            String body = page(browser, "/notifications?page=" + p).body();
            if (body.contains(text)) {
                return body;
            }
            if (!body.contains("rel=\"next\"")) {
                return null;
            }
        }
        return null;
    }

    private Browser signedIn(String username) {
        Browser browser = http.browser();
        Response r = browser.signIn(username, DEMO_PASSWORD);
        assertThat(r.status()).as("sign-in of " + username).isEqualTo(302);
        assertThat(r.location()).doesNotContain("error");
        return browser;
    }

    /** GET, expecting 200 and a page that obeys the Content-Security-Policy (no inline script or style). */
    private static Response page(Browser browser, String path) {
        Response r = browser.get(path);
        assertThat(r.status()).as("GET " + path + ":\n" + r.body()).isEqualTo(200);
        assertNoInlineScriptOrStyle(r.body(), path);
        return r;
    }

    private static void assertNoInlineScriptOrStyle(String html, String what) {
        assertThat(INLINE_SCRIPT.matcher(html).find()).as("inline <script> in " + what).isFalse();
        assertThat(INLINE_STYLE.matcher(html).find()).as("inline style attribute in " + what).isFalse();
    }

    /** Posts a form with the CSRF token of the page that shows it. */
    private static Response post(Browser browser, String pageWithForm, String action, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("_csrf", csrfToken(page(browser, pageWithForm).body()));
        return browser.postForm(action, form);
    }

    /** Opens a case about a child through the intake form; returns its id. */
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

    /** A 6 § decision on Friday 19 December 2025 at 19.00, carried out at 21.15; {@code mandate} may be null. */
    private static Map<String, String> decisionForm(String mandate) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("type", "LVU_6");
        form.put("decidedAt", "2025-12-19T19:00");
        form.put("executedAt", "2025-12-19T21:15");
        form.put("decidedByName", "Anna Ordförande");
        if (mandate != null) {
            form.put("mandate", mandate);
        }
        form.put("committeeUnitCode", "rinkeby-kista");
        form.put("grounds", "LVU_3");
        form.put("_grounds", "on");
        form.put("urgencyReason", "Risk att barnet förs ut ur landet i natt.\r\nPolisen är på plats.");
        form.put("details", "Beslutet meddelades muntligt.");
        // December 2025 is more than a week back: the worker confirms the time as typed.
        form.put("unusualTimeConfirmed", "true");
        return form;
    }

    /** The case page's section with the id, up to its end. */
    private static String section(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertThat(start).as("section #" + id + " in:\n" + html).isGreaterThanOrEqualTo(0);
        int end = html.indexOf("</section>", start);
        return html.substring(start, end);
    }

    /** The path of the first link to a path matching {@code pathRegex} whose markup goes on with {@code followedBy}. */
    private static String link(String html, String pathRegex, String followedBy) {
        Matcher m = Pattern.compile("href=\"(" + pathRegex + ")" + Pattern.quote(followedBy)).matcher(html);
        assertThat(m.find()).as(pathRegex + " in:\n" + html).isTrue();
        return m.group(1);
    }

    private static String caseNumber(String casePage) {
        Matcher m = CASE_NUMBER.matcher(casePage);
        assertThat(m.find()).isTrue();
        return m.group();
    }

    /** The board's body rows: the row's attributes and its content. */
    private static List<String[]> boardRows(String html) {
        String body = html.substring(html.indexOf("<tbody>"), html.indexOf("</tbody>"));
        List<String[]> rows = new ArrayList<>();
        Matcher m = BOARD_ROW.matcher(body);
        while (m.find()) {
            rows.add(new String[] {m.group(1), m.group(2)});
        }
        return rows;
    }
}
