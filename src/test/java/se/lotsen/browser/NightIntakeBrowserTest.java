package se.lotsen.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The duty night of the issue, played in a browser from start to end: the duty social worker (jour1) receives a
 * 15-year-old without papers brought in by the police, searches before creating, fills in the intake (first with a
 * wrong personnummer), ticks indicators, records the immediate protection assessment with a custody decision, works
 * through the first steps of the checklist and writes and corrects a journal entry. Meanwhile the method developer
 * (metod, in a browser of her own) publishes a new version of the routine; the open case keeps version 1 and says
 * what changed. A social worker of another unit (rinkeby1) cannot open the case at all.
 *
 * <p>Screenshots go to target/screenshots/night-*.png; axe-core checks the search page, the intake form, the case
 * page, step pages, the indicator page, the routine version page and the case's routine-changes page. Its own
 * application context and database (closed afterwards), because it publishes a routine version and numbers cases.
 */
@TestPropertySource(properties = "lotsen.test.isolation=night-intake-browser")
@DirtiesContext
class NightIntakeBrowserTest extends BrowserTestSupport {

    private static final Pattern CASE_PATH = Pattern.compile("/cases/([0-9a-f-]{36})(#[a-z-]+)?$");
    private static final Pattern CHECKLIST_HEADING = Pattern.compile("Rutinen: (\\d+) av (\\d+) steg klara");

    private static final String NAME = "Mihaela Dumitru";
    private static final String PHASE_A = "#phase-a-mottagande .phase-progress > span:not([aria-hidden])";

    private static final String STEP_INTAKE = "Registrera hur ärendet kom in";
    private static final String STEP_IDENTITY = "Fastställ identiteten så långt det går";
    private static final String STEP_INTERPRETER = "Boka tolk";
    private static final String STEP_RESERVE_NUMBER = "Tilldela reservnummer";
    private static final String STEP_INDICATORS = "Gå igenom indikatorerna på människohandel";
    private static final String STEP_PROTECTION = "Gör en omedelbar skyddsbedömning";
    private static final String STEP_RESIDENCE = "Bedöm var barnet har hemvist: 6 § eller 6 a § LVU";
    private static final String STEP_HOME_COUNTRY_RISK = "Dokumentera riskbedömningen innan hemlandet kontaktas";
    private static final String STEP_PLACEMENT = "Besluta om placering";
    private static final String STEP_DEADLINES = "Kontrollera tidsfristerna";
    private static final String STEP_CUSTODY_DOCUMENTED = "Dokumentera beslutet om omedelbart omhändertagande";
    private static final String STEP_SHELTER = "Erbjud skyddat boende";

    private static final String INDICATOR_NO_ID = "Saknar pass eller id-handling, eller har falsk id-handling";
    private static final String INDICATOR_FIXER =
            "En vuxen \"fixare\" finns alltid i närheten och ordnar barnets aktiviteter";
    private static final String INDICATOR_SEX = "Tvingas sälja sex eller utföra sexuella tjänster";

    private static final String CUSTODY_OUTCOME =
            "Beslut om omedelbart omhändertagande (6 § eller 6 a § LVU) är fattat";

    private static final String NEW_GUIDANCE_SENTENCE =
            "Fråga polisen om barnet hade en telefon med sig och anteckna numret – den som ringer kan vara exploatören.";
    private static final String NEW_STEP_KEY = "ny-kontroll";
    private static final String NEW_STEP_TITLE = "Kontrollera om någon annan styr barnets telefon";
    private static final String CHANGE_NOTE = "Mottagandet: fråga efter barnets telefon. Nytt steg om telefonen.";

    private static final String JOURNAL_TEXT = "Barnet kom med polisen kl. 23.10. Tolk via telefon bokad. "
            + "Barnet säger att en man som kallas Sorin ordnar var hon sover.";
    private static final String CORRECTION_TEXT = "Rättelse: mannen kallas Sorin enligt polisen, inte enligt barnet. "
            + "Barnet har inte själv nämnt något namn.";

    /** Extra browser contexts opened by the test (other users), closed after it. */
    private final List<BrowserContext> otherContexts = new ArrayList<>();

    @AfterEach
    void closeOtherContexts() {
        otherContexts.forEach(BrowserContext::close);
        otherContexts.clear();
    }

