package se.lotsen.routines;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import se.lotsen.browser.BrowserTestSupport;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The method developer's routine work as a person does it in a browser: start a draft, add a step (first with
 * mistakes), move it, preview, publish, read the new version with its differences, open a legal reference, and get
 * the PDF. Screenshots of every page (and the PDF's first page) go to target/screenshots/; axe-core checks each page.
 * Its own application context and database, because it publishes a version.
 */
@TestPropertySource(properties = "lotsen.test.isolation=routine-pages-browser")
class RoutinePagesBrowserTest extends BrowserTestSupport {

    private static final String TITLE = "Ordna trygg transport till skyddat boende";

    @Test
    void theMethodDeveloperChangesAndPublishesTheRoutine() throws IOException {
        signIn("metod");
        open("/routines");
        assertThat(page.locator("h1")).hasText("Rutiner");
        screenshot("routines-list");
        assertNoAxeViolations(page);

        page.getByRole(AriaRole.BUTTON, named("Skapa utkast")).click();
        assertThat(page).hasURL(Pattern.compile("/routines/akut-manniskohandel/draft$"));
        assertThat(page.locator("[role=status]")).containsText("Utkastet till version 2 är skapat");
        screenshot("routines-draft-editor");
        viewport("routines-draft-editor-top");
        assertNoAxeViolations(page);

        // Add a step to phase D, first with mistakes.
        page.locator("#phase-d-stod .add-step a").click();
        assertThat(page.locator("h1")).hasText("Nytt steg i D. Specialiststöd och stöd till vuxna");
        page.getByLabel("Nyckel", new Page.GetByLabelOptions().setExact(true)).fill("Transport");
        page.getByLabel("Rubrik").fill(TITLE);
        page.getByLabel("Viktigt att tänka på", new Page.GetByLabelOptions().setExact(true))
                .fill("Åk aldrig ensam med personen. Ta med en kollega.");
        page.getByLabel("Gäller vuxna").check();
        // Legal references are rows: "Lägg till lagrum" sends the form back with an empty row and all input kept.
        page.getByRole(AriaRole.BUTTON, named("Lägg till lagrum")).click();
        Locator row1 = page.getByRole(AriaRole.GROUP, named("Lagrum 1"));
        assertThat(row1.getByLabel("Lag", new Locator.GetByLabelOptions().setExact(true))).isFocused();
        assertThat(page.getByLabel("Rubrik")).hasValue(TITLE);
        row1.getByLabel("Lag", new Locator.GetByLabelOptions().setExact(true)).fill("socialtjänstlagen (2025:400)");
        row1.getByLabel("Paragraf (valfritt)").fill("9 kap. 5 §");
        page.getByRole(AriaRole.BUTTON, named("Lägg till steget")).click();

        Locator summary = page.locator(".error-summary");
        assertThat(summary).isVisible();
        assertThat(summary).isFocused();
        assertThat(summary).containsText("Lagrum 1: skriv förklaringen i klarspråk.");
        assertThat(page.getByLabel("Rubrik")).hasValue(TITLE);
        assertThat(page.getByLabel("Gäller vuxna")).isChecked();
        screenshot("routines-step-form-errors");
        viewport("routines-step-form-errors-top");
        assertNoAxeViolations(page);
        // The summary's link points at the input in error.
        assertThat(summary.getByRole(AriaRole.LINK, called("Lagrum 1: skriv förklaringen i klarspråk.")))
                .hasAttribute("href", "#references[0].text");

        page.getByLabel("Nyckel", new Page.GetByLabelOptions().setExact(true)).fill("transport-skyddat-boende");
        row1 = page.getByRole(AriaRole.GROUP, named("Lagrum 1"));
        row1.getByLabel("Förklaring i klarspråk").fill("Skyddat boende.");
        row1.getByLabel("Gäller från (valfritt)").fill("2025-07-01");
        // A second reference, moved first, then removed again.
        page.getByRole(AriaRole.BUTTON, named("Lägg till lagrum")).click();
        Locator row2 = page.getByRole(AriaRole.GROUP, named("Lagrum 2"));
        row2.getByLabel("Lag", new Locator.GetByLabelOptions().setExact(true)).fill("LVU (1990:52)");
        row2.getByLabel("Förklaring i klarspråk").fill("Tillfällig rad.");
        page.getByRole(AriaRole.BUTTON, named("Flytta upp Lagrum 2")).click();
        assertThat(page.getByRole(AriaRole.GROUP, named("Lagrum 1"))
                .getByLabel("Lag", new Locator.GetByLabelOptions().setExact(true))).hasValue("LVU (1990:52)");
        screenshot("routines-step-form-rows");
        assertNoAxeViolations(page);
        page.getByRole(AriaRole.BUTTON, named("Ta bort Lagrum 1")).click();
        assertThat(page.getByRole(AriaRole.GROUP, named("Lagrum 2"))).hasCount(0);
        assertThat(page.getByRole(AriaRole.GROUP, named("Lagrum 1"))
                .getByLabel("Förklaring i klarspråk")).hasValue("Skyddat boende.");

        page.getByRole(AriaRole.BUTTON, named("Lägg till fält")).click();
        Locator field1 = page.getByRole(AriaRole.GROUP, named("Fält 1"));
        field1.getByLabel("Nyckel", new Locator.GetByLabelOptions().setExact(true)).fill("transport");
        field1.getByLabel("Etikett").fill("Hur och när transporten ordnas");
        field1.getByLabel("Typ").selectOption("TEXTAREA");
        field1.getByLabel("Måste fyllas i").check();
        page.getByRole(AriaRole.BUTTON, named("Lägg till steget")).click();
        assertThat(page.locator("[role=status]")).containsText("är tillagt i D. Specialiststöd");
        Locator step = page.locator("#step-transport-skyddat-boende");
        assertThat(step).containsText(TITLE);
        assertThat(step.locator(".routine-tag")).hasText("Nytt");

        step.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile("^Flytta upp")))
                .click();
        assertThat(page.locator("[role=status]")).containsText("ligger nu på plats 5 i D.");
        screenshot("routines-draft-editor-changed");
        step.scrollIntoViewIfNeeded();
        viewport("routines-draft-editor-moved-step");

        // Change a word in the guidance of an existing step.
        page.locator("#step-skyddsbedomning").getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName(Pattern.compile("^Ändra"))).click();
        Locator guidance = page.getByLabel("Viktigt att tänka på", new Page.GetByLabelOptions().setExact(true));
        guidance.fill(guidance.inputValue().replaceFirst("Bedöm genast", "Bedöm omedelbart"));
        page.getByRole(AriaRole.BUTTON, named("Spara steget")).click();
        assertThat(page.locator("[role=status]")).containsText("sparat");

        page.getByRole(AriaRole.LINK, named("Förhandsgranska och publicera")).click();
        assertThat(page.locator("#differences-title")).hasText("Skillnader mot version 1");
        // The old and the new text side by side, the changed words marked (and named for screen readers).
        Locator wordDiff = page.locator(".word-diff").first();
        Locator before = wordDiff.locator(".word-diff__column--before");
        Locator after = wordDiff.locator(".word-diff__column--after");
        assertThat(before.locator("del")).hasText("borttaget: genast");
        assertThat(after.locator("ins")).hasText("tillagt: omedelbart");
        assertThat(before.locator("del .visually-hidden")).hasText("borttaget:");
        assertThat(before.boundingBox().x).isLessThan(after.boundingBox().x);
        assertThat(before.boundingBox().y).isEqualTo(after.boundingBox().y);
        wordDiff.scrollIntoViewIfNeeded();
        viewport("routines-preview-word-diff");
        screenshot("routines-preview");
        viewport("routines-preview-top");
        assertNoAxeViolations(page);

        // The change note is required: Lotsen's error summary says so, naming the field (never a browser bubble).
        page.getByRole(AriaRole.BUTTON, named("Publicera version 2")).click();
        assertThat(page).hasURL(Pattern.compile("/draft/publish$"));
        assertThat(page.locator(".error-summary")).containsText("Vad har ändrats och varför?");
        assertNoAxeViolations(page);
        page.getByLabel("Vad har ändrats och varför?").fill("Nytt steg: trygg transport till skyddat boende.");
        page.getByRole(AriaRole.BUTTON, named("Publicera version 2")).click();

        assertThat(page).hasURL(Pattern.compile("/routines/versions/[0-9a-f-]{36}$"));
        assertThat(page.locator("[role=status]")).containsText("Version 2 är publicerad");
        viewport("routines-version-top");
        assertThat(page.locator(".differences")).containsText(TITLE);
        // A legal reference: the short name, its explanation one click away.
        Locator reference = page.locator("#step-transport-skyddat-boende details").first();
        assertThat(reference.locator("summary")).hasText("9 kap. 5 § socialtjänstlagen (2025:400)");
        assertThat(reference.locator(".legal-refs__text")).not().isVisible();
        reference.locator("summary").click();
        assertThat(reference.locator(".legal-refs__text")).isVisible();
        assertThat(reference.locator(".legal-refs__text")).containsText("Skyddat boende.");
        page.locator("#step-skyddsbedomning details summary").first().click();
        screenshot("routines-version");
        page.locator("#step-transport-skyddat-boende").scrollIntoViewIfNeeded();
        viewport("routines-version-new-step");
        assertNoAxeViolations(page);

        String versionUrl = page.url();
        APIResponse pdf = page.request().get(versionUrl + ".pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.headers().get("content-type")).startsWith("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            Files.createDirectories(SCREENSHOT_DIR);
            for (int i = 0; i < Math.min(2, document.getNumberOfPages()); i++) {
                BufferedImage image = new PDFRenderer(document).renderImageWithDPI(i, 80);
                ImageIO.write(image, "png", SCREENSHOT_DIR.resolve("routines-pdf-page-" + (i + 1) + ".png").toFile());
            }
        }

        open(versionUrl.substring(versionUrl.indexOf("/routines")) + "/print");
        assertThat(page.locator("h1")).hasText("Rutin för akuta ärenden om människohandel och prostitution");
        screenshot("routines-print");
        viewport("routines-print-top");
        assertNoAxeViolations(page);

        open("/routines/usage");
        screenshot("routines-usage");
        assertNoAxeViolations(page);
    }
}
