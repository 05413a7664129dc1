package se.lotsen.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import se.lotsen.audit.AuditCheckpoints;

/**
 * An auditor checks the audit trail in the browser: the check says the log is unaltered and against how many
 * checkpoints, "Skriv kontrollpunkt nu" writes one, and a forged checkpoint is reported in words. Axe-clean in each
 * state.
 */
class AuditIntegrityBrowserTest extends BrowserTestSupport {

    @Autowired
    AuditCheckpoints checkpoints;

    private Locator verifyButton() {
        return page.locator("main form[action$='/audit/verify'] button[type=submit]").first();
    }

    @Test
    void anAuditorChecksTheLogAndWritesACheckpoint() throws Exception {
        signIn("granskare");
        open("/audit");
        verifyButton().click();
        page.waitForLoadState();

        assertThat(page.locator("h1")).hasText("Kontroll av loggen");
        assertThat(page.locator(".notice--success")).containsText("Loggen är oförändrad");
        screenshot("audit-verify-intact");
        assertNoAxeViolations(page);

        page.locator("main form[action$='/audit/checkpoints'] button[type=submit]").click();
        page.waitForLoadState();

        assertThat(page.locator(".notice--success")).containsText("Kontrollpunkt skriven");
        assertThat(page.locator(".notice--success")).containsText("katalogen för kontrollpunkter");
        screenshot("audit-checkpoint-written");
        assertNoAxeViolations(page);

        verifyButton().click();
        page.waitForLoadState();
        assertThat(page.locator("main")).containsText("utanför databasen; den senaste skrevs");

        // A forged checkpoint line in the checkpoint directory is reported, with the reason in words.
        Path forged = checkpoints.directory().orElseThrow().resolve("audit-checkpoints-1999-01-01.jsonl");
        try {
            Files.writeString(forged, "{\"seq\":1,\"entryId\":1,\"chainValue\":\"00\","
                    + "\"writtenAt\":\"1999-01-01T00:00:00Z\",\"mac\":\"00\"}\n");
            verifyButton().click();
            page.waitForLoadState();

            Locator summary = page.locator(".error-summary");
            assertThat(summary).hasAttribute("role", "alert");
            assertThat(summary.locator("h2")).hasText("Loggen har ändrats");
            assertThat(summary).containsText("En kontrollpunkt utanför databasen är förfalskad eller ändrad "
                    + "(den anger post 1, nummer 1).");
            screenshot("audit-verify-forged-checkpoint");
            assertNoAxeViolations(page);
        } finally {
            Files.deleteIfExists(forged);
        }
    }
}
