package se.lotsen.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 12's "done when", walked as the method developer walks her year, on the demo data that
 * {@code ./mvnw spring-boot:run} seeds (demo cases and the demo review, {@code lotsen.demo.cases=true}):
 * <ol>
 *   <li>the demo review of the children's custody cases: the deficiency chart, and a case with Lotsen's pre-filled,
 *       evidenced answers, pseudonymised;</li>
 *   <li>a seminar registered with participants and a material;</li>
 *   <li>a knowledge article written and found by an inflected word in it ("utredningar" finds "utredning");</li>
 *   <li>the statistics downloaded as XLSX and opened: the demo cases are counted;</li>
 *   <li>the grant's final report drafted from all of that and downloaded as a PDF that holds the sections.</li>
 * </ol>
 * axe-core checks every page; screenshots go to {@code target/screenshots/year-*}.
 */
@TestPropertySource(properties = {"lotsen.demo.cases=true", "lotsen.test.isolation=method-developers-year"})
@DirtiesContext
class MethodDevelopersYearBrowserTest extends BrowserTestSupport {

    private static final String DEMO_REVIEW = "Demogranskning: barn med omedelbart omhändertagande";
    private static final String FUNDER = "Länsstyrelsen i Stockholms län";

    @Test
    void theMethodDeveloperReviewsSpreadsKnowledgeCountsAndReportsToTheFunder() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 6);
        awaitSideEffects();
        signIn("metod");
        Locator main = page.locator("main");

        // 1. The demo review: the chart first, then one case's pre-filled, evidenced answers.
        main.getByRole(AriaRole.LINK, called("Ärendegranskningar")).first().click();
        page.getByRole(AriaRole.LINK, named(DEMO_REVIEW)).click();
        page.getByRole(AriaRole.LINK, named("Resultat")).click();
        assertThat(main).containsText("Andel brister per område");
        Locator chart = main.locator(".chart").first();
        assertThat(chart.locator(".chart__bar:not(.chart__bar--0)").first()).isVisible();
        screenshot("year-1-review-results");
        assertNoAxeViolations(page);
        page.goBack();
        Locator firstCase = main.getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName(Pattern.compile("^SOCIALJOUREN-\\d{4}-\\d+"))).first();
        firstCase.click();
        assertThat(main).containsText("Lotsens förslag");
        assertThat(main).containsText(Pattern.compile("Polisanmälan registrerad \\d{4}-\\d{2}-\\d{2}|"
                + "Ingen polisanmälan"));
        assertThat(page.locator("body")).not().containsText("Demosson");
        assertThat(page.locator("body")).not().containsText("DEMO-");
        screenshot("year-1-review-case");
        assertNoAxeViolations(page);

        // 2. A seminar held last week, with participants from two organisations and its programme.
        open("/knowledge/events/new");
        main.getByLabel("Seminarium", exact()).check();
        String topic = "Seminarium om barn i människohandel " + marker;
        page.locator("#topic").fill(topic);
        page.locator("#date").fill(LocalDate.now(ZoneId.of("Europe/Stockholm")).minusDays(7).toString());
        page.locator("#organiser").fill("Socialjouren, metodutvecklare");
        main.getByLabel("Polisen", exact()).check();
        main.getByLabel("Hållet", exact()).check();
        page.locator("[name='participants[0].organisation']").fill("Polisen, Citypolisen");
        page.locator("[name='participants[0].audience']").selectOption("POLICE");
        page.locator("[name='participants[0].participants']").fill("9");
        page.getByRole(AriaRole.BUTTON, named("Lägg till en organisation")).click();
        page.locator("[name='participants[1].organisation']").fill("Rinkeby-Kista stadsdelsförvaltning");
        page.locator("[name='participants[1].audience']").selectOption("DISTRICT_OFFICES");
        page.locator("[name='participants[1].participants']").fill("6");
        page.locator("main form .button-row button[type=submit]").click();
        assertFlash("är registrerat");
        assertThat(page.locator("tfoot")).containsText("15");
        Path programme = Files.createTempDirectory("year").resolve("program-" + marker + ".txt");
        Files.writeString(programme, "Program (fiktivt)\n09.00 Inledning\n", StandardCharsets.UTF_8);
        page.locator("#file").setInputFiles(programme);
        page.getByRole(AriaRole.BUTTON, named("Ladda upp")).click();
        assertFlash("är uppladdat");
        assertThat(page.getByRole(AriaRole.LINK, named("program-" + marker + ".txt"))).hasAttribute("download", "");
        screenshot("year-2-seminar");
        assertNoAxeViolations(page);

        // 3. An article, found by another form of a word in it.
        open("/knowledge/articles/new");
        page.locator("#category").selectOption("INVENTORY_NORDIC");
        String title = "Barnahus och hemlandskontakter i Oslo " + marker;
        page.locator("#title").fill(title);
        page.locator("#summary").fill("Hur en fiktiv norsk kommun arbetar.");
        page.locator("#body").fill("Kommunen gör en utredning av hemförhållandena innan någon kontakt tas.");
        page.locator("main form .button-row button[type=submit]").click();
        assertFlash("är sparad");
        open("/knowledge/articles");
        page.locator("#q").fill("utredningar " + marker);
        page.locator("#q").press("Enter");
        assertThat(page.getByRole(AriaRole.LINK, named(title))).isVisible();
        screenshot("year-3-article-found");
        assertNoAxeViolations(page);

        // 4. The statistics as XLSX, opened: the twelve demo cases are counted.
        open("/statistics");
        assertThat(main.locator("figure.chart").first()).isVisible();
        assertNoAxeViolations(page);
        Download xlsx = page.waitForDownload(() -> page.locator("#download-xlsx").click());
        Map<String, String> totals = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(xlsx.path()); ReadableWorkbook wb = new ReadableWorkbook(in);
             var rows = wb.getFirstSheet().openStream()) {
            rows.forEach(r -> totals.putIfAbsent(r.getCellText(2) + "/" + r.getCellText(3), r.getCellText(4)));
        }
        assertThat(totals).containsKey("cases.total/");
        assertThat(Integer.parseInt(totals.get("cases.total/").trim())).isGreaterThanOrEqualTo(12);
        screenshot("year-4-statistics");

        // 5. The grant's final report, drafted from all of the above, as a PDF.
        open("/");
        main.getByRole(AriaRole.LINK, called("Bidrag och slutrapport")).click();
        page.getByRole(AriaRole.LINK, named(FUNDER)).first().click();
        page.locator("#report a.button").click();
        Locator draft = page.getByRole(AriaRole.BUTTON, named("Skriv ett utkast till slutrapporten"));
        if (draft.count() > 0) {
            draft.click();
            assertFlash("Lotsen har skrivit ett utkast");
        }
        assertThat(main).containsText(FUNDER);
        screenshot("year-5-report");
        assertNoAxeViolations(page);
        Download pdf = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                named("Ladda ner slutrapporten som PDF")).click());
        String text;
        try (PDDocument document = Loader.loadPDF(Files.readAllBytes(pdf.path()))) {
            text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
        assertThat(text).contains(FUNDER).contains("Ärendegranskningar").contains("Kunskapsspridning")
                .doesNotContain("Demosson").doesNotContain("DEMO-");
    }
}
