package se.lotsen.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import se.lotsen.access.LotsenHttp;

/**
 * The one access policy as the people of the jour and the districts meet it in their browsers.
 *
 * <p><b>Protected identity.</b> The duty social worker (jour1) opens a case about a child with protected identity
 * ("Skyddad folkbokföring") and an address. She never sees the address, not even when she takes the case ("Jag håller
 * i ärendet"): the page says it is protected and the address is not in the page's HTML at all. The duty lead
 * (jourchef) sees it and, using only the keyboard, names jour1 in "Vem får se skyddade uppgifter"; jour1 then sees the
 * address, until the lead removes the right again. jour1 never has the naming form, and posting it anyway is refused.
 * The person form shows her neither the address nor a field for it.
 *
 * <p><b>A case that cannot be closed yet.</b> A child's case with open statutory deadlines, and then with an
 * immediate custody (6 § LVU) recorded through the decision form, is not closed: "Avsluta ärendet" shows why, in an
 * error summary that takes the focus, keeps the reason typed and leaves the case open.
 *
 * <p><b>A person known at another unit.</b> Rinkeby-Kista (rinkeby1, over the API) has an open case about a child
 * with a personnummer and an address. The jour's search by name says only that another unit may know the person
 * (unit, case number, whom to contact), never the number or the address, and lists no match of its own; jour1 opens
 * a case anyway through the notice's link, and rinkeby1 finds a notification about it under "Aviseringar". A
 * district (sodermalm1) searching the same name is told nothing.
 *
 * <p><b>Another change came first.</b> jour1 and jour2 have the same case open; jour2 takes it, and jour1's close
 * with the old version is refused, naming jour2, without changing anything and keeping the reason. jour1 then closes
 * it with the keyboard only, from the error summary's link.
 *
 * <p>Written as a newcomer and an attacker would try these pages, it found three faults, fixed since: the error
 * summaries shown after a redirect to {@code #status} lost the focus, the person form offered a duty worker an address
 * field, and the notice called a district's open case "Öppet på jouren". The focus is checked at the end of those
 * tests, so that the rest of each journey is still checked when it fails.
 *
 * <p>Screenshots go to target/screenshots/access-*.png; axe-core checks every page state visited. Its own application
 * context and database (closed afterwards), because it numbers cases and sends notifications.
 */
@TestPropertySource(properties = "lotsen.test.isolation=access-policy-browser")
@DirtiesContext
class AccessPolicyBrowserTest extends BrowserTestSupport {

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    /** Dates as Lotsen writes them for people ({@code SwedishDates}). */
    private static final DateTimeFormatter SV_DATE = DateTimeFormatter.ofPattern("EEE d MMMM yyyy",
            java.util.Locale.forLanguageTag("sv"));
    /** How a date and time is typed in Lotsen's forms: Swedish form, whatever the browser's language. */
    private static final DateTimeFormatter FORM_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Pattern CASE_PATH = Pattern.compile("/cases/([0-9a-f-]{36})(#[a-z-]+)?$");
    private static final Pattern JOUR_CASE_NUMBER = Pattern.compile("SOCIALJOUREN-\\d{4}-\\d{4}");

    private static final String JOUR = "Socialjouren Stockholm";
    private static final String RINKEBY = "Rinkeby-Kista stadsdelsförvaltning";
    private static final String RINKEBY_CONTACT = "08-000 03 00 (demo)";
    private static final String RINKEBY_COMMITTEE = "Rinkeby-Kista stadsdelsnämnd, sociala delegationen";
    private static final String JOUR1_NAME = "Elin Berg";
    private static final String JOUR2_NAME = "Karim Nasser";
    private static final String JOURCHEF_NAME = "Maria Holm";
    private static final String RINKEBY1_NAME = "Johan Lund";

    private static final String MASKED = "Skyddad – visas inte";
    private static final String ELSEWHERE_TITLE = "Personen kan vara känd hos en annan enhet";
    private static final String BLOCKED_TITLE = "Ärendet kan inte avslutas ännu";
    private static final String BLOCKED_HINT = "Avsluta omhändertagandet med dess skäl och gör klart tidsfristerna "
            + "först; sedan kan ärendet avslutas.";

    // 1. Protected identity
    private static final String PROTECTED_NAME = "Selma Vukovic Ahlgren";
    private static final String PROTECTED_STREET = "Vitsippsgränd 7";
    private static final String PROTECTED_ADDRESS = PROTECTED_STREET + ", 163 41 Spånga";

    // 1b. The person form
    private static final String FORM_NAME = "Leila Farahani Wendt";
    private static final String FORM_STREET = "Blåklintsvägen 31";
    private static final String FORM_ADDRESS = FORM_STREET + ", 124 52 Bandhagen";

    // 2. Closing
    private static final String CUSTODY_NAME = "Nadia Petrović Strand";
    private static final String CHAIR = "Gunnel Ordförande";
    private static final String CLOSE_REASON = "Barnet bor hos sin moster i Tensta och stadsdelen har tagit över "
            + "kontakten. Inget mer för jouren att göra.";

    // 3. Known at another unit
    private static final String KNOWN_NAME = "Kwame Osei Lindahl";
    private static final String KNOWN_STREET = "Hagtornsvägen 22";
    private static final String KNOWN_ADDRESS = KNOWN_STREET + ", 164 40 Kista";
    private static final String STATUS_NAME = "Tariq Mansour Ekdahl";

