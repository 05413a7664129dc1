package se.lotsen.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The court's rulings in a browser (issue 10): the duty social worker (jour1) records, on the page of a 6 a § custody
 * (the child's habitual residence is abroad), that the court granted continued custody (9 a § LVU). She first presses
 * Enter too early and gets the error summary with links to what is missing; then, by the keyboard only, she follows
 * the summary's link to the radio group, picks the ruling with the arrow keys, types the court's day and case number
 * and sends the form. The ruling is listed, and the decision's deadlines include the new application before the period
 * runs out, two months from the court's own day (5 November 2026 → tis 5 januari 2027), not chained from the custody.
 * On a 6 § custody's 8 § deadline page she records that the committee asked for an extension; the deadline then says
 * that the custody lasts until the court has decided (9 § 1 LVU).
 *
 * <p>All dates are fixed and in the past (autumn 2026), so no assertion depends on the day the test runs; the
 * decision times lie more than a week back, so the decision form asks to confirm them. axe-core checks the decision
 * page (empty, with errors, with the ruling) and the deadline page (before and after). Screenshots go to
 * target/screenshots/rulings-*.png.
 */
@TestPropertySource(properties = "lotsen.test.isolation=court-rulings-browser")
@DirtiesContext
class CourtRulingsBrowserTest extends BrowserTestSupport {

    /** How a date and time is typed in Lotsen's forms: Swedish form, whatever the browser's language. */
    private static final DateTimeFormatter FORM_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private static final String COMMITTEE = "Rinkeby-Kista stadsdelsnämnd, sociala delegationen";
    private static final String CHAIR = "Karin Ordförande";

    private static final String TYPE_6A = "Omedelbart omhändertagande när barnet har hemvist utomlands";
    private static final String TYPE_6 = "Omedelbart omhändertagande";
    private static final String CONTINUATION = "Rätten medgav fortsatt omhändertagande (9 a §)";
    private static final String KIND_9B = "Ny ansökan innan perioden löper ut (9 a–9 b §§ LVU)";
    private static final String KIND_8 = "Ansökan om vård (8 § LVU)";
    private static final String COURT_CASE_NUMBER = "FR 4711-26";
    private static final String EXTENSION_REQUESTED = "Förlängning begärd";
    private static final String CUSTODY_LASTS = "Omhändertagandet består tills rätten har beslutat";

    private static final Pattern DECISION_PATH = Pattern.compile("/cases/[0-9a-f-]{36}/decisions/[0-9a-f-]{36}$");
    private static final Pattern DEADLINE_PATH = Pattern.compile("/cases/[0-9a-f-]{36}/deadlines/[0-9a-f-]{36}$");

    @Test
    void theCourtsRulingsAndTheRequestedExtensionAreRecordedByKeyboard() {
        signIn("jour1");

        // 1. A child whose habitual residence is abroad: immediate custody under 6 a § by the chair.
        String casePath = openChildCase("Ana Popescu", LocalDateTime.of(2026, 9, 30, 18, 0));
        recordCustody(casePath, "LVU_6A", TYPE_6A, LocalDateTime.of(2026, 9, 30, 22, 10),
                LocalDateTime.of(2026, 10, 1, 9, 30), true);

        // 2. The decision's page: the court's rulings, none yet, and the form.
        openDecision(TYPE_6A);
        Locator rulings = page.locator("#rulings");
        assertThat(rulings.getByRole(AriaRole.HEADING, called("Rättens beslut"))).hasCount(1);
        assertThat(rulings).containsText("Inga beslut från rätten är registrerade.");
        assertThat(rulings.getByRole(AriaRole.HEADING, called("Registrera rättens beslut"))).hasCount(1);
        Locator kinds = rulings.getByRole(AriaRole.GROUP, called("Vad beslutade rätten?")).getByRole(AriaRole.RADIO);
        // Only the rulings that can concern a 6 a § custody: no care under LVU (9 § 2), no travel ban.
        assertThat(kinds).hasCount(6);
        assertThat(rulings.getByRole(AriaRole.RADIO, called(CONTINUATION))).hasCount(1);
        assertThat(rulings.getByRole(AriaRole.RADIO, called("Rätten beslutade om vård enligt LVU"))).hasCount(0);
        assertThat(rulings.getByLabel("Dagen för rättens beslut", exact())).hasValue("");
        screenshot("rulings-01-decision-page");
        part(rulings, "rulings-01-form");
        assertNoAxeViolations(page);

        // Enter pressed too early, in the case number field: nothing chosen, no day.
        Locator caseNumber = rulings.getByLabel("Målnummer (valfritt)", exact());
        caseNumber.focus();
        caseNumber.press("Enter");
        assertThat(page).hasURL(Pattern.compile("/cases/[0-9a-f-]{36}/decisions/[0-9a-f-]{36}/court-rulings$"));
        rulings = page.locator("#rulings");
        Locator summary = rulings.locator(".error-summary");
        assertThat(summary).isVisible();
        assertThat(summary).isFocused();
        assertThat(summary).hasAttribute("role", "alert");
        assertThat(summary.getByRole(AriaRole.HEADING)).hasText("Det finns fel i formuläret");
        Locator links = summary.getByRole(AriaRole.LINK);
        assertThat(links).hasCount(2);
        assertThat(links.nth(0)).hasAttribute("href", "#kind");
        assertThat(links.nth(1)).hasAttribute("href", "#decidedOn");
        assertThat(rulings.locator("#kind-error")).isVisible();
        assertThat(page.locator("#decidedOn-error")).isVisible();
        assertThat(rulings.getByLabel("Dagen för rättens beslut", exact()))
                .hasAttribute("aria-describedby", "decidedOn-hint decidedOn-format decidedOn-error");
        // Nothing recorded.
        assertThat(rulings.locator(".ruling-list")).hasCount(0);
        screenshot("rulings-02-errors");
        viewport("rulings-02-errors-in-view");
        assertNoAxeViolations(page);

        // 3. By the keyboard only: from the summary to its first link, into the radio group, the ruling by arrow keys.
        page.keyboard().press("Tab");
        assertThat(links.nth(0)).isFocused();
        // The summary's link moves the focus to the group's first radio.
        page.keyboard().press("Enter");
        Locator first = kinds.first();
        assertThat(first).isFocused();
        page.keyboard().press("ArrowDown");
        page.keyboard().press("ArrowDown");
        Locator continuation = rulings.getByRole(AriaRole.RADIO, called(CONTINUATION));
        assertThat(continuation).isFocused();
        page.keyboard().press("Space");
        assertThat(continuation).isChecked();
        assertThat(rulings.locator("input[name=kind]:checked")).hasCount(1);
        // On to the day, the end date (left empty: the court set none) and the case number.
        page.keyboard().press("Tab");
        Locator decidedOn = rulings.getByLabel("Dagen för rättens beslut", exact());
        assertThat(decidedOn).isFocused();
        page.keyboard().type("2026-11-05");
        page.keyboard().press("Tab");
        assertThat(rulings.getByLabel("Slutdatum som rätten bestämt (om något)", exact())).isFocused();
        page.keyboard().press("Tab");
        assertThat(caseNumber).isFocused();
        page.keyboard().type(COURT_CASE_NUMBER);
        viewport("rulings-03-filled-in-by-keyboard");
        page.keyboard().press("Tab");
        Locator submit = rulings.getByRole(AriaRole.BUTTON, called("Spara rättens beslut"));
        assertThat(submit).isFocused();
        page.keyboard().press("Enter");

        // Back on the decision's page: the ruling listed, and the new deadline from the court's day.
        assertThat(page).hasURL(DECISION_PATH);
        assertFlash("Rättens beslut är registrerat.");
        rulings = page.locator("#rulings");
        Locator ruling = rulings.locator(".ruling-list > li");
        assertThat(ruling).hasCount(1);
        assertThat(ruling).containsText("tors 5 november 2026");
        assertThat(ruling).containsText(CONTINUATION);
        assertThat(ruling).containsText("mål " + COURT_CASE_NUMBER);
        assertThat(ruling).not().containsText("till och med");
        assertThat(rulings).not().containsText("Inga beslut från rätten är registrerade.");

        Locator decisionDeadlines = page.getByRole(AriaRole.REGION, named("Tidsfrister som beslutet startade"));
        Locator application = deadlineItem(decisionDeadlines, KIND_9B);
        assertThat(application).hasCount(1);
        // Two months from the court's day (9 a § fjärde stycket), a date the court set: never chained, never moved.
        assertThat(application.locator(".deadline-item__date")).containsText("Sista dag: tis 5 januari 2027");
        assertThat(application.locator(".deadline-item__note")).hasCount(0);
        screenshot("rulings-04-ruling-recorded");
        part(rulings, "rulings-04-rulings");
        part(decisionDeadlines, "rulings-04-deadlines");
        assertNoAxeViolations(page);

        // The deadline's page says what it counts from: the court's day.
        application.getByRole(AriaRole.LINK, called(KIND_9B)).click();
        assertThat(page).hasURL(DEADLINE_PATH);
        assertThat(page.locator("h1")).hasText(KIND_9B);
        assertThat(summaryValue("Sista dag enligt lag")).hasText("tis 5 januari 2027");
        assertThat(summaryValue("Räknas från")).containsText("tors 5 november 2026");
        assertThat(summaryValue("Räknas från")).containsText("(dagen för rättens beslut)");
        screenshot("rulings-05-continuation-deadline");

        // 4. Another child, a 6 § custody: the committee asked the court to extend the 8 § time.
        String second = openChildCase("Mira Johansson", LocalDateTime.of(2026, 11, 20, 19, 15));
        recordCustody(second, "LVU_6", TYPE_6, LocalDateTime.of(2026, 11, 20, 20, 0),
                LocalDateTime.of(2026, 11, 20, 21, 0), false);
        Locator kind8 = deadlineItem(page.locator("#deadlines"), KIND_8);
        assertThat(kind8).hasCount(1);
        // Four weeks from the execution on Fri 20 November.
        assertThat(kind8.locator(".deadline-item__date")).containsText("Sista dag: fre 18 december 2026");
        kind8.getByRole(AriaRole.LINK, called(KIND_8)).click();
        assertThat(page).hasURL(DEADLINE_PATH);
        assertThat(page.locator("h1")).hasText(KIND_8);
        Locator request = page.getByRole(AriaRole.REGION, named("Nämnden har begärt förlängning"));
        assertThat(request).isVisible();
        Locator requestedOn = request.getByLabel("Förlängning begärdes den", exact());
        assertThat(requestedOn).hasValue("");
        screenshot("rulings-06-deadline-8");
        assertNoAxeViolations(page);

        requestedOn.fill("2026-12-01");
        request.getByRole(AriaRole.BUTTON, called("Spara att förlängning begärts")).click();

        assertThat(page).hasURL(DEADLINE_PATH);
        assertFlash("Sparat: förlängning begärd tis 1 december 2026.");
        assertThat(page.locator("main p.deadline-status")).containsText(EXTENSION_REQUESTED);
        assertThat(summaryValue(EXTENSION_REQUESTED)).containsText("Förlängning begärd tis 1 december 2026.");
        assertThat(summaryValue(EXTENSION_REQUESTED)).containsText(CUSTODY_LASTS + " (9 § 1 LVU).");
        // Asked once: the form is gone; the custody has not lapsed.
        assertThat(page.getByRole(AriaRole.REGION, named("Nämnden har begärt förlängning"))).hasCount(0);
        assertThat(page.locator("main .consequence")).hasCount(0);
        screenshot("rulings-07-extension-requested");
        assertNoAxeViolations(page);

        // The case page's deadline panel says the same.
        open(second);
        Locator requested = deadlineItem(page.locator("#deadlines"), KIND_8);
        assertThat(requested.locator(".deadline-status")).containsText(EXTENSION_REQUESTED);
        assertThat(requested).not().containsText("Upphört – fristen missades");
    }

    // -- steps --

    /** Opens a child case through the intake form; returns its path. */
    private String openChildCase(String name, LocalDateTime receivedAt) {
        open("/cases/new/intake?name=" + name.replace(" ", "%20"));
        Locator main = page.locator("main");
        assertThat(page.locator("h1")).hasText("Mottagande av akutärende");
        main.getByLabel("Ett barn (under 18 år)", exact()).check();
        main.getByLabel("Inkom", exact()).fill(FORM_DATE_TIME.format(receivedAt));
        main.getByLabel("Hur kom ärendet in?", exact()).selectOption("POLICE_PL12");
        main.getByLabel("Vad har hänt? (valfritt)", exact()).fill("Polisen påträffade flickan i en lägenhet i Kista tillsammans "
                + "med två vuxna män. Hon säger att hon är 15 år.");
        main.getByLabel("Sexuell exploatering eller prostitution", exact()).check();
        main.getByLabel("Inget känt nummer", exact()).check();
        main.getByLabel("Uppgiven eller bedömd ålder (valfritt)", exact()).fill("15");
        main.getByRole(AriaRole.BUTTON, called("Fortsätt")).click();
        // The check page: only its button opens the case.
        assertThat(page.locator("h1")).hasText("Kontrollera uppgifterna innan ärendet öppnas");
        page.locator("main").getByRole(AriaRole.BUTTON, called("Öppna ärendet")).click();
        assertThat(page).hasURL(Pattern.compile("/cases/[0-9a-f-]{36}$"));
        assertFlash("Ärendet är öppnat");
        return pathOf(page.url());
    }

    /**
     * Records an immediate custody by the chair of Rinkeby-Kista's committee through the decision form, confirming
     * the decision time (it lies more than a week back).
     */
    private void recordCustody(String casePath, String type, String typeName, LocalDateTime decidedAt,
                               LocalDateTime executedAt, boolean abroad) {
        open(casePath);
        page.locator("#decisions").getByRole(AriaRole.LINK, called("Registrera beslut")).click();
        assertThat(page).hasURL(Pattern.compile("/cases/[0-9a-f-]{36}/decisions/new$"));
        Locator main = page.locator("main");
        main.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions()
                .setName(Pattern.compile("^" + literal(typeName) + "\\s+\\d+ (a )?§ LVU$"))).check();
        main.getByRole(AriaRole.BUTTON, called("Fortsätt")).click();
        assertThat(page).hasURL(Pattern.compile("/cases/[0-9a-f-]{36}/decisions/new\\?type=" + type + "$"));
        assertThat(main.locator(".chosen-type")).containsText(typeName);

        main.getByLabel("Beslutet fattades", exact()).fill(FORM_DATE_TIME.format(decidedAt));
        main.getByLabel("Beslutet verkställdes (valfritt)", exact()).fill(FORM_DATE_TIME.format(executedAt));
        main.getByLabel("Beslutsfattarens namn", exact()).fill(CHAIR);
        main.getByLabel("Ordföranden", exact()).check();
        main.getByLabel("Nämnd", exact()).selectOption(new SelectOption().setLabel(COMMITTEE));
        main.getByLabel("2 § hemförhållanden", exact()).check();
        main.getByLabel("Varför kan rättens beslut inte avvaktas?", exact()).fill("Barnet riskerar att föras "
                + "vidare under natten. Vårdnadshavarna kan inte nås.");
        if (abroad) {
            main.getByLabel("Barnets hemvist", exact()).fill("Rumänien");
            main.getByLabel("Bryssel II b-förordningen", exact()).check();
            main.getByLabel("Bedömning av behörigheten (valfritt)", exact()).fill("Kontakt med rumänska "
                    + "myndigheter via centralmyndigheten.");
        }
        main.getByRole(AriaRole.BUTTON, called("Registrera beslutet")).click();

        // More than a week back: recorded only when the worker confirms the time.
        Locator confirm = main.getByLabel("Jag har kontrollerat tiden: beslutet fattades verkligen då", exact());
        assertThat(confirm).isVisible();
        assertThat(main.locator(".error-summary")).containsText("Tiden ligger i framtiden eller mer än sju dagar bakåt.");
        assertThat(main.getByLabel("Beslutet fattades", exact())).hasValue(FORM_DATE_TIME.format(decidedAt));
        confirm.check();
        main.getByRole(AriaRole.BUTTON, called("Registrera beslutet")).click();

        assertThat(page).hasURL(Pattern.compile("/cases/[0-9a-f-]{36}#deadlines$"));
        assertFlash("Beslutet är registrerat. Tidsfrister som startade: ");
    }

    /** From the case page, the decision's own page by its link in "Beslut". */
    private void openDecision(String typeName) {
        page.locator("#decisions").getByRole(AriaRole.LINK, called(typeName)).click();
        assertThat(page).hasURL(DECISION_PATH);
        assertThat(page.locator("h1")).containsText(typeName);
    }

    // -- helpers --

    /** The deadline of a kind in a list of deadlines. */
    private Locator deadlineItem(Locator within, String kind) {
        return within.locator("li.deadline-item").filter(new Locator.FilterOptions().setHas(
                page.locator(".deadline-item__title > a").filter(new Locator.FilterOptions()
                        .setHasText(Pattern.compile("^" + literal(kind) + "$")))));
    }

    /** The value next to a term in the deadline page's summary list. */
    private Locator summaryValue(String term) {
        return page.locator("main dl.summary > dt").filter(new Locator.FilterOptions().setHasText(
                Pattern.compile("^" + literal(term) + "$"))).locator("xpath=following-sibling::dd[1]");
    }

    /** A regular expression matching the text literally; Pattern.quote's \\Q…\\E does not survive in JavaScript. */
    private static String literal(String text) {
        return text.replaceAll("[\\\\^$.|?*+()\\[\\]{}]", "\\\\$0");
    }

    private String pathOf(String url) {
        String withoutHost = url.substring(url("").length());
        int hash = withoutHost.indexOf('#');
        return hash < 0 ? withoutHost : withoutHost.substring(0, hash);
    }
}
