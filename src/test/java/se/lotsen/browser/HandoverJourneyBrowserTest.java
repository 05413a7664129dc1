package se.lotsen.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import se.lotsen.access.LotsenHttp;
import se.lotsen.calendar.SwedishCalendar;

/**
 * The night a child is handed from the jour to a district, played in browsers from start to end.
 *
 * <p>The duty social worker (jour1) opens a case about a Romanian girl without an identity number, brought in by the
 * police under 12 § polislagen, records the police report through the contact form (which completes the step "Gör
 * polisanmälan") and a call to the regional coordinator for children at 03:00 on a closed day, which is queued to the
 * next working day at 08.00 and shown on the board of queued contacts. She hands the case to Rinkeby-Kista: the
 * package page and its PDF hold the secrecy marking and the whole handling manual with each step's status.
 *
 * <p>The application's clock cannot be set, so the night is a past night: the case came in, and the contacts were
 * made, during the latest closed day (a Sunday, mostly) whose next working day is today or earlier, so that the queued
 * contact is on today's board. The hand-over itself happens now, and "the next morning" is simply later in the test.
 *
 * <p>Then the unit manager (rinkebychef) sees the case waiting in the district's queue and assigns it to a case worker
 * (rinkeby1), who acknowledges receipt and asks the method developer (metod) a question about the case; metod answers
 * from her queue, and both end up in the case's journal. Another district (sodermalm1) and the method developer cannot
 * open the case.
 *
 * <p>Screenshots go to target/screenshots/journey-*.png (page 1 of the PDF as journey-06-package-pdf-1.png when
 * pdftoppm is installed); axe-core checks the contact form, the board of queued contacts, the hand-over form, the
 * package page, the district queue, the question form and the question page. Its own application context and database
 * (closed afterwards), because it numbers cases and hands one over.
 */
@TestPropertySource(properties = "lotsen.test.isolation=handover-journey-browser")
@DirtiesContext
class HandoverJourneyBrowserTest extends BrowserTestSupport {

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    private static final Pattern CASE_PATH = Pattern.compile("/cases/([0-9a-f-]{36})$");
    private static final Pattern QUESTION_PATH = Pattern.compile("/questions/([0-9a-f-]{36})$");

    private static final String NAME = "Ioana Pătrașcu-Åberg";
    private static final String JOUR = "Socialjouren Stockholm";
    private static final String RINKEBY = "Rinkeby-Kista stadsdelsförvaltning";
    private static final String JOUR1_NAME = "Elin Berg";
    private static final String RINKEBY1_NAME = "Johan Lund";
    private static final String METOD_NAME = "Sofia Ek";

    private static final String POLICE = "Polisen, Citypolisen (lokalpolisområde)";
    private static final String COORDINATOR = "Regionkoordinator barn och unga, Stockholms län";
    private static final String REPORT_NUMBER = "5000-K123456-26";
    private static final String OFFICER = "Inspektör Åsa Öberg";
    private static final String POLICE_UNIT = "Citypolisen, ingripandeverksamheten";
    private static final String POLICE_SUMMARY = "Anmälan om misstänkt människohandel med barn. Förhör på Barnahus "
            + "planeras på måndag.";
    private static final String COORDINATOR_SUMMARY = "Ringde för samråd om skyddat boende för barn; "
            + "koordinatorn nås först på vardagen.";

    private static final String STEP_POLICE = "Gör polisanmälan";
    private static final String SECRECY = "SEKRETESS enligt 26 kap. 1 § offentlighets- och sekretesslagen (2009:400)";
    private static final String RINKEBY_COMMITTEE = "Rinkeby-Kista stadsdelsnämnd, sociala delegationen";
    private static final String HANDOVER_REASON = "Barnet uppger att hon bor hos en moster i Rinkeby. Enligt stadens "
            + "riktlinjer ansvarar Rinkeby-Kista.";
    private static final String QUESTION = "Flickan har en moster i Rinkeby som kan vara inblandad. Ska vi ta kontakt "
            + "med mostern innan polisförhöret?";
    private static final String ANSWER = "Nej. Vänta med kontakt med släktingar tills polisen har hållit förhöret, "
            + "och gör först en riskbedömning tillsammans med förundersökningsledaren.";

    private static final Map<String, String> STATUS_WORDS = Map.of("OPEN", "Att göra", "DONE", "Klart",
            "NOT_APPLICABLE", "Inte aktuellt");
    private static final String[] WEEKDAYS = {"mån", "tis", "ons", "tors", "fre", "lör", "sön"};
    private static final String[] MONTHS = {"januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
            "september", "oktober", "november", "december"};

    /** Extra browser contexts opened by the test (other users), closed after it. */
    private final List<BrowserContext> otherContexts = new ArrayList<>();

    // Set as the journey goes on.
    private LocalDate night;
    private LocalDate morning;
    private String casePath;
    private String caseNumber;
    private String questionPath;

    @AfterEach
    void closeOtherContexts() {
        otherContexts.forEach(BrowserContext::close);
        otherContexts.clear();
    }

    @Test
    void theJourHandsAChildToTheDistrictWhichAcknowledgesAndConsultsTheMethodDeveloper() {
        LocalDate today = LocalDate.now(SWEDEN);
        SwedishCalendar calendar = new SwedishCalendar();
        night = latestClosedDayWhoseNextWorkingDayIsNotAfter(calendar, today);
        morning = calendar.nextWorkingDay(night);

        Page jour = page;
        signIn("jour1");
        openTheCaseThroughTheIntake();
        recordThePoliceReport();
        recordTheQueuedCallToTheCoordinator(today);
        List<Step> beforeHandover = checklistOnTheCasePage();
        handOverToRinkebyKista();
        List<Step> manual = checklistFromTheApi("jour1");
        assertSameSteps(beforeHandover, manual);
        thePackagePageHoldsTheWholeManual(manual);
        thePdfHoldsTheWholeManual(manual);
        theJourStillReadsTheCaseButCannotHandItOn();

        // The next morning (simply later: the clock cannot be set).
        page = newUserPage();
        signIn("rinkebychef");
        theUnitManagerAssignsACaseWorkerFromTheQueue();

        Page caseWorker = newUserPage();
        page = caseWorker;
        signIn("rinkeby1");
        theCaseWorkerAcknowledgesReceipt();
        theQueuedContactFollowedTheCase();
        theCaseWorkerAsksTheMethodDeveloper();

        page = newUserPage();
        signIn("metod");
        Page methodDeveloper = page;
        theMethodDeveloperAnswersFromHerQueue();

        page = caseWorker;
        theCaseWorkerSeesTheAnswerAndTheJournal();

        page = newUserPage();
        signIn("sodermalm1");
        cannotOpenTheCase("sodermalm1");

        page = methodDeveloper;
        cannotOpenTheCase("metod");
        // Nor does her question page link to it.
        open(questionPath);
        assertThat(page.locator("main .summary")).containsText("Ärende " + caseNumber);
        assertThat(page.locator("main").getByRole(AriaRole.LINK, called("Ärende " + caseNumber))).hasCount(0);
        page = jour;
    }

