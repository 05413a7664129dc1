package se.lotsen.browser;

import java.nio.file.Files;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The method developer's journey to the grant's final report: from the start page to the demo grant, the report
 * drafted by Lotsen, one section edited (a mistake first, refused with the error summary), and the PDF downloaded
 * and read. Every page passes axe.
 */
class GrantReportBrowserTest extends BrowserTestSupport {

    private static final String FUNDER = "Länsstyrelsen i Stockholms län";

    @Test
    void theMethodDeveloperDraftsEditsAndDownloadsTheFinalReport() throws Exception {
        signIn("metod");
        page.getByRole(AriaRole.MAIN).getByRole(AriaRole.LINK, called("Bidrag och slutrapport")).click();
        assertThat(page.locator("h1")).hasText("Bidrag");
        assertNoAxeViolations(page);

        page.getByRole(AriaRole.LINK, named(FUNDER)).first().click();
        assertThat(page.locator("h1")).containsText(FUNDER);
        assertThat(page.locator("main")).containsText("Innehålls tills slutrapporten godkänts");
        assertThat(page.locator("main")).containsText("Handbok för akuta ärenden om människohandel och prostitution");
        screenshot("grant-demo");
        assertNoAxeViolations(page);

        page.locator("#report a.button").click();
        assertThat(page.locator("h1")).containsText("Slutrapport");
        Locator draft = page.getByRole(AriaRole.BUTTON, named("Skriv ett utkast till slutrapporten"));
        if (draft.count() > 0) {
            draft.click();
            assertFlash("Lotsen har skrivit ett utkast");
        }
        assertThat(page.locator("#section-summary")).containsText(FUNDER);
        assertThat(page.locator("#section-deliverables")).containsText("Handbok");
        assertThat(page.locator("#section-routines")).isVisible();
        screenshot("grant-report");
        assertNoAxeViolations(page);

        // Edit the section on what was done: a heading left empty is refused first, the typed text kept.
        page.locator("#section-deliverables").getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName(Pattern.compile("^Ändra avsnittet"))).click();
        String token = "Metodstödet nådde " + UUID.randomUUID().toString().substring(0, 6) + " – åäö ÅÄÖ";
        page.locator("main").getByLabel("Rubrik", exact()).fill("");
        page.locator("main").getByLabel("Text", exact()).fill("Vad bidraget har finansierat.\n\n- " + token + "\n- Handboken är klar");
        page.getByRole(AriaRole.BUTTON, named("Spara")).click();
        Locator summary = page.locator(".error-summary");
        assertThat(summary).isVisible();
        assertThat(summary).containsText("Rubrik");
        assertThat(page.locator("main").getByLabel("Text", exact()).inputValue()).contains(token);
        assertNoAxeViolations(page);

        // By keyboard: the heading typed, the form sent with Enter on the button.
        page.locator("main").getByLabel("Rubrik", exact()).fill("Vad som har gjorts under året");
        page.getByRole(AriaRole.BUTTON, named("Spara")).focus();
        page.keyboard().press("Enter");
        assertFlash("Avsnittet ”Vad som har gjorts under året” är sparat.");
        assertThat(page.locator("#section-deliverables")).containsText(token);
        assertThat(page.locator("#section-deliverables li").first()).hasText(token);

        // The PDF: a download with a safe name, holding the edited text with its Swedish characters.
        Download download = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                named("Ladda ner slutrapporten som PDF")).click());
        assertThat(download.suggestedFilename()).matches("slutrapport-lansstyrelsen-i-stockholms-lan-\\d{4}\\.pdf");
        String text;
        try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(download.path()))) {
            text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }
        assertThat(text).contains("Vad som har gjorts under året").contains(token).contains(FUNDER);
    }
}
