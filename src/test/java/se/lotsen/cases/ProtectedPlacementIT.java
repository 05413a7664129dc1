package se.lotsen.cases;

import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import se.lotsen.access.LotsenHttp;
import se.lotsen.access.LotsenHttp.Browser;
import se.lotsen.access.LotsenHttp.Response;
import se.lotsen.access.Scenario;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A protected person's placement (the shelter contact, the 11 § decision's text) is shown only to those with the
 * right — the holding unit's leads and a worker a lead named — on the case page, in the decision and contact pages,
 * over the API, in the handover package page; and never in the package as PDF, which can travel. A placement of a
 * person without protection is shown as any other contact.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProtectedPlacementIT {

    private static final String SHELTER = "Skyddat boende (demo)";
    private static final String PLACEMENT_TEXT = "Placerad på boendet vid Tallvägen, rum 12.";
    private static final String CONTACT_TEXT = "Plats ordnad från i kväll på boendet.";

    @LocalServerPort
    int port;

    Scenario scenario;

    @BeforeEach
    void setUp() {
        scenario = new Scenario(new LotsenHttp(port));
    }

    /** The case and the path of its placement decision's page. */
    private record Placed(UUID id, String decisionPage) {
    }

    private Placed caseWithPlacement(String protection) {
        JsonNode created = scenario.openChild("jour1", Scenario.name("Placerad"),
                Map.of("protectedIdentity", protection, "address", "Björkgatan 9"));
        UUID id = UUID.fromString(created.get("id").asString());
        scenario.custody("jour1", id);
        String decision = scenario.placement("jour1", id, PLACEMENT_TEXT).get("id").asString();
        scenario.contact("jour1", id, "PLACEMENT", SHELTER, CONTACT_TEXT);
        return new Placed(id, "/cases/" + id + "/decisions/" + decision);
    }

    private static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void theWorkersOfTheUnitDoNotSeeAProtectedPersonsPlacementTheLeadDoes() throws Exception {
        Placed placed = caseWithPlacement("SKYDDAD_FOLKBOKFORING");
        UUID id = placed.id();

        // jour1 opened the case and holds it, jour2 works at the unit: neither sees the placement.
        for (String username : new String[] {"jour1", "jour2"}) {
            Browser b = scenario.signedIn(username);
            String page = b.get("/cases/" + id).text();
            assertThat(page).as(username).doesNotContain(SHELTER, CONTACT_TEXT, PLACEMENT_TEXT, "Björkgatan")
                    .contains("visas bara för den som har behörighet");
            String decisionPage = b.get(placed.decisionPage()).text();
            assertThat(decisionPage).as(username).doesNotContain(PLACEMENT_TEXT)
                    .contains("Texten rör placering av en person med skyddade personuppgifter");
            String packagePage = b.get("/cases/" + id + "/handover/package").text();
            assertThat(packagePage).as(username).doesNotContain(SHELTER, CONTACT_TEXT, PLACEMENT_TEXT, "Björkgatan");
            String token = scenario.token(username);
            String contacts = scenario.http().get("/api/v1/cases/" + id + "/contacts", token).body();
            assertThat(contacts).doesNotContain(SHELTER, CONTACT_TEXT).contains("\"placementHidden\":true");
            String decisions = scenario.http().get("/api/v1/cases/" + id + "/decisions", token).body();
            assertThat(decisions).doesNotContain(PLACEMENT_TEXT).contains("\"placementHidden\":true");
            assertThat(scenario.http().get("/api/v1/cases/" + id, token).body()).doesNotContain("Björkgatan");
        }

        // The lead sees it on the page and over the API.
        Browser jourchef = scenario.signedIn("jourchef");
        assertThat(jourchef.get("/cases/" + id).text()).contains(SHELTER, CONTACT_TEXT, "Björkgatan");
        assertThat(jourchef.get(placed.decisionPage()).text()).contains(PLACEMENT_TEXT);
        String leadToken = scenario.token("jourchef");
        assertThat(scenario.http().get("/api/v1/cases/" + id + "/contacts", leadToken).body())
                .contains(SHELTER, CONTACT_TEXT);
        assertThat(scenario.http().get("/api/v1/cases/" + id + "/decisions", leadToken).body())
                .contains(PLACEMENT_TEXT);
        assertThat(scenario.http().get("/api/v1/cases/" + id, leadToken).json().get("subject").get("address")
                .asString()).isEqualTo("Björkgatan 9");

        // The package as PDF never carries it, whoever makes it.
        Response pdf = scenario.http().get("/api/v1/cases/" + id + "/handover/package.pdf", leadToken);
        assertThat(pdf.status()).isEqualTo(200);
        byte[] bytes = scenario.http().getBytes("/api/v1/cases/" + id + "/handover/package.pdf", leadToken);
        assertThat(pdfText(bytes)).doesNotContain(SHELTER, CONTACT_TEXT, PLACEMENT_TEXT, "Björkgatan")
                .contains("Skyddad – visas inte");

        // A worker the lead names sees it from then on; the others still do not.
        String jour2Id = scenario.http().get("/api/v1/me", scenario.token("jour2")).json().get("id").asString();
        Response named = Scenario.submit(jourchef, "/cases/" + id, "/cases/" + id + "/protected-viewers",
                Map.of("account", jour2Id));
        assertThat(named.status()).isEqualTo(302);
        Browser jour2 = scenario.signedIn("jour2");
        assertThat(jour2.get("/cases/" + id).text()).contains(SHELTER, "Björkgatan");
        assertThat(jour2.get(placed.decisionPage()).text()).contains(PLACEMENT_TEXT);
        assertThat(scenario.signedIn("jour1").get("/cases/" + id).text()).doesNotContain(SHELTER, "Björkgatan");
    }

    @Test
    void aPlacementOfAPersonWithoutProtectionIsShownToTheUnit() {
        Placed placed = caseWithPlacement("NONE");
        Browser jour2 = scenario.signedIn("jour2");
        assertThat(jour2.get("/cases/" + placed.id()).text()).contains(SHELTER, CONTACT_TEXT, "Björkgatan");
        assertThat(jour2.get(placed.decisionPage()).text()).contains(PLACEMENT_TEXT);
    }
}
