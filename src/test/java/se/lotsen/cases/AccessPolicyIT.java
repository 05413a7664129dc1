package se.lotsen.cases;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
import static org.awaitility.Awaitility.await;

/**
 * The breaks found when Lotsen was tried as an attacker would, each reproduced as it was done and refused now by the
 * one access policy: a district reaching the jour's person through intake, the method developer reading the jour's
 * cases, administrators and auditors searching the person register, anyone of the unit seeing or lowering protection,
 * and the handing unit writing into a handed-over case through a question. Also what the jour may learn at intake about
 * a person another unit holds a case about, and that the other unit is told.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessPolicyIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Scenario scenario;

    @BeforeEach
    void setUp() {
        scenario = new Scenario(new LotsenHttp(port));
    }

    private UUID personOf(UUID caseId) {
        return jdbc.sql("SELECT person_id FROM case_file WHERE id = :c").param("c", caseId).query(UUID.class).single();
    }

    private String protectionOf(UUID caseId) {
        return jdbc.sql("SELECT p.protected_identity FROM case_file c JOIN person p ON p.id = c.person_id WHERE c.id = :c")
                .param("c", caseId).query(String.class).single();
    }

    /** A jour case about a protected child with an address, a passport and a placement. */
    private UUID protectedJourCase(String name) {
        JsonNode created = scenario.openChild("jour1", name, Map.of("protectedIdentity", "SKYDDAD_FOLKBOKFORING",
                "address", "Lönnvägen 3, Hägersten", "nationality", "RO"));
        UUID id = UUID.fromString(created.get("id").asString());
        Browser jourchef = scenario.signedIn("jourchef");
        // The passport goes in through the person form, as the jour would record it.
        Response page = jourchef.get("/cases/" + id + "/person");
        Map<String, String> form = new java.util.LinkedHashMap<>(Map.ofEntries(
                Map.entry("identityKind", "UNKNOWN"), Map.entry("identityNumber", ""), Map.entry("name", name),
                Map.entry("aliases", ""), Map.entry("statedAge", "15"), Map.entry("sex", "FEMALE"),
                Map.entry("nationality", "RO"), Map.entry("languages", "rumänska"),
                Map.entry("interpreterLanguage", ""), Map.entry("documents", "Pass RO-DEMO-4711"),
                Map.entry("protectedIdentity", "SKYDDAD_FOLKBOKFORING"), Map.entry("address", "Lönnvägen 3, Hägersten"),
                Map.entry("version", versionInForm(page.body())), Map.entry("protectionReason", "")));
        form.put("_csrf", LotsenHttp.csrfToken(page.body()));
        assertThat(jourchef.postForm("/cases/" + id + "/person", form).status()).isEqualTo(302);
        return id;
    }

    private static String versionInForm(String html) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(html);
        assertThat(m.find()).as("a version field in the form").isTrue();
        return m.group(1);
    }

    // -- a district at intake --

    @Test
    void aDistrictCannotReachTheJoursPersonThroughIntake() {
        String name = Scenario.name("Skyddad Ionela");
        UUID jourCase = protectedJourCase(name);
        UUID jourPerson = personOf(jourCase);
        Browser sodermalm1 = scenario.signedIn("sodermalm1");

        // Search-before-create finds nothing of the jour's, on the page and over the API.
        String search = sodermalm1.get("/cases/new?name=" + name.replace(' ', '+')).text();
        assertThat(search).contains("Ingen person hittades").doesNotContain("Personen kan vara känd hos en annan enhet")
                .doesNotContain("SOCIALJOUREN-");
        JsonNode api = scenario.http().get("/api/v1/persons?name=" + name.replace(' ', '+'),
                scenario.token("sodermalm1")).json();
        assertThat(api.get("matches")).isEmpty();
        assertThat(api.get("otherUnitCases")).as("a district sees only its own register").isEmpty();

        // The jour's person cannot be attached by its id, nor shown on the intake form.
        assertThat(sodermalm1.get("/cases/new/intake?personId=" + jourPerson).status()).isEqualTo(404);
        Response attach = Scenario.submit(sodermalm1, "/cases/new/intake", "/cases/new/intake", Map.of(
                "existingPersonId", jourPerson.toString(), "subjectType", "CHILD",
                "receivedAt", java.time.LocalDateTime.now().minusHours(1).withSecond(0).withNano(0).toString(),
                "channel", "OTHER"));
        assertThat(attach.status()).isEqualTo(200);
        assertThat(attach.text()).contains("Det finns fel i formuläret");
        assertThat(jdbc.sql("SELECT count(*) FROM case_file WHERE person_id = :p").param("p", jourPerson)
                .query(Long.class).single()).as("no other case uses the jour's person").isEqualTo(1);

        // A case of its own about someone with the same name gets a person of its own, and changing it changes
        // nothing at the jour.
        UUID own = scenario.openChild("sodermalm1", name);
        assertThat(personOf(own)).isNotEqualTo(jourPerson);
        Response ownCase = sodermalm1.get("/cases/" + own);
        assertThat(ownCase.text()).doesNotContain("Lönnvägen", "RO-DEMO-4711");
        JsonNode jourView = scenario.http().get("/api/v1/cases/" + jourCase, scenario.token("jourchef")).json();
        assertThat(jourView.get("subject").get("address").asString()).isEqualTo("Lönnvägen 3, Hägersten");
        assertThat(scenario.http().get("/api/v1/cases/" + jourCase, scenario.token("sodermalm1")).status())
                .isEqualTo(404);
        assertThat(sodermalm1.get("/cases/" + jourCase + "/person").status()).isEqualTo(404);
    }

    // -- the method developer, administrators and auditors --

    @Test
    void theMethodDeveloperSeesNoCaseOfTheJour() {
        String name = Scenario.name("Metodfall");
        UUID id = scenario.openChild("jour1", name);
        String caseNumber = scenario.http().get("/api/v1/cases/" + id, scenario.token("jour1")).json()
                .get("caseNumber").asString();
        Browser metod = scenario.signedIn("metod");

        assertThat(metod.get("/cases").text()).doesNotContain(caseNumber, name).doesNotContain("Nytt akutärende");
        assertThat(metod.get("/cases?q=" + caseNumber).text()).doesNotContain("href=\"/cases/" + id + "\"")
                .contains("Inget hittades");
        assertThat(metod.get("/cases/" + id).status()).isEqualTo(404);
        assertThat(metod.get("/cases/" + id + "/journal/new").status()).isEqualTo(404);
        assertThat(metod.get("/deadlines?q=" + caseNumber).body()).doesNotContain("/cases/" + id);
        String token = scenario.token("metod");
        assertThat(scenario.http().get("/api/v1/cases/" + id, token).status()).isEqualTo(404);
        assertThat(scenario.http().get("/api/v1/cases?query=" + caseNumber, token).json().get("total").asInt())
                .isZero();
        assertThat(scenario.http().postJson("/api/v1/cases/" + id + "/checklist/mottagande",
                "{\"status\":\"DONE\"}", token).status()).isEqualTo(404);
        assertThat(scenario.http().postJson("/api/v1/cases/" + id + "/close", "{\"reason\":\"Obehörig\"}", token)
                .status()).isEqualTo(404);
        // Nor does intake let the method developer search the register.
        assertThat(metod.get("/cases/new?name=" + name.replace(' ', '+')).status()).isEqualTo(403);
        assertThat(scenario.http().get("/api/v1/persons?name=x", token).status()).isEqualTo(403);

        // A question about the case: the method developer sees the question and answers into the journal.
        Response asked = scenario.ask("jour1", id, "Hur gör vi med hemlandskontakten?", false);
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        String questionId = asked.json().get("id").asString();
        Response question = metod.get("/questions/" + questionId);
        assertThat(question.status()).isEqualTo(200);
        assertThat(question.text()).contains("Hur gör vi med hemlandskontakten?", caseNumber)
                .doesNotContain("href=\"/cases/" + id + "\"");
        Response answered = Scenario.submit(metod, "/questions/" + questionId, "/questions/" + questionId + "/answer",
                Map.of("answer", "Gör en riskbedömning först."));
        assertThat(answered.status()).isEqualTo(302);
        JsonNode journal = scenario.http().get("/api/v1/cases/" + id, scenario.token("jour1")).json();
        assertThat(jdbc.sql("SELECT count(*) FROM journal_entry WHERE case_id = :c AND text LIKE '%riskbedömning först%'")
                .param("c", id).query(Long.class).single()).isEqualTo(1);
        assertThat(journal.get("caseNumber").asString()).isEqualTo(caseNumber);
        assertThat(metod.get("/cases/" + id).status()).as("answering gave no access").isEqualTo(404);
    }

    @Test
    void administratorsAndAuditorsCannotSearchThePersonRegister() {
        String name = Scenario.name("Registret");
        scenario.openChild("jour1", name);
        for (String username : List.of("admin", "granskare")) {
            Browser b = scenario.signedIn(username);
            assertThat(b.get("/cases/new?name=" + name.replace(' ', '+')).status()).as(username).isEqualTo(403);
            assertThat(b.get("/cases/new/intake").status()).as(username).isEqualTo(403);
            assertThat(b.get("/persons/merge?name=" + name.replace(' ', '+')).status()).as(username).isEqualTo(403);
            assertThat(scenario.http().get("/api/v1/persons?name=" + name.replace(' ', '+'), scenario.token(username))
                    .status()).as(username).isEqualTo(403);
            assertThat(b.get("/cases").text()).as(username).doesNotContain(name);
        }
    }

    // -- protection: who sees it, who may lower it --

    @Test
    void onlyALeadLowersProtectionWithAReasonAndItIsFlaggedForReview() {
        String name = Scenario.name("Skyddad Dana");
        UUID id = protectedJourCase(name);
        Browser jour2 = scenario.signedIn("jour2");
        // jour2 takes the case: that gives no right to the address.
        Response casePage = jour2.get("/cases/" + id);
        Response taken = jour2.postForm("/cases/" + id + "/assign",
                Map.of("_csrf", LotsenHttp.csrfToken(casePage.body()), "version", versionInForm(casePage.body())));
        assertThat(taken.status()).isEqualTo(302);
        assertThat(jour2.get("/cases/" + id).text()).doesNotContain("Lönnvägen").contains("Skyddad – visas inte");

        // jour2 tries to remove the protection: refused, nothing changes.
        Response form = jour2.get("/cases/" + id + "/person");
        assertThat(form.text()).doesNotContain("Lönnvägen");
        Response lowered = jour2.postForm("/cases/" + id + "/person", Map.ofEntries(
                Map.entry("_csrf", LotsenHttp.csrfToken(form.body())), Map.entry("identityKind", "UNKNOWN"),
                Map.entry("identityNumber", ""), Map.entry("name", name), Map.entry("statedAge", "15"),
                Map.entry("sex", "FEMALE"), Map.entry("nationality", "RO"), Map.entry("protectedIdentity", "NONE"),
                Map.entry("address", ""), Map.entry("version", versionInForm(form.body())),
                Map.entry("protectionReason", "Behövs inte")));
        assertThat(lowered.status()).isEqualTo(200);
        assertThat(lowered.text()).contains("Bara enhetens ledning (jourchef eller enhetschef) kan sänka skyddsnivån.");
        assertThat(protectionOf(id)).isEqualTo("SKYDDAD_FOLKBOKFORING");

        // The lead may, with a reason; the address is kept, and the audit entry is flagged for log review.
        Browser jourchef = scenario.signedIn("jourchef");
        Response leadForm = jourchef.get("/cases/" + id + "/person");
        Map<String, String> fields = new java.util.LinkedHashMap<>(Map.ofEntries(
                Map.entry("_csrf", LotsenHttp.csrfToken(leadForm.body())), Map.entry("identityKind", "UNKNOWN"),
                Map.entry("identityNumber", ""), Map.entry("name", name), Map.entry("statedAge", "15"),
                Map.entry("sex", "FEMALE"), Map.entry("nationality", "RO"),
                Map.entry("protectedIdentity", "SEKRETESSMARKERING"), Map.entry("address", "Lönnvägen 3, Hägersten"),
                Map.entry("version", versionInForm(leadForm.body())), Map.entry("protectionReason", "")));
        Response noReason = jourchef.postForm("/cases/" + id + "/person", fields);
        assertThat(noReason.text()).contains("Skriv varför skyddsnivån sänks.");
        fields.put("protectionReason", "Skatteverket har ändrat till sekretessmarkering.");
        assertThat(jourchef.postForm("/cases/" + id + "/person", fields).status()).isEqualTo(302);
        assertThat(protectionOf(id)).isEqualTo("SEKRETESSMARKERING");
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM audit_entry WHERE record_id = :c AND review_flag LIKE '%PROTECTION_LOWERED%' AND detail LIKE 'protection lowered%'
                          AND actor_username = 'jourchef'""")
                .param("c", id.toString()).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT detail FROM person_history WHERE person_id = :p AND action = 'PROTECTION_LOWERED'")
                .param("p", personOf(id)).query(String.class).single())
                .contains("Skatteverket har ändrat till sekretessmarkering.");
        Browser granskare = scenario.signedIn("granskare");
        assertThat(granskare.get("/audit?flagged=true").text()).contains("Flaggad: skyddsnivå sänkt");
    }

    // -- after a handover the handing unit only reads --

    @Test
    void afterAHandoverTheJourReadsButCannotWriteThroughAQuestion() {
        UUID id = scenario.openChild("jour1", Scenario.name("Överlämnad Elena"));
        scenario.handOver("jour1", id, "rinkeby-kista");
        long entries = jdbc.sql("SELECT count(*) FROM journal_entry WHERE case_id = :c").param("c", id)
                .query(Long.class).single();
        long lastEntryBefore = jdbc.sql("SELECT coalesce(max(id), 0) FROM audit_entry").query(Long.class).single();

        assertThat(scenario.ask("jour1", id, "Kan vi skriva i ärendet?", true).status()).isEqualTo(403);
        Browser jour1 = scenario.signedIn("jour1");
        Response casePage = jour1.get("/cases/" + id);
        assertThat(casePage.status()).as("the jour follows it up").isEqualTo(200);
        assertThat(casePage.text()).doesNotContain("Fråga metodutvecklaren om ärendet");
        assertThat(jour1.get("/questions/new?caseId=" + id).status()).isEqualTo(403);
        Response posted = Scenario.submit(jour1, "/questions/new", "/questions/new",
                Map.of("caseId", id.toString(), "text", "Kan vi skriva i ärendet?"));
        assertThat(posted.status()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM journal_entry WHERE case_id = :c").param("c", id)
                .query(Long.class).single()).as("the journal is unchanged").isEqualTo(entries);
        assertThat(jdbc.sql("SELECT count(*) FROM question WHERE case_id = :c").param("c", id)
                .query(Long.class).single()).isZero();
        // A journal entry posted on the page is refused too, and the audit trail records the refusals as denied.
        Response journal = Scenario.submit(jour1, "/cases/" + id, "/cases/" + id + "/journal",
                Map.of("text", "Försök att skriva efter överlämningen."));
        assertThat(journal.status()).isEqualTo(403);
        assertThat(jdbc.sql("""
                        SELECT DISTINCT outcome FROM audit_entry
                        WHERE actor_username = 'jour1' AND record_id = :c AND action IN ('CREATE', 'UPDATE')
                          AND id > :before""")
                .param("c", id.toString()).param("before", lastEntryBefore).query(String.class).list())
                .containsExactly("DENIED");
        // The holder may ask.
        assertThat(scenario.ask("rinkeby1", id, "Hur går vi vidare?", false).status()).isEqualTo(201);
    }

    // -- the jour learns that another unit holds a case, and that unit is told --

    @Test
    void theJourSeesThatAnotherUnitHoldsACaseAboutThePersonAndThatUnitIsTold() {
        String pnr = TestIdentityNumbers.personnummer();
        String name = Scenario.name("Känd Andrei");
        JsonNode district = scenario.openChild("rinkeby1", name, Map.of("identityNumber", pnr,
                "identityKind", "PERSONNUMMER", "address", "Rinkebystråket 1"));
        UUID districtCase = UUID.fromString(district.get("id").asString());
        String districtNumber = district.get("caseNumber").asString();

        // The jour's search: nothing of the person, but the unit, the case number and whom to contact.
        Browser jour1 = scenario.signedIn("jour1");
        String search = jour1.get("/cases/new?identityNumber=" + pnr).text();
        assertThat(search).contains("Personen kan vara känd hos en annan enhet", districtNumber,
                "Rinkeby-Kista stadsdelsförvaltning", "Johan Lund").doesNotContain("Rinkebystråket");
        JsonNode api = scenario.http().get("/api/v1/persons?identityNumber=" + pnr, scenario.token("jour1")).json();
        assertThat(api.get("matches")).isEmpty();
        assertThat(api.get("otherUnitCases")).hasSize(1);
        assertThat(api.get("otherUnitCases").get(0).get("caseNumber").asString()).isEqualTo(districtNumber);
        assertThat(api.get("otherUnitCases").get(0).toString()).doesNotContain("Rinkebystråket", name);

        // The jour opens its own case: its own person record, and the district's holder is told.
        JsonNode jourCase = scenario.openChild("jour1", name, Map.of("identityNumber", pnr,
                "identityKind", "PERSONNUMMER"));
        UUID jourId = UUID.fromString(jourCase.get("id").asString());
        assertThat(personOf(jourId)).isNotEqualTo(personOf(districtCase));
        assertThat(jourCase.get("subject").has("address")).isFalse();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql("""
                        SELECT a.username FROM notification n JOIN account a ON a.id = n.account_id
                        WHERE n.case_id = :c AND n.message_key = 'notification.person.knownElsewhere'
                        ORDER BY a.username""").param("c", districtCase).query(String.class).list())
                .containsExactly("rinkeby1", "rinkebychef"));
        String notice = scenario.http().get("/api/v1/notifications", scenario.token("rinkebychef")).json()
                .get("items").toString();
        assertThat(notice).contains(districtNumber, jourCase.get("caseNumber").asString()).doesNotContain(name);
    }
}
