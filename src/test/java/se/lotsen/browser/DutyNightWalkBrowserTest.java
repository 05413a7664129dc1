package se.lotsen.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The night shift of issue 11, walked again as a new user would, at desktop width (1280 px) and on a phone (390 px),
 * with axe-core on every page visited and no sideways scrolling on the phone:
 *
 * <ol>
 *   <li>the duty social worker (jour1) takes in a child through "Nytt akutärende": Enter in a text field opens no case
 *       but leads to the check page, whose answers each have an "Ändra" link back to their field; only "Öppna
 *       ärendet" there opens the case;</li>
 *   <li>the case page: the summary at the top (holder, next step), the section navigation jumps by keyboard, the
 *       checklist folded by phase;</li>
 *   <li>every action step is completed by its own work, never by a tick: the indicators and the protection
 *       assessment by their forms, the reservnummer by the step's button, the interpreter by the contact form;</li>
 *   <li>an immediate custody (6 § LVU) through the decision form the step links to; the summary shows the custody in
 *       force and the next deadline with the working days left;</li>
 *   <li>a hand-over to Rinkeby-Kista through the form the step links to; the district's unit manager (rinkebychef, in
 *       a browser of her own) finds it in her queue, assigns a case worker and acknowledges receipt, and her "Nästa
 *       steg" is a step of the district; the jour now reads the case only, with no step buttons;</li>
 *   <li>the method developer (metod) changes a few words of a routine step's guidance in a draft, sees the old and the
 *       new text side by side with the words marked (del/ins) in the preview, and publishes.</li>
 * </ol>
 *
 * <p>Screenshots go to target/screenshots/walk-&lt;width&gt;-&lt;n&gt;-&lt;what&gt;.png. The times typed in forms
 * come from the system clock (the application's clock); nothing asserts on the time of day. Its own application
 * context and database (closed afterwards), because it numbers cases, hands them over and publishes routine versions.
 */
@TestPropertySource(properties = "lotsen.test.isolation=duty-night-walk-browser")
@DirtiesContext
class DutyNightWalkBrowserTest extends BrowserTestSupport {

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    private static final DateTimeFormatter FORM_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Pattern CASE_PATH = Pattern.compile("/cases/([0-9a-f-]{36})(#[\\w-]+)?$");

    private static final String JOUR = "Socialjouren Stockholm";
    private static final String RINKEBY = "Rinkeby-Kista stadsdelsförvaltning";
    private static final String RINKEBY_COMMITTEE = "Rinkeby-Kista stadsdelsnämnd, sociala delegationen";
    private static final String RINKEBY1_NAME = "Johan Lund";

    private static final String STEP_INTAKE = "Registrera hur ärendet kom in";
    private static final String STEP_INTERPRETER = "Boka tolk";
    private static final String STEP_RESERVE_NUMBER = "Tilldela reservnummer";
    private static final String STEP_INDICATORS = "Gå igenom indikatorerna på människohandel";
    private static final String STEP_PROTECTION = "Gör en omedelbar skyddsbedömning";
    private static final String STEP_DECISION = "Dokumentera beslutet om omedelbart omhändertagande";
    private static final String STEP_HANDOVER = "Lämna över till ansvarig stadsdelsförvaltning";
    private static final String STEP_RECEIPT = "Kvittera mottagandet och utse handläggare";
    private static final List<String> STEP_BUTTONS = List.of("Markera som klart", "Inte aktuellt",
            "Öppna steget igen");

    private static final String INDICATOR_SEX = "Tvingas sälja sex eller utföra sexuella tjänster";
    private static final String CUSTODY_OUTCOME =
            "Beslut om omedelbart omhändertagande (6 § eller 6 a § LVU) är fattat";
    private static final Pattern ANY = Pattern.compile(".*");
    private static final String KIND_7 = "Underställning till förvaltningsrätten (7 § LVU)";

    /** The child of each run (fictional), so that the two runs do not meet in searches. */
    private record Night(String name, String reporter, String correctedReporter, RoutineChange change) {
    }

    /** A few words of one routine step's guidance, changed by the method developer. */
    private record RoutineChange(String stepKey, String stepTitle, String from, String to, String removed,
                                 String added) {
    }

    private static Night night(int width) {
        return width >= 1000
                ? new Night("Andreea Vântu", "Polisinspektör Lina Ek", "Polisinspektör Lina Ek, Citypolisen",
                        new RoutineChange("identitet", "Fastställ identiteten så långt det går",
                                "Notera uppgivet namn", "Skriv ner uppgivet namn", "Notera", "Skriv ner"))
                : new Night("Bianca Ionescu-Öst", "Polisassistent Omar Said", "Polisassistent Omar Said, Norrmalm",
                        new RoutineChange("tolk", STEP_INTERPRETER,
                                "Använd en auktoriserad tolk", "Boka en auktoriserad tolk", "Använd", "Boka"));
    }

    @Autowired
    JdbcClient jdbc;

    /** Browser contexts of the other users (and the resized one), closed after the test. */
    private final List<BrowserContext> otherContexts = new ArrayList<>();

    private int width;
    private int shot;
    private String casePath;
    private String caseNumber;

    @AfterEach
    void closeOtherContexts() {
        otherContexts.forEach(BrowserContext::close);
        otherContexts.clear();
    }

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {1280, 390})
    void theDutyNightWalkedAsANewUserWould(int width) {
        this.width = width;
        this.shot = 0;
        Night night = night(width);
        // A fresh browser at this width, instead of the 1280 px one every test gets.
        context.close();
        context = newContext();
        page = context.newPage();

        Page jour = page;
        try {
            walk(night, jour);
        } catch (AssertionError | RuntimeException e) {
            // Where the walk stopped, to look at.
            screenshot(page, "walk-" + width + "-failed");
            throw e;
        } finally {
            page = jour;
        }
    }

    private void walk(Night night, Page jour) {
        signIn("jour1");
        look("start");
        takeInTheChildWithTheCheckStep(night);
        theCasePageHasItsSummaryNavigationAndFoldedChecklist();
        theIndicatorStepIsDoneByItsForm();
        theProtectionStepIsDoneByItsForm();
        theReservnummerIsAssignedByTheStepsButton();
        theInterpreterIsBookedThroughTheContactForm();
        anImmediateCustodyThroughTheDecisionForm();
        handOverToRinkebyKista();

        page = newContext().newPage();
        signIn("rinkebychef");
        theDistrictAcknowledgesReceiptAndGetsItsOwnNextStep();

        page = jour;
        theJourNowOnlyReadsTheCase();

        page = newContext().newPage();
        signIn("metod");
        theMethodDeveloperPublishesAReadableChange(night.change());
    }

    // -- 1. the intake with its check step --

    private void takeInTheChildWithTheCheckStep(Night night) {
        navigate("Nytt akutärende");
        assertThat(page).hasURL(Pattern.compile("/cases/new$"));
        Locator main = page.locator("main");
        page.waitForLoadState();
        field(main, "Namn").fill(night.name());
        field(main, "Namn").press("Enter");
        assertThat(main).containsText("Ingen person hittades.");
        look("search");
        main.getByRole(AriaRole.LINK, called("Ny person")).click();
        assertThat(page.locator("h1")).hasText("Mottagande av akutärende");
        assertThat(field(main, "Namn")).hasValue(night.name());
        look("intake");

        main.getByLabel("Ett barn (under 18 år)", exact()).check();
        field(main, "Hur kom ärendet in?").selectOption(
                new SelectOption().setLabel("Polisen, efter ett tillfälligt omhändertagande enligt 12 § polislagen"));
        field(main, "Vad har hänt?").fill("Polisen påträffade flickan på en adress i Kista tillsammans med en vuxen "
                + "man. Hon saknar handlingar och säger att hon är 15 år.");
        main.getByLabel("Sexuell exploatering eller prostitution", exact()).check();
        main.getByLabel("Inget känt nummer", exact()).check();
        field(main, "Uppgiven eller bedömd ålder").fill("15");
        main.getByLabel("Åldern är bedömd, inte styrkt", exact()).check();
        field(main, "Medborgarskap").selectOption("RO");
        field(main, "Språk").fill("rumänska");
        main.getByLabel("Behöver tolk", exact()).check();
        field(main, "Tolkspråk").fill("rumänska");

        // Enter in a text field, as happens at 3 a.m.: no case is opened, the answers are shown to be checked.
        Locator reporter = field(main, "Anmälare");
        page.waitForLoadState();
        reporter.fill(night.reporter());
        reporter.press("Enter");
        assertThat(page.locator("h1")).hasText("Kontrollera uppgifterna innan ärendet öppnas");
        assertThat(page).not().hasURL(CASE_PATH);
        assertEquals(0, casesAbout(night.name()), "Enter in a text field opened a case");
        assertThat(main).containsText(night.name());
        assertThat(main).containsText(night.reporter());
        Locator changeLinks = main.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                .setName(Pattern.compile("^Ändra ")));
        assertTrue(changeLinks.count() >= 8, "the check page has an \"Ändra\" link for each answer, found "
                + changeLinks.count());
        look("check-answers");

        // "Ändra" by keyboard leads back to the field with every answer kept; correct it and come back.
        Locator changeReporter = main.getByRole(AriaRole.LINK, called("Ändra Anmälare"));
        pressEnter(changeReporter);
        assertThat(page.locator("h1")).hasText("Mottagande av akutärende");
        reporter = field(main, "Anmälare");
        assertThat(reporter).isFocused();
        assertThat(reporter).hasValue(night.reporter());
        assertThat(field(main, "Namn")).hasValue(night.name());
        assertThat(field(main, "Tolkspråk")).hasValue("rumänska");
        look("intake-change");
        reporter.fill(night.correctedReporter());
        main.getByRole(AriaRole.BUTTON, called("Fortsätt")).click();
        assertThat(page.locator("h1")).hasText("Kontrollera uppgifterna innan ärendet öppnas");
        assertThat(main).containsText(night.correctedReporter());
        assertEquals(0, casesAbout(night.name()), "changing an answer opened a case");

        // Only the check page's button opens the case.
        main.getByRole(AriaRole.BUTTON, called("Öppna ärendet")).click();
        assertThat(page).hasURL(CASE_PATH);
        Matcher m = CASE_PATH.matcher(page.url());
        assertTrue(m.find());
        casePath = "/cases/" + m.group(1);
        assertFlash("Ärendet är öppnat");
        assertEquals(1, casesAbout(night.name()));
        caseNumber = page.locator("h1.case-title > span").first().innerText().trim();
        assertTrue(caseNumber.matches("SOCIALJOUREN-\\d{4}-\\d{4}"), caseNumber);
        assertThat(page.locator("#facts")).containsText(night.correctedReporter());
    }

    // -- 2. the case page --

    private void theCasePageHasItsSummaryNavigationAndFoldedChecklist() {
        Locator summary = page.locator("#summary");
        assertThat(summary).isVisible();
        assertThat(summary).isInViewport();
        assertThat(summaryValue("Håller i ärendet")).containsText(JOUR);
        Locator next = nextStep();
        assertThat(next).isVisible();
        assertThat(next.locator(".next-step__title")).hasText(STEP_INTAKE);
        assertThat(next.getByRole(AriaRole.LINK, called("Gå till steget: " + STEP_INTAKE))).isVisible();
        look("case-after-intake");
        viewport("walk-" + width + "-case-top-after-intake");

        // The section navigation: by keyboard, the address and the section follow.
        Locator journalLink = page.locator("nav.case-nav").getByRole(AriaRole.LINK, called("Journal"));
        assertThat(journalLink).isVisible();
        pressEnter(journalLink);
        assertThat(page).hasURL(Pattern.compile(re(casePath) + "#journal$"));
        assertThat(page.locator("#journal")).isInViewport();
        assertThat(journalLink).hasAttribute("aria-current", "location");
        // And back to the summary by mouse.
        page.locator("nav.case-nav").getByRole(AriaRole.LINK, called("Översikt")).click();
        assertThat(page).hasURL(Pattern.compile(re(casePath) + "#summary$"));
        assertThat(page.locator("#summary")).isInViewport();

        // The checklist folded by phase: the phase of the next step open, the later ones folded.
        Locator phases = page.locator("#checklist details.phase");
        assertTrue(phases.count() >= 5, "phases in the checklist: " + phases.count());
        assertThat(page.locator("#phase-a-mottagande")).hasAttribute("open", ANY);
        Locator police = page.locator("#phase-c-polis");
        assertThat(police).not().hasAttribute("open", ANY);
        assertThat(police.locator(".task-list__item").first()).isHidden();
        pressEnter(police.locator("summary"));
        assertThat(police).hasAttribute("open", ANY);
        assertThat(police.locator(".task-list__item").first()).isVisible();
    }

    // -- 3. every action step by its own work --

    private void theIndicatorStepIsDoneByItsForm() {
        openStep(STEP_INDICATORS);
        Locator main = page.locator("main");
        assertNoStepButtons("Markera som klart");
        assertThat(main).containsText("Lotsen markerar steget som klart när arbetet är registrerat där.");
        look("step-indicators");
        main.getByRole(AriaRole.LINK, called("Bedöm indikatorerna")).click();

        assertThat(page).hasURL(Pattern.compile(re(casePath) + "/indicators$"));
        assertThat(page.locator("h1")).hasText("Indikatorer på människohandel");
        look("indicators");
        main.getByLabel(INDICATOR_SEX).check();
        field(main, "Samlad bedömning").fill("Hon tvingas sälja sex; en vuxen man styr var hon bor (fiktivt).");
        main.getByRole(AriaRole.BUTTON, called("Spara")).click();

        assertThat(page).hasURL(CASE_PATH);
        assertFlash("Indikatorbedömningen är sparad.");
        assertThat(statusOf(STEP_INDICATORS)).hasText("Klart");
        assertThat(row(STEP_INDICATORS).getByRole(AriaRole.LINK, called("Bedöm indikatorerna"))).hasCount(0);
        look("case-after-indicators");
    }

    private void theProtectionStepIsDoneByItsForm() {
        openStep(STEP_PROTECTION);
        Locator main = page.locator("main");
        assertNoStepButtons("Markera som klart");
        look("step-protection");
        main.getByRole(AriaRole.LINK, called("Gör skyddsbedömningen")).click();

        assertThat(page).hasURL(Pattern.compile(re(casePath) + "/protection$"));
        assertThat(page.locator("h1")).hasText("Omedelbar skyddsbedömning");
        look("protection");
        main.getByLabel(CUSTODY_OUTCOME, exact()).check();
        field(main, "Bedömning och skäl").fill("Ordföranden beslutar om omedelbart omhändertagande enligt 6 § LVU; "
                + "barnet placeras i jourhem i natt.");
        main.getByRole(AriaRole.BUTTON, called("Spara")).click();

        assertThat(page).hasURL(CASE_PATH);
        assertFlash("Skyddsbedömningen är sparad.");
        assertThat(statusOf(STEP_PROTECTION)).hasText("Klart");
        // The custody outcome brought the custody steps into the checklist.
        assertThat(stepLink(STEP_DECISION)).hasCount(1);
        look("case-after-protection");
    }

    private void theReservnummerIsAssignedByTheStepsButton() {
        openStep(STEP_RESERVE_NUMBER);
        Locator main = page.locator("main");
        assertNoStepButtons("Markera som klart");
        assertThat(main).containsText("Lotsen skapar ett reservnummer åt personen");
        look("step-reservnummer");
        Locator assign = main.getByRole(AriaRole.BUTTON, called("Tilldela reservnummer"));
        pressEnter(assign);

        assertThat(page).hasURL(Pattern.compile(re(casePath) + "/steps/reservnummer$"));
        Locator flash = main.getByRole(AriaRole.STATUS);
        assertThat(flash).containsText("är tilldelat och steget är klart.");
        String number = flash.innerText().replaceAll("(?s).*Reservnumret (\\S+) är tilldelat.*", "$1").trim();
        assertTrue(number.matches("\\d{8}-R[A-Z2-9]{3}"), "reservnummer: " + number);
        assertThat(main.locator(".task-status")).containsText("Klart");
        assertThat(main.getByRole(AriaRole.BUTTON, called("Tilldela reservnummer"))).hasCount(0);
        assertNoStepButtons(STEP_BUTTONS.toArray(new String[0]));
        look("step-reservnummer-done");

        open(casePath);
        assertThat(statusOf(STEP_RESERVE_NUMBER)).hasText("Klart");
        assertThat(page.locator("#person")).containsText(number);
    }

    private void theInterpreterIsBookedThroughTheContactForm() {
        openStep(STEP_INTERPRETER);
        Locator main = page.locator("main");
        assertNoStepButtons("Markera som klart");
        look("step-interpreter");
        main.getByRole(AriaRole.LINK, called("Registrera tolkbokningen")).click();

        assertThat(page).hasURL(Pattern.compile(re(casePath) + "/contacts/new\\?type=INTERPRETER$"));
        assertThat(page.locator("h1")).hasText("Registrera kontakt");
        String interpreterService = main.locator("#partnerId option", new Locator.LocatorOptions()
                .setHasText("Tolkförmedlingen")).first().getAttribute("value");
        field(main, "Vem hade du kontakt med?").selectOption(interpreterService);
        field(main, "Hur?").selectOption("PHONE");
        field(main, "Vad frågades eller avtalades?").fill("Telefontolk på rumänska bokad till samtalet i natt.");
        field(main, "Språk").fill("Rumänska, telefontolk");
        look("contact-interpreter");
        main.getByRole(AriaRole.BUTTON, called("Registrera kontakten")).click();

        assertThat(page).hasURL(CASE_PATH);
        assertFlash("Kontakten med Tolkförmedlingen (demo) är registrerad.");
        assertThat(statusOf(STEP_INTERPRETER)).hasText("Klart");
        look("case-after-interpreter");
    }

    // -- 4. the custody --

    private void anImmediateCustodyThroughTheDecisionForm() {
        assertThat(summaryValue("Omhändertagande")).hasText("Inget omhändertagande gäller");
        openStep(STEP_DECISION);
        Locator main = page.locator("main");
        assertNoStepButtons("Markera som klart");
        look("step-decision");
        main.getByRole(AriaRole.LINK, called("Registrera beslutet")).click();

        assertThat(page).hasURL(Pattern.compile(re(casePath) + "/decisions/new$"));
        assertThat(page.locator("h1")).hasText("Registrera beslut");
        look("decision-type");
        main.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions()
                .setName(Pattern.compile("^Omedelbart omhändertagande\\s+6 § LVU$"))).check();
        main.getByRole(AriaRole.BUTTON, called("Fortsätt")).click();

        assertThat(page).hasURL(Pattern.compile("/decisions/new\\?type=LVU_6$"));
        Locator decidedAt = field(main, "Beslutet fattades");
        // Typed, never prefilled: the decision time is when it was made, not when it is registered.
        assertThat(decidedAt).hasValue("");
        assertThat(decidedAt).hasAttribute("type", "text");
        ZonedDateTime decided = ZonedDateTime.now(SWEDEN).minusMinutes(50).truncatedTo(ChronoUnit.MINUTES);
        decidedAt.pressSequentially(FORM_DATE_TIME.format(decided));
        field(main, "Beslutet verkställdes").fill(FORM_DATE_TIME.format(decided.plusMinutes(20)));
        field(main, "Beslutsfattarens namn").fill("Karin Ordförande");
        main.getByLabel("Ordföranden", exact()).check();
        field(main, "Nämnd").selectOption(new SelectOption().setLabel(RINKEBY_COMMITTEE));
        main.getByLabel("2 § hemförhållanden", exact()).check();
        field(main, "Varför kan rättens beslut inte avvaktas?").fill("Barnet riskerar att föras vidare under "
                + "natten av den som exploaterar henne.");
        look("decision-form");
        main.getByRole(AriaRole.BUTTON, called("Registrera beslutet")).click();

        assertThat(page).hasURL(CASE_PATH);
        assertFlash("Beslutet är registrerat.");
        assertThat(statusOf(STEP_DECISION)).hasText("Klart");
        // The summary at the top: the custody in force and the next deadline with the working days left.
        open(casePath);
        assertThat(summaryValue("Omhändertagande")).containsText("Omedelbart omhändertagande (6 § LVU)");
        assertThat(summaryValue("Omhändertagande")).containsText("gäller sedan");
        Locator submission = page.locator("#summary .summary-deadline").filter(new Locator.FilterOptions()
                .setHasText(KIND_7));
        assertThat(submission).hasCount(1);
        assertThat(submission).containsText("sista dag");
        assertThat(submission).containsText(Pattern.compile("\\d+ arbetsdag(ar)? kvar|Idag är sista dagen"));
        assertThat(page.locator("#summary")).isInViewport();
        look("case-with-custody");
        viewport("walk-" + width + "-case-top-with-custody");
        part(page.locator("#summary"), "walk-" + width + "-summary-with-custody");
    }

    // -- 5. the hand-over and the district's receipt --

    private void handOverToRinkebyKista() {
        openStep(STEP_HANDOVER);
        Locator main = page.locator("main");
        assertNoStepButtons("Markera som klart");
        look("step-handover");
        main.getByRole(AriaRole.LINK, called("Lämna över ärendet")).click();

        assertThat(page).hasURL(Pattern.compile(re(casePath) + "/handover/new$"));
        assertThat(page.locator("h1")).hasText("Lämna över ärendet");
        field(main, "Till vilken enhet?").selectOption(new SelectOption().setLabel(RINKEBY));
        field(main, "Skäl").fill("Barnet uppger att hon bor hos en moster i Rinkeby. Enligt stadens riktlinjer "
                + "ansvarar Rinkeby-Kista.");
        look("handover-form");
        main.getByRole(AriaRole.BUTTON, called("Lämna över ärendet")).click();

        assertThat(page).hasURL(Pattern.compile(re(casePath) + "/handover/package$"));
        assertFlash("Ärendet är överlämnat till " + RINKEBY + ".");
        assertThat(page.locator("h1")).hasText("Överlämningspaket");
        look("handover-package");
    }

    private void theDistrictAcknowledgesReceiptAndGetsItsOwnNextStep() {
        navigate("Inkommande överlämningar");
        assertThat(page).hasURL(Pattern.compile("/handovers$"));
        Locator row = page.locator("main table tbody tr").filter(new Locator.FilterOptions()
                .setHas(page.locator("a[href='" + casePath + "']")));
        assertThat(row).hasCount(1);
        assertThat(row).containsText(JOUR);
        assertThat(row).containsText("Väntar");
        look("district-queue");
        row.getByRole(AriaRole.LINK, called("Kvittera och fördela " + caseNumber)).click();

        assertThat(page).hasURL(Pattern.compile(re(casePath) + "/handover$"));
        Locator main = page.locator("main");
        assertThat(main.locator(".receipt")).containsText("Väntar på kvittens från " + RINKEBY);
        look("district-handover");
        field(main, "Handläggare").selectOption(new SelectOption().setLabel(RINKEBY1_NAME));
        main.getByRole(AriaRole.BUTTON, called("Fördela till handläggare")).click();
        assertThat(page).hasURL(CASE_PATH);
        assertFlash(RINKEBY1_NAME + " är nu handläggare för ärendet.");

        Locator acknowledge = page.locator("#handover").getByRole(AriaRole.BUTTON, called("Kvittera mottagandet"));
        pressEnter(acknowledge);
        assertThat(page).hasURL(Pattern.compile(re(casePath) + "#handover$"));
        assertFlash("Mottagandet är kvitterat för " + RINKEBY + ".");
        assertThat(page.locator("#handover .receipt")).containsText("Kvitterad av");
        assertThat(page.locator("#handover").getByRole(AriaRole.BUTTON, called("Kvittera mottagandet")))
                .hasCount(0);
        look("district-case-after-receipt");

        // The district's own "Nästa steg": a step of the district, not the jour's.
        open(casePath);
        assertThat(summaryValue("Håller i ärendet")).containsText(RINKEBY);
        assertThat(statusOf(STEP_RECEIPT)).hasText("Klart");
        Locator next = nextStep();
        assertThat(next.locator(".next-step__title")).isVisible();
        assertThat(next.locator(".next-step__title + p.muted")).containsText("Stadsdelsförvaltningen");
        String nextTitle = next.locator(".next-step__title").innerText().trim();
        // The step is the district's in the checklist too: its performer is the district.
        assertThat(row(nextTitle).locator(".task-list__hint").first()).hasText("Stadsdelsförvaltningen");
        assertThat(page.locator("#read-only")).hasCount(0);
        look("district-case-next-step");
        viewport("walk-" + width + "-district-case-top");
    }

    private void theJourNowOnlyReadsTheCase() {
        open(casePath);
        Locator banner = page.locator("#read-only");
        assertThat(banner).isVisible();
        assertThat(banner).containsText("Du kan bara läsa ärendet");
        assertThat(banner).containsText("Ärendet är överlämnat till " + RINKEBY + ".");
        assertThat(nextStep()).containsText("du kan läsa ärendet men inte ändra det");
        assertThat(nextStep().getByRole(AriaRole.LINK)).hasCount(0);
        assertThat(statusOf(STEP_HANDOVER)).hasText("Klart");
        Locator main = page.locator("main");
        assertThat(main.getByRole(AriaRole.LINK, called("Lämna över"))).hasCount(0);
        assertThat(main.getByRole(AriaRole.LINK, called("Registrera kontakt"))).hasCount(0);
        assertThat(main.getByRole(AriaRole.BUTTON, called("Kvittera mottagandet"))).hasCount(0);
        assertThat(main.locator(".task-list__link")).hasCount(0);
        look("jour-case-read-only");
        viewport("walk-" + width + "-jour-case-read-only-top");

        // A step page says why, and offers no buttons.
        stepLink(STEP_INTAKE).click();
        assertThat(page.locator("h1")).hasText(STEP_INTAKE);
        assertThat(main.locator(".step-read-only")).containsText(RINKEBY);
        assertNoStepButtons(STEP_BUTTONS.toArray(new String[0]));
        assertThat(main.locator("form[method=post]")).hasCount(0);
        look("jour-step-read-only");
    }

    // -- 6. the method developer publishes a readable change --

    private void theMethodDeveloperPublishesAReadableChange(RoutineChange change) {
        navigate("Rutiner");
        assertThat(page).hasURL(Pattern.compile("/routines$"));
        look("routines");
        page.locator("main").getByRole(AriaRole.BUTTON, called("Skapa utkast")).click();
        assertThat(page).hasURL(Pattern.compile("/routines/akut-manniskohandel/draft$"));
        assertFlash("Utkastet till version");
        look("routine-draft");

        page.locator("#step-" + change.stepKey()).getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName(Pattern.compile("^Ändra"))).click();
        assertThat(page.locator("h1")).hasText("Ändra steget ”" + change.stepTitle() + "”");
        Locator guidance = page.locator("main").getByLabel("Viktigt att tänka på", exact());
        String old = guidance.inputValue();
        assertTrue(old.contains(change.from()), "the guidance of " + change.stepKey() + ": " + old);
        guidance.fill(old.replaceFirst(Pattern.quote(change.from()), change.to()));
        look("routine-step-form");
        page.locator("main").getByRole(AriaRole.BUTTON, called("Spara steget")).click();
        assertFlash("Steget ”" + change.stepTitle() + "” är sparat.");
        assertThat(page.locator("#step-" + change.stepKey() + " .routine-tag")).hasText("Ändrat");

        page.getByRole(AriaRole.LINK, named("Förhandsgranska och publicera")).click();
        assertThat(page.locator("h1")).containsText("Förhandsgranska version");
        Locator changed = page.locator(".differences li").filter(new Locator.FilterOptions()
                .setHas(page.locator(".word-diff"))).filter(new Locator.FilterOptions()
                .setHasText(change.stepTitle()));
        assertThat(changed).hasCount(1);
        Locator before = changed.locator(".word-diff__column--before");
        Locator after = changed.locator(".word-diff__column--after");
        // The old and the new text side by side, the changed words marked and named for screen readers.
        assertThat(before.locator("del")).hasText("borttaget: " + change.removed());
        assertThat(after.locator("ins")).hasText("tillagt: " + change.added());
        assertThat(after.locator(".word-diff__text")).containsText(change.to());
        assertThat(before.locator(".word-diff__text")).containsText(change.from());
        if (width >= 1000) {
            assertEquals(before.boundingBox().y, after.boundingBox().y, 1.0, "old and new side by side");
            assertTrue(before.boundingBox().x < after.boundingBox().x, "the old text to the left of the new");
        }
        changed.scrollIntoViewIfNeeded();
        viewport("walk-" + width + "-routine-word-diff");
        look("routine-preview");

        field(page.locator("main"), "Vad har ändrats och varför?").fill("Steget ”" + change.stepTitle()
                + "”: tydligare ord.");
        page.locator("main").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
                .setName(Pattern.compile("^Publicera version \\d+$"))).click();
        assertThat(page).hasURL(Pattern.compile("/routines/versions/[0-9a-f-]{36}$"));
        assertFlash("är publicerad.");
        assertThat(page.locator("#step-" + change.stepKey())).containsText(change.to());
        look("routine-published");
    }

    // -- helpers --

    /** A new browser context at this run's width, Swedish, in Swedish time; closed after the test. */
    private BrowserContext newContext() {
        BrowserContext c = browser().newContext(new Browser.NewContextOptions()
                .setLocale("sv-SE")
                .setTimezoneId("Europe/Stockholm")
                .setViewportSize(width, width >= 1000 ? 900 : 844));
        otherContexts.add(c);
        return c;
    }

    private boolean phone() {
        return width < 700;
    }

    /**
     * Goes to a work area through the site navigation, as a person does: in the header on a wide screen, through the
     * "Meny" button (opened by keyboard) on a phone.
     */
    private void navigate(String area) {
        if (phone()) {
            Locator menu = page.locator(".site-menu__button");
            assertThat(menu).isVisible();
            assertThat(page.locator("nav.site-wide")).isHidden();
            pressEnter(menu);
            assertThat(page.locator(".site-menu")).hasAttribute("open", ANY);
            page.locator(".site-menu nav").getByRole(AriaRole.LINK, called(area)).click();
        } else {
            page.locator("nav.site-wide").getByRole(AriaRole.LINK, called(area)).click();
        }
    }

    /**
     * Every page visited: axe-core clean, nothing off-screen sideways on a phone, and a numbered screenshot.
     */
    private void look(String what) {
        page.waitForLoadState();
        shot++;
        screenshot(String.format("walk-%d-%02d-%s", width, shot, what));
        assertNoAxeViolations(page);
        if (phone()) {
            // The innermost elements that reach past the right edge of the screen, if the page scrolls sideways.
            Object overflow = page.evaluate("() => { const w = document.documentElement.clientWidth;"
                    + " if (document.documentElement.scrollWidth <= w + 1) return null;"
                    + " const out = [...document.querySelectorAll('body *')].filter(e => {"
                    + "   const r = e.getBoundingClientRect(); return r.width > 0 && r.right > w + 1"
                    + "   && ![...e.children].some(c => c.getBoundingClientRect().right > w + 1); });"
                    + " return out.slice(0, 5).map(e => e.outerHTML.slice(0, 200) + ' (right edge '"
                    + "   + Math.round(e.getBoundingClientRect().right) + ' px)').join('\\n') || 'something'; }");
            assertEquals(null, overflow, "sideways scrolling at " + width + " px on " + page.url());
        }
    }

    /**
     * Presses Enter on an element as a keyboard user does, once the page has loaded (until then Lotsen's script may
     * still move the focus to the page's message).
     */
    private void pressEnter(Locator target) {
        page.waitForLoadState();
        target.focus();
        assertThat(target).isFocused();
        page.keyboard().press("Enter");
    }

    /** A form field by its label, with or without its question mark and "(valfritt)". */
    private static Locator field(Locator scope, String label) {
        String bare = label.endsWith("?") ? label.substring(0, label.length() - 1) : label;
        return scope.getByLabel(Pattern.compile("^" + re(bare) + "\\??( \\(valfritt\\))?$"));
    }

    /** The value of a row in the case page's summary. */
    private Locator summaryValue(String term) {
        return page.locator("#summary dl.summary--overview dt").filter(new Locator.FilterOptions()
                .setHasText(Pattern.compile("^" + re(term) + "$"))).locator("xpath=following-sibling::dd[1]");
    }

    private Locator nextStep() {
        return page.getByRole(AriaRole.REGION, named("Nästa steg"));
    }

    /** The link to a step in the case page's checklist (the phases unfolded). */
    private Locator stepLink(String title) {
        unfoldChecklist();
        return page.locator("#checklist").getByRole(AriaRole.LINK, called(title));
    }

    /** A step's row in the checklist, found by its link's text whether its phase is folded or not. */
    private Locator row(String title) {
        return page.locator("#checklist .task-list__item").filter(new Locator.FilterOptions()
                .setHas(page.locator(".task-list__name > a").filter(new Locator.FilterOptions()
                        .setHasText(Pattern.compile("^\\s*" + re(title) + "\\s*$")))));
    }

    /** The status word of a step in the checklist (without its icon). */
    private Locator statusOf(String title) {
        return row(title).locator(".task-status > span:not([aria-hidden])");
    }

    /** Opens a step of the case from the case page's checklist. */
    private void openStep(String title) {
        open(casePath);
        stepLink(title).click();
        assertThat(page).hasURL(Pattern.compile(re(casePath) + "/steps/[\\w-]+$"));
        assertThat(page.locator("h1")).hasText(title);
    }

    private void assertNoStepButtons(String... names) {
        for (String name : names) {
            assertThat(page.locator("main").getByRole(AriaRole.BUTTON, called(name))).hasCount(0);
        }
    }

    private long casesAbout(String name) {
        return jdbc.sql("SELECT count(*) FROM case_file c JOIN person p ON p.id = c.person_id WHERE p.name = :n")
                .param("n", name).query(Long.class).single();
    }

    /** A literal for a regular expression that Playwright hands to the browser (JavaScript has no \Q…\E). */
    private static String re(String literal) {
        return literal.replaceAll("[\\\\^$.|?*+()\\[\\]{}]", "\\\\$0");
    }
}
