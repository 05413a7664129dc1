package se.lotsen.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static se.lotsen.access.LotsenHttp.DEMO_PASSWORD;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import se.lotsen.access.CustodyCases;
import se.lotsen.access.LotsenHttp;

/**
 * The structure of the case page (issue 11, item 5): a summary at the top with the next deadline, the custody in
 * force and who holds the case; an in-page navigation whose every link has its target; the checklist folded by phase
 * (done phases closed, the phase of the next step open); "Avsluta ärendet" behind a disclosure with what keeps the
 * case open first; "Nästa steg" for the viewer's role; one read-only state for a unit that follows the case up; and
 * after marking a step done the confirmation naming it, back at the step's phase.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CasePageIT {


    @LocalServerPort
    int port;

    private LotsenHttp http() {
        return new LotsenHttp(port);
    }

    /** A child case at the jour with a custody in force and phase A finished. */
    private UUID caseWithCustody(LotsenHttp http, String jour1) {
        UUID id = CustodyCases.childWithCustody(http, jour1, "Sidtest " + UUID.randomUUID().toString().substring(0, 6));
        for (JsonNode item : http.get("/api/v1/cases/" + id, jour1).json().get("checklist")) {
            String phase = item.get("phase").asString();
            if ((phase.startsWith("a-") || phase.startsWith("A.")) && "OPEN".equals(item.get("status").asString())) {
                // Steps Lotsen performs itself may refuse a tick; the rest of phase A is ticked by hand.
                LotsenHttp.Response s = http.postJson("/api/v1/cases/" + id + "/checklist/" + item.get("key").asString(),
                        "{\"status\":\"NOT_APPLICABLE\",\"reason\":\"Inte aktuellt i testet.\"}", jour1);
                assertThat(s.status()).as(s.body()).isLessThan(500);
            }
        }
        // The indicator and protection steps are done by their own forms, not by a tick.
        LotsenHttp.Browser jour = signedIn(http, "jour1");
        submitForm(jour, "/cases/" + id + "/indicators", Map.of("overallAssessment", "Flera starka indikatorer."));
        submitForm(jour, "/cases/" + id + "/protection", Map.of("outcome", "CUSTODY_DECIDED",
                "notes", "Ordföranden beslutade om omhändertagande."));
        return id;
    }

    /** Posts the form of a page with its hidden fields (the CSRF token, the version) and these values. */
    private static void submitForm(LotsenHttp.Browser browser, String path, Map<String, String> values) {
        Document form = page(browser, path);
        Map<String, String> fields = new LinkedHashMap<>();
        form.select("main form[method=post] input[type=hidden]").forEach(i -> fields.put(i.attr("name"), i.attr("value")));
        fields.putAll(values);
        LotsenHttp.Response r = browser.postForm(path, fields);
        assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(302);
    }

    private static Document page(LotsenHttp.Browser browser, String path) {
        LotsenHttp.Response r = browser.get(path);
        assertThat(r.status()).as(path).isEqualTo(200);
        return Jsoup.parse(r.body());
    }

    private LotsenHttp.Browser signedIn(LotsenHttp http, String user) {
        LotsenHttp.Browser b = http.browser();
        assertThat(b.signIn(user, DEMO_PASSWORD).status()).isEqualTo(302);
        return b;
    }

    @Test
    void theCasePageOpensWithASummaryAndSectionsAndFoldsTheChecklist() {
        LotsenHttp http = http();
        String jour1 = http.token("jour1", DEMO_PASSWORD);
        UUID id = caseWithCustody(http, jour1);
        LotsenHttp.Browser jour = signedIn(http, "jour1");
        Document doc = page(jour, "/cases/" + id);

        // The summary: first section, with the status, holder, the next deadline and the custody in force.
        Element summary = doc.selectFirst("main #summary");
        assertThat(summary).isNotNull();
        assertThat(doc.select("main section").first()).isEqualTo(summary);
        assertThat(summary.text()).contains("Håller i ärendet", "Socialjouren", "Nästa tidsfrist", "Sista dag".toLowerCase(),
                "Omhändertagande", "Omedelbart omhändertagande (6 § LVU)", "gäller sedan", "Nästa steg");
        assertThat(summary.select(".deadline-status")).isNotEmpty();

        // Navigation: every link has its target on the page; the summary is current.
        Element nav = doc.selectFirst("main nav.case-nav");
        assertThat(nav).isNotNull();
        assertThat(nav.select("a").eachAttr("href")).contains("#summary", "#deadlines", "#checklist", "#decisions",
                "#cooperation", "#handover", "#questions", "#facts", "#journal", "#status");
        for (Element a : nav.select("a")) {
            assertThat(doc.getElementById(a.attr("href").substring(1))).as(a.attr("href")).isNotNull();
        }
        assertThat(nav.select("a[aria-current]").eachAttr("href")).containsExactly("#summary");

        // The checklist: one <details> per phase with its count; done phases closed, the next step's phase open.
        var phases = doc.select("#checklist details.phase");
        assertThat(phases.size()).isGreaterThanOrEqualTo(5);
        Element phaseA = doc.selectFirst("details#phase-a-mottagande");
        assertThat(phaseA.selectFirst("summary").text()).matches(".*(\\d+) av \\1 klara.*");
        assertThat(phaseA.hasAttr("open")).as("a done phase is folded").isFalse();
        String nextHref = summary.selectFirst(".next-step__title a").attr("href");
        Element open = doc.selectFirst("#checklist details.phase[open]");
        assertThat(open).as("the phase of the next step is open").isNotNull();
        assertThat(open.select("a").eachAttr("href")).contains(nextHref);
        assertThat(doc.select("#checklist details.phase[open]")).hasSize(1);

        // Closing: behind a disclosure, closed, with the custody and the deadlines that keep the case open first.
        Element close = doc.selectFirst("#status details#close");
        assertThat(close).isNotNull();
        assertThat(close.hasAttr("open")).isFalse();
        assertThat(close.selectFirst("summary").text()).isEqualTo("Avsluta ärendet");
        Element blockers = close.selectFirst(".closing-blockers");
        assertThat(blockers).isNotNull();
        assertThat(blockers.text()).contains("6 § LVU", "7 § LVU");
        assertThat(close.children().indexOf(blockers)).isLessThan(close.children().indexOf(close.selectFirst("form")));
        assertThat(doc.select("#read-only")).isEmpty();

        // The jour's next step is a jour step.
        assertThat(summary.selectFirst(".next-step").text()).contains("Jouren");
    }

    @Test
    void markingAStepDoneConfirmsItAndReturnsToItsPhase() {
        LotsenHttp http = http();
        String jour1 = http.token("jour1", DEMO_PASSWORD);
        UUID id = caseWithCustody(http, jour1);
        LotsenHttp.Browser jour = signedIn(http, "jour1");
        Document doc = page(jour, "/cases/" + id);
        Element next = doc.selectFirst("#summary .next-step__title a");
        String stepPath = next.attr("href");
        String title = next.text();
        Document step = page(jour, stepPath);
        Element form = step.selectFirst("main form[method=post]");
        Map<String, String> fields = new LinkedHashMap<>();
        form.select("input[type=hidden]").forEach(i -> fields.put(i.attr("name"), i.attr("value")));
        fields.put("status", "DONE");
        fields.put("reason", "");
        LotsenHttp.Response done = jour.postForm(stepPath, fields);
        assertThat(done.status()).as(done.body()).isEqualTo(302);
        assertThat(done.location()).matches(".*/cases/" + id + "#phase-[a-z]-[a-z-]+");
        String phaseAnchor = done.location().substring(done.location().indexOf('#') + 1);

        Document after = page(jour, "/cases/" + id);
        Element status = after.selectFirst("main [role=status]");
        assertThat(status).isNotNull();
        assertThat(status.text()).isEqualTo("Steget \"" + title + "\" är klart.");
        assertThat(after.select("nav.case-nav a[aria-current]").eachAttr("href")).containsExactly("#checklist");
        Element phase = after.getElementById(phaseAnchor);
        assertThat(phase).isNotNull();
        assertThat(phase.hasAttr("open")).as("the phase just worked in stays open").isTrue();
    }

    @Test
    void afterAHandoverTheDistrictSeesItsStepsAndTheJourReadsOnly() {
        LotsenHttp http = http();
        String jour1 = http.token("jour1", DEMO_PASSWORD);
        UUID id = caseWithCustody(http, jour1);
        LotsenHttp.Response r = http.postJson("/api/v1/cases/" + id + "/handover",
                "{\"toUnit\":\"rinkeby-kista\",\"reason\":\"Folkbokförd i Rinkeby-Kista.\"}", jour1);
        assertThat(r.status()).as(r.body()).isBetween(200, 299);

        // The district: the receipt first, a district step; no read-only banner.
        Document district = page(signedIn(http, "rinkeby1"), "/cases/" + id);
        assertThat(district.select("#read-only")).isEmpty();
        Element next = district.selectFirst("#summary .next-step");
        assertThat(next.selectFirst(".next-step__title a").attr("href")).endsWith("/steps/kvittens");
        assertThat(next.text()).contains("Stadsdelsförvaltningen");
        assertThat(district.selectFirst("#summary").text()).contains("Rinkeby-Kista");

        // The jour follows it up: one read-only banner at the top saying why, and no step to do.
        Document jour = page(signedIn(http, "jour1"), "/cases/" + id);
        Element banner = jour.selectFirst("main #read-only");
        assertThat(banner).isNotNull();
        assertThat(jour.select("main .notice--readonly")).hasSize(1);
        assertThat(banner.text()).contains("Du kan bara läsa ärendet", "överlämnat till Rinkeby-Kista");
        assertThat(jour.select("main").first().children().indexOf(banner))
                .isLessThan(jour.select("main").first().children().indexOf(jour.selectFirst("main .case-layout")));
        assertThat(jour.select("#summary .next-step a[href*=/steps/]")).isEmpty();
        assertThat(jour.select("#summary .next-step a.button")).isEmpty();
        assertThat(jour.select("#status")).isEmpty();
        assertThat(jour.select("details#close")).isEmpty();
    }
}