    // 4. Concurrent change
    private static final String ADULT_NAME = "Irina Sokolova Hed";
    private static final String STALE_REASON = "Kvinnan har fått plats på ett skyddat boende i en annan kommun.";

    /** Extra browser contexts opened by the test (other users), closed after it. */
    private final List<BrowserContext> otherContexts = new ArrayList<>();

    /** Failed focus checks, reported at the end of the test so that the rest of the journey is still checked. */
    private final List<AssertionError> focusFailures = new ArrayList<>();

    @AfterEach
    void closeOtherContexts() {
        otherContexts.forEach(BrowserContext::close);
        otherContexts.clear();
        focusFailures.clear();
    }

    // ------------------------------------------------------------------------------------------------------------
    // 1 (and 5). Protected identity: only the lead and whom the lead names see the address
    // ------------------------------------------------------------------------------------------------------------

    @Test
    void aDutyWorkerSeesAProtectedAddressOnlyWhileTheLeadHasNamedHer() {
        Page jour1 = page;
        signIn("jour1");
        String casePath = openAProtectedChildCaseThroughTheIntake();

        // Just opened, and held by her: the address is masked, and not in the HTML at all.
        assertThat(page.locator("main .case-status")).containsText("Handläggare: " + JOUR1_NAME);
        assertThat(assignButton()).hasCount(0);
        assertTheAddressIsHiddenFromJour1();
        screenshot("access-02-protected-case-jour1");
        assertNoAxeViolations(page);

        // The lead sees the address and who may see it; she takes the case for a while.
        Page lead = newUserPage();
        page = lead;
        signIn("jourchef");
        open(casePath);
        assertThat(addressCell()).hasText(PROTECTED_ADDRESS);
        Locator viewers = page.locator("#protected-viewers");
        assertThat(viewers.getByRole(AriaRole.HEADING, called("Vem får se skyddade uppgifter"))).hasCount(1);
        assertThat(viewers).containsText("Enhetens ledning ser adress och placering.");
        assertThat(viewers).containsText("Ingen handläggare har fått behörighet.");
        Locator worker = viewers.getByLabel("Handläggare", exact());
        // The workers of the jour, not its lead (who sees it anyway).
        assertThat(worker.locator("option")).hasText(new String[] {"Välj handläggare", JOUR1_NAME, JOUR2_NAME});
        String jour1Account = worker.locator("option", new Locator.LocatorOptions().setHasText(JOUR1_NAME))
                .getAttribute("value");
        assertNotNull(jour1Account);
        screenshot("access-03-protected-case-lead");
        part(page.locator("section[aria-labelledby=person-title]"), "access-03-protected-case-lead-person");
        assertNoAxeViolations(page);
        assignButton().click();
        assertThat(page).hasURL(Pattern.compile(re(casePath) + "#status$"));
        assertFlash("Du är nu handläggare för ärendet.");
        assertThat(page.locator("main .case-status")).containsText("Handläggare: " + JOURCHEF_NAME);

        // jour1 takes the case back: holding it gives her no right to the address.
        page = jour1;
        page.reload();
        assertThat(page.locator("main .case-status")).containsText("Handläggare: " + JOURCHEF_NAME);
        assertTheAddressIsHiddenFromJour1();
        assignButton().click();
        assertThat(page).hasURL(Pattern.compile(re(casePath) + "#status$"));
        assertFlash("Du är nu handläggare för ärendet.");
        assertThat(page.locator("main .case-status")).containsText("Handläggare: " + JOUR1_NAME);
        assertTheAddressIsHiddenFromJour1();
        screenshot("access-04-protected-case-jour1-assigned");
        assertNoAxeViolations(page);

        // She cannot name herself by posting the lead's form.
        open(casePath);
        String csrf = page.locator("meta[name=csrf-token]").getAttribute("content");
        APIResponse forged = page.request().post(url(casePath + "/protected-viewers"), RequestOptions.create()
                .setForm(FormData.create().set("_csrf", csrf).set("account", jour1Account)).setMaxRedirects(0));
        assertEquals(403, forged.status(), "jour1 posting the naming form for herself");
        page.reload();
        assertTheAddressIsHiddenFromJour1();

        // The lead names jour1, with the keyboard only: from the section (as a link to it would), Tab to the list of
        // workers, type the first letters of the name, Tab to the button, Enter.
        page = lead;
        open(casePath);
        page.navigate(url(casePath + "#protected-viewers"));
        page.keyboard().press("Tab");
        worker = page.locator("#protected-viewers").getByLabel("Handläggare", exact());
        assertThat(worker).isFocused();
        page.keyboard().type("Elin");
        assertThat(worker).hasValue(jour1Account);
        page.keyboard().press("Tab");
        Locator give = page.locator("#protected-viewers").getByRole(AriaRole.BUTTON, called("Ge behörighet"));
        assertThat(give).isFocused();
        page.keyboard().press("Enter");

        assertThat(page).hasURL(Pattern.compile(re(casePath) + "#protected-viewers$"));
        assertFlash("Behörigheten är given och flaggad för loggranskning.");
        viewers = page.locator("#protected-viewers");
        Locator named = viewers.getByRole(AriaRole.LISTITEM);
        assertThat(named).hasCount(1);
        assertThat(named).containsText(Pattern.compile("^\\s*" + JOUR1_NAME + ", behörighet given av "
                + JOURCHEF_NAME + ", \\S+ \\d{1,2} \\S+ \\d{4} kl\\. \\d{2}\\.\\d{2}"));
        assertThat(viewers).not().containsText("Ingen handläggare har fått behörighet.");
        // Focus after the redirect: the next Tab reaches the new entry's own button, named for the person.
        page.keyboard().press("Tab");
        Locator remove = viewers.getByRole(AriaRole.BUTTON, called("Ta bort behörigheten för " + JOUR1_NAME));
        assertThat(remove).isFocused();
        assertThat(remove).hasText("Ta bort");
        screenshot("access-06-lead-named-jour1");
        part(viewers, "access-06-lead-named-jour1-section");
        assertNoAxeViolations(page);

        // jour1 sees the address from now on, and still has no naming form.
        page = jour1;
        page.reload();
        assertThat(addressCell()).hasText(PROTECTED_ADDRESS);
        assertTrue(page.content().contains(PROTECTED_ADDRESS), "jour1, named, sees the address");
        assertNoNamingForm();
        screenshot("access-07-protected-case-jour1-named");
        assertNoAxeViolations(page);

        // The lead takes the right back, still with the keyboard (the remove button kept the focus).
        page = lead;
        assertThat(remove).isFocused();
        page.keyboard().press("Enter");
        assertThat(page).hasURL(Pattern.compile(re(casePath) + "#protected-viewers$"));
        assertFlash("Behörigheten är borttagen.");
        viewers = page.locator("#protected-viewers");
        assertThat(viewers).containsText("Ingen handläggare har fått behörighet.");
        assertThat(viewers.getByRole(AriaRole.LISTITEM)).hasCount(0);
        page.keyboard().press("Tab");
        assertThat(viewers.getByLabel("Handläggare", exact())).isFocused();
        assertThat(addressCell()).hasText(PROTECTED_ADDRESS);
        screenshot("access-08-lead-removed-jour1");
        assertNoAxeViolations(page);

        page = jour1;
        page.reload();
        assertTheAddressIsHiddenFromJour1();
        screenshot("access-09-protected-case-jour1-removed");
    }

