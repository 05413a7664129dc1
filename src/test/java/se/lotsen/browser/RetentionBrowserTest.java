package se.lotsen.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import se.lotsen.retention.RetentionJob;
import se.lotsen.retention.RetentionRun;

/**
 * An auditor finds gallring from the log page by keyboard: the rules in force with their legal basis, the report mode
 * said plainly, and a run with what it found. Axe-clean on both pages.
 */
class RetentionBrowserTest extends BrowserTestSupport {

    @Autowired
    RetentionJob retentionJob;

    @Test
    void anAuditorReadsTheRulesAndARunByKeyboard() {
        RetentionRun run = retentionJob.runOnce().orElseThrow();
        signIn("granskare");
        open("/audit");
        page.getByRole(AriaRole.LINK, named("Gallring")).focus();
        page.keyboard().press("Enter");
        page.waitForLoadState();

        assertThat(page.locator("h1")).hasText("Gallring");
        assertThat(page.locator("#retention-mode")).containsText("Rapportläge");
        assertThat(page.locator("main")).containsText("16 kap. 1 § SoL (2025:400)");
        assertThat(page.locator("main")).containsText("16 kap. 2 a § SoL (2025:400)");
        assertThat(page.locator("main")).containsText("gäller i dag");
        screenshot("retention-runs");
        assertNoAxeViolations(page);

        page.locator("main a[href$='/audit/retention/" + run.id() + "']").focus();
        page.keyboard().press("Enter");
        page.waitForLoadState();
        assertThat(page.locator("h1")).containsText("Gallringskörning");
        assertThat(page.locator("main dl")).containsText("Rapport");
        page.getByLabel("Sök ärendenummer").fill("SJ-1999");
        page.keyboard().press("Enter");
        page.waitForLoadState();
        assertThat(page.locator("main")).containsText("Inget hittades");
        screenshot("retention-run");
        assertNoAxeViolations(page);
    }
}
