package se.lotsen.cases;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import se.lotsen.access.LotsenHttp;
import se.lotsen.access.LotsenHttp.Browser;
import se.lotsen.access.LotsenHttp.Response;
import se.lotsen.access.Scenario;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Steps that look like actions do what they say (issue 11, items 1 and 2): a step whose work is recorded elsewhere in
 * Lotsen is never ticked done by hand (page and API) and links to where the work is done; the reservnummer is assigned
 * by the step's button, once; and the jour's search-before-create warns about another unit's custody in force with
 * whom to call, and nothing about the person.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ActionStepsIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Scenario scenario;

    @BeforeEach
    void setUp() {
        scenario = new Scenario(new LotsenHttp(port));
    }

    private static boolean button(String html, String status) {
        return Pattern.compile("<button[^>]*name=\"status\"[^>]*value=\"" + status + "\"").matcher(html).find();
    }

    private String stepStatus(UUID caseId, String key) {
        return jdbc.sql("SELECT status FROM checklist_item WHERE case_id = :c AND step_key = :k").param("c", caseId)
                .param("k", key).query(String.class).single();
    }

    /** A valid personnummer of a 13-year-old (LVU applies), random enough for a shared database. */
    private static String childPersonnummer() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        java.time.LocalDate born = java.time.LocalDate.now().minusYears(13).minusDays(random.nextInt(300));
        String serial = String.format("%03d", 1 + random.nextInt(999));
        String yymmdd = born.format(java.time.format.DateTimeFormatter.ofPattern("yyMMdd"));
        return born.format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd")) + serial
                + se.lotsen.persons.IdentityNumber.checkDigit(yymmdd + serial);
    }

    @Test
    void aLinkedStepLinksToItsFormAndIsNeverTickedDoneByHand() {
        UUID id = scenario.openChild("jour1", Scenario.name("Länkad"));
        Browser jour1 = scenario.signedIn("jour1");
        String stepPath = "/cases/" + id + "/steps/indikatorer";

        Response step = jour1.get(stepPath);
        assertThat(step.status()).isEqualTo(200);
        assertThat(button(step.body(), "DONE")).as("no tick for a linked step").isFalse();
        assertThat(button(step.body(), "NOT_APPLICABLE")).as("the indicators always apply").isFalse();
        assertThat(step.body()).contains("href=\"/cases/" + id + "/indicators\"", "Bedöm indikatorerna",
                "Lotsen markerar steget som klart när arbetet är registrerat där.");
        // The checklist row links there too.
        assertThat(jour1.get("/cases/" + id).body()).contains("href=\"/cases/" + id + "/indicators\"");

        // A forged tick on the page is refused with the reason, and changes nothing.
        Response forged = Scenario.submit(jour1, stepPath, stepPath, Map.of("status", "DONE", "reason", ""));
        assertThat(forged.status()).isEqualTo(200);
        assertThat(forged.text()).contains("Steget blir klart när arbetet registreras i Lotsen.");
        assertThat(stepStatus(id, "indikatorer")).isEqualTo("OPEN");

        // The API obeys the same rule: 409 with a clear message.
        String token = scenario.token("jour1");
        Response api = scenario.http().postJson("/api/v1/cases/" + id + "/checklist/indikatorer",
                "{\"status\":\"DONE\"}", token);
        assertThat(api.status()).as(api.body()).isEqualTo(409);
        assertThat(api.contentType()).startsWith("application/problem+json");
        assertThat(api.json().get("detail").asString()).contains("cannot be set DONE by hand");
        assertThat(stepStatus(id, "indikatorer")).isEqualTo("OPEN");

        // The handover and its receipt: no tick and no "Inte aktuellt" either, on the page or over the API.
        Response handover = jour1.get("/cases/" + id + "/steps/overlamning");
        assertThat(button(handover.body(), "DONE")).isFalse();
        assertThat(button(handover.body(), "NOT_APPLICABLE")).isFalse();
        assertThat(handover.body()).contains("href=\"/cases/" + id + "/handover/new\"");
        Response notApplicable = scenario.http().postJson("/api/v1/cases/" + id + "/checklist/overlamning",
                "{\"status\":\"NOT_APPLICABLE\",\"reason\":\"Behövs inte.\"}", token);
        assertThat(notApplicable.status()).as(notApplicable.body()).isEqualTo(409);
        assertThat(stepStatus(id, "overlamning")).isEqualTo("OPEN");

        // A contact step links to the contact form with its type chosen, and may be not applicable with a reason.
        Response support = jour1.get("/cases/" + id + "/steps/stodtelefon");
        assertThat(support.body()).contains("href=\"/cases/" + id + "/contacts/new?type=NATIONAL_HOTLINE\"");
        assertThat(button(support.body(), "DONE")).isFalse();
        assertThat(button(support.body(), "NOT_APPLICABLE")).isTrue();

        // The existing completion path still works: recording the contact completes the step.
        Response contact = scenario.http().postJson("/api/v1/cases/" + id + "/contacts", LotsenHttp.toJson(Map.of(
                "type", "NATIONAL_HOTLINE", "partner", "Nationella stödtelefonen mot prostitution och människohandel",
                "at", Scenario.duringOfficeHours(), "channel", "PHONE", "status", "DONE",
                "summary", "Rådgjorde om boende.")), token);
        assertThat(contact.status()).as(contact.body()).isEqualTo(201);
        assertThat(stepStatus(id, "stodtelefon")).isEqualTo("DONE");

        // An ordinary step is still ticked by hand.
        Response ordinary = Scenario.submit(jour1, "/cases/" + id + "/steps/mottagande",
                "/cases/" + id + "/steps/mottagande", Map.of("status", "DONE", "reason", ""));
        assertThat(ordinary.status()).as(ordinary.body()).isEqualTo(302);
        assertThat(stepStatus(id, "mottagande")).isEqualTo("DONE");
    }

    @Test
    void theReservnummerIsAssignedByTheButtonOnce() {
        UUID id = scenario.openChild("jour1", Scenario.name("Reserv"));
        Browser jour1 = scenario.signedIn("jour1");
        String stepPath = "/cases/" + id + "/steps/reservnummer";
        String assignPath = stepPath + "/assign";
        UUID person = jdbc.sql("SELECT person_id FROM case_file WHERE id = :c").param("c", id).query(UUID.class)
                .single();
        assertThat(jdbc.sql("SELECT identity_number FROM person WHERE id = :p").param("p", person)
                .query(String.class).optional()).isEmpty();

        Response step = jour1.get(stepPath);
        assertThat(step.body()).contains("Tilldela reservnummer</button>", "/steps/reservnummer/assign");
        assertThat(button(step.body(), "DONE")).isFalse();

        // Ticking it done is refused: page and API.
        Response forged = Scenario.submit(jour1, stepPath, stepPath, Map.of("status", "DONE", "reason", ""));
        assertThat(forged.text()).contains("Steget blir klart när du trycker på Tilldela reservnummer.");
        assertThat(scenario.http().postJson("/api/v1/cases/" + id + "/checklist/reservnummer",
                "{\"status\":\"DONE\"}", scenario.token("jour1")).status()).isEqualTo(409);
        assertThat(stepStatus(id, "reservnummer")).isEqualTo("OPEN");

        // The button assigns a number, records it and completes the step with the number as recorded text.
        Response assigned = Scenario.submit(jour1, stepPath, assignPath, Map.of());
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(302);
        String number = jdbc.sql("SELECT identity_number FROM person WHERE id = :p").param("p", person)
                .query(String.class).single();
        assertThat(number).matches("\\d{8}-R[A-Z2-9]{3}");
        assertThat(jdbc.sql("SELECT identity_kind FROM person WHERE id = :p").param("p", person).query(String.class)
                .single()).isEqualTo("RESERVNUMMER");
        assertThat(stepStatus(id, "reservnummer")).isEqualTo("DONE");
        Response done = jour1.get(java.net.URI.create(assigned.location()).getPath());
        assertThat(done.text()).contains("Reservnumret " + number + " är tilldelat och steget är klart.",
                "Tilldelat reservnummer", number);
        assertThat(done.body()).doesNotContain("Tilldela reservnummer</button>");
        assertThat(jdbc.sql("SELECT count(*) FROM journal_entry WHERE case_id = :c AND text LIKE :t")
                .param("c", id).param("t", "%" + number + "%").query(Long.class).single()).isEqualTo(1);
        // Audited as a change of the case.
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM audit_entry WHERE record_id = :c AND action = 'UPDATE'
                          AND detail LIKE '%reservnummer assigned%'""")
                .param("c", id.toString()).query(Long.class).single()).isEqualTo(1);

        // A second press (a stale page) is refused and changes nothing.
        Response again = Scenario.submit(jour1, "/cases/" + id, assignPath, Map.of());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text()).contains("Personen har redan ett identitetsnummer.");
        assertThat(jdbc.sql("SELECT identity_number FROM person WHERE id = :p").param("p", person)
                .query(String.class).single()).isEqualTo(number);
        assertThat(jdbc.sql("SELECT count(*) FROM journal_entry WHERE case_id = :c AND text LIKE :t")
                .param("c", id).param("t", "%" + number + "%").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aPersonWhoAlreadyHasAReservnummerIsToldSoAndTheStepMayBeNotApplicable() {
        UUID id = UUID.fromString(scenario.openChild("jour1", Scenario.name("Harnummer"),
                Map.of("identityKind", "RESERVNUMMER")).get("id").asString());
        Browser jour1 = scenario.signedIn("jour1");
        String stepPath = "/cases/" + id + "/steps/reservnummer";
        Response step = jour1.get(stepPath);
        assertThat(step.text()).contains("Personen har redan ett identitetsnummer");
        assertThat(step.body()).doesNotContain("Tilldela reservnummer</button>");
        assertThat(button(step.body(), "NOT_APPLICABLE")).isTrue();
        Response refused = Scenario.submit(jour1, stepPath, stepPath + "/assign", Map.of());
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.text()).contains("Personen har redan ett identitetsnummer.");

        Response notApplicable = Scenario.submit(jour1, stepPath, stepPath,
                Map.of("status", "NOT_APPLICABLE", "reason", "Reservnummer gavs vid mottagandet."));
        assertThat(notApplicable.status()).as(notApplicable.body()).isEqualTo(302);
        assertThat(stepStatus(id, "reservnummer")).isEqualTo("NOT_APPLICABLE");
    }

    @Test
    void theJourIsWarnedAboutAnotherUnitsCustodyWithWhomToCallAndNothingAboutThePerson() {
        String personnummer = childPersonnummer();
        String secretAddress = "Hemliggatan " + TestIdentityNumbers.token();
        JsonNode opened = scenario.openChild("rinkeby1", Scenario.name("Rymd"),
                Map.of("identityNumber", personnummer, "address", secretAddress));
        UUID caseId = UUID.fromString(opened.get("id").asString());
        String caseNumber = opened.get("caseNumber").asString();
        scenario.custody("rinkeby1", caseId);
        String contact = jdbc.sql("SELECT contact FROM unit WHERE code = 'rinkeby-kista'").query(String.class)
                .single();
        String unitName = jdbc.sql("SELECT name FROM unit WHERE code = 'rinkeby-kista'").query(String.class).single();
        String personName = opened.get("subject").get("name").asString();

        // The API: the jour sees the other unit's case with the custody and whom to call, nothing about the person.
        Response api = scenario.http().get("/api/v1/persons?identityNumber=" + personnummer, scenario.token("jour1"));
        assertThat(api.status()).as(api.body()).isEqualTo(200);
        assertThat(api.json().get("matches")).isEmpty();
        JsonNode other = api.json().get("otherUnitCases").get(0);
        assertThat(other.get("caseNumber").asString()).isEqualTo(caseNumber);
        assertThat(other.get("unit").asString()).isEqualTo(unitName);
        assertThat(other.get("contact").asString()).isEqualTo(contact);
        assertThat(other.get("assignedTo").asString()).isEqualTo("Johan Lund");
        assertThat(other.get("custodyInForce").asBoolean()).isTrue();
        assertThat(other.get("custodyType").asString()).isEqualTo("LVU_6");
        assertThat(other.get("custodyLegalBasis").asString()).isEqualTo("6 § LVU");
        assertThat(other.get("custodySince").isNull()).isFalse();
        assertThat(api.body()).doesNotContain(personName, secretAddress, personnummer.substring(8));

        // The page: the warning first, above the matches, with the unit, the case, the custody and the phone.
        Browser jour1 = scenario.signedIn("jour1");
        Response page = jour1.get("/cases/new?identityNumber=" + personnummer);
        assertThat(page.status()).isEqualTo(200);
        String html = page.body();
        int warning = html.indexOf("custody-warning");
        assertThat(warning).isPositive().isLessThan(html.indexOf("id=\"matches-title\""));
        assertThat(page.text()).contains("Omhändertagande gäller hos en annan enhet", unitName + " har ärende "
                + caseNumber, "enligt 6 § LVU gäller sedan", "Ring innan du gör något mer:", contact,
                "Handläggare: Johan Lund");
        assertThat(html).doesNotContain(personName, secretAddress);

        // A district searching another district's person sees nothing of it.
        Response district = scenario.http().get("/api/v1/persons?identityNumber=" + personnummer,
                scenario.token("sodermalm1"));
        assertThat(district.status()).as(district.body()).isEqualTo(200);
        assertThat(district.json().get("otherUnitCases")).isEmpty();
        assertThat(district.json().get("matches")).isEmpty();
        Response districtPage = scenario.signedIn("sodermalm1").get("/cases/new?identityNumber=" + personnummer);
        assertThat(districtPage.body()).doesNotContain("custody-warning", caseNumber, personName);
    }

    @Test
    void withoutACustodyInForceThereIsNoWarningButTheCaseIsStillListed() {
        String personnummer = TestIdentityNumbers.personnummer();
        JsonNode opened = scenario.openChild("rinkeby1", Scenario.name("Utan"), Map.of("identityNumber", personnummer));
        Response api = scenario.http().get("/api/v1/persons?identityNumber=" + personnummer, scenario.token("jour1"));
        JsonNode other = api.json().get("otherUnitCases").get(0);
        assertThat(other.get("caseNumber").asString()).isEqualTo(opened.get("caseNumber").asString());
        assertThat(other.get("custodyInForce").asBoolean()).isFalse();
        assertThat(other.path("custodySince").isNull() || other.path("custodySince").isMissingNode()).isTrue();
        Response page = scenario.signedIn("jour1").get("/cases/new?identityNumber=" + personnummer);
        assertThat(page.body()).doesNotContain("custody-warning").contains(opened.get("caseNumber").asString());
    }
}