    /** jour1 searches, finds nobody, and opens a case about a protected child with an address. */
    private String openAProtectedChildCaseThroughTheIntake() {
        Locator main = page.locator("main");
        main.getByRole(AriaRole.LINK, called("Nytt akutärende")).click();
        assertThat(page).hasURL(Pattern.compile("/cases/new$"));
        main.getByLabel("Namn", exact()).fill(PROTECTED_NAME);
        main.getByRole(AriaRole.BUTTON, called("Sök person")).click();
        assertThat(ownMatches()).containsText("Ingen person hittades.");
        assertThat(page.getByRole(AriaRole.REGION, named(ELSEWHERE_TITLE))).hasCount(0);
        assertNoAxeViolations(page);
        main.getByRole(AriaRole.LINK, called("Ny person")).click();
        assertThat(page).hasURL(Pattern.compile("/cases/new/intake\\?name="));
        assertThat(page.locator("h1")).hasText("Mottagande av akutärende");
        assertThat(main.getByLabel("Namn", exact())).hasValue(PROTECTED_NAME);

        fillTheChildsCase("Polisen hämtade flickan på en fest i en lägenhet. Mamman har skyddad folkbokföring "
                + "och flickan bor med henne.");
        main.getByLabel("Inget känt nummer", exact()).check();
        main.getByLabel("Uppgiven eller bedömd ålder (valfritt)", exact()).fill("14");
        main.getByLabel("Skyddade personuppgifter", exact()).selectOption(
                new SelectOption().setLabel("Skyddad folkbokföring"));
        main.getByLabel("Adress (valfritt)", exact()).fill(PROTECTED_ADDRESS);
        screenshot("access-01-intake-protected");
        assertNoAxeViolations(page);
        main.getByRole(AriaRole.BUTTON, called("Fortsätt")).click();
        // The check page: only its button opens the case.
        assertThat(page.locator("h1")).hasText("Kontrollera uppgifterna innan ärendet öppnas");
        page.locator("main").getByRole(AriaRole.BUTTON, called("Öppna ärendet")).click();

        assertThat(page).hasURL(CASE_PATH);
        assertFlash("Ärendet är öppnat. Börja med nästa steg.");
        assertThat(page.locator("h1")).containsText(PROTECTED_NAME);
        return pathOf(page.url());
    }

    /** The case page as a duty worker without the right sees it: a banner, a masked address, nothing in the HTML. */
    private void assertTheAddressIsHiddenFromJour1() {
        Locator banner = page.locator("main .banner-protected");
        assertThat(banner).hasRole(AriaRole.NOTE);
        assertThat(banner).containsText("Skyddad folkbokföring.");
        assertThat(banner).containsText("Lämna aldrig ut adress, placering eller vistelseort.");
        assertThat(addressCell()).hasText(MASKED);
        String html = page.content();
        assertFalse(html.contains(PROTECTED_STREET), "the protected address is in jour1's case page");
        assertFalse(html.contains("Vitsippsgr"), "part of the protected address is in jour1's case page");
        assertNoNamingForm();
    }

    /** Neither the section nor its forms are on a duty worker's page. */
    private void assertNoNamingForm() {
        assertThat(page.locator("#protected-viewers")).hasCount(0);
        assertThat(page.getByRole(AriaRole.HEADING, named("Vem får se skyddade uppgifter"))).hasCount(0);
        assertThat(page.locator("form[action*='/protected-viewers']")).hasCount(0);
        assertThat(page.getByRole(AriaRole.BUTTON, named("Ge behörighet"))).hasCount(0);
    }