    @Test
    void theDutyNightFromIntakeToAPublishedRoutineChange() {
        signIn("jour1");
        String receivedAt = searchAndFillInTheIntake();
        String casePath = openTheCase(receivedAt);
        tickIndicators();
        recordTheCustodyDecision();
        workThroughTheFirstSteps(casePath);
        writeAndCorrectAJournalEntry();

        Page jourPage = page;
        publishANewRoutineVersionAsTheMethodDeveloper();
        page = jourPage;

        theCaseKeepsVersionOneAndShowsWhatChanged(casePath);
        anotherUnitCannotOpenTheCase(casePath);
    }

    // -- 1. search before create and the intake --

    /** Returns the prefilled "received at" value (yyyy-MM-ddTHH:mm) that was kept. */
    private String searchAndFillInTheIntake() {
        Locator main = page.locator("main");
        main.getByRole(AriaRole.LINK, called("Nytt akutärende")).click();
        assertThat(page).hasURL(Pattern.compile("/cases/new$"));
        assertThat(page.locator("h1")).hasText("Nytt akutärende");

        main.getByLabel("Namn", exact()).fill(NAME);
        main.getByLabel("Födelseår", exact()).fill("2011");
        main.getByRole(AriaRole.BUTTON, called("Sök person")).click();

        assertThat(page).hasURL(Pattern.compile("/cases/new\\?.*name=Mihaela"));
        assertThat(main.getByRole(AriaRole.HEADING, called("Träffar (0)"))).isVisible();
        assertThat(main).containsText("Ingen person hittades.");
        assertThat(main.locator(".match-list")).hasCount(0);
        // The search terms are kept, so that a second search is quick.
        assertThat(main.getByLabel("Namn", exact())).hasValue(NAME);
        assertThat(main.getByLabel("Födelseår", exact())).hasValue("2011");
        screenshot("night-01-search-no-match");
        assertNoAxeViolations(page);

        main.getByRole(AriaRole.LINK, called("Ny person")).click();
        assertThat(page).hasURL(Pattern.compile("/cases/new/intake\\?name=Mihaela(%20|\\+)Dumitru$"));
        assertThat(page.locator("h1")).hasText("Mottagande av akutärende");
        // The name from the search is carried over; the time it came in is prefilled.
        assertThat(main.getByLabel("Namn", exact())).hasValue(NAME);
        String receivedAt = main.getByLabel("Inkom", exact()).inputValue();
        assertTrue(receivedAt.matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}"),
                "Inkom should be prefilled with a date and time, but was '" + receivedAt + "'");
        screenshot("night-02-intake-empty");
        assertNoAxeViolations(page);

        main.getByLabel("Ett barn (under 18 år)", exact()).check();
        main.getByLabel("Hur kom ärendet in?", exact()).selectOption(
                new SelectOption().setLabel("Polisen, efter ett tillfälligt omhändertagande enligt 12 § polislagen"));
        main.getByLabel("Anmälare (valfritt)", exact()).fill("Polisinspektör Anna Lind, Citypolisen");
        main.getByLabel("Vad har hänt? (valfritt)", exact()).fill("Polisen påträffade flickan på ett hotell vid Centralen "
                + "tillsammans med en vuxen man. Hon saknar handlingar och säger att hon är 15 år.");
        main.getByLabel("Sexuell exploatering eller prostitution", exact()).check();
        // First with a personnummer whose check digit is wrong.
        main.getByLabel("Personnummer", exact()).check();
        main.getByLabel("Nummer (valfritt)", exact()).fill("201101011234");
        main.getByLabel("Uppgiven eller bedömd ålder (valfritt)", exact()).fill("15");
        main.getByLabel("Åldern är bedömd, inte styrkt", exact()).check();
        main.getByLabel("Medborgarskap", exact()).selectOption("RO");
        main.getByLabel("Språk (valfritt)", exact()).fill("rumänska, lite engelska");
        main.getByLabel("Behöver tolk", exact()).check();
        main.getByLabel("Tolkspråk (valfritt)", exact()).fill("rumänska");
        main.getByLabel("Id-handlingar (valfritt)", exact()).fill("inga handlingar");
        main.getByRole(AriaRole.BUTTON, called("Fortsätt")).click();

