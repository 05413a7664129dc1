package se.lotsen.browser;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The method developer's knowledge work in a browser: the upcoming events on the start page, registering a seminar
 * with participants (rows added without JavaScript's help) and a material, the calendar, writing an article and
 * finding it by an inflected word in it. axe-core on every page.
 */
class KnowledgeBrowserTest extends BrowserTestSupport {

    @Test
    void theMethodDeveloperRegistersASeminarWithParticipantsAndAMaterialAndWritesAnArticleAndFindsIt()
            throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 6);
        signIn("metod");
        assertThat(page.locator("#upcoming-events-title")).hasText("Kommande utbildningar och seminarier");
        assertNoAxeViolations(page);
        screenshot("knowledge-start");

        // A seminar held last week, with two organisations' participants.
        page.getByRole(AriaRole.LINK, named("Utbildningar och seminarier")).first().click();
        assertThat(page.locator("h1")).hasText("Utbildningar och seminarier");
        assertNoAxeViolations(page);
        page.getByRole(AriaRole.LINK, named("Nytt evenemang")).first().click();
        page.locator("main").getByLabel("Seminarium", exact()).check();
        page.locator("#topic").fill("Seminarium om barn i människohandel " + marker);
        LocalDate held = LocalDate.now(ZoneId.of("Europe/Stockholm")).minusDays(7);
        page.locator("#date").fill(held.toString());
        page.locator("#time").fill("09:00");
        page.locator("#organiser").fill("Socialjouren, metodutvecklare");
        page.locator("main").getByLabel("Polisen", exact()).check();
        page.locator("main").getByLabel("Stadsdelsförvaltningar", exact()).check();
        page.locator("main").getByLabel("Hållet", exact()).check();
        page.locator("[name='participants[0].organisation']").fill("Polisen, Citypolisen");
        page.locator("[name='participants[0].audience']").selectOption("POLICE");
        page.locator("[name='participants[0].participants']").fill("8");
        page.getByRole(AriaRole.BUTTON, named("Lägg till en organisation")).click();
        page.locator("[name='participants[1].organisation']").fill("Rinkeby-Kista stadsdelsförvaltning");
        page.locator("[name='participants[1].audience']").selectOption("DISTRICT_OFFICES");
        page.locator("[name='participants[1].participants']").fill("5");
        assertNoAxeViolations(page);
        screenshot("knowledge-event-form");
        page.locator("main form .button-row button[type=submit]").click();

        assertFlash("är registrerat");
        assertThat(page.locator("h1")).hasText("Seminarium om barn i människohandel " + marker);
        assertThat(page.locator("tfoot")).containsText("13");

        // A material: the programme as a text file.
        Path programme = Files.createTempFile("program", ".txt");
        Files.writeString(programme, "Program (fiktivt)\n09.00 Inledning\n", StandardCharsets.UTF_8);
        Path upload = programme.resolveSibling("program-" + marker + ".txt");
        Files.move(programme, upload);
        page.locator("#file").setInputFiles(upload);
        page.getByRole(AriaRole.BUTTON, named("Ladda upp")).click();
        assertFlash("är uppladdat");
        Locator material = page.getByRole(AriaRole.LINK, named("program-" + marker + ".txt"));
        assertThat(material).hasAttribute("download", "");
        assertNoAxeViolations(page);
        screenshot("knowledge-event");

        // The calendar, month by month with links that work from the keyboard.
        open("/knowledge/events/calendar?month=" + held.toString().substring(0, 7));
        assertThat(page.locator("table.calendar")).containsText("Seminarium om barn i människohandel " + marker);
        assertNoAxeViolations(page);
        screenshot("knowledge-calendar");
        Locator next = page.locator("a[rel=next]");
        next.focus();
        page.keyboard().press("Enter");
        assertThat(page).hasURL(Pattern.compile("month="));
        page.locator("a[rel=prev]").focus();
        page.keyboard().press("Enter");
        assertThat(page.locator("table.calendar")).containsText("Seminarium om barn i människohandel " + marker);

        // An article about the home investigation, found by an inflected form of a word in it.
        open("/knowledge/articles/new");
        page.locator("#category").selectOption("INVENTORY_EUROPEAN_CITIES");
        page.locator("#title").fill("Hemlandskontakter i Köpenhamn " + marker);
        page.locator("#summary").fill("Hur en fiktiv dansk kommun arbetar.");
        page.locator("#body").fill("Kommunen gör alltid en utredning av hemförhållandena innan kontakt tas.\n\n"
                + "Riskbedömningen kommer först.");
        page.locator("#tags").fill("danmark, hemland");
        assertNoAxeViolations(page);
        page.locator("main form .button-row button[type=submit]").click();
        assertFlash("är sparad");
        assertThat(page.locator("h1")).hasText("Hemlandskontakter i Köpenhamn " + marker);
        assertNoAxeViolations(page);

        open("/knowledge/articles");
        page.locator("#q").fill("utredningar " + marker);
        page.locator("#q").press("Enter");
        Locator hit = page.getByRole(AriaRole.LINK, named("Hemlandskontakter i Köpenhamn " + marker));
        assertThat(hit).isVisible();
        assertThat(page.locator(".search-result mark").first()).hasText("utredning");
        assertNoAxeViolations(page);
        screenshot("knowledge-search");
        hit.click();
        assertThat(page.locator("h1")).hasText("Hemlandskontakter i Köpenhamn " + marker);
    }
}