    /**
     * The person form of a protected person, as a duty worker without the right sees it: the address is not in the
     * page, and there is no address field to fill in either (what she typed there would be dropped on saving).
     * (A {@code th:if} next to a {@code th:replace} is ignored by Thymeleaf; the field had been shown.)
     */
    @Test
    void theDutyWorkersPersonFormHasNoAddressFieldForAProtectedPerson() {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("statedAge", 16);
        subject.put("protectedIdentity", "SKYDDAD_FOLKBOKFORING");
        subject.put("address", FORM_ADDRESS);
        String casePath = "/cases/" + openCaseOverTheApi("jour1", "CHILD", FORM_NAME, subject).get("id").asString();

        signIn("jour1");
        open(casePath);
        page.locator("main").getByRole(AriaRole.LINK, called("Ändra uppgifter om personen")).click();
        assertThat(page).hasURL(Pattern.compile(re(casePath) + "/person$"));
        assertThat(page.locator("h1")).hasText("Ändra uppgifter om personen");
        assertThat(page.locator("main .banner-protected")).containsText("Skyddad folkbokföring.");
        assertThat(page.locator("main .masked"))
                .hasText("Adressen är skyddad och visas inte för dig. Den ändras inte när du sparar.");
        assertFalse(page.content().contains(FORM_STREET), "the person form holds the protected address");
        screenshot("access-05-protected-person-form-jour1");
        assertNoAxeViolations(page);
        assertThat(page.locator("main").getByLabel("Adress")).hasCount(0);
    }

    // ------------------------------------------------------------------------------------------------------------
    // 2. A case that cannot be closed yet
    // ------------------------------------------------------------------------------------------------------------

    @Test
    void aChildsCaseWithAnOpenDeadlineOrACustodyInForceIsNotClosed() {
        signIn("jour1");
        JsonNode created = openCaseOverTheApi("jour1", "CHILD", CUSTODY_NAME, Map.of("statedAge", 13));
        String casePath = "/cases/" + created.get("id").asString();
        open(casePath);

        // A child's case has its statutory deadlines from the start (20 kap. socialtjänstlagen).
        Locator blockers = tryToClose();
        assertThat(blockers.locator("li")).hasCount(2);
        assertThat(blockers.locator("li").nth(0)).hasText(Pattern.compile("^Tidsfristen enligt 20 kap\\. [12] § "
                + "socialtjänstlagen \\(2025:400\\) \\(sista dag [^)]+\\) är inte klar\\. Markera den som klar eller "
                + "avsluta det den gäller\\.$"));
        assertThat(blockerItem(blockers, "Tidsfristen enligt 20 kap. 1 § socialtjänstlagen (2025:400)")).hasCount(1);
        assertThat(blockerItem(blockers, "Tidsfristen enligt 20 kap. 2 § socialtjänstlagen (2025:400)")).hasCount(1);
        assertThat(blockerItem(blockers, "omedelbart omhändertagande")).hasCount(0);
        assertTheCaseIsStillOpen();
        screenshot("access-10-close-refused-deadlines");
        viewport("access-10-close-refused-deadlines-view");
        assertNoAxeViolations(page);

        // An immediate custody, recorded through "Beslut".
        LocalDateTime decidedAt = LocalDateTime.now(SWEDEN).minusHours(1).truncatedTo(ChronoUnit.MINUTES);
        recordACustodyByTheChair(decidedAt);
        assertThat(page.locator("#decisions tbody tr")).containsText("Omedelbart omhändertagande");

        blockers = tryToClose();
        Locator custody = blockerItem(blockers, "Ett omedelbart omhändertagande enligt 6 § LVU");
        assertThat(custody).hasCount(1);
        assertThat(custody).hasText("Ett omedelbart omhändertagande enligt 6 § LVU (beslutat "
                + SV_DATE.format(decidedAt) + ") gäller. Avsluta det med skäl under Beslut.");
        assertThat(blockerItem(blockers, "Tidsfristen enligt 7 § LVU (1990:52)")).hasCount(1);
        assertThat(blockerItem(blockers, "Tidsfristen enligt 20 kap. 2 § socialtjänstlagen (2025:400)")).hasCount(1);
        assertTheCaseIsStillOpen();
        screenshot("access-12-close-refused-custody");
        viewport("access-12-close-refused-custody-view");
        assertNoAxeViolations(page);

        // Nothing was closed behind the page either.
        LotsenHttp http = new LotsenHttp(port);
        JsonNode read = http.get("/api/v1/cases/" + created.get("id").asString(), http.token("jour1", DEMO_PASSWORD))
                .json();
        assertEquals("OPEN", read.get("status").asString());
        reportFocusFailures();
    }

    /**
     * The section "Handläggare och status" with "Avsluta ärendet" unfolded: closing sits behind a disclosure, closed
     * until the worker opens it (or a refused attempt opens it by itself).
     */
    private Locator closing() {
        Locator disclosure = page.locator("#status details#close");
        assertThat(disclosure).hasCount(1);
        if (disclosure.getAttribute("open") == null) {
            disclosure.locator("summary").click();
        }
        assertThat(disclosure).hasAttribute("open", Pattern.compile(".*"));
        return page.locator("#status");
    }

