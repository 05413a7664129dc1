package se.lotsen.cases;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.lotsen.access.LotsenHttp;
import se.lotsen.access.LotsenHttp.Browser;
import se.lotsen.access.LotsenHttp.Response;
import se.lotsen.access.Scenario;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A checklist step offers only what makes sense in its state (issue 11, item 6): an open step "Markera som klart"
 * and "Inte aktuellt"; a done or not applicable step only "Öppna steget igen", with who, when and why; a viewer who
 * may not change the case no button and the reason. A stale click on an action no longer offered changes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StepActionsIT {

    private static final String STEP = "mottagande";

    @LocalServerPort
    int port;

    Scenario scenario;

    @BeforeEach
    void setUp() {
        scenario = new Scenario(new LotsenHttp(port));
    }

    private static boolean button(String html, String status) {
        return Pattern.compile("<button[^>]*name=\"status\"[^>]*value=\"" + status + "\"").matcher(html).find();
    }

    private static void assertOffers(Response page, String... statuses) {
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        for (String s : new String[] {"DONE", "NOT_APPLICABLE", "OPEN"}) {
            assertThat(button(page.body(), s)).as("button %s offered", s)
                    .isEqualTo(java.util.Arrays.asList(statuses).contains(s));
        }
    }

    private static Response setStatus(Browser browser, String stepPath, String status, String reason) {
        return Scenario.submit(browser, stepPath, stepPath, Map.of("status", status, "reason", reason));
    }

    @Test
    void eachStateOffersOnlyItsOwnActions() {
        UUID id = scenario.openChild("jour1", Scenario.name("Stegval"));
        Browser jour1 = scenario.signedIn("jour1");
        String stepPath = "/cases/" + id + "/steps/" + STEP;

        // Open: done or not applicable, with the reason field; nothing to reopen.
        Response open = jour1.get(stepPath);
        assertOffers(open, "DONE", "NOT_APPLICABLE");
        assertThat(open.text()).contains("Markera som klart", "Inte aktuellt").doesNotContain("Öppna steget igen");
        assertThat(open.body()).contains("id=\"reason\"");

        // Done: only reopen, with who and when; no reason field, no contradictory buttons.
        assertThat(setStatus(jour1, stepPath, "DONE", "").status()).isEqualTo(302);
        Response done = jour1.get(stepPath);
        assertOffers(done, "OPEN");
        assertThat(done.text()).contains("Öppna steget igen").doesNotContain("Markera som klart")
                .contains("Klart");
        assertThat(done.body()).doesNotContain("id=\"reason\"");

        // A second "Markera som klart" (an old tab) is refused with a message, and the step stays done.
        Response stale = jour1.postForm(stepPath, Map.of("_csrf", LotsenHttp.csrfToken(done.body()),
                "status", "NOT_APPLICABLE", "reason", "Gammal flik."));
        assertThat(stale.status()).isEqualTo(200);
        assertThat(stale.text()).contains("Steget har redan fått en annan status");
        Response stillDone = jour1.get(stepPath);
        assertOffers(stillDone, "OPEN");
        assertThat(stillDone.text()).doesNotContain("Gammal flik.");

        // Reopened: the two actions again.
        assertThat(setStatus(jour1, stepPath, "OPEN", "").status()).isEqualTo(302);
        assertOffers(jour1.get(stepPath), "DONE", "NOT_APPLICABLE");

        // Not applicable: only reopen, and the reason shown.
        assertThat(setStatus(jour1, stepPath, "NOT_APPLICABLE", "Polisen har redan dokumenterat.").status())
                .isEqualTo(302);
        Response notApplicable = jour1.get(stepPath);
        assertOffers(notApplicable, "OPEN");
        assertThat(notApplicable.text()).contains("Skäl: Polisen har redan dokumenterat.")
                .doesNotContain("Markera som klart");
    }

    @Test
    void aReadOnlyViewerSeesNoButtonAndIsToldWhy() {
        UUID id = scenario.openChild("jour1", Scenario.name("Läsbar"));
        String stepPath = "/cases/" + id + "/steps/" + STEP;
        scenario.handOver("jour1", id, "rinkeby-kista");

        // The unit that handed it over follows it up: no button, the reason, a way back.
        Response followUp = scenario.signedIn("jour1").get(stepPath);
        assertOffers(followUp);
        assertThat(followUp.body()).doesNotContain("<form class=\"form\"").doesNotContain("method=\"post\" class=\"form\"");
        assertThat(followUp.text()).contains("Ärendet är överlämnat till Rinkeby-Kista")
                .contains("Tillbaka till ärendet");
        // and a post is refused and changes nothing
        Response refused = scenario.signedIn("jour1").postForm(stepPath, Map.of("_csrf",
                LotsenHttp.csrfToken(followUp.body()), "status", "DONE", "reason", ""));
        assertThat(refused.status()).isEqualTo(403);

        // The receiving unit works the step.
        Response holder = scenario.signedIn("rinkeby1").get(stepPath);
        assertOffers(holder, "DONE", "NOT_APPLICABLE");
        assertThat(holder.text()).doesNotContain("Ärendet är överlämnat");
    }

    @Test
    void aClosedCaseOffersNoStepAction() {
        UUID id = scenario.openChild("jour1", Scenario.name("Avslutad"));
        // A child's case opens with the social services act's deadlines: met first, then the case can be closed.
        for (tools.jackson.databind.JsonNode d : scenario.http().get("/api/v1/cases/" + id + "/deadlines",
                scenario.token("jour1")).json()) {
            String status = d.get("status").asString();
            if (status.equals("PENDING") || status.equals("OVERDUE")) {
                Response met = scenario.http().postJson("/api/v1/cases/" + id + "/deadlines/" + d.get("id").asString()
                        + "/met", "{\"on\":\"" + java.time.LocalDate.now(java.time.ZoneId.of("Europe/Stockholm"))
                        + "\",\"evidence\":\"Klart\"}", scenario.token("jour1"));
                assertThat(met.status()).as(met.body()).isEqualTo(200);
            }
        }
        Response closed = scenario.http().postJson("/api/v1/cases/" + id + "/close", "{\"reason\":\"Klart.\"}",
                scenario.token("jour1"));
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);

        Response step = scenario.signedIn("jour1").get("/cases/" + id + "/steps/" + STEP);
        assertOffers(step);
        assertThat(step.text()).contains("Ärendet är avslutat. Du kan läsa steget men inte ändra det.");
    }
}
