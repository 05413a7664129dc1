package se.lotsen.browser;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import se.lotsen.access.LotsenHttp;
import se.lotsen.access.Scenario;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Emergency access (nödåtkomst) as a district case worker and an auditor meet it. The jour has a case about a child
 * with protected identity. A case worker of Rinkeby-Kista (rinkeby1), with the keyboard only, goes from the case list
 * to "Nödåtkomst", presses Enter too early on the empty form (the error summary takes the focus and links to each
 * field), follows the summary's link, types the case number and her reason, and sends it: the case opens with the
 * banner "Nödåtkomst till …", read-only, without the address. The auditor (granskare) then finds, among the entries
 * flagged for review, the emergency access and the read of a protected person, with their flags in words, and the
 * reason on the list of emergency accesses. axe-core checks every page; screenshots go to
 * target/screenshots/emergency-*.png. Its own application context and database.
 */
@TestPropertySource(properties = "lotsen.test.isolation=emergency-access-browser")
@DirtiesContext
class EmergencyAccessBrowserTest extends BrowserTestSupport {

    private static final String CHILD = "Vesna Marković Dahl";
    private static final String STREET = "Kvarngränd 12";
    private static final String REASON = "Flickan har kommit till oss i Rinkeby och jouren går inte att nå. Vi "
            + "behöver veta vilka beslut som finns.";

    @Test
    void aDistrictCaseWorkerAsksForEmergencyAccessByKeyboardAndTheAuditorFindsItFlagged() {
        JsonNode created = new Scenario(new LotsenHttp(port)).openChild("jour1", CHILD,
                Map.of("protectedIdentity", "SKYDDAD_FOLKBOKFORING", "address", STREET + ", 163 41 Spånga"));
        UUID caseId = UUID.fromString(created.get("id").asString());
        String caseNumber = created.get("caseNumber").asString();

        signIn("rinkeby1");
        open("/cases");
        Locator link = page.getByRole(AriaRole.LINK, named("Nödåtkomst till ett ärende som din enhet inte har"));
        link.focus();
        page.keyboard().press("Enter");
        assertThat(page).hasURL(url("/cases/emergency-access"));
        assertThat(page.getByRole(AriaRole.HEADING, named("Nödåtkomst till ett ärende"))).isVisible();
        assertThat(page.locator("main")).containsText("Nödåtkomst loggas och granskas");
        assertThat(page.locator("main")).containsText("Lotsens granskare får genast ett meddelande");
        screenshot("emergency-01-form");
        assertNoAxeViolations(page);

        // Enter in the empty first field: the form is sent, refused, and the error summary takes the focus.
        page.locator("main").getByLabel("Ärendenummer", exact()).focus();
        page.keyboard().press("Enter");
        Locator summary = page.locator(".error-summary");
        assertThat(summary).isVisible();
        assertThat(summary).isFocused();
        assertThat(summary.getByRole(AriaRole.LINK)).hasCount(2);
        assertThat(summary.getByRole(AriaRole.LINK).first()).hasText("Ärendenummer: Skriv numret på ärendet du behöver läsa.");
        assertThat(summary.getByRole(AriaRole.LINK).last()).hasText("Skäl: Skriv varför du behöver läsa ärendet.");
        screenshot("emergency-02-errors");
        assertNoAxeViolations(page);

        // From the summary to the first field, then the reason, then the button: keyboard only.
        page.keyboard().press("Tab");
        assertThat(summary.getByRole(AriaRole.LINK).first()).isFocused();
        page.keyboard().press("Enter");
        assertThat(page.locator("main").getByLabel("Ärendenummer", exact())).isFocused();
        page.keyboard().type(caseNumber);
        page.keyboard().press("Tab");
        assertThat(page.locator("main").getByLabel("Skäl", exact())).isFocused();
        page.keyboard().type(REASON);
        page.keyboard().press("Tab");
        assertThat(page.getByRole(AriaRole.BUTTON, named("Öppna ärendet med nödåtkomst"))).isFocused();
        page.keyboard().press("Enter");

        // The case, read-only, with the banner; the protected address is not in the page.
        assertThat(page).hasURL(url("/cases/" + caseId));
        assertThat(page.locator(".banner-emergency")).containsText("Nödåtkomst till");
        assertThat(page.locator(".banner-emergency")).containsText("kan inte ändra något");
        assertFlash("Du har nödåtkomst till ärendet.");
        assertThat(page.locator("main")).containsText(caseNumber);
        assertThat(page.locator("body")).not().containsText(STREET);
        assertThat(page.getByRole(AriaRole.BUTTON, named("Jag håller i ärendet"))).hasCount(0);
        screenshot("emergency-03-case");
        assertNoAxeViolations(page);

        // The auditor: the flagged entries name the emergency access and the read of a protected person in words.
        BrowserContext auditorContext = browser().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setLocale("sv-SE").setTimezoneId("Europe/Stockholm").setViewportSize(1280, 900));
        try {
            page = auditorContext.newPage();
            signIn("granskare");
            open("/audit?flagged=true");
            Locator main = page.locator("main");
            assertThat(main).containsText("nödåtkomst");
            assertThat(main).containsText("ärende om skyddad person");
            assertThat(main).containsText("rinkeby1");
            screenshot("emergency-04-audit-flagged");
            assertNoAxeViolations(page);

            // The reason, on the list of emergency accesses, from the start page's work area.
            open("/");
            page.getByRole(AriaRole.LINK, named("Nödåtkomster")).first().click();
            assertThat(page).hasURL(Pattern.compile("/cases/emergency-access/log$"));
            assertThat(page.locator("main")).containsText(REASON);
            assertThat(page.locator("main")).containsText(caseNumber);
            assertThat(page.locator("main")).containsText("Johan Lund");
            assertThat(page.locator("main")).containsText("Gäller");
            assertThat(page.locator("main").getByRole(AriaRole.LINK, called(caseNumber))).hasCount(0);
            screenshot("emergency-05-log");
            assertNoAxeViolations(page);
        } finally {
            auditorContext.close();
        }
    }
}