    /** Types a reason and clicks "Avsluta ärendet"; checks the refusal and returns its error summary. */
    private Locator tryToClose() {
        Locator status = closing();
        status.getByLabel("Skäl", exact()).fill(CLOSE_REASON);
        status.getByRole(AriaRole.BUTTON, called("Avsluta ärendet")).click();

        assertThat(page).hasURL(Pattern.compile("/cases/[0-9a-f-]{36}#status$"));
        Locator summary = page.getByRole(AriaRole.ALERT, named(BLOCKED_TITLE));
        assertThat(summary).hasCount(1);
        assertThat(summary).hasClass(Pattern.compile("\\berror-summary\\b"));
        // Like every error summary in Lotsen, it takes the focus, so keyboard and screen-reader users hear it first.
        assertThat(summary).hasAttribute("tabindex", "-1");
        assertFocusedAfterLoading(summary, "the summary \"" + BLOCKED_TITLE + "\"");
        assertThat(summary.getByRole(AriaRole.HEADING)).hasText(BLOCKED_TITLE);
        assertThat(summary).containsText(BLOCKED_HINT);
        // The reason typed is kept for the next try.
        assertThat(status.getByLabel("Skäl", exact())).hasValue(CLOSE_REASON);
        assertThat(page.getByText("Ärendets status är ändrad.")).hasCount(0);
        return summary;
    }

    private void assertTheCaseIsStillOpen() {
        assertThat(page.locator("main .case-status .status")).hasText("Öppet");
        Locator status = closing();
        assertThat(status.getByRole(AriaRole.BUTTON, called("Avsluta ärendet"))).hasCount(1);
        assertThat(status.getByRole(AriaRole.BUTTON, called("Öppna ärendet igen"))).hasCount(0);
        assertThat(history().last()).hasText(Pattern.compile("^Öppet – "));
        assertThat(history().filter(new Locator.FilterOptions().setHasText("Avslutat"))).hasCount(0);
        assertThat(history().filter(new Locator.FilterOptions().setHasText(CLOSE_REASON))).hasCount(0);
    }

    private static Locator blockerItem(Locator summary, String text) {
        return summary.locator("li").filter(new Locator.FilterOptions().setHasText(text));
    }