        // The form comes back with the error in the summary and next to the field, and keeps every value.
        Locator summary = main.locator(".error-summary");
        assertThat(summary).isVisible();
        assertThat(summary).isFocused();
        assertThat(summary.getByRole(AriaRole.HEADING)).hasText("Det finns fel i formuläret");
        Locator summaryLink = summary.getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName(Pattern.compile("Kontrollsiffran stämmer inte")));
        assertThat(summaryLink).hasCount(1);
        assertThat(summaryLink).hasAttribute("href", "#identityNumber");
        Locator number = main.getByLabel("Nummer (valfritt)", exact());
        assertThat(page.locator("#identityNumber-error")).hasText("Nummer: Kontrollsiffran stämmer inte. Kontrollera numret.");
        assertThat(number).hasAttribute("aria-describedby", Pattern.compile("\\bidentityNumber-error\\b"));
        assertThat(number).hasValue("201101011234");
        assertThat(page.locator("main .field--error")).hasCount(1);
        assertThat(main.getByLabel("Ett barn (under 18 år)", exact())).isChecked();
        assertThat(main.getByLabel("Inkom", exact())).hasValue(receivedAt);
        assertThat(main.getByLabel("Hur kom ärendet in?", exact())).hasValue("POLICE_PL12");
        assertThat(main.getByLabel("Namn", exact())).hasValue(NAME);
        assertThat(main.getByLabel("Uppgiven eller bedömd ålder (valfritt)", exact())).hasValue("15");
        assertThat(main.getByLabel("Medborgarskap", exact())).hasValue("RO");
        assertThat(main.getByLabel("Behöver tolk", exact())).isChecked();
        assertThat(main.getByLabel("Tolkspråk (valfritt)", exact())).hasValue("rumänska");
        assertThat(main.getByLabel("Sexuell exploatering eller prostitution", exact())).isChecked();
        screenshot("night-03-intake-error");
        viewport("night-03-intake-error-top");
        assertNoAxeViolations(page);

        // The link in the summary leads to the field.
        summaryLink.click();
        assertThat(number).isFocused();

        // She has no number after all.
        main.getByLabel("Inget känt nummer", exact()).check();
        number.fill("");
        return receivedAt;
    }

    /** Submits the intake and checks the new case page; returns its path. */
    private String openTheCase(String receivedAt) {
        page.locator("main").getByRole(AriaRole.BUTTON, called("Fortsätt")).click();
        // The check page: only its button opens the case.
        assertThat(page.locator("h1")).hasText("Kontrollera uppgifterna innan ärendet öppnas");
        page.locator("main").getByRole(AriaRole.BUTTON, called("Öppna ärendet")).click();

        assertThat(page).hasURL(CASE_PATH);
        Matcher path = CASE_PATH.matcher(page.url());
        assertTrue(path.find());
        String casePath = "/cases/" + path.group(1);
        assertFlash("Ärendet är öppnat");
        String year = receivedAt.substring(0, 4);
        Locator h1 = page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1));
        assertThat(h1).hasText(Pattern.compile("^SOCIALJOUREN-" + year + "-\\d{4}\\s+" + NAME + " · Barn$"));
        assertThat(page).hasTitle(Pattern.compile("^SOCIALJOUREN-" + year + "-\\d{4} – Lotsen$"));

        Locator next = nextStepSection();
        assertThat(next.locator(".next-step__title")).hasText(STEP_INTAKE);
        assertNextStepComesBeforeTheChecklist();

        Locator checklist = page.locator("#checklist");
        assertThat(checklist).containsText("Rutinversion 1");
        for (String step : List.of(STEP_INTAKE, STEP_INTERPRETER, STEP_RESERVE_NUMBER, STEP_PROTECTION,
                STEP_HOME_COUNTRY_RISK)) {
            assertThat(stepLink(step)).hasCount(1);
        }
        // No custody decision yet, and the shelter step is for adults.
        for (String step : List.of(STEP_PLACEMENT, STEP_DEADLINES, STEP_CUSTODY_DOCUMENTED, STEP_SHELTER)) {
            assertThat(stepLink(step)).hasCount(0);
        }
        assertThat(page.locator(PHASE_A)).hasText("0 av 6 klara");
        assertThat(checklist.getByRole(AriaRole.HEADING, new Locator.GetByRoleOptions().setLevel(2)))
                .hasText(Pattern.compile("^Rutinen: 0 av \\d+ steg klara$"));

        // What was taken in is shown on the case.
        Locator person = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Personen"));
        assertThat(person).containsText("Inget känt nummer");
        assertThat(person).containsText("15 år");
        assertThat(person).containsText("(bedömd)");
        assertThat(person).containsText("Rumänien");
        assertThat(person).containsText("Ja, rumänska");
        assertThat(person).containsText("inga handlingar");
        Locator facts = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Uppgifter om ärendet"));
        assertThat(facts).containsText("Polisen, efter ett tillfälligt omhändertagande enligt 12 § polislagen");
        assertThat(facts).containsText("Sexuell exploatering eller prostitution");
        assertThat(facts).containsText("Polisinspektör Anna Lind, Citypolisen");
        Locator protection = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Skyddsbedömning"));
        assertThat(protection).containsText("Inte gjord");
        screenshot("night-04-case-after-intake");
        viewport("night-04-case-after-intake-top");
        part(page.locator("main .case-columns"), "night-04-case-after-intake-facts");
        assertNoAxeViolations(page);
        return casePath;
    }

    // -- 2. indicators --

    private void tickIndicators() {
        Locator indicatorsRegion = page.getByRole(AriaRole.REGION,
                new Page.GetByRoleOptions().setName("Indikatorer").setExact(true));
        assertThat(indicatorsRegion).containsText("Inte bedömt ännu.");
        indicatorsRegion.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Bedöm indikatorer")).click();

        assertThat(page.locator("h1")).hasText("Indikatorer på människohandel");
        Locator main = page.locator("main");
        main.getByLabel(INDICATOR_NO_ID).check();
        main.getByLabel(INDICATOR_FIXER).check();
        main.getByLabel(INDICATOR_SEX).check();
        main.getByLabel("Samlad bedömning", exact()).fill("Flera starka indikatorer: en vuxen man styr var hon "
                + "bor och hon tvingas sälja sex. Sannolikt människohandel.");
        assertThat(main.locator("input[type=checkbox]:checked")).hasCount(3);
        screenshot("night-05-indicators");
        assertNoAxeViolations(page);
        main.getByRole(AriaRole.BUTTON, called("Spara")).click();

        assertThat(page).hasURL(CASE_PATH);
        assertFlash("Indikatorbedömningen är sparad.");
        assertThat(indicatorsRegion).containsText("Observerade indikatorer: 3");
        for (String indicator : List.of(INDICATOR_NO_ID, INDICATOR_FIXER, INDICATOR_SEX)) {
            assertThat(indicatorsRegion.getByRole(AriaRole.LISTITEM).filter(
                    new Locator.FilterOptions().setHasText(indicator))).hasCount(1);
        }
        assertThat(indicatorsRegion.getByRole(AriaRole.LISTITEM)).hasCount(3);
    }

    // -- 3. protection assessment with a custody decision --

    private void recordTheCustodyDecision() {
        Locator protection = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Skyddsbedömning"));
        protection.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Gör skyddsbedömningen")).click();

        assertThat(page.locator("h1")).hasText("Omedelbar skyddsbedömning");
        Locator main = page.locator("main");
        main.getByLabel(CUSTODY_OUTCOME, exact()).check();
        main.getByLabel("Bedömning och skäl", exact()).fill("Ordföranden beslutade om omedelbart "
                + "omhändertagande enligt 6 § LVU kl. 00.15. Barnet placeras på jourhem.");
        main.getByRole(AriaRole.BUTTON, called("Spara")).click();

        assertThat(page).hasURL(CASE_PATH);
        assertFlash("Skyddsbedömningen är sparad.");
        assertThat(protection).containsText(CUSTODY_OUTCOME);
        assertThat(protection).not().containsText("Inte gjord");
        // The custody decision re-evaluated the checklist: the custody steps are there now.
        for (String step : List.of(STEP_PLACEMENT, STEP_DEADLINES, STEP_CUSTODY_DOCUMENTED)) {
            assertThat(stepLink(step)).hasCount(1);
        }
        assertThat(stepLink(STEP_SHELTER)).hasCount(0);
        // Saving the indicators and the protection assessment completed their steps; the next step is the first one.
        assertThat(statusOf(STEP_INDICATORS)).containsText("Klart");
        assertThat(statusOf(STEP_PROTECTION)).containsText("Klart");
        assertThat(nextStepSection().locator(".next-step__title")).hasText(STEP_INTAKE);
        assertThat(page.locator(PHASE_A)).hasText("2 av 6 klara");
    }

    // -- 4. the first steps --

    private void workThroughTheFirstSteps(String casePath) {
        int[] before = checklistCounts();

        // "Registrera hur ärendet kom in": simply done.
        goToNextStep(STEP_INTAKE);
        assertThat(page.locator("main")).containsText("Viktigt att tänka på");
        assertThat(page.locator("main .task-status")).containsText("Att göra");
        screenshot("night-06-step");
        assertNoAxeViolations(page);
        page.locator("main").getByRole(AriaRole.BUTTON, called("Markera som klart")).click();
        afterStep("Steget \"" + STEP_INTAKE + "\" är klart.", STEP_IDENTITY, "3 av 6 klara", before, 1);
        assertThat(statusOf(STEP_INTAKE)).containsText("Klart");

        // "Fastställ identiteten": done.
        goToNextStep(STEP_IDENTITY);
        page.locator("main").getByRole(AriaRole.BUTTON, called("Markera som klart")).click();
        afterStep("Steget \"" + STEP_IDENTITY + "\" är klart.", STEP_INTERPRETER, "4 av 6 klara", before, 2);

        // "Boka tolk": a step whose work is recorded elsewhere (issue 11, item 1): no tick, a link to the contact form
        // with the interpreter chosen; recording the booking completes the step with the language.
        goToNextStep(STEP_INTERPRETER);
        Locator main = page.locator("main");
        assertThat(main.getByRole(AriaRole.BUTTON, called("Markera som klart"))).hasCount(0);
        assertThat(main).containsText("Lotsen markerar steget som klart när arbetet är registrerat där.");
        screenshot("night-07-step-interpreter");
        assertNoAxeViolations(page);
        main.getByRole(AriaRole.LINK, called("Registrera tolkbokningen")).click();
        assertThat(page.locator("h1")).hasText("Registrera kontakt");
        main = page.locator("main");
        assertThat(main.getByLabel("Vad gäller kontakten?", exact())).hasValue("INTERPRETER");
        String interpreterService = main.locator("#partnerId option", new Locator.LocatorOptions()
                .setHasText("Tolkförmedlingen")).first().getAttribute("value");
        main.getByLabel("Vem hade du kontakt med?", exact()).selectOption(interpreterService);
        main.getByLabel("Hur?", exact()).selectOption("PHONE");
        main.getByLabel("Vad frågades eller avtalades?", exact()).fill("Telefontolk bokad till samtalet i natt.");
        main.getByLabel("Språk", exact()).fill("Rumänska, telefontolk via Tolkförmedling Väst");
        main.getByRole(AriaRole.BUTTON, called("Registrera kontakten")).click();
        assertFlash("Kontakten med Tolkförmedlingen (demo) är registrerad.");
        open(casePath);
        assertThat(statusOf(STEP_INTERPRETER)).containsText("Klart");
        assertThat(nextStepSection().locator(".next-step__title")).hasText(STEP_RESERVE_NUMBER);
        assertThat(page.locator(PHASE_A)).hasText("5 av 6 klara");

        // "Tilldela reservnummer": not applicable, with a reason.
        goToNextStep(STEP_RESERVE_NUMBER);
        String reason = "Migrationsverket registrerar henne i morgon och ger ett samordningsnummer.";
        page.locator("main").getByLabel("Skäl om steget inte är aktuellt", exact()).fill(reason);
        page.locator("main").getByRole(AriaRole.BUTTON, called("Inte aktuellt")).click();
        afterStep("Steget \"" + STEP_RESERVE_NUMBER + "\" är markerat som inte aktuellt.", STEP_RESIDENCE,
                "6 av 6 klara", before, 4);
        assertThat(statusOf(STEP_RESERVE_NUMBER)).containsText("Inte aktuellt");
        screenshot("night-08-case-after-steps");

        // The step remembers the field and the reason.
        stepLink(STEP_INTERPRETER).click();
        assertThat(page.locator("main dl.summary"))
                .containsText("Rumänska, telefontolk via Tolkförmedling Väst");
        assertThat(page.locator("main .task-status")).containsText("Klart");
        // A done step offers only to be opened again (issue 11, item 6).
        assertThat(page.locator("main").getByRole(AriaRole.BUTTON, called("Markera som klart"))).hasCount(0);
        assertThat(page.locator("main").getByRole(AriaRole.BUTTON, called("Öppna steget igen"))).hasCount(1);
        open(casePath);
        stepLink(STEP_RESERVE_NUMBER).click();
        assertThat(page.locator("main")).containsText("Skäl: " + reason);
        open(casePath);
    }

    private void goToNextStep(String expectedTitle) {
        Locator next = nextStepSection();
        assertThat(next.locator(".next-step__title")).hasText(expectedTitle);
        next.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Gå till steget")).click();
        assertThat(page.locator("h1")).hasText(expectedTitle);
    }

    /** Back on the case page after a step: the flash, the new next step, the phase and overall progress. */
    private void afterStep(String flash, String nextTitle, String phaseProgress, int[] before, int completedSince) {
        assertThat(page).hasURL(CASE_PATH);
        assertFlash(flash);
        assertThat(nextStepSection().locator(".next-step__title")).hasText(nextTitle);
        assertThat(page.locator(PHASE_A)).hasText(phaseProgress);
        int[] now = checklistCounts();
        assertEquals(before[0] + completedSince, now[0], "steps done in the checklist heading");
        assertEquals(before[1], now[1], "steps in the checklist heading");
    }

    // -- 5. journal --

    private void writeAndCorrectAJournalEntry() {
        Locator journal = page.locator("#journal");
        assertThat(journal).containsText("Inga anteckningar ännu.");
        journal.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Skriv journalanteckning")).click();
        assertThat(page.locator("h1")).hasText("Journalanteckning");
        assertThat(page.locator("main").getByLabel("Händelsen inträffade", exact())).not().hasValue("");
        page.locator("main").getByLabel("Anteckning", exact()).fill(JOURNAL_TEXT);
        page.locator("main").getByRole(AriaRole.BUTTON, called("Signera anteckningen")).click();

        assertThat(page).hasURL(Pattern.compile("/cases/[0-9a-f-]{36}#journal$"));
        assertFlash("Anteckningen är signerad.");
        Locator first = page.locator("#entry-1");
        assertThat(first).containsText("Anteckning 1");
        assertThat(first).containsText(JOURNAL_TEXT);
        assertThat(first).containsText("signerad av Elin Berg");

        first.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Rätta anteckningen")).click();
        assertThat(page.locator("h1")).hasText("Rätta en journalanteckning");
        // The entry being corrected is shown above the form.
        assertThat(page.locator("main .notice")).containsText(JOURNAL_TEXT);
        page.locator("main").getByLabel("Anteckning", exact()).fill(CORRECTION_TEXT);
        page.locator("main").getByRole(AriaRole.BUTTON, called("Signera anteckningen")).click();

        assertFlash("Anteckningen är signerad.");
        assertThat(page.locator("#journal .journal__entry")).hasCount(2);
        // The original stays as it was; the correction says what it corrects.
        assertThat(page.locator("#entry-1")).containsText(JOURNAL_TEXT);
        assertThat(page.locator("#entry-1")).not().containsText("Rättar anteckning");
        Locator second = page.locator("#entry-2");
        assertThat(second).containsText("Anteckning 2");
        assertThat(second).containsText("Rättar anteckning 1");
        assertThat(second).containsText(CORRECTION_TEXT);
        part(page.locator("#journal"), "night-08-case-journal");
    }

    // -- 6. the method developer publishes version 2 --

    private void publishANewRoutineVersionAsTheMethodDeveloper() {
        page = newUserPage();
        signIn("metod");
        page.locator("main").getByRole(AriaRole.LINK, called("Rutiner")).click();
        assertThat(page).hasURL(Pattern.compile("/routines$"));
        page.getByRole(AriaRole.BUTTON, named("Skapa utkast")).click();

        assertThat(page).hasURL(Pattern.compile("/routines/akut-manniskohandel/draft$"));
        assertFlash("Utkastet till version 2 är skapat som en kopia av version 1.");
        assertThat(page.locator("main")).containsText("Utkastet har inga ändringar ännu.");

        // Change the guidance of the first step.
        // The link's name is "Ändra" plus the step's title in a visually hidden span.
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                .setName(Pattern.compile("^Ändra\\s*:\\s*" + STEP_INTAKE + "$"))).click();
        assertThat(page.locator("h1")).hasText("Ändra steget ”" + STEP_INTAKE + "”");
        Locator guidance = page.locator("main").getByLabel("Viktigt att tänka på", exact());
        String oldGuidance = guidance.inputValue();
        assertTrue(oldGuidance.startsWith("Skriv ner vem som anmälde"), oldGuidance);
        guidance.fill(oldGuidance + " " + NEW_GUIDANCE_SENTENCE);
        page.locator("main").getByRole(AriaRole.BUTTON, called("Spara steget")).click();
        assertFlash("Steget ”" + STEP_INTAKE + "” är sparat.");
        Locator changedStep = page.locator("#step-mottagande");
        assertThat(changedStep.locator(".routine-tag")).hasText("Ändrat");

        // Add a step to phase A.
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                .setName(Pattern.compile("^Lägg till steg\\s+i A\\. Mottagande och identitet$"))).click();
        assertThat(page.locator("h1")).hasText("Nytt steg i A. Mottagande och identitet");
        Locator main = page.locator("main");
        main.getByLabel("Nyckel", exact()).fill(NEW_STEP_KEY);
        main.getByLabel("Rubrik", exact()).fill(NEW_STEP_TITLE);
        main.getByLabel("Viktigt att tänka på", exact()).fill("Ringer telefonen hela tiden? Anteckna numret och "
                + "vem som ringer, men svara inte själv.");
        main.getByLabel("Gäller barn", exact()).check();
        main.getByRole(AriaRole.BUTTON, called("Lägg till steget")).click();
        assertFlash("Steget ”" + NEW_STEP_TITLE + "” är tillagt i A. Mottagande och identitet.");
        Locator addedStep = page.locator("#step-" + NEW_STEP_KEY);
        assertThat(addedStep.getByRole(AriaRole.HEADING)).containsText(NEW_STEP_TITLE);
        assertThat(addedStep.locator(".routine-tag")).hasText("Nytt");
        assertThat(page.locator("main")).containsText("2 steg skiljer sig från version 1.");
        screenshot("night-09-routine-draft");
        viewport("night-09-routine-draft-new-step"); // the editor scrolls to the new step

        // Preview: the differences, then publish with a change note.
        page.getByRole(AriaRole.LINK, named("Förhandsgranska och publicera")).click();
        assertThat(page.locator("h1")).containsText("Förhandsgranska version 2");
        assertDifferences(page.locator(".differences"));
        page.locator("main").getByLabel("Vad har ändrats och varför?", exact()).fill(CHANGE_NOTE);
        page.getByRole(AriaRole.BUTTON, named("Publicera version 2")).click();

        assertThat(page).hasURL(Pattern.compile("/routines/versions/[0-9a-f-]{36}$"));
        assertFlash("Version 2 är publicerad.");
        assertThat(page.locator("h1")).containsText("Version 2");
        assertThat(page.locator("main .status-line")).containsText("Gäller nya ärenden");
        assertThat(page.locator("main")).containsText(CHANGE_NOTE);
        assertDifferences(page.locator(".differences"));
        assertThat(page.locator("#step-mottagande")).containsText(NEW_GUIDANCE_SENTENCE);
        assertThat(page.locator("#step-" + NEW_STEP_KEY)).containsText(NEW_STEP_TITLE);
        screenshot("night-10-routine-version-2");
        viewport("night-10-routine-version-2-top");
        assertNoAxeViolations(page);
    }

    private static void assertDifferences(Locator differences) {
        assertThat(differences.locator("#differences-title")).hasText("Skillnader mot version 1");
        assertThat(differences).containsText("2 steg skiljer sig.");
        Locator added = differences.getByRole(AriaRole.LISTITEM)
                .filter(new Locator.FilterOptions().setHasText(NEW_STEP_TITLE));
        assertThat(added).hasCount(1);
        assertThat(added).containsText("Nytt");
        assertThat(added).containsText("i A. Mottagande och identitet.");
        Locator changed = differences.getByRole(AriaRole.LISTITEM)
                .filter(new Locator.FilterOptions().setHasText(STEP_INTAKE));
        assertThat(changed).hasCount(1);
        assertThat(changed).containsText("Ändrat");
        assertThat(changed).containsText("Ändrat: viktigt att tänka på.");
    }

    // -- 7. the open case keeps version 1 and says what changed --

    private void theCaseKeepsVersionOneAndShowsWhatChanged(String casePath) {
        open(casePath);
        Locator notice = page.locator("main [role=note]").filter(
                new Locator.FilterOptions().setHasText("Ärendet följer rutinens version 1."));
        assertThat(notice).hasCount(1);
        assertThat(notice).containsText("Ärendet följer rutinens version 1. Version 2 är publicerad.");
        // The case still runs version 1: the new step is not in its checklist, the next step is unchanged.
        assertThat(page.locator("#checklist")).containsText("Rutinversion 1");
        assertThat(stepLink(NEW_STEP_TITLE)).hasCount(0);
        assertThat(nextStepSection().locator(".next-step__title")).hasText(STEP_RESIDENCE);
        assertThat(page.locator(PHASE_A)).hasText("6 av 6 klara");
        screenshot("night-11-case-with-newer-routine");
        viewport("night-11-case-with-newer-routine-top");
        assertNoAxeViolations(page);

        notice.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Visa vad som har ändrats")).click();
        assertThat(page).hasURL(Pattern.compile("/cases/[0-9a-f-]{36}/routine-changes$"));
        assertThat(page.locator("h1")).hasText("Ändringar från version 1 till version 2");
        assertThat(page.locator("main .notice")).containsText("Ändringsnotering: " + CHANGE_NOTE);
        Locator changes = page.locator("main .change-list > li");
        assertThat(changes).hasCount(2);
        Locator changed = changes.filter(new Locator.FilterOptions().setHasText(STEP_INTAKE));
        assertThat(changed).hasCount(1);
        assertThat(changed).containsText("Ändrat steg");
        assertThat(changed).containsText("vägledning");
        // The new guidance is shown in full.
        assertThat(changed).containsText(NEW_GUIDANCE_SENTENCE);
        Locator added = changes.filter(new Locator.FilterOptions().setHasText(NEW_STEP_TITLE));
        assertThat(added).hasCount(1);
        assertThat(added).containsText("Nytt steg");
        screenshot("night-12-case-routine-changes");
        assertNoAxeViolations(page);

        page.getByRole(AriaRole.LINK, named("Tillbaka till ärendet")).click();
        assertThat(page).hasURL(CASE_PATH);
    }

    // -- 8. another unit --

    private void anotherUnitCannotOpenTheCase(String casePath) {
        Page jourPage = page;
        page = newUserPage();
        try {
            signIn("rinkeby1");
            Response response = page.navigate(url(casePath));
            assertNotNull(response);
            assertEquals(404, response.status(), "rinkeby1 opening " + casePath);
            assertThat(page.locator("h1")).hasText("Sidan finns inte");
            assertThat(page.locator("main")).not().containsText(NAME);
            assertThat(page.locator("main")).not().containsText("SOCIALJOUREN-");
            screenshot("night-13-other-unit-404");
            // Nor a step of it.
            Response step = page.navigate(url(casePath + "/steps/mottagande"));
            assertNotNull(step);
            assertEquals(404, step.status(), "rinkeby1 opening a step of " + casePath);
            assertThat(page.locator("main")).not().containsText(NAME);
        } finally {
            page = jourPage;
        }
    }

    // -- helpers --

    /** A page in a browser context of its own, for another user at the same time. */
    private Page newUserPage() {
        BrowserContext other = browser().newContext(new Browser.NewContextOptions()
                .setLocale("sv-SE")
                .setTimezoneId("Europe/Stockholm")
                .setViewportSize(1280, 900));
        otherContexts.add(other);
        return other.newPage();
    }

    private Locator nextStepSection() {
        return page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Nästa steg").setExact(true));
    }

    /** The link to a step in the case page's checklist. */
    private Locator stepLink(String title) {
        unfoldChecklist();
        return page.locator("#checklist").getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName(title).setExact(true));
    }

    /** The status shown for a step in the checklist. */
    private Locator statusOf(String title) {
        unfoldChecklist();
        return page.locator("#checklist .task-list__item")
                .filter(new Locator.FilterOptions().setHas(page.getByRole(AriaRole.LINK, named(title))))
                .locator(".task-status");
    }

    /** Done and visible steps from the checklist heading "Rutinen: N av M steg klara". */
    private int[] checklistCounts() {
        String heading = page.locator("#checklist-title").innerText();
        Matcher m = CHECKLIST_HEADING.matcher(heading);
        assertTrue(m.find(), "checklist heading: " + heading);
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
    }

    private void assertNextStepComesBeforeTheChecklist() {
        Object following = page.evaluate("() => { const next = document.querySelector('section.next-step');"
                + " const list = document.getElementById('checklist');"
                + " if (!next || !list) { return 'next-step: ' + !!next + ', checklist: ' + !!list; }"
                + " return (next.compareDocumentPosition(list) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0"
                + " ? 'before' : 'position ' + next.compareDocumentPosition(list); }");
        assertEquals("before", following, "\"Nästa steg\" should come before the checklist in the page");
    }

}