    // -- 1. the intake --

    private void openTheCaseThroughTheIntake() {
        Locator main = page.locator("main");
        main.getByRole(AriaRole.LINK, called("Nytt akutärende")).click();
        assertThat(page).hasURL(Pattern.compile("/cases/new$"));
        main.getByLabel("Namn", exact()).fill(NAME);
        main.getByRole(AriaRole.BUTTON, called("Sök person")).click();
        assertThat(main).containsText("Ingen person hittades.");
        main.getByRole(AriaRole.LINK, called("Ny person")).click();
        assertThat(page.locator("h1")).hasText("Mottagande av akutärende");
        assertThat(main.getByLabel("Namn", exact())).hasValue(NAME);

        main.getByLabel("Ett barn (under 18 år)", exact()).check();
        main.getByLabel("Inkom", exact()).fill(local(night, 0, 40));
        main.getByLabel("Hur kom ärendet in?", exact()).selectOption(
                new SelectOption().setLabel("Polisen, efter ett tillfälligt omhändertagande enligt 12 § polislagen"));
        main.getByLabel("Anmälare (valfritt)", exact()).fill("Polisinspektör Åsa Öberg, Citypolisen");
        main.getByLabel("Vad har hänt? (valfritt)", exact()).fill("Polisen omhändertog flickan enligt 12 § polislagen i en "
                + "lägenhet i Skärholmen. Hon saknar handlingar och säger att hon är 14 år.");
        main.getByLabel("Sexuell exploatering eller prostitution", exact()).check();
        main.getByLabel("Inget känt nummer", exact()).check();
        main.getByLabel("Uppgiven eller bedömd ålder (valfritt)", exact()).fill("14");
        main.getByLabel("Åldern är bedömd, inte styrkt", exact()).check();
        main.getByLabel("Medborgarskap", exact()).selectOption("RO");
        main.getByLabel("Språk (valfritt)", exact()).fill("rumänska");
        main.getByLabel("Behöver tolk", exact()).check();
        main.getByLabel("Tolkspråk (valfritt)", exact()).fill("rumänska");
        main.getByLabel("Id-handlingar (valfritt)", exact()).fill("inga handlingar");
        main.getByRole(AriaRole.BUTTON, called("Fortsätt")).click();
        // The check page: only its button opens the case.
        assertThat(page.locator("h1")).hasText("Kontrollera uppgifterna innan ärendet öppnas");
        page.locator("main").getByRole(AriaRole.BUTTON, called("Öppna ärendet")).click();

        assertThat(page).hasURL(CASE_PATH);
        Matcher m = CASE_PATH.matcher(page.url());
        assertTrue(m.find());
        casePath = "/cases/" + m.group(1);
        assertFlash("Ärendet är öppnat");
        Locator h1 = page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1));
        assertThat(h1).hasText(Pattern.compile("^SOCIALJOUREN-\\d{4}-\\d{4}\\s+" + re(NAME) + " · Barn$"));
        caseNumber = page.locator("h1.case-title > span").first().innerText().trim();
        assertTrue(caseNumber.matches("SOCIALJOUREN-\\d{4}-\\d{4}"), caseNumber);
        assertThat(page.locator("main .case-status")).containsText("Öppet");
        Locator person = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Personen"));
        assertThat(person).containsText("Inget känt nummer");
        assertThat(person).containsText("Rumänien");
        Locator facts = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Uppgifter om ärendet"));
        assertThat(facts).containsText("Polisen, efter ett tillfälligt omhändertagande enligt 12 § polislagen");
        assertThat(facts).containsText(swedishDateTime(night.atTime(0, 40)));
        // Nothing recorded yet.
        assertThat(cooperationPanel()).containsText("Inga kontakter är registrerade ännu.");
        assertThat(statusOf(STEP_POLICE)).hasText("Att göra");
        assertThat(handoverPanel()).containsText("Ärendet har inte lämnats över. Det hålls av " + JOUR + ".");
    }

    // -- 2. the police report --

    private void recordThePoliceReport() {
        cooperationPanel().getByRole(AriaRole.LINK, called("Registrera kontakt")).click();
        assertThat(page).hasURL(Pattern.compile("/cases/[0-9a-f-]{36}/contacts/new$"));
        assertThat(page.locator("h1")).hasText("Registrera kontakt");
        Locator main = page.locator("main");
        main.getByLabel("Vad gäller kontakten?", exact()).selectOption(new SelectOption().setLabel("Polisen"));
        main.getByRole(AriaRole.BUTTON, called("Fortsätt")).click();
        assertThat(page).hasURL(Pattern.compile("/contacts/new\\?type=POLICE$"));

        // The guidance and the fields of a police contact.
        assertThat(main.locator(".guidance")).containsText("10 kap. 21 § OSL");
        Locator completeStep = main.getByLabel("Markera motsvarande steg i rutinen som klart", exact());
        assertThat(completeStep).isChecked();
        assertThat(page.locator("#completeStep-hint")).hasText("Steget ”" + STEP_POLICE
                + "” markeras som klart när kontakten är gjord, med uppgifterna från kontakten.");
        // The suggested partners come first.
        assertThat(main.locator("#partnerId optgroup").first()).hasAttribute("label", "Förslag");
        assertThat(main.locator("#partnerId optgroup").first().locator("option", new Locator.LocatorOptions()
                .setHasText(POLICE))).hasCount(1);

        main.getByLabel("Vem hade du kontakt med?", exact()).selectOption(new SelectOption().setLabel(POLICE));
        main.getByLabel("När?", exact()).fill(local(night, 1, 20));
        main.getByLabel("Hur?", exact()).selectOption(new SelectOption().setLabel("Telefon"));
        main.getByLabel("Vad frågades eller avtalades?", exact()).fill(POLICE_SUMMARY);
        main.getByRole(AriaRole.GROUP, new Locator.GetByRoleOptions().setName("Har polisanmälan gjorts?"))
                .getByLabel("Ja", new Locator.GetByLabelOptions().setExact(true)).check();
        main.getByLabel(Pattern.compile("^Sekretessregel")).selectOption(new SelectOption()
                .setLabel("Misstanke om brott mot någon under 18 år (10 kap. 21 § OSL)"));
        main.getByLabel(Pattern.compile("^Kontaktperson hos polisen")).fill(OFFICER);
        main.getByLabel(Pattern.compile("^Polisens enhet")).fill(POLICE_UNIT);
        completeStep.check();

        // First without the report number: the form comes back with the error next to the field, tied to it.
        main.getByRole(AriaRole.BUTTON, called("Registrera kontakten")).click();
        String reportNumberError = "Skriv polisens diarienummer när anmälan är gjord.";
        Locator summary = main.locator(".error-summary");
        assertThat(summary).isVisible();
        assertThat(summary).isFocused();
        Locator summaryLink = summary.getByRole(AriaRole.LINK, called(reportNumberError));
        assertThat(summaryLink).hasAttribute("href", "#fields[reportNumber]");
        Locator reportNumber = main.getByLabel(Pattern.compile("^Polisens diarienummer"));
        assertThat(page.locator("[id='fields[reportNumber]-error']")).hasText(reportNumberError);
        assertThat(reportNumber).hasAttribute("aria-describedby",
                Pattern.compile("(^|\\s)fields\\[reportNumber\\]-error(\\s|$)"));
        assertThat(main.locator(".field--error")).hasCount(1);
        // Nothing typed is lost.
        assertThat(main.getByLabel("Vem hade du kontakt med?", exact())).hasValue(Pattern.compile("[0-9a-f-]{36}"));
        assertThat(main.getByLabel("När?", exact())).hasValue(local(night, 1, 20));
        assertThat(main.getByLabel("Vad frågades eller avtalades?", exact())).hasValue(POLICE_SUMMARY);
        assertThat(main.getByLabel(Pattern.compile("^Kontaktperson hos polisen"))).hasValue(OFFICER);
        assertThat(main.getByRole(AriaRole.GROUP, new Locator.GetByRoleOptions().setName("Har polisanmälan gjorts?"))
                .getByLabel("Ja", new Locator.GetByLabelOptions().setExact(true))).isChecked();
        assertThat(completeStep).isChecked();
        screenshot("journey-01-contact-form-police-error");
        assertNoAxeViolations(page);
        summaryLink.click();
        assertThat(reportNumber).isFocused();
        assertEquals("OPEN", stepStatusFromApi("jour1", "polisanmalan"), "nothing is recorded from a form in error");

        reportNumber.fill(REPORT_NUMBER);
        screenshot("journey-01-contact-form-police");
        assertNoAxeViolations(page);
        main.getByRole(AriaRole.BUTTON, called("Registrera kontakten")).click();

        assertThat(page).hasURL(Pattern.compile("/cases/[0-9a-f-]{36}#cooperation$"));
        assertFlash("Kontakten med " + POLICE + " är registrerad.");
        assertThat(statusOf(STEP_POLICE)).hasText("Klart");
        Locator contact = contactItem(POLICE);
        assertThat(contact).hasCount(1);
        assertThat(contact.locator(".contact__title")).containsText("Polisen");
        assertThat(contact.locator(".contact__status")).hasText(Pattern.compile("Klar\\s*$"));
        assertThat(contact.locator(".contact__meta")).hasText(swedishDateTime(night.atTime(1, 20))
                + " · Telefon · registrerad av " + JOUR1_NAME);
        assertThat(contact).containsText(POLICE_SUMMARY);
        assertThat(contact).containsText(REPORT_NUMBER);
        assertThat(contact).containsText(OFFICER);
        assertThat(contact).containsText(POLICE_UNIT);
        assertThat(contact.locator(".contact__queued")).hasCount(0);
        // The step page holds the report number from the contact.
        unfoldChecklist();
        page.locator("#checklist").getByRole(AriaRole.LINK, called(STEP_POLICE)).click();
        assertThat(page.locator("h1")).hasText(STEP_POLICE);
        assertThat(page.locator("main .task-status")).containsText("Klart");
        // A done step shows what was recorded as text, and offers only to be opened again (issue 11, item 6).
        assertThat(page.locator("main dl.summary")).containsText(REPORT_NUMBER);
        assertThat(page.locator("main").getByRole(AriaRole.BUTTON, called("Öppna steget igen"))).hasCount(1);
        open(casePath);
    }

    // -- 3. the regional coordinator at 03:00: queued --

    private void recordTheQueuedCallToTheCoordinator(LocalDate today) {
        open(casePath + "/contacts/new?type=REGIONAL_COORDINATOR");
        Locator main = page.locator("main");
        assertThat(main.locator(".guidance")).containsText("på natten köas kontakten till nästa vardag kl. 08.00");
        main.getByLabel("Vem hade du kontakt med?", exact()).selectOption(new SelectOption().setLabel(COORDINATOR));
        main.getByLabel("När?", exact()).fill(local(night, 3, 0));
        main.getByLabel("Hur?", exact()).selectOption(new SelectOption().setLabel("Telefon"));
        main.getByLabel("Vad frågades eller avtalades?", exact()).fill(COORDINATOR_SUMMARY);
        main.getByLabel("Samtycke", exact()).selectOption(new SelectOption()
                .setLabel("Ja, personen samtycker till kontakt om sig"));
        assertThat(main.getByLabel(Pattern.compile("^Status"))).hasValue("");
        screenshot("journey-02-contact-form-coordinator");
        assertNoAxeViolations(page);
        main.getByRole(AriaRole.BUTTON, called("Registrera kontakten")).click();

        assertThat(page).hasURL(Pattern.compile("/cases/[0-9a-f-]{36}#cooperation$"));
        assertFlash(COORDINATOR + " har stängt just nu. Kontakten är köad till nästa öppettid och syns under "
                + "Köade kontakter.");
        String queuedFor = swedishDateTime(morning.atTime(8, 0));
        Locator contact = contactItem(COORDINATOR);
        assertThat(contact).hasCount(1);
        assertThat(contact.locator(".contact__status")).hasText(Pattern.compile("Köad\\s*$"));
        assertThat(contact.locator(".contact__queued")).hasText(Pattern.compile("Köad till "
                + re(queuedFor) + "\\s*$"));
        assertThat(contact.locator(".contact__meta")).hasText(swedishDateTime(night.atTime(3, 0))
                + " · Telefon · registrerad av " + JOUR1_NAME);
        assertThat(contact).containsText("Ja, personen samtycker till kontakt om sig");
        assertThat(contact.getByRole(AriaRole.LINK, called("Markera som gjord eller ändra status"))).hasCount(1);
        // Not made yet, so the coordinator's step stays open.
        assertEquals("OPEN", stepStatusFromApi("jour1", "regionkoordinator"));
        screenshot("journey-03-case-with-contacts");

        // The board of queued contacts covers the contacts due today or earlier: this one is due on the morning.
        cooperationPanel().getByRole(AriaRole.LINK, called("Köade kontakter")).click();
        assertThat(page).hasURL(Pattern.compile("/contacts/queued$"));
        assertThat(page.locator("h1")).hasText("Köade kontakter");
        // "Today" as the page saw it (the test may run across midnight).
        assertThat(page.locator("main .lead")).containsText(Pattern.compile("ska tas senast ("
                + re(swedishDate(today)) + "|" + re(swedishDate(LocalDate.now(SWEDEN))) + ")\\."));
        Locator row = queuedRow();
        assertThat(row).hasCount(1);
        assertThat(row.locator("td").nth(0)).containsText(queuedFor);
        assertThat(row.locator("td").nth(2)).containsText(COORDINATOR);
        assertThat(row.locator("td").nth(3)).containsText("Regionkoordinatorn");
        assertThat(row.locator("td").nth(3)).containsText("registrerad av " + JOUR1_NAME + ", "
                + swedishDateTime(night.atTime(3, 0)));
        assertThat(row.getByRole(AriaRole.LINK, called("Markera som gjord"))).hasCount(1);
        screenshot("journey-04-queued-contacts");
        assertNoAxeViolations(page);
        row.getByRole(AriaRole.LINK, called(caseNumber)).click();
        assertThat(page).hasURL(Pattern.compile(re(casePath) + "$"));
    }

    // -- 4. handing over, the package page and the PDF --

    private void handOverToRinkebyKista() {
        screenshot("journey-05-case-before-handover");
        part(page.locator("#cooperation"), "journey-05-case-cooperation-panel");
        part(page.locator("#handover"), "journey-05-case-handover-panel-before");
        handoverPanel().getByRole(AriaRole.LINK, called("Lämna över")).click();
        assertThat(page).hasURL(Pattern.compile("/cases/[0-9a-f-]{36}/handover/new$"));
        assertThat(page.locator("h1")).hasText("Lämna över ärendet");
        Locator main = page.locator("main");
        assertThat(main.locator(".guidance")).containsText("För barn utan adress i Stockholm: kontakta jourchefen.");
        main.getByLabel("Skäl", exact()).fill(HANDOVER_REASON);
        // First without choosing a unit.
        main.getByRole(AriaRole.BUTTON, called("Lämna över ärendet")).click();
        String unitError = "Till vilken enhet: Välj vilken enhet ärendet ska lämnas över till.";
        Locator summary = main.locator(".error-summary");
        assertThat(summary).isFocused();
        assertThat(summary.getByRole(AriaRole.LINK, called(unitError))).hasAttribute("href", "#toUnit");
        Locator unit = main.getByLabel("Till vilken enhet?", exact());
        assertThat(page.locator("#toUnit-error")).hasText(unitError);
        assertThat(unit).hasAttribute("aria-describedby", Pattern.compile("(^|\\s)toUnit-error(\\s|$)"));
        assertThat(main.getByLabel("Skäl", exact())).hasValue(HANDOVER_REASON);
        assertNoAxeViolations(page);
        assertThat(page.locator("main .case-header .status")).hasText("Öppet");

        unit.selectOption(new SelectOption().setLabel(RINKEBY));
        screenshot("journey-06-handover-form");
        assertNoAxeViolations(page);
        main.getByRole(AriaRole.BUTTON, called("Lämna över ärendet")).click();

        assertThat(page).hasURL(Pattern.compile(re(casePath) + "/handover/package$"));
        assertFlash("Ärendet är överlämnat till " + RINKEBY + ". Här är överlämningspaketet som följer med.");
    }

    private void thePackagePageHoldsTheWholeManual(List<Step> steps) {
        Locator main = page.locator("main");
        assertThat(page.locator("h1")).hasText("Överlämningspaket");
        // OSL 5 kap. 5 §: the provision, the date of the mark and the authority that made it.
        assertThat(main.locator(".secrecy-mark")).hasText(Pattern.compile(re(SECRECY)
                + "\\. Antecknat \\d{4}-\\d{2}-\\d{2} av " + re(RINKEBY_COMMITTEE) + "\\."));
        assertThat(main).containsText("Sammanställt");
        assertThat(main.getByRole(AriaRole.LINK, called("Ladda ner som PDF"))).hasAttribute("href",
                casePath + "/handover/package.pdf");

        Locator memo = page.locator("#memo");
        assertThat(memo).containsText("Polisen, efter ett tillfälligt omhändertagande enligt 12 § polislagen");
        assertThat(memo).containsText(RINKEBY + " · Överlämnat");
        Locator person = page.locator("#person");
        assertThat(person).containsText(NAME);
        assertThat(person).containsText("Inget känt nummer");
        assertThat(person).containsText("Rumänien");

        assertThat(page.locator("#decisions h2")).hasText("Beslut");
        assertThat(page.locator("#decisions")).containsText("Inga beslut är registrerade.");
        assertThat(page.locator("#deadlines h2")).hasText("Tidsfrister");
        // A child's case starts the statutory times of 20 kap. socialtjänstlagen when it comes in.
        Locator protectionDeadline = page.locator("#deadlines .package-item").filter(new Locator.FilterOptions()
                .setHasText("Omedelbar skyddsbedömning"));
        assertThat(protectionDeadline).hasCount(1);
        assertThat(protectionDeadline).containsText("20 kap. 1 § socialtjänstlagen");
        assertThat(protectionDeadline).containsText("Sista dag enligt lag");
        assertThat(page.locator("#cooperation h2")).hasText("Samverkan");
        Locator contacts = page.locator("#cooperation .package-item");
        assertThat(contacts).hasCount(2);
        assertThat(contacts.nth(0)).containsText(POLICE);
        assertThat(contacts.nth(0)).containsText(REPORT_NUMBER);
        assertThat(contacts.nth(0)).containsText(OFFICER);
        assertThat(contacts.nth(1)).containsText(COORDINATOR);
        assertThat(contacts.nth(1).locator(".contact__queued")).containsText("Köad till "
                + swedishDateTime(morning.atTime(8, 0)));

        // The handling manual: every visible step of the case with its status, in the routine's order.
        assertThat(page.locator("#manual h2")).hasText("Handläggningsmanual");
        List<String> expected = steps.stream().map(Step::line).toList();
        assertThat(page.locator("#manual .manual-step__title")).hasText(expected.toArray(new String[0]));
        assertThat(page.locator("#manual .manual-step")).hasCount(steps.size());
        // "klara" counts the steps dealt with: done or not applicable.
        long done = steps.stream().filter(s -> !s.status().equals("Att göra")).count();
        assertThat(page.locator("#manual > p.muted")).containsText("Rutinen: " + done + " av " + steps.size());
        Locator policeStep = page.locator("#manual .manual-step").filter(new Locator.FilterOptions()
                .setHas(page.locator(".manual-step__title", new Page.LocatorOptions()
                        .setHasText(STEP_POLICE + " – Klart"))));
        assertThat(policeStep).containsText(REPORT_NUMBER);
        assertThat(policeStep).containsText("Av " + JOUR1_NAME);

        // What remains for the district: the open steps, in the routine's order.
        List<String> open = steps.stream().filter(s -> s.status().equals("Att göra")).map(Step::title).toList();
        assertThat(page.locator("#remaining")).containsText("Stegen som inte är gjorda ännu, i rutinens ordning ("
                + open.size() + " steg).");
        assertThat(page.locator("#remaining .remaining-list > li > strong")).hasText(open.toArray(new String[0]));

        Locator holders = page.locator("#holders");
        assertThat(holders).containsText(JOUR + " → " + RINKEBY);
        assertThat(holders).containsText("Överlämnat av " + JOUR1_NAME + ", " + JOUR + ".");
        assertThat(holders).containsText("Skäl: " + HANDOVER_REASON);
        assertThat(holders).containsText("Inte kvitterat ännu.");

        screenshot("journey-07-package-page");
        viewport("journey-07-package-page-top");
        assertNoAxeViolations(page);
    }

    private void thePdfHoldsTheWholeManual(List<Step> steps) {
        Locator link = page.locator("main").getByRole(AriaRole.LINK, called("Ladda ner som PDF"));
        String href = link.getAttribute("href");
        APIResponse pdf = page.request().get(url(href));
        assertEquals(200, pdf.status(), "GET " + href);
        String contentType = pdf.headers().getOrDefault("content-type", "");
        assertTrue(contentType.startsWith("application/pdf"), "Content-Type of the PDF: " + contentType);
        assertTrue(pdf.headers().getOrDefault("content-disposition", "").contains(".pdf"),
                "Content-Disposition: " + pdf.headers().get("content-disposition"));
        byte[] bytes = pdf.body();
        Path file = SCREENSHOT_DIR.resolve("journey-06-package.pdf");
        try {
            Files.createDirectories(SCREENSHOT_DIR);
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        renderFirstPage(file, "journey-06-package-pdf");

        String text = pdfText(bytes);
        String flat = text.replaceAll("\\s+", " ");
        assertTrue(flat.contains(SECRECY), "the secrecy marking in the PDF");
        assertTrue(flat.contains("26 kap. 1 §"), "26 kap. 1 § in the PDF");
        Matcher pages = Pattern.compile("Sida 1 av (\\d+)").matcher(flat);
        assertTrue(pages.find(), "page numbers \"Sida 1 av N\" in the PDF");
        int pageCount = Integer.parseInt(pages.group(1));
        assertTrue(count(flat, "26 kap. 1 §") >= pageCount,
                "the secrecy marking on each of the " + pageCount + " pages");
        for (String letters : List.of("å", "ä", "ö", "Å", "Ö")) {
            assertTrue(text.contains(letters), "the Swedish letter " + letters + " in the PDF");
        }
        assertTrue(flat.contains(NAME), "the name with ă, ș and Å in the PDF: " + NAME);
        assertTrue(flat.contains("Handläggningsmanual"), "the handling manual's heading in the PDF");
        assertTrue(flat.contains("Kvar för stadsdelsförvaltningen"), "what remains, in the PDF");
        assertTrue(flat.contains(REPORT_NUMBER), "the police report number in the PDF");
        assertTrue(flat.contains(COORDINATOR), "the coordinator contact in the PDF");

        List<String> missing = new ArrayList<>();
        for (Step step : steps) {
            if (!flat.contains(normalised(step.title()))) {
                missing.add("title: " + step.title());
            }
            if (!flat.contains(normalised(step.line()))) {
                missing.add("with its status: " + step.line());
            }
        }
        assertTrue(missing.isEmpty(), "steps missing from the PDF:\n  " + String.join("\n  ", missing));
        for (String word : STATUS_WORDS.values()) {
            long steps1 = steps.stream().filter(s -> s.status().equals(word)).count();
            assertTrue(count(flat, word) >= steps1, "\"" + word + "\" is in the PDF " + count(flat, word)
                    + " times, but " + steps1 + " steps have that status");
        }
    }

    // -- 5. the jour keeps read access only --

    private void theJourStillReadsTheCaseButCannotHandItOn() {
        Response response = page.navigate(url(casePath));
        assertNotNull(response);
        assertEquals(200, response.status(), "jour1 opening the handed-over case");
        assertThat(page.locator("main .case-status")).containsText("Överlämnat");
        assertThat(page.locator("main .case-status")).containsText("Hos " + RINKEBY);
        assertThat(page.locator("main .case-status")).containsText("Ingen handläggare");
        assertThat(handoverPanel().locator(".receipt")).containsText("Väntar på kvittens från " + RINKEBY);
        assertThat(page.locator("main").getByRole(AriaRole.LINK, called("Lämna över"))).hasCount(0);
        assertThat(page.locator("main").getByRole(AriaRole.BUTTON, called("Kvittera mottagandet"))).hasCount(0);
        assertThat(page.locator("main").getByRole(AriaRole.LINK, called("Registrera kontakt"))).hasCount(0);
        assertThat(page.locator("main").getByRole(AriaRole.LINK, called("Skriv journalanteckning"))).hasCount(0);
        // The contacts and the police report are still there to read.
        assertThat(contactItem(POLICE)).containsText(REPORT_NUMBER);
        assertThat(statusOf(STEP_POLICE)).hasText("Klart");
        // Nor does the hand-over form offer to hand it on.
        open(casePath + "/handover/new");
        assertThat(page.locator("main h1")).hasText("Ärendet kan bara läsas");
        assertThat(page.locator("main")).containsText("bara den enhet som har ärendet kan ändra det");
        assertThat(page.locator("main form[method=post]")).hasCount(0);
        open(casePath);
        screenshot("journey-08-case-read-only-for-the-jour");
    }

    // -- 5. the unit manager assigns --

    private void theUnitManagerAssignsACaseWorkerFromTheQueue() {
        open("/handovers");
        assertThat(page.locator("h1")).hasText("Inkommande överlämningar");
        Locator row = handoverRow();
        assertThat(row).hasCount(1);
        assertThat(row.locator("td").nth(1)).hasText(JOUR);
        assertThat(row.locator("td").nth(2)).containsText("av " + JOUR1_NAME);
        Locator receipt = row.locator("td").nth(3);
        assertThat(receipt).containsText("Väntar – kvittera senast");
        assertThat(receipt).not().containsText("Kvitterad");
        assertThat(receipt).not().containsText("Sen");
        assertThat(row.locator("td").nth(4)).hasText("–");
        screenshot("journey-09-district-queue");
        assertNoAxeViolations(page);

        row.getByRole(AriaRole.LINK, called("Kvittera och fördela " + caseNumber)).click();
        assertThat(page).hasURL(Pattern.compile(re(casePath) + "/handover$"));
        Locator main = page.locator("main");
        assertThat(main.locator(".receipt")).containsText("Väntar på kvittens från " + RINKEBY);
        main.getByLabel("Handläggare", exact()).selectOption(new SelectOption().setLabel(RINKEBY1_NAME));
        main.getByRole(AriaRole.BUTTON, called("Fördela till handläggare")).click();

        assertThat(page).hasURL(Pattern.compile(re(casePath) + "#handover$"));
        assertFlash(RINKEBY1_NAME + " är nu handläggare för ärendet.");
        assertThat(page.locator("main .case-status")).containsText("Handläggare: " + RINKEBY1_NAME);
        assertThat(handoverPanel()).containsText("Fördelat till " + RINKEBY1_NAME + ".");
        // Assigned, but receipt is still the case worker's to acknowledge.
        assertThat(handoverPanel().locator(".receipt")).containsText("Väntar på kvittens");
        open("/handovers");
        assertThat(handoverRow().locator("td").nth(4)).hasText(RINKEBY1_NAME);
        assertThat(handoverRow().locator("td").nth(3)).containsText("Väntar – kvittera senast");
    }

    // -- 6. the case worker acknowledges and asks the method developer --

    private void theCaseWorkerAcknowledgesReceipt() {
        open("/handovers");
        Locator row = handoverRow();
        assertThat(row).hasCount(1);
        row.getByRole(AriaRole.LINK, called(caseNumber)).click();
        assertThat(page).hasURL(Pattern.compile(re(casePath) + "$"));
        assertThat(page.locator("main .case-status")).containsText("Handläggare: " + RINKEBY1_NAME);
        // The district may work on the case: the cooperation log can be added to.
        assertThat(cooperationPanel().getByRole(AriaRole.LINK, called("Registrera kontakt"))).hasCount(1);
        handoverPanel().getByRole(AriaRole.BUTTON, called("Kvittera mottagandet")).click();

        assertThat(page).hasURL(Pattern.compile(re(casePath) + "#handover$"));
        assertFlash("Mottagandet är kvitterat för " + RINKEBY + ".");
        Locator receipt = handoverPanel().locator(".receipt");
        assertThat(receipt).hasText(Pattern.compile("Kvitterad av " + re(RINKEBY1_NAME) + ", " + re(RINKEBY) + ", "
                + "\\S+ \\d{1,2} \\S+ \\d{4} kl\\. \\d{2}\\.\\d{2}"));
        assertThat(handoverPanel().getByRole(AriaRole.BUTTON, called("Kvittera mottagandet"))).hasCount(0);
        assertThat(handoverPanel()).containsText("Kvitterat av " + RINKEBY1_NAME);
        assertThat(handoverPanel().locator(".contact-people")).containsText("Lämnade över från " + JOUR);
        assertThat(handoverPanel().locator(".contact-people")).containsText(JOUR1_NAME);
        screenshot("journey-10-case-after-receipt");
        part(page.locator("#handover"), "journey-10-case-handover-panel-acknowledged");

        open("/handovers");
        assertThat(handoverRow().locator("td").nth(3)).containsText("Kvitterad av " + RINKEBY1_NAME);
    }

    private void theQueuedContactFollowedTheCase() {
        open("/contacts/queued");
        assertThat(queuedRow()).hasCount(1);
        assertThat(queuedRow()).containsText(COORDINATOR);
    }

    private void theCaseWorkerAsksTheMethodDeveloper() {
        open(casePath);
        page.locator("#questions").getByRole(AriaRole.LINK, called("Fråga metodutvecklaren om ärendet")).click();
        assertThat(page).hasURL(Pattern.compile("/questions/new\\?caseId=" + casePath.substring(7) + "$"));
        assertThat(page.locator("h1")).hasText("Fråga metodutvecklaren");
        Locator main = page.locator("main");
        assertThat(main.locator(".question-about")).containsText("Frågan gäller ärende " + caseNumber + ".");
        main.getByLabel("Din fråga", exact()).fill(QUESTION);
        screenshot("journey-11-question-form");
        assertNoAxeViolations(page);
        main.getByRole(AriaRole.BUTTON, called("Skicka frågan")).click();

        assertThat(page).hasURL(QUESTION_PATH);
        Matcher m = QUESTION_PATH.matcher(page.url());
        assertTrue(m.find());
        questionPath = "/questions/" + m.group(1);
        assertFlash("Frågan är skickad till metodutvecklaren.");
        assertThat(page.locator("main .question__text")).hasText(QUESTION);
        assertThat(page.locator("main .question-tag--waiting")).containsText("Har väntat i");
        assertThat(page.locator("main .question__answer")).hasCount(0);
    }

    private void theMethodDeveloperAnswersFromHerQueue() {
        open("/questions");
        assertThat(page.locator("h1")).hasText("Frågor från kollegor");
        Locator item = page.locator("main .question-list > li").filter(new Locator.FilterOptions()
                .setHas(page.locator("a[href='" + questionPath + "']")));
        assertThat(item).hasCount(1);
        assertThat(item).containsText(QUESTION);
        assertThat(item.locator(".question-tag--waiting")).containsText("Har väntat i");
        assertThat(item.locator(".question-tag--answered")).hasCount(0);
        assertThat(item).containsText("Från " + RINKEBY1_NAME + ", " + RINKEBY);
        assertThat(item).containsText("Ärende " + caseNumber);
        // Also among the unanswered only.
        page.locator("main").getByRole(AriaRole.LINK, called("Visa bara obesvarade")).click();
        assertThat(page.locator("main a[href='" + questionPath + "']")).hasCount(1);
        screenshot("journey-12-method-developer-queue");

        page.locator("main a[href='" + questionPath + "']").click();
        assertThat(page).hasURL(Pattern.compile(re(questionPath) + "$"));
        Locator main = page.locator("main");
        assertThat(main.locator(".question__text")).hasText(QUESTION);
        main.getByLabel("Svar", exact()).fill(ANSWER);
        main.getByRole(AriaRole.BUTTON, called("Skicka svaret")).click();

        assertThat(page).hasURL(Pattern.compile(re(questionPath) + "$"));
        assertFlash("Svaret är sparat. Den som frågade har fått en avisering.");
        assertThat(main.locator(".question__answer")).hasText(ANSWER);
        assertThat(main.getByRole(AriaRole.BUTTON, called("Skicka svaret"))).hasCount(0);
        open("/questions?unanswered=true");
        assertThat(page.locator("main a[href='" + questionPath + "']")).hasCount(0);
    }

    private void theCaseWorkerSeesTheAnswerAndTheJournal() {
        open(questionPath);
        Locator main = page.locator("main");
        assertThat(main.locator(".question__text")).hasText(QUESTION);
        assertThat(main.locator(".question__answer")).hasText(ANSWER);
        assertThat(main).containsText("Besvarad av " + METOD_NAME);
        assertThat(main.locator(".question-tag--answered")).containsText("Besvarad efter");
        assertThat(main.getByRole(AriaRole.LINK, called("Ärende " + caseNumber))).hasAttribute("href", casePath);
        screenshot("journey-13-question-with-answer");
        assertNoAxeViolations(page);

        open(casePath);
        Locator questions = page.locator("#questions");
        assertThat(questions.locator(".question__text")).hasText(QUESTION);
        assertThat(questions.locator(".question__answer")).hasText(ANSWER);
        Locator journal = page.locator("#journal .journal__entry");
        Locator asked = journal.filter(new Locator.FilterOptions().setHasText(QUESTION));
        assertThat(asked).hasCount(1);
        assertThat(asked).containsText("Fråga till metodutvecklaren:");
        assertThat(asked).containsText("signerad av " + RINKEBY1_NAME);
        Locator answered = journal.filter(new Locator.FilterOptions().setHasText(ANSWER));
        assertThat(answered).hasCount(1);
        assertThat(answered).containsText("Svar från metodutvecklaren " + METOD_NAME + " på frågan från "
                + RINKEBY1_NAME + ":");
        assertThat(answered).containsText("signerad av " + METOD_NAME);
        part(page.locator("#journal"), "journey-14-case-journal");
    }

    // -- 7. nobody else --

    private void cannotOpenTheCase(String who) {
        Response response = page.navigate(url(casePath));
        assertNotNull(response);
        screenshot("journey-15-" + who + "-opens-the-case");
        assertEquals(404, response.status(), who + " opening " + casePath);
        assertThat(page.locator("h1")).hasText("Sidan finns inte");
        assertThat(page.locator("main")).not().containsText(NAME);
        assertThat(page.locator("main")).not().containsText(caseNumber);
    }

    // -- reading the checklist --

    /** A visible step of the case's routine with its status in Swedish. */
    private record Step(String title, String status) {
        String line() {
            return title + " – " + status;
        }
    }

    private List<Step> checklistOnTheCasePage() {
        open(casePath);
        unfoldChecklist();
        Locator items = page.locator("#checklist .task-list__item");
        int n = items.count();
        assertTrue(n > 5, "the case page's checklist has " + n + " steps");
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Locator item = items.nth(i);
            steps.add(new Step(item.locator(".task-list__name > a:not(.task-list__link)").innerText().trim(),
                    item.locator(".task-status > span:not([aria-hidden])").innerText().trim()));
        }
        assertTrue(steps.contains(new Step(STEP_POLICE, "Klart")), "the police report step is done: " + steps);
        return steps;
    }

    private List<Step> checklistFromTheApi(String username) {
        LotsenHttp http = new LotsenHttp(port);
        LotsenHttp.Response r = http.get("/api/v1/cases/" + casePath.substring(7),
                http.token(username, DEMO_PASSWORD));
        assertEquals(200, r.status(), r.body());
        List<Step> steps = new ArrayList<>();
        for (JsonNode item : r.json().get("checklist").values()) {
            String status = STATUS_WORDS.get(item.get("status").asString());
            assertNotNull(status, "a step's status: " + item);
            steps.add(new Step(item.get("title").asString(), status));
        }
        assertFalse(steps.isEmpty(), "the API's checklist");
        return steps;
    }

    private String stepStatusFromApi(String username, String key) {
        LotsenHttp http = new LotsenHttp(port);
        LotsenHttp.Response r = http.get("/api/v1/cases/" + casePath.substring(7),
                http.token(username, DEMO_PASSWORD));
        assertEquals(200, r.status(), r.body());
        for (JsonNode item : r.json().get("checklist").values()) {
            if (item.get("key").asString().equals(key)) {
                return item.get("status").asString();
            }
        }
        throw new AssertionError("no visible step " + key + " in " + r.body());
    }

    /**
     * The case page before the hand-over and the API after it show the same steps in the same order, and what was
     * dealt with before is still dealt with (the hand-over itself may complete a step).
     */
    private static void assertSameSteps(List<Step> before, List<Step> after) {
        assertEquals(before.stream().map(Step::title).toList(), after.stream().map(Step::title).toList(),
                "the steps on the case page before the hand-over and in the API after it");
        Map<String, String> afterByTitle = new LinkedHashMap<>();
        after.forEach(s -> afterByTitle.put(s.title(), s.status()));
        for (Step step : before) {
            if (!step.status().equals("Att göra")) {
                assertEquals(step.status(), afterByTitle.get(step.title()), "status of " + step.title());
            }
        }
    }

    // -- helpers --

    /** The latest closed day before today whose next working day is today or earlier (its 03:00 is in the past). */
    private static LocalDate latestClosedDayWhoseNextWorkingDayIsNotAfter(SwedishCalendar calendar, LocalDate today) {
        for (LocalDate d = today.minusDays(1); d.isAfter(today.minusDays(30)); d = d.minusDays(1)) {
            if (calendar.isClosed(d) && !calendar.nextWorkingDay(d).isAfter(today)) {
                return d;
            }
        }
        throw new IllegalStateException("no closed day in the 30 days before " + today);
    }

    /** A date and time as typed in Lotsen's forms: Swedish local time in Swedish form (2026-11-21 00:40). */
    private static String local(LocalDate day, int hour, int minute) {
        return String.format("%s %02d:%02d", day, hour, minute);
    }

    /** "sön 22 november 2026", as people read dates in Lotsen. */
    private static String swedishDate(LocalDate d) {
        DayOfWeek dow = d.getDayOfWeek();
        return WEEKDAYS[dow.getValue() - 1] + " " + d.getDayOfMonth() + " " + MONTHS[d.getMonthValue() - 1] + " "
                + d.getYear();
    }

    /** "mån 23 november 2026 kl. 08.00". */
    private static String swedishDateTime(LocalDateTime t) {
        return swedishDate(t.toLocalDate()) + String.format(" kl. %02d.%02d", t.getHour(), t.getMinute());
    }

    private static String pdfText(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A literal for a regular expression that Playwright hands to the browser: JavaScript has no \Q…\E, so
     * {@link Pattern#quote} cannot be used.
     */
    private static String re(String literal) {
        return literal.replaceAll("[\\\\^$.|?*+()\\[\\]{}]", "\\\\$0");
    }

    private static String normalised(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }

    private static long count(String text, String word) {
        return Pattern.compile(Pattern.quote(word)).matcher(text).results().count();
    }

    /** Renders page 1 of the PDF to PNG when pdftoppm is installed (to look at); fails only if it is and fails. */
    private static void renderFirstPage(Path pdf, String name) {
        Path pdftoppm = Paths.get("/usr/bin/pdftoppm");
        if (!Files.isExecutable(pdftoppm)) {
            System.err.println("pdftoppm not found: page 1 of the handover PDF is not rendered");
            return;
        }
        try {
            Process process = new ProcessBuilder(pdftoppm.toString(), "-png", "-r", "100", "-f", "1", "-l", "1",
                    "-singlefile", pdf.toString(), SCREENSHOT_DIR.resolve(name + "-1").toString())
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "pdftoppm did not finish");
            assertEquals(0, process.exitValue(), "pdftoppm: " + output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A page in a browser context of its own, for another user. */
    private Page newUserPage() {
        BrowserContext other = browser().newContext(new Browser.NewContextOptions()
                .setLocale("sv-SE")
                .setTimezoneId("Europe/Stockholm")
                .setViewportSize(1280, 900));
        otherContexts.add(other);
        return other.newPage();
    }

    private Locator cooperationPanel() {
        return page.locator("#cooperation");
    }

    private Locator handoverPanel() {
        return page.locator("#handover");
    }

    private Locator contactItem(String partner) {
        return page.locator("#cooperation .contact-list > li").filter(new Locator.FilterOptions()
                .setHas(page.locator(".contact__title", new Page.LocatorOptions().setHasText(partner))));
    }

    private Locator queuedRow() {
        return page.locator("main table tbody tr").filter(new Locator.FilterOptions()
                .setHas(page.locator("a[href='" + casePath + "']")));
    }

    private Locator handoverRow() {
        return page.locator("main table tbody tr").filter(new Locator.FilterOptions()
                .setHas(page.locator("a[href='" + casePath + "']")));
    }

    /** The status word shown for a step in the case page's checklist (without its icon). */
    private Locator statusOf(String title) {
        unfoldChecklist();
        return page.locator("#checklist .task-list__item")
                .filter(new Locator.FilterOptions().setHas(page.getByRole(AriaRole.LINK,
                        new Page.GetByRoleOptions().setName(title).setExact(true))))
                .locator(".task-status > span:not([aria-hidden])");
    }

}
