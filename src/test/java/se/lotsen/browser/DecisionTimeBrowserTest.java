package se.lotsen.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The decision time in a browser whose language is American English (en-US), where a browser's own date-time field
 * would show and take "12/03/2026, 11:50 PM": the duty social worker types the decision time in Swedish form,
 * 2026-12-03 23:50, into an empty field (never prefilled with "now"), makes a slip in the execution time, and the form
 * comes back with the error at that field and both times exactly as she typed them -- the decision time shown in
 * Swedish form. Under each time field the format is written out; in English as YYYY-MM-DD HH:MM. Nothing is recorded:
 * the slip is a binding error, so the test does not depend on the day it runs. axe-core checks the form with the error.
 */
@TestPropertySource(properties = "lotsen.test.isolation=decision-time-browser")
@DirtiesContext
class DecisionTimeBrowserTest extends BrowserTestSupport {

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    private static final DateTimeFormatter FORM_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final String NAME = "Selma Karlsson";

    @Test
    void theDecisionTimeIsTypedAndShownInSwedishFormInAnAmericanBrowser() {
        // An American English browser instead of the Swedish one every test gets.
        context.close();
        context = browser().newContext(new Browser.NewContextOptions()
                .setLocale("en-US")
                .setTimezoneId("Europe/Stockholm")
                .setViewportSize(1280, 900));
        page = context.newPage();
        assertEquals("en-US", page.evaluate("navigator.language"));

        signIn("jour1");
        String casePath = openChildCase(LocalDateTime.now(SWEDEN).minusHours(1).truncatedTo(ChronoUnit.MINUTES));

        open(casePath + "/decisions/new?type=LVU_6");
        Locator main = page.locator("main");
        Locator decidedAt = main.getByLabel("Beslutet fattades", exact());
        Locator executedAt = main.getByLabel("Beslutet verkställdes (valfritt)", exact());
        // Entered, never defaulted: a decision at 23.50 registered at 00.20 must not start 7 § a day late.
        assertThat(decidedAt).hasValue("");
        assertThat(executedAt).hasValue("");
        assertThat(decidedAt).hasAttribute("type", "text");
        assertThat(decidedAt).hasAccessibleDescription(
                "Ange när beslutet fattades, inte när du registrerar det. 7 § räknas från beslutsdagen. "
                        + "Skriv som ÅÅÅÅ-MM-DD TT:MM, till exempel 2026-12-03 23:50.");
        assertThat(main.getByRole(AriaRole.CHECKBOX, new Locator.GetByRoleOptions()
                .setName(Pattern.compile("Jag har kontrollerat tiden")))).hasCount(0);

        // Typed key by key, as a person does.
        decidedAt.pressSequentially("2026-12-03 23:50");
        assertThat(decidedAt).hasValue("2026-12-03 23:50");
        executedAt.pressSequentially("2026-12-04 00:2");
        main.getByLabel("Beslutsfattarens namn", exact()).fill("Karin Ordförande");
        main.getByLabel("Ordföranden", exact()).check();
        main.getByLabel("Nämnd", exact()).selectOption(new SelectOption().setValue("rinkeby-kista"));
        main.getByLabel("3 § eget beteende", exact()).check();
        main.getByLabel("Varför kan rättens beslut inte avvaktas?", exact()).fill("Barnet riskerar att föras "
                + "vidare under natten.");
        main.getByRole(AriaRole.BUTTON, called("Registrera beslutet")).click();

        // Back with the error at the execution time, and both times as typed.
        assertThat(page).hasURL(Pattern.compile("/cases/[0-9a-f-]{36}/decisions/new$"));
        Locator summary = main.locator(".error-summary");
        assertThat(summary).isFocused();
        Locator link = summary.getByRole(AriaRole.LINK, called("Skriv ”Beslutet verkställdes” som ÅÅÅÅ-MM-DD TT:MM, till exempel 2026-12-03 23:50."));
        assertThat(link).hasAttribute("href", "#executedAt");
        // Every problem comes at once: depending on the hour the test runs, the decision time may also be asked to be
        // confirmed (more than five minutes ahead), so only this link is counted.
        assertThat(link).hasCount(1);
        assertThat(decidedAt).hasValue("2026-12-03 23:50");
        assertThat(executedAt).hasValue("2026-12-04 00:2");
        assertThat(page.locator("#executedAt-error")).hasText("Skriv ”Beslutet verkställdes” som ÅÅÅÅ-MM-DD TT:MM, till exempel 2026-12-03 23:50.");
        assertThat(executedAt).hasAttribute("aria-describedby", "executedAt-hint executedAt-format executedAt-error");
        assertThat(main.getByLabel("Beslutsfattarens namn", exact())).hasValue("Karin Ordförande");
        screenshot("decision-time-en-US-error");
        assertNoAxeViolations(page);
        link.click();
        assertThat(executedAt).isFocused();

        // In English, the format is written out as YYYY-MM-DD HH:MM.
        open(casePath + "/decisions/new?type=LVU_6&lang=en");
        assertThat(page.locator("#decidedAt-format")).hasText("Use YYYY-MM-DD HH:MM (24-hour clock), for example 2026-12-03 23:50.");
        assertThat(page.locator("#decidedAt-hint")).hasText(
                "Enter when the decision was made, not when you register it. 7 § counts from the day of the decision.");
        assertThat(page.locator("#decidedAt")).hasValue("");
        assertNoAxeViolations(page);
    }

    /** Opens a child case through the intake form, the time it came in typed in Swedish form; returns its path. */
    private String openChildCase(LocalDateTime receivedAt) {
        open("/cases/new/intake?name=" + NAME.replace(" ", "%20"));
        Locator main = page.locator("main");
        assertThat(page.locator("h1")).hasText("Mottagande av akutärende");
        main.getByLabel("Ett barn (under 18 år)", exact()).check();
        Locator received = main.getByLabel("Inkom", exact());
        // Prefilled (a case's arrival time may be), in Swedish form.
        assertThat(received).hasValue(Pattern.compile("^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}$"));
        received.fill(FORM_DATE_TIME.format(receivedAt));
        main.getByLabel("Hur kom ärendet in?", exact()).selectOption("POLICE_PL12");
        main.getByLabel("Vad har hänt? (valfritt)", exact()).fill("Polisen påträffade flickan i en lägenhet.");
        main.getByLabel("Sexuell exploatering eller prostitution", exact()).check();
        main.getByLabel("Inget känt nummer", exact()).check();
        main.getByLabel("Uppgiven eller bedömd ålder (valfritt)", exact()).fill("16");
        main.getByRole(AriaRole.BUTTON, called("Fortsätt")).click();
        // The check page: only its button opens the case.
        assertThat(page.locator("h1")).hasText("Kontrollera uppgifterna innan ärendet öppnas");
        page.locator("main").getByRole(AriaRole.BUTTON, called("Öppna ärendet")).click();
        assertThat(page).hasURL(Pattern.compile("/cases/[0-9a-f-]{36}$"));
        assertFlash("Ärendet är öppnat");
        return page.url().replaceFirst("^https?://[^/]+", "");
    }
}