    /** Records an immediate custody (6 § LVU) by the chair of Rinkeby-Kista's committee through the decision form. */
    private void recordACustodyByTheChair(LocalDateTime decidedAt) {
        page.locator("#decisions").getByRole(AriaRole.LINK, called("Registrera beslut")).click();
        assertThat(page.locator("h1")).hasText("Registrera beslut");
        Locator main = page.locator("main");
        assertNoAxeViolations(page);
        main.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions()
                .setName(Pattern.compile("^Omedelbart omhändertagande\\s+6 § LVU$"))).check();
        main.getByRole(AriaRole.BUTTON, called("Fortsätt")).click();
        assertThat(page).hasURL(Pattern.compile("/decisions/new\\?type=LVU_6$"));
        main.getByLabel("Beslutet fattades", exact()).fill(FORM_DATE_TIME.format(decidedAt));
        main.getByLabel("Beslutet verkställdes (valfritt)", exact()).fill(FORM_DATE_TIME.format(decidedAt
                .plusMinutes(20)));
        main.getByLabel("Beslutsfattarens namn", exact()).fill(CHAIR);
        main.getByLabel("Ordföranden", exact()).check();
        main.getByLabel("Nämnd", exact()).selectOption(new SelectOption().setLabel(RINKEBY_COMMITTEE));
        main.getByLabel("2 § hemförhållanden", exact()).check();
        main.getByLabel("Varför kan rättens beslut inte avvaktas?", exact()).fill("Mamman vill hämta barnet i "
                + "natt och barnet säger att hon blir slagen hemma.");
        screenshot("access-11-custody-form");
        assertNoAxeViolations(page);
        main.getByRole(AriaRole.BUTTON, called("Registrera beslutet")).click();
        assertThat(page).hasURL(Pattern.compile("/cases/[0-9a-f-]{36}#deadlines$"));
        assertFlash("Beslutet är registrerat. Tidsfrister som startade: ");
    }

    // ------------------------------------------------------------------------------------------------------------
    // 3. A person known at another unit
    // ------------------------------------------------------------------------------------------------------------

    @Test
    void theJourLearnsOnlyThatAnotherUnitKnowsThePersonAndThatUnitIsTold() {
        String personnummer = personnummer("20110923", "382");
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("identityKind", "PERSONNUMMER");
        subject.put("identityNumber", personnummer);
        subject.put("address", KNOWN_ADDRESS);
        subject.put("statedAge", 14);
        JsonNode district = openCaseOverTheApi("rinkeby1", "CHILD", KNOWN_NAME, subject);
        String districtCaseId = district.get("id").asString();
        String districtNumber = district.get("caseNumber").asString();
        assertTrue(districtNumber.startsWith("RINKEBY-KISTA-"), districtNumber);

        // The jour searches by name: no match of its own, only the notice.
        signIn("jour1");
        searchByName(KNOWN_NAME);
        Locator own = ownMatches();
        assertThat(own).containsText("Ingen person hittades. Lägg upp en ny person.");
        assertThat(own.locator(".card")).hasCount(0);
        assertThat(own.getByRole(AriaRole.LINK, called("Öppna ärende för den här personen"))).hasCount(0);
        Locator notice = page.getByRole(AriaRole.REGION, named(ELSEWHERE_TITLE));
        assertThat(notice).hasCount(1);
        assertThat(notice).containsText("Uppgifter om personen visas inte här: kontakta enheten.");
        Locator card = notice.locator(".card");
        assertThat(card).hasCount(1);
        assertThat(card.getByRole(AriaRole.HEADING)).hasText(RINKEBY);
        assertThat(definition(card, "Ärende")).hasText(districtNumber);
        assertThat(definition(card, "Kontakt")).hasText(RINKEBY1_NAME + " · " + RINKEBY_CONTACT);
        assertThat(card).not().containsText(KNOWN_NAME);
        assertNothingOfTheDistrictsRecord(personnummer);
        screenshot("access-13-known-elsewhere-jour");
        assertNoAxeViolations(page);

        // She opens a case anyway, through the notice.
        card.getByRole(AriaRole.LINK, called("Öppna ett nytt ärende och meddela enheten")).click();
        assertThat(page).hasURL(Pattern.compile("/cases/new/intake\\?.*knownElsewhere=" + districtCaseId));
        assertThat(page.locator("h1")).hasText("Mottagande av akutärende");
        Locator main = page.locator("main");
        assertThat(main.getByLabel("Namn", exact())).hasValue(KNOWN_NAME);
        assertNothingOfTheDistrictsRecord(personnummer);
        fillTheChildsCase("Pojken greps av polisen vid en butiksstöld i Sergels torg. Han säger att en äldre "
                + "kamrat tar hand om pengarna.");
        main.getByLabel("Inget känt nummer", exact()).check();
        main.getByLabel("Uppgiven eller bedömd ålder (valfritt)", exact()).fill("14");
        screenshot("access-14-intake-known-elsewhere");
        assertNoAxeViolations(page);
        main.getByRole(AriaRole.BUTTON, called("Fortsätt")).click();
        // The check page: only its button opens the case.
        assertThat(page.locator("h1")).hasText("Kontrollera uppgifterna innan ärendet öppnas");
        page.locator("main").getByRole(AriaRole.BUTTON, called("Öppna ärendet")).click();

        assertThat(page).hasURL(CASE_PATH);
        assertFlash("Ärendet är öppnat. Börja med nästa steg.");
        Matcher number = JOUR_CASE_NUMBER.matcher(page.locator("h1").innerText());
        assertTrue(number.find(), page.locator("h1").innerText());
        String jourNumber = number.group();
        // The jour's case has a person of its own: nothing of the district's record came along.
        assertThat(addressCell()).hasText("–");
        assertNothingOfTheDistrictsRecord(personnummer);

        // The district's case worker is told, after the commit.
        awaitSideEffects();
        page = newUserPage();
        signIn("rinkeby1");
        Locator link = page.locator("header").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                .setName(Pattern.compile("^Aviseringar \\(\\d+\\)$")));
        assertThat(link).hasCount(1);
        assertThat(link).not().hasText("Aviseringar (0)");
        link.click();
        assertThat(page).hasURL(Pattern.compile("/notifications$"));
        assertThat(page.locator("h1")).hasText("Aviseringar");
        String expected = "En person i ert ärende " + districtNumber + " kan vara densamma som i ett ärende som "
                + JOUR + " har öppnat (" + jourNumber + "). Kontakta " + JOUR + ".";
        Locator item = page.locator("main .notification").filter(new Locator.FilterOptions().setHasText(expected));
        assertThat(item).hasCount(1);
        assertThat(item.locator(".notification__text")).hasText(expected);
        assertThat(item.locator(".notification__new")).containsText("Ny");
        assertThat(item).not().containsText(KNOWN_NAME);
        assertThat(item.getByRole(AriaRole.LINK, called("Öppna ärendet")))
                .hasAttribute("href", "/cases/" + districtCaseId);
        screenshot("access-15-notification-rinkeby1");
        assertNoAxeViolations(page);

        // A district searching the same name is told nothing about any other unit.
        page = newUserPage();
        signIn("sodermalm1");
        searchByName(KNOWN_NAME);
        assertThat(ownMatches()).containsText("Ingen person hittades. Lägg upp en ny person.");
        assertThat(page.getByRole(AriaRole.REGION, named(ELSEWHERE_TITLE))).hasCount(0);
        String html = page.content();
        assertFalse(html.contains(ELSEWHERE_TITLE), "a district sees the jour's notice");
        assertFalse(html.contains(districtNumber), "a district sees another district's case number");
        assertFalse(html.contains(jourNumber), "a district sees the jour's case number");
        assertNothingOfTheDistrictsRecord(personnummer);
        screenshot("access-16-search-sodermalm1");
        assertNoAxeViolations(page);
    }

    /**
     * The notice must not tell the jour that Rinkeby-Kista's open case is "Öppet på jouren" (open at the jour), as
     * every open case was labelled once, also those a district opened.
     */
    @Test
    void theNoticeDoesNotSayTheOtherUnitsOpenCaseIsOpenAtTheJour() {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("identityKind", "PERSONNUMMER");
        subject.put("identityNumber", personnummer("20100611", "274"));
        subject.put("statedAge", 15);
        String districtNumber = openCaseOverTheApi("rinkeby1", "CHILD", STATUS_NAME, subject).get("caseNumber")
                .asString();

        signIn("jour1");
        searchByName(STATUS_NAME);
        Locator card = page.getByRole(AriaRole.REGION, named(ELSEWHERE_TITLE)).locator(".card");
        assertThat(card).hasCount(1);
        assertThat(definition(card, "Ärende")).hasText(districtNumber);
        Locator status = definition(card, "Status");
        assertThat(status).containsText("Öppet");
        assertThat(status).not().containsText("på jouren");
    }

    /** Neither the personnummer (in any form) nor the address of the district's record is in the page. */
    private void assertNothingOfTheDistrictsRecord(String personnummer) {
        String html = page.content();
        for (String form : List.of(personnummer, personnummer.substring(0, 8) + "-" + personnummer.substring(8),
                personnummer.substring(2, 8) + "-" + personnummer.substring(8), personnummer.substring(2))) {
            assertFalse(html.contains(form), "the district's personnummer (" + form + ") is in " + page.url());
        }
        assertFalse(html.contains(KNOWN_STREET), "the district's address is in " + page.url());
        assertFalse(html.contains("Hagtornsv"), "part of the district's address is in " + page.url());
    }

    private void searchByName(String name) {
        open("/cases/new");
        assertThat(page.locator("h1")).hasText("Nytt akutärende");
        page.locator("main").getByLabel("Namn", exact()).fill(name);
        page.locator("main").getByRole(AriaRole.BUTTON, called("Sök person")).click();
        assertThat(page).hasURL(Pattern.compile("/cases/new\\?.*name="));
        assertThat(ownMatches()).hasCount(1);
    }

    // ------------------------------------------------------------------------------------------------------------
    // 4 (and 5). Another change came first
    // ------------------------------------------------------------------------------------------------------------

    @Test
    void aChangeAColleagueMadeFirstIsNeverOverwrittenSilently() {
        JsonNode created = openCaseOverTheApi("jour1", "ADULT", ADULT_NAME, Map.of());
        String casePath = "/cases/" + created.get("id").asString();

        // Both have the case open.
        Page jour1 = page;
        signIn("jour1");
        open(casePath);
        assertThat(page.locator("main .case-status")).containsText("Handläggare: " + JOUR1_NAME);

        page = newUserPage();
        signIn("jour2");
        open(casePath);
        // jour2 takes the case.
        assignButton().click();
        assertFlash("Du är nu handläggare för ärendet.");
        assertThat(page.locator("main .case-status")).containsText("Handläggare: " + JOUR2_NAME);

        // jour1 closes it from the page she read before.
        page = jour1;
        Locator status = closing();
        status.getByLabel("Skäl", exact()).fill(STALE_REASON);
        status.getByRole(AriaRole.BUTTON, called("Avsluta ärendet")).click();

        assertThat(page).hasURL(Pattern.compile(re(casePath) + "#status$"));
        Locator summary = status.locator(".error-summary");
        assertThat(summary).hasCount(1);
        assertThat(summary).hasRole(AriaRole.ALERT);
        assertThat(summary).hasAttribute("tabindex", "-1");
        assertFocusedAfterLoading(summary, "the summary of the concurrent change");
        assertThat(summary).hasText(Pattern.compile("^\\s*Någon annan ändrade medan du arbetade: " + JOUR2_NAME
                + ", \\S+ \\d{1,2} \\S+ \\d{4} kl\\. \\d{2}\\.\\d{2} \\(vem som håller i ärendet\\)\\. Inget av det "
                + "du skrev har sparats men det finns kvar nedan\\. Kontrollera och spara igen\\.\\s*$"));
        // Nothing was overwritten: still open, still jour2's; the reason she typed is kept.
        assertThat(page.locator("main .case-status .status")).hasText("Öppet");
        assertThat(page.locator("main .case-status")).containsText("Handläggare: " + JOUR2_NAME);
        assertThat(status.getByRole(AriaRole.BUTTON, called("Avsluta ärendet"))).hasCount(1);
        assertThat(history().filter(new Locator.FilterOptions().setHasText("Avslutat"))).hasCount(0);
        Locator reason = status.getByLabel("Skäl", exact());
        assertThat(reason).hasValue(STALE_REASON);
        assertThat(page.getByText("Ärendets status är ändrad.")).hasCount(0);
        screenshot("access-17-concurrent-change");
        viewport("access-17-concurrent-change-view");
        assertNoAxeViolations(page);

        // With the keyboard only: from the summary to its link, Enter to the reason, Tab to the button, Enter.
        page.keyboard().press("Tab");
        Locator toReason = summary.getByRole(AriaRole.LINK);
        assertThat(toReason).isFocused();
        assertThat(toReason).hasAttribute("href", "#reason");
        page.keyboard().press("Enter");
        assertThat(reason).isFocused();
        page.keyboard().press("Tab");
        assertThat(status.getByRole(AriaRole.BUTTON, called("Avsluta ärendet"))).isFocused();
        page.keyboard().press("Enter");

        // Now read and decided on: closed, with her reason, after jour2's change.
        assertThat(page).hasURL(Pattern.compile(re(casePath) + "#status$"));
        assertFlash("Ärendets status är ändrad.");
        assertThat(page.locator("main .case-status .status")).hasText("Avslutat");
        assertThat(status.locator(".error-summary")).hasCount(0);
        assertThat(history().last()).hasText(Pattern.compile("^Avslutat – " + JOUR1_NAME + ", .+ – "
                + re(STALE_REASON) + "$"));
        assertThat(status.getByRole(AriaRole.BUTTON, called("Öppna ärendet igen"))).hasCount(1);
        // Focus after the redirect: the next Tab lands in the status section, on the reason for reopening.
        page.keyboard().press("Tab");
        assertThat(status.getByLabel("Skäl", exact())).isFocused();
        screenshot("access-18-closed-after-reading");
        assertNoAxeViolations(page);

        LotsenHttp http = new LotsenHttp(port);
        JsonNode read = http.get(casePath.replace("/cases/", "/api/v1/cases/"), http.token("jour2", DEMO_PASSWORD))
                .json();
        assertEquals("CLOSED", read.get("status").asString());
        reportFocusFailures();
    }

    // ------------------------------------------------------------------------------------------------------------
    // helpers
    // ------------------------------------------------------------------------------------------------------------

    /**
     * Like every error summary in Lotsen, one shown after a form was refused takes the focus when the page has loaded,
     * so that keyboard and screen-reader users meet it first. A failure is kept for the end of the test, and the
     * focus is put where it should be, so that the keyboard journey from there is checked as well.
     */
    private void assertFocusedAfterLoading(Locator summary, String what) {
        try {
            assertThat(summary).isFocused();
        } catch (AssertionError e) {
            Object active = page.evaluate("() => document.activeElement && (document.activeElement.tagName"
                    + " + (document.activeElement.id ? '#' + document.activeElement.id : ''))");
            focusFailures.add(new AssertionError(what + " on " + page.url() + " does not have the focus after "
                    + "loading; the focus is on " + active, e));
            summary.focus();
        }
    }

    private void reportFocusFailures() {
        if (!focusFailures.isEmpty()) {
            AssertionError first = focusFailures.get(0);
            focusFailures.stream().skip(1).forEach(first::addSuppressed);
            throw first;
        }
    }

    /** The case fields of the intake form for a child brought in by the police. */
    private void fillTheChildsCase(String summary) {
        Locator main = page.locator("main");
        main.getByLabel("Ett barn (under 18 år)", exact()).check();
        main.getByLabel("Hur kom ärendet in?", exact()).selectOption(
                new SelectOption().setLabel("Polisen, efter ett tillfälligt omhändertagande enligt 12 § polislagen"));
        main.getByLabel("Anmälare (valfritt)", exact()).fill("Polisassistent Jonas Wiklund, Västerortspolisen");
        main.getByLabel("Vad har hänt? (valfritt)", exact()).fill(summary);
        main.getByLabel("Brottslig verksamhet", exact()).check();
    }

    /** Opens a case at the user's unit over the API (POST /api/v1/cases with a bearer token). */
    private JsonNode openCaseOverTheApi(String username, String type, String name, Map<String, Object> extra) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("type", type);
        subject.put("name", name);
        subject.putAll(extra);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject", subject);
        body.put("receivedAt", OffsetDateTime.now(SWEDEN).minusHours(2).truncatedTo(ChronoUnit.MINUTES).toString());
        body.put("channel", "OTHER_AUTHORITY");
        LotsenHttp http = new LotsenHttp(port);
        LotsenHttp.Response r = http.postJson("/api/v1/cases", LotsenHttp.toJson(body),
                http.token(username, DEMO_PASSWORD));
        assertEquals(201, r.status(), r.body());
        return r.json();
    }

    /** A valid fictional personnummer YYYYMMDDNNNC: the check digit by the Luhn algorithm on YYMMDDNNN. */
    static String personnummer(String birthDate, String serial) {
        String nine = birthDate.substring(2) + serial;
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int product = (nine.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += product / 10 + product % 10;
        }
        return birthDate + serial + (10 - sum % 10) % 10;
    }

    /** The section with the search's own matches, "Träffar (n)". */
    private Locator ownMatches() {
        return page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions()
                .setName(Pattern.compile("^Träffar \\(\\d+\\)$")));
    }

    /** The address as shown in the case page's "Personen". */
    private Locator addressCell() {
        return page.locator("xpath=//section[@aria-labelledby='person-title']/dl"
                + "/dt[normalize-space()='Adress']/following-sibling::dd[1]");
    }

    /** The value after a term in a description list. */
    private static Locator definition(Locator scope, String term) {
        return scope.locator("xpath=.//dt[normalize-space()='" + term + "']/following-sibling::dd[1]");
    }

    /** The status changes under "Historik" in the case page's status section. */
    private Locator history() {
        return page.locator("xpath=//section[@id='status']/h3[normalize-space()='Historik']"
                + "/following-sibling::ul[1]/li");
    }

    private Locator assignButton() {
        return page.locator("#status").getByRole(AriaRole.BUTTON, called("Jag håller i ärendet"));
    }

    /** A page in a browser context of its own, for another user at the same time. */
    private Page newUserPage() {
        BrowserContext other = browser().newContext(new Browser.NewContextOptions()
                .setLocale("sv-SE")
                .setTimezoneId("Europe/Stockholm")
                .setViewportSize(1280, 900));
        otherContexts.add(other);
        return other.newPage();
    }

    private static String pathOf(String url) {
        Matcher m = CASE_PATH.matcher(url);
        assertTrue(m.find(), url);
        return "/cases/" + m.group(1);
    }

    /**
     * A literal for a regular expression that Playwright hands to the browser: JavaScript has no \Q…\E, so
     * {@link Pattern#quote} cannot be used.
     */
    private static String re(String literal) {
        return literal.replaceAll("[\\\\^$.|?*+()\\[\\]{}]", "\\\\$0");
    }

}
