package se.lotsen.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.lotsen.access.LotsenHttp;
import se.lotsen.access.Scenario;

/**
 * A double click sends a form once (issue 13, "Faults"): "Öppna ärendet" and "Signera anteckningen" double-clicked
 * open one case and sign one entry; sent twice by script past the buttons' courtesy guard, still one (the server's
 * one-time token). And two users on the same checklist step: the second is told who changed it, sees the other's
 * value beside their own, axe-clean.
 */
class DoubleSubmitBrowserTest extends BrowserTestSupport {

    private static final Pattern CASE_PAGE = Pattern.compile("/cases/([0-9a-f-]{36})(#.*)?$");

    @Autowired
    JdbcClient db;

    private int journalEntries(UUID id) {
        return db.sql("SELECT count(*) FROM journal_entry WHERE case_id = :c").param("c", id).query(Integer.class)
                .single();
    }

    @Test
    void doubleClickingOpenCaseOpensOneCase() {
        signIn("jour1");
        String name = Scenario.name("Dubbelklick");
        open("/cases/new/intake?name=" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8));
        var main = page.locator("main");
        main.getByLabel("Ett barn (under 18 år)", exact()).check();
        main.locator("select[name=channel]").selectOption("POLICE_PL12");
        main.getByLabel("Inget känt nummer", exact()).check();
        main.getByRole(AriaRole.BUTTON, called("Fortsätt")).click();
        assertThat(page.locator("h1")).hasText("Kontrollera uppgifterna innan ärendet öppnas");
        assertNoAxeViolations(page);
        main.getByRole(AriaRole.BUTTON, called("Öppna ärendet")).dblclick();
        assertThat(page).hasURL(CASE_PAGE);
        assertThat(db.sql("SELECT count(*) FROM case_file c JOIN person p ON p.id = c.person_id WHERE p.name = :n")
                .param("n", name).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void doubleClickingSignEntrySignsOneEntryAlsoPastTheScriptGuard() {
        UUID id = new Scenario(new LotsenHttp(port)).openChild("jour1", Scenario.name("Journal"));
        signIn("jour1");
        int before = journalEntries(id);
        open("/cases/" + id + "/journal/new");
        assertNoAxeViolations(page);
        page.locator("main").getByLabel("Anteckning", exact()).fill("Samtal med barnet via tolk.");
        page.locator("main").getByRole(AriaRole.BUTTON, called("Signera anteckningen")).dblclick();
        assertThat(page).hasURL(CASE_PAGE);
        assertThat(journalEntries(id)).isEqualTo(before + 1);

        // The buttons' guard is a courtesy: the same form sent twice by script still signs one entry.
        open("/cases/" + id + "/journal/new");
        page.locator("main").getByLabel("Anteckning", exact()).fill("Uppföljande samtal.");
        page.waitForNavigation(() -> page.evaluate("() => { const f = document.querySelector('main form[method=post]');"
                + " HTMLFormElement.prototype.submit.call(f); HTMLFormElement.prototype.submit.call(f); }"));
        page.waitForURL(CASE_PAGE);
        assertThat(journalEntries(id)).isEqualTo(before + 2);
    }

    @Test
    void theSecondOfTwoUsersOnOneStepIsToldAndSeesBothValues() {
        UUID id = new Scenario(new LotsenHttp(port)).openChild("jour1", Scenario.name("Stegkrock"));
        String step = "/cases/" + id + "/steps/polis-kontakt";
        signIn("jour1");
        open(step);
        try (BrowserContext other = browser().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setLocale("sv-SE").setTimezoneId("Europe/Stockholm").setViewportSize(1280, 900))) {
            Page karim = other.newPage();
            karim.navigate(url("/login"));
            karim.locator("#username").fill("jour2");
            karim.locator("#password").fill(DEMO_PASSWORD);
            karim.locator("main form[action$='/login'] button[type=submit]").click();
            karim.waitForURL(url("/"));
            karim.navigate(url(step));
            karim.locator("textarea[name='fields[kontaktperson]'], input[name='fields[kontaktperson]']")
                    .fill("Inspektör Holm, Norrmalm");
            karim.locator("main").getByRole(AriaRole.BUTTON, called("Markera som klart")).click();
            assertThat(karim).hasURL(CASE_PAGE);
        }
        page.locator("textarea[name='fields[kontaktperson]'], input[name='fields[kontaktperson]']")
                .fill("Inspektör Lind, Citypolisen");
        page.locator("main").getByRole(AriaRole.BUTTON, called("Markera som klart")).click();
        assertThat(page.locator(".error-summary")).containsText("Någon annan ändrade medan du arbetade: Karim Nasser");
        assertThat(page.locator(".step-conflict-theirs")).containsText("Inspektör Holm, Norrmalm");
        assertThat(page.locator(".step-conflict-yours")).containsText("Inspektör Lind, Citypolisen");
        assertNoAxeViolations(page);
        screenshot("step-concurrent-change");
    }
}
