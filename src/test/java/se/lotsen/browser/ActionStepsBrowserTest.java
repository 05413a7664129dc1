package se.lotsen.browser;

import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import se.lotsen.access.LotsenHttp;
import se.lotsen.access.Scenario;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every action step does what it says (issue 11, item 1), walked by keyboard-free clicks as the jour would, at
 * desktop width and at 390 px (a phone): the indicator step offers no tick but a link to the indicators form, and
 * saving the assessment there marks the step done; the reservnummer step assigns a number with its button, shows it
 * as recorded text and offers the button no more. axe-core checks the step pages, the indicators form and the case.
 * Screenshots go to target/screenshots/steps-*.png.
 */
class ActionStepsBrowserTest extends BrowserTestSupport {

    private static final String STEP_INDICATORS = "Gå igenom indikatorerna på människohandel";
    private static final String STEP_RESERVE_NUMBER = "Tilldela reservnummer";

    private Locator row(String stepTitle) {
        unfoldChecklist();
        return page.locator("#checklist .task-list__item").filter(new Locator.FilterOptions().setHas(
                page.getByRole(AriaRole.LINK, named(stepTitle))));
    }

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {1280, 390})
    void theIndicatorStepIsDoneByItsFormAndTheReservnummerByItsButton(int width) {
        page.setViewportSize(width, 900);
        Scenario scenario = new Scenario(new LotsenHttp(port));
        UUID id = scenario.openChild("jour1", Scenario.name("Steg" + width));
        String casePath = "/cases/" + id;
        signIn("jour1");

        // The case page: the indicator step's row links to the form where the work is done.
        open(casePath);
        Locator indicatorRow = row(STEP_INDICATORS);
        assertThat(indicatorRow.getByRole(AriaRole.LINK, called("Bedöm indikatorerna"))).isVisible();
        assertThat(indicatorRow).containsText("Att göra");
        assertNoAxeViolations(page);

        // The step page: no tick; it explains and links to the indicators form.
        indicatorRow.getByRole(AriaRole.LINK, called(STEP_INDICATORS)).click();
        assertThat(page.locator("h1")).hasText(STEP_INDICATORS);
        Locator main = page.locator("main");
        assertThat(main.getByRole(AriaRole.BUTTON, called("Markera som klart"))).hasCount(0);
        assertThat(main.getByRole(AriaRole.BUTTON, called("Inte aktuellt"))).hasCount(0);
        assertThat(main).containsText("Lotsen markerar steget som klart när arbetet är registrerat där.");
        screenshot("steps-" + width + "-01-indicator-step");
        assertNoAxeViolations(page);
        main.getByRole(AriaRole.LINK, called("Bedöm indikatorerna")).click();

        // The indicators form: recording the assessment completes the step.
        assertThat(page).hasURL(Pattern.compile(casePath + "/indicators$"));
        assertNoAxeViolations(page);
        main = page.locator("main");
        main.locator("input[type=checkbox]").first().check();
        main.getByLabel("Samlad bedömning", exact()).fill("Flera indikatorer på sexuell exploatering (fiktivt).");
        main.getByRole(AriaRole.BUTTON, called("Spara")).click();
        // Back on the case page, at the section the assessment belongs to.
        assertThat(page).hasURL(Pattern.compile(casePath + "(#[a-z-]+)?$"));
        assertThat(row(STEP_INDICATORS)).containsText("Klart");
        assertThat(row(STEP_INDICATORS).getByRole(AriaRole.LINK, called("Bedöm indikatorerna"))).hasCount(0);
        screenshot("steps-" + width + "-02-case-after-indicators");

        // The reservnummer: the step performs it with its button.
        row(STEP_RESERVE_NUMBER).getByRole(AriaRole.LINK, called(STEP_RESERVE_NUMBER)).click();
        assertThat(page.locator("h1")).hasText(STEP_RESERVE_NUMBER);
        main = page.locator("main");
        assertThat(main.getByRole(AriaRole.BUTTON, called("Markera som klart"))).hasCount(0);
        assertThat(main).containsText("Lotsen skapar ett reservnummer åt personen");
        screenshot("steps-" + width + "-03-reservnummer-step");
        assertNoAxeViolations(page);
        main.getByRole(AriaRole.BUTTON, called("Tilldela reservnummer")).click();

        assertThat(page).hasURL(Pattern.compile(casePath + "/steps/reservnummer$"));
        main = page.locator("main");
        Locator flash = main.getByRole(AriaRole.STATUS);
        assertThat(flash).containsText("är tilldelat och steget är klart.");
        String number = flash.textContent().replaceAll(".*Reservnumret (\\S+) är tilldelat.*", "$1").trim();
        assertThat(number).matches("\\d{8}-R[A-Z2-9]{3}");
        assertThat(main.locator(".task-status")).containsText("Klart");
        assertThat(main.locator("dl.summary")).containsText(number);
        assertThat(main.getByRole(AriaRole.BUTTON, called("Tilldela reservnummer"))).hasCount(0);
        assertThat(main.getByRole(AriaRole.BUTTON, called("Öppna steget igen"))).hasCount(0);
        screenshot("steps-" + width + "-04-reservnummer-done");
        assertNoAxeViolations(page);

        // The case page names the person by the new number.
        open(casePath);
        assertThat(row(STEP_RESERVE_NUMBER)).containsText("Klart");
        assertThat(page.locator("main")).containsText(number);
        assertNoAxeViolations(page);
    }
}
