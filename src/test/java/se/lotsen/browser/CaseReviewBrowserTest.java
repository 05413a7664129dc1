package se.lotsen.browser;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import se.lotsen.access.LotsenHttp;
import se.lotsen.access.Scenario;
import se.lotsen.common.SwedishDates;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A case review as the method developer runs it. The jour has two children's cases (made through the API): one with
 * an immediate custody and a police report, one without either. The method developer goes from her start page to
 * "Ärendegranskningar", defines a review of the jour's child cases from the default template, starts it, opens the
 * first case (pseudonymised: case number and age group, no name), sees Lotsen's pre-filled answers with their evidence
 * (the police report's date, the statutory deadlines' last days), confirms them, does the same for the other case and
 * reads the deficiency chart with its table. axe-core checks every page; screenshots go to target/screenshots/review-*.
 */
@TestPropertySource(properties = "lotsen.test.isolation=case-review-browser")
@DirtiesContext
class CaseReviewBrowserTest extends BrowserTestSupport {

    private static final String REPORTED = "Ilinca Popescu Berg";
    private static final String UNREPORTED = "Nadia Rahimi Ek";

    @Test
    void theMethodDeveloperRunsAReviewAndSeesTheDeficiencyChart() {
        Scenario scenario = new Scenario(new LotsenHttp(port));
        JsonNode first = scenario.openChild("jour1", REPORTED, Map.of());
        UUID reported = UUID.fromString(first.get("id").asString());
        scenario.custody("jour1", reported);
        LotsenHttp.Response contact = scenario.http().postJson("/api/v1/cases/" + reported + "/contacts",
                LotsenHttp.toJson(Map.of("type", "POLICE", "partner", "Polisen, Citypolisen (lokalpolisområde)",
                        "at", Scenario.minutesAgo(60), "channel", "PHONE", "summary", "Anmälan gjord.",
                        "fields", Map.of("reportMade", "YES", "reportNumber", "5000-K777-26"))),
                scenario.token("jour1"));
        assertThat(contact.status()).as(contact.body()).isBetween(200, 299);
        JsonNode second = scenario.openChild("jour1", UNREPORTED, Map.of());
        String today = LocalDate.now(SwedishDates.ZONE).toString();

        signIn("metod");
        open("/");
        page.getByRole(AriaRole.LINK, named("Ärendegranskningar")).first().click();
        assertThat(page).hasURL(Pattern.compile("/reviews$"));
        assertNoAxeViolations(page);
        page.getByRole(AriaRole.LINK, named("Ny granskning")).click();

        Locator main = page.locator("main");
        main.getByLabel("Namn", exact()).fill("Barnärenden vid jouren");
        main.getByLabel("Ärenden aktualiserade från och med", exact())
                .fill(LocalDate.now(SwedishDates.ZONE).minusDays(1).toString());
        main.getByLabel("till och med").first().fill(today);
        main.getByLabel("Bara ärenden med misstänkt människohandel").uncheck();
        main.getByLabel("Bara ärenden där omedelbart omhändertagande beslutades").uncheck();
        main.getByLabel("Socialjouren Stockholm").check();
        screenshot("review-01-define");
        assertNoAxeViolations(page);
        page.getByRole(AriaRole.BUTTON, named("Spara")).click();
        assertFlash("Granskningen är sparad som utkast.");
        assertThat(main).containsText("Förifylls av Lotsen");
        assertThat(main).containsText("Urvalet hittar just nu 2 ärenden");
        assertNoAxeViolations(page);
        page.getByRole(AriaRole.BUTTON, named("Starta granskningen")).click();
        assertFlash("Granskningen är startad med 2 ärenden.");
        screenshot("review-02-started");
        assertNoAxeViolations(page);

        // The first case, pseudonymised, with the derived answers and their evidence.
        page.getByRole(AriaRole.LINK, named(first.get("caseNumber").asString())).click();
        assertThat(main).containsText("13–15 år");
        // The case came in five hours ago and the report was made an hour ago, each on its own Swedish day (in the
        // first hours after midnight not today's): the days between them as the API answered them.
        LocalDate reportedOn = Instant.parse(contact.json().get("at").asString()).atZone(SwedishDates.ZONE)
                .toLocalDate();
        LocalDate receivedOn = OffsetDateTime.parse(first.get("receivedAt").asString())
                .atZoneSameInstant(SwedishDates.ZONE).toLocalDate();
        long daysAfter = ChronoUnit.DAYS.between(receivedOn, reportedOn);
        assertThat(main).containsText("Polisanmälan registrerad " + reportedOn + ", " + daysAfter
                + (daysAfter == 1 ? " dag" : " dagar") + " efter aktualisering.");
        assertThat(main).containsText("7 § LVU (1990:52): sista dag");
        assertThat(page.locator("body")).not().containsText(REPORTED);
        screenshot("review-03-case");
        assertNoAxeViolations(page);
        page.getByRole(AriaRole.BUTTON, named("Bekräfta alla förifyllda svar")).click();
        assertFlash("förifyllda svar är bekräftade.");
        assertThat(main).containsText("av Sofia Ek");

        // The second case: no police report, a deficiency; confirmed too.
        page.navigate(page.url().replace(reported.toString(), second.get("id").asString()));
        assertThat(main).containsText("Ingen polisanmälan eller kontakt med polisen registrerad.");
        page.getByRole(AriaRole.BUTTON, named("Bekräfta alla förifyllda svar")).click();

        // The results: the chart, with the table behind it.
        page.getByRole(AriaRole.LINK, named("Barnärenden vid jouren")).click();
        page.getByRole(AriaRole.LINK, named("Resultat")).click();
        assertThat(main).containsText("Andel brister per område");
        assertThat(main.locator(".chart").first()).containsText("Samverkan med polisen");
        assertThat(main.locator(".chart").first()).containsText("50 % (1 av 2)");
        // Drawn to scale: the police bar half as long as the widest (documentation, 100 %).
        assertThat(main.locator(".chart").first().locator(".chart__bar--50")).hasCount(1);
        // (Between midnight and five in the morning the cases came in the day before, and a second area can be 100 %.)
        assertThat(main.locator(".chart").first().locator(".chart__bar--100").first()).isVisible();
        screenshot("review-04-results");
        assertNoAxeViolations(page);
    }
}
