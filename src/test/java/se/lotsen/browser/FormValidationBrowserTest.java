package se.lotsen.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Forms at the GOV.UK standard in a browser: an intake sent empty shows Lotsen's error summary (never the browser's
 * own bubbles), the focus moves to the summary, and a link of the summary moves the focus to its field, a radio group
 * to its first radio. Enter in a text field of the intake leads at most to the check page, which opens nothing; only
 * its "Öppna ärendet" does. Desktop and 390 px wide, axe-core clean.
 */
class FormValidationBrowserTest extends BrowserTestSupport {

    @Autowired
    JdbcClient jdbc;

    private long casesAbout(String name) {
        return jdbc.sql("SELECT count(*) FROM case_file c JOIN person p ON p.id = c.person_id WHERE p.name = :n")
                .param("n", name).query(Long.class).single();
    }

    @Test
    void anEmptyIntakeShowsEveryProblemInTheSummaryAndItsLinksFocusTheFields() {
        signIn("jour1");
        open("/cases/new/intake");
        Locator main = page.locator("main");
        main.getByLabel("Inkom", exact()).fill("");
        main.getByRole(AriaRole.BUTTON, called("Fortsätt")).click();

        Locator summary = page.locator(".error-summary");
        assertThat(summary).isVisible();
        assertThat(summary).isFocused();
        // Every problem at once, each naming its field.
        assertThat(summary).containsText("Gäller ärendet ett barn eller en vuxen?");
        assertThat(summary).containsText("Inkom");
        assertThat(summary).containsText("Hur kom ärendet in?");
        assertThat(summary).containsText("Namn");
        assertThat(summary).not().containsText("Fyll i fältet");
        // The same words at the field.
        assertThat(page.locator("#channel-error")).containsText("Hur kom ärendet in?");
        assertThat(page.locator("fieldset.fieldset--error")).not().hasCount(0);
        screenshot("forms-01-intake-empty");
        assertNoAxeViolations(page);

        summary.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(Pattern.compile("Hur kom ärendet in")))
                .click();
        assertThat(page.locator("#channel")).isFocused();
        summary.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                .setName(Pattern.compile("Gäller ärendet ett barn eller en vuxen"))).click();
        assertThat(page.locator("main").getByLabel("Ett barn (under 18 år)", exact())).isFocused();
        summary.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(Pattern.compile("Inkom"))).click();
        assertThat(page.locator("#receivedAt")).isFocused();

        // The same at phone width.
        page.setViewportSize(390, 844);
        assertThat(summary).isVisible();
        screenshot("forms-02-intake-empty-390");
        assertNoAxeViolations(page);
    }

    @Test
    void enterInATextFieldOfTheIntakeLeadsToTheCheckPageAndOpensNothing() {
        page.setViewportSize(390, 844);
        signIn("jour1");
        String name = "Enter Prov " + Long.toString(System.nanoTime(), 36);
        open("/cases/new/intake");
        Locator main = page.locator("main");
        main.getByLabel("Ett barn (under 18 år)", exact()).check();
        main.getByLabel("Hur kom ärendet in?", exact()).selectOption("POLICE_PL12");
        main.getByLabel("Namn", exact()).fill(name);
        main.getByLabel("Inget känt nummer", exact()).check();
        main.getByLabel("Uppgiven eller bedömd ålder (valfritt)", exact()).fill("15");
        // Enter in a text field half-way: at most the check page.
        main.getByLabel("Anmälare (valfritt)", exact()).fill("Citypolisen");
        main.getByLabel("Anmälare (valfritt)", exact()).press("Enter");

        assertThat(page).hasURL(Pattern.compile("/cases/new/check\\?draft=[0-9a-f-]{36}$"));
        assertThat(page.locator("h1")).hasText("Kontrollera uppgifterna innan ärendet öppnas");
        assertEquals(0, casesAbout(name), "Enter opened no case");
        assertThat(page.locator("main")).containsText(name);
        assertThat(page.locator("main")).containsText("Citypolisen");
        screenshot("forms-03-intake-check-390");
        assertNoAxeViolations(page);

        // "Ändra" goes back to the field with every answer kept; Enter there comes back to the check page.
        page.locator("main").getByRole(AriaRole.LINK, called("Ändra Namn")).click();
        assertThat(page).hasURL(Pattern.compile("/cases/new/intake\\?draft=[0-9a-f-]{36}#name$"));
        assertThat(page.locator("#name")).isFocused();
        assertThat(page.locator("#name")).hasValue(name);
        assertThat(page.locator("main").getByLabel("Anmälare (valfritt)", exact())).hasValue("Citypolisen");
        page.locator("#name").press("Enter");
        assertThat(page.locator("h1")).hasText("Kontrollera uppgifterna innan ärendet öppnas");
        assertEquals(0, casesAbout(name), "still no case");

        // Only the check page's button opens the case.
        page.locator("main").getByRole(AriaRole.BUTTON, called("Öppna ärendet")).click();
        assertThat(page).hasURL(Pattern.compile("/cases/[0-9a-f-]{36}$"));
        assertFlash("Ärendet är öppnat");
        assertEquals(1, casesAbout(name));
    }
}
