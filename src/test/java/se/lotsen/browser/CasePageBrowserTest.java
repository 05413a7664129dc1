package se.lotsen.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import se.lotsen.access.CustodyCases;
import se.lotsen.access.LotsenHttp;

/**
 * The case page at desktop width and at 390 px (issue 11, item 5): axe-clean, the summary at the top, a section reached
 * by keyboard through the in-page navigation (no JavaScript needed for it), the checklist folded by phase. Prints the
 * page's height at both widths (not asserted) and saves full-page screenshots; with CASEPAGE_STAGE=before|after in the
 * environment they are copied to docs/case-page-<stage>-desktop.png and -phone.png.
 */
class CasePageBrowserTest extends BrowserTestSupport {


    private UUID demoCase() {
        LotsenHttp http = new LotsenHttp(port);
        String jour1 = http.token("jour1", DEMO_PASSWORD);
        UUID id = CustodyCases.childWithCustody(http, jour1, "Elena Demo");
        JsonNode checklist = http.get("/api/v1/cases/" + id, jour1).json().get("checklist");
        int done = 0;
        for (JsonNode item : checklist) {
            if (done >= 6) {
                break;
            }
            LotsenHttp.Response s = http.postJson("/api/v1/cases/" + id + "/checklist/" + item.get("key").asString(),
                    "{\"status\":\"DONE\"}", jour1);
            if (s.status() / 100 == 2) {
                done++;
            }
        }
        return id;
    }

    @Test
    void casePageAtDesktopAndPhoneWidth() throws Exception {
        UUID id = demoCase();
        signIn("jour1");
        open("/cases/" + id);
        assertThat(page.locator("#summary").isVisible()).isTrue();
        assertThat(page.locator("#summary").innerText()).contains("Omedelbart omhändertagande", "Nästa tidsfrist");
        assertNoAxeViolations(page);
        Path desktop = screenshot("case-page-desktop");
        System.out.printf("case page height at 1280 px: %s px%n", page.evaluate("document.documentElement.scrollHeight"));

        // Keyboard: Tab to the navigation's "Beslut" link and follow it; the address and the current link follow.
        page.locator("nav.case-nav a[href='#decisions']").focus();
        page.keyboard().press("Enter");
        page.waitForFunction("location.hash === '#decisions'");
        assertThat(page.locator("nav.case-nav a[href='#decisions']").getAttribute("aria-current")).isEqualTo("location");
        assertThat((Boolean) page.evaluate("(() => { const r = document.getElementById('decisions').getBoundingClientRect();"
                + " return r.top >= -1 && r.top < window.innerHeight; })()")).as("the section is scrolled into view").isTrue();
        // Tab from the top reaches the navigation before the sections.
        open("/cases/" + id);
        boolean reached = false;
        for (int i = 0; i < 40 && !reached; i++) {
            page.keyboard().press("Tab");
            reached = (Boolean) page.evaluate("document.activeElement && document.activeElement.closest('nav.case-nav') !== null");
        }
        assertThat(reached).as("the case navigation is reachable by Tab").isTrue();
        // The folded phases open with the keyboard.
        page.locator("details#phase-c-polis > summary").focus();
        page.keyboard().press("Enter");
        assertThat(page.locator("details#phase-c-polis").getAttribute("open")).isNotNull();

        page.setViewportSize(390, 844);
        open("/cases/" + id);
        assertNoAxeViolations(page);
        assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"))
                .as("no sideways scrolling at 390 px").isTrue();
        Path phone = screenshot("case-page-phone");
        System.out.printf("case page height at 390 px: %s px%n", page.evaluate("document.documentElement.scrollHeight"));
        Optional<String> stage = Optional.ofNullable(System.getenv("CASEPAGE_STAGE"));
        if (stage.isPresent()) {
            Files.copy(desktop, Path.of("docs", "case-page-" + stage.get() + "-desktop.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.copy(phone, Path.of("docs", "case-page-" + stage.get() + "-phone.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
