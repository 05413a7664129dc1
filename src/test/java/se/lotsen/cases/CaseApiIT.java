package se.lotsen.cases;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import se.lotsen.access.LotsenHttp.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.lotsen.access.LotsenHttp.DEMO_PASSWORD;

/**
 * The cases API over real HTTP with bearer tokens: open a case, read it with its checklist, set steps, search, the
 * problem details for invalid input, the access rule (404 for other units), and the audit trail of every read.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseApiIT {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String RECEIVED_AT = "2026-11-29T03:00:00+01:00";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    LotsenHttp http;

    @BeforeEach
    void setUp() {
        http = new LotsenHttp(port);
    }

    // -- helpers --

    private String token(String username) {
        return http.token(username, DEMO_PASSWORD);
    }

    private static Map<String, Object> subject(String type, String name, String identityNumber) {
        Map<String, Object> subject = new LinkedHashMap<>();
        if (type != null) {
            subject.put("type", type);
        }
        if (name != null) {
            subject.put("name", name);
        }
        if (identityNumber != null) {
            subject.put("identityNumber", identityNumber);
        }
        return subject;
    }

    private static String body(Map<String, Object> subject, String receivedAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (subject != null) {
            body.put("subject", subject);
        }
        if (receivedAt != null) {
            body.put("receivedAt", receivedAt);
        }
        return LotsenHttp.toJson(body);
    }

    private Response create(String bearer, String type, String name, String identityNumber) {
        return http.postJson("/api/v1/cases", body(subject(type, name, identityNumber), RECEIVED_AT), bearer);
    }

    private JsonNode createOk(String bearer, String type, String name, String identityNumber) {
        Response r = create(bearer, type, name, identityNumber);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private static void assertProblem(Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith(PROBLEM_JSON);
        assertThat(r.json().get("status").asInt()).isEqualTo(status);
        assertThat(r.body()).doesNotContain("Exception", "at se.lotsen", "org.springframework", "SQL");
    }

    private static List<String> errorFields(Response r) {
        JsonNode errors = r.json().get("errors");
        assertThat(errors).as("errors in %s", r.body()).isNotNull();
        assertThat(errors.isArray()).isTrue();
        List<String> fields = new ArrayList<>();
        for (JsonNode e : errors.values()) {
            fields.add(e.get("field").asString());
            assertThat(e.get("message").asString()).as("message of %s", e).isNotBlank();
        }
        return fields;
    }

    private static List<String> keys(JsonNode checklist) {
        List<String> keys = new ArrayList<>();
        checklist.values().forEach(i -> keys.add(i.get("key").asString()));
        return keys;
    }

    private static JsonNode item(JsonNode caseJson, String key) {
        for (JsonNode i : caseJson.get("checklist").values()) {
            if (i.get("key").asString().equals(key)) {
                return i;
            }
        }
        throw new AssertionError("no step " + key + " in " + caseJson);
    }

    private long casesNamed(String name) {
        return jdbc.sql("SELECT count(*) FROM case_file c JOIN person p ON p.id = c.person_id WHERE p.name = :n")
                .param("n", name).query(Long.class).single();
    }

    private long lastAuditId() {
        return jdbc.sql("SELECT coalesce(max(id), 0) FROM audit_entry").query(Long.class).single();
    }

    private List<Map<String, Object>> auditEntries(long afterId, String action, String recordId) {
        return jdbc.sql("""
                        SELECT * FROM audit_entry WHERE id > :after AND action = :action AND record_type = 'CASE'
                        AND record_id = :record ORDER BY id""")
                .param("after", afterId).param("action", action).param("record", recordId).query().listOfRows();
    }

    /** Entries written after the response may reach the database a moment later: wait for them, bounded. */
    private List<Map<String, Object>> awaitAuditEntries(long afterId, String action, String recordId, int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> auditEntries(afterId, action, recordId).size() >= count);
        return auditEntries(afterId, action, recordId);
    }

    // -- creating --

    @Test
    void postingACaseCreatesItAtTheCallersUnit() {
        String jour1 = token("jour1");
        String pnr = TestIdentityNumbers.personnummer();
        String name = "Nora " + TestIdentityNumbers.token();

        Response r = create(jour1, "CHILD", name, TestIdentityNumbers.tenDigits(pnr));

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.contentType()).startsWith("application/json");
        JsonNode json = r.json();
        UUID id = UUID.fromString(json.get("id").asString());
        assertThat(r.location()).as("Location").isNotNull().matches("(https?://[^/]+)?/api/v1/cases/" + id);
        assertThat(json.get("caseNumber").asString()).matches("SOCIALJOUREN-\\d{4}-\\d{4}");
        assertThat(json.get("status").asString()).isEqualTo("OPEN");
        assertThat(json.get("unit").asString()).isEqualTo("socialjouren");
        assertThat(Instant.parse(json.get("receivedAt").asString()))
                .isEqualTo(OffsetDateTime.parse(RECEIVED_AT).toInstant());
        JsonNode subject = json.get("subject");
        assertThat(subject.get("type").asString()).isEqualTo("CHILD");
        assertThat(subject.get("name").asString()).isEqualTo(name);
        assertThat(subject.get("identityNumber").asString()).isEqualTo(TestIdentityNumbers.display(pnr));
        assertThat(subject.get("identityKind").asString()).isEqualTo("PERSONNUMMER");
        assertThat(subject.get("protectedIdentity").asBoolean()).isFalse();
        assertThat(json.get("routineVersion").asInt()).isPositive();

        JsonNode checklist = json.get("checklist");
        assertThat(checklist.isArray()).isTrue();
        assertThat(checklist.size()).isPositive();
        for (JsonNode i : checklist.values()) {
            assertThat(i.get("key").asString()).as("key of %s", i).isNotBlank();
            assertThat(i.get("phase").asString()).as("phase of %s", i).isNotBlank();
            assertThat(i.get("title").asString()).as("title of %s", i).isNotBlank();
            assertThat(i.get("status").asString()).as("status of %s", i).isEqualTo("OPEN");
        }
        assertThat(keys(checklist)).contains("skyddsbedomning", "polisanmalan")
                .doesNotContain("placering", "skyddat-boende", "reservnummer");
        assertThat(json.get("next").asString()).isEqualTo(checklist.get(0).get("key").asString());

        // stored, in normal form
        assertThat(jdbc.sql("""
                        SELECT p.identity_number FROM case_file c JOIN person p ON p.id = c.person_id WHERE c.id = :id""")
                .param("id", id).query(String.class).single()).isEqualTo(pnr);

        // the same personnummer again, for a new person, is refused
        Response again = create(jour1, "ADULT", "Annan " + name, TestIdentityNumbers.display(pnr));
        assertProblem(again, 400);
        assertThat(errorFields(again)).containsExactly("subject.identityNumber");
    }

    /**
     * The police take a child into temporary custody under 12 § polislagen: the channel is POLICE_PL12. Clients that
     * still send the old name POLICE_PL13 get the same channel, stored and answered under its new name.
     */
    @Test
    void thePoliceChannelIs12SectionPolislagenAndTheOldNameIsStillAccepted() {
        String jour1 = token("jour1");
        for (String sent : List.of("POLICE_PL12", "POLICE_PL13")) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("subject", subject("CHILD", "Polis " + TestIdentityNumbers.token(), null));
            body.put("receivedAt", RECEIVED_AT);
            body.put("channel", sent);
            Response r = http.postJson("/api/v1/cases", LotsenHttp.toJson(body), jour1);
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            assertThat(r.json().get("channel").asString()).isEqualTo("POLICE_PL12");
            assertThat(jdbc.sql("SELECT intake_channel FROM case_file WHERE id = :id")
                    .param("id", UUID.fromString(r.json().get("id").asString())).query(String.class).single())
                    .isEqualTo("POLICE_PL12");
            assertThat(keys(r.json().get("checklist"))).contains("mottagande");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject", subject("CHILD", "Polis " + TestIdentityNumbers.token(), null));
        body.put("receivedAt", RECEIVED_AT);
        body.put("channel", "POLICE_PL14");
        assertProblem(http.postJson("/api/v1/cases", LotsenHttp.toJson(body), jour1), 400);
    }

    @Test
    void anAdultCaseGetsAdultSteps() {
        JsonNode json = createOk(token("jour2"), "ADULT", "Vuxen " + TestIdentityNumbers.token(), null);

        assertThat(keys(json.get("checklist"))).contains("skyddat-boende", "reservnummer")
                .doesNotContain("skyddsbedomning");
        assertThat(json.get("subject").get("identityKind").asString()).isEqualTo("UNKNOWN");
    }

    @Test
    void invalidInputIsAProblemNamingEachBadField() {
        String jour1 = token("jour1");
        String name = "Ogiltig " + TestIdentityNumbers.token();
        String future = OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).toString();
        String badCheckDigit = TestIdentityNumbers.wrongCheckDigit(TestIdentityNumbers.personnummer());

        Response noType = http.postJson("/api/v1/cases", body(subject(null, name, null), RECEIVED_AT), jour1);
        assertProblem(noType, 400);
        assertThat(errorFields(noType)).containsExactly("subject.type");

        Response blankName = http.postJson("/api/v1/cases", body(subject("CHILD", "   ", null), RECEIVED_AT), jour1);
        assertProblem(blankName, 400);
        assertThat(errorFields(blankName)).containsExactly("subject.name");

        Response noName = http.postJson("/api/v1/cases", body(subject("CHILD", null, null), RECEIVED_AT), jour1);
        assertProblem(noName, 400);
        assertThat(errorFields(noName)).containsExactly("subject.name");

        Response badNumber = http.postJson("/api/v1/cases", body(subject("CHILD", name, badCheckDigit), RECEIVED_AT),
                jour1);
        assertProblem(badNumber, 400);
        assertThat(errorFields(badNumber)).containsExactly("subject.identityNumber");

        Response noReceivedAt = http.postJson("/api/v1/cases", body(subject("CHILD", name, null), null), jour1);
        assertProblem(noReceivedAt, 400);
        assertThat(errorFields(noReceivedAt)).containsExactly("receivedAt");

        Response futureReceivedAt = http.postJson("/api/v1/cases", body(subject("CHILD", name, null), future), jour1);
        assertProblem(futureReceivedAt, 400);
        assertThat(errorFields(futureReceivedAt)).containsExactly("receivedAt");

        Response noSubject = http.postJson("/api/v1/cases", body(null, RECEIVED_AT), jour1);
        assertProblem(noSubject, 400);
        assertThat(errorFields(noSubject)).containsExactly("subject");

        Response several = http.postJson("/api/v1/cases", body(subject(null, "", null), null), jour1);
        assertProblem(several, 400);
        assertThat(errorFields(several)).containsExactlyInAnyOrder("subject.type", "subject.name", "receivedAt");

        Response futureAndBadNumber = http.postJson("/api/v1/cases",
                body(subject("CHILD", name, badCheckDigit), future), jour1);
        assertProblem(futureAndBadNumber, 400);
        assertThat(errorFields(futureAndBadNumber)).containsExactlyInAnyOrder("receivedAt", "subject.identityNumber");

        Map<String, Object> unknownCountry = subject("CHILD", name, null);
        unknownCountry.put("nationality", "XX");
        Response badCountry = http.postJson("/api/v1/cases", body(unknownCountry, RECEIVED_AT), jour1);
        assertProblem(badCountry, 400);
        assertThat(errorFields(badCountry)).containsExactly("subject.nationality");

        Map<String, Object> longCountry = subject("CHILD", name, null);
        longCountry.put("nationality", "SWE");
        Response tooLong = http.postJson("/api/v1/cases", body(longCountry, RECEIVED_AT), jour1);
        assertProblem(tooLong, 400);
        assertThat(errorFields(tooLong)).containsExactly("subject.nationality");

        Response unknownType = http.postJson("/api/v1/cases", body(subject("TEENAGER", name, null), RECEIVED_AT),
                jour1);
        assertProblem(unknownType, 400);

        assertThat(casesNamed(name)).as("no case was opened").isZero();
    }

    /** A stated age outside 0–130 is invalid input like any other: 400 naming the field, never a server error. */
    @Test
    void anImpossibleStatedAgeIsABadRequest() {
        String jour1 = token("jour1");
        String name = "Ålder " + TestIdentityNumbers.token();
        for (int age : new int[] {-1, 131}) {
            Map<String, Object> subject = subject("CHILD", name, null);
            subject.put("statedAge", age);

            Response r = http.postJson("/api/v1/cases", body(subject, RECEIVED_AT), jour1);

            assertProblem(r, 400);
            assertThat(errorFields(r)).as("age %d", age).containsExactly("subject.statedAge");
        }
        Map<String, Object> ok = subject("CHILD", name, null);
        ok.put("statedAge", 15);
        assertThat(http.postJson("/api/v1/cases", body(ok, RECEIVED_AT), jour1).status()).isEqualTo(201);
        assertThat(casesNamed(name)).isEqualTo(1);
    }

    /** The API accepts the form of exploitation OTHER together with its description, as the intake form does. */
    @Test
    void exploitationFormOtherCanBeDescribed() {
        String jour1 = token("jour1");
        String name = "Annan Form " + TestIdentityNumbers.token();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject", subject("ADULT", name, null));
        body.put("receivedAt", RECEIVED_AT);
        body.put("exploitationForms", List.of("FORCED_LABOUR", "OTHER"));
        body.put("exploitationOther", "Tvingad att sköta hushållet åt en familj");

        Response r = http.postJson("/api/v1/cases", LotsenHttp.toJson(body), jour1);

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(casesNamed(name)).isEqualTo(1);
    }

    // -- reading --

    @Test
    void getReturnsTheCaseWithItsChecklist() {
        String jour1 = token("jour1");
        JsonNode created = createOk(jour1, "CHILD", "Läsbar " + TestIdentityNumbers.token(), null);
        String id = created.get("id").asString();

        Response r = http.get("/api/v1/cases/" + id, jour1);

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode json = r.json();
        assertThat(json.get("id").asString()).isEqualTo(id);
        assertThat(json.get("caseNumber").asString()).isEqualTo(created.get("caseNumber").asString());
        assertThat(json.get("subject").get("name").asString()).isEqualTo(created.get("subject").get("name").asString());
        assertThat(keys(json.get("checklist"))).isEqualTo(keys(created.get("checklist")));

        // a colleague at the unit reads it too
        Response colleague = http.get("/api/v1/cases/" + id, token("jourchef"));
        assertThat(colleague.status()).as(colleague.body()).isEqualTo(200);

        // a case that does not exist
        assertProblem(http.get("/api/v1/cases/" + UUID.randomUUID(), jour1), 404);
        assertProblem(http.get("/api/v1/cases/not-a-uuid", jour1), 400);
    }

    @Test
    void checklistStepsAreSetThroughTheApi() {
        String jour1 = token("jour1");
        JsonNode created = createOk(jour1, "CHILD", "Steg " + TestIdentityNumbers.token(), null);
        String base = "/api/v1/cases/" + created.get("id").asString() + "/checklist/";

        Response done = http.postJson(base + "mottagande", "{\"status\":\"DONE\"}", jour1);
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().get("key").asString()).isEqualTo("mottagande");
        assertThat(done.json().get("status").asString()).isEqualTo("DONE");
        assertThat(done.json().get("doneBy").asString()).isEqualTo("Elin Berg");
        assertThat(done.json().get("doneAt").isNull()).isFalse();

        Response notApplicable = http.postJson(base + "stodtelefon",
                "{\"status\":\"NOT_APPLICABLE\",\"reason\":\"Regionkoordinatorn har redan rådgjort.\"}", jour1);
        assertThat(notApplicable.status()).as(notApplicable.body()).isEqualTo(200);
        assertThat(notApplicable.json().get("status").asString()).isEqualTo("NOT_APPLICABLE");
        assertThat(notApplicable.json().get("reason").asString()).isEqualTo("Regionkoordinatorn har redan rådgjort.");

        Response noReason = http.postJson(base + "identitet", "{\"status\":\"NOT_APPLICABLE\"}", jour1);
        assertProblem(noReason, 400);
        assertThat(errorFields(noReason)).containsExactly("reason");

        Response noField = http.postJson(base + "polis-kontakt", "{\"status\":\"DONE\"}", jour1);
        assertProblem(noField, 400);
        assertThat(errorFields(noField)).containsExactly("fields[kontaktperson]");

        Response withField = http.postJson(base + "polis-kontakt",
                "{\"status\":\"DONE\",\"fields\":{\"kontaktperson\":\"Inspektör Lind\"}}", jour1);
        assertThat(withField.status()).as(withField.body()).isEqualTo(200);
        assertThat(withField.json().get("fields").get("kontaktperson").asString()).isEqualTo("Inspektör Lind");

        // The police report is a step Lotsen completes when the police contact is recorded: never DONE by hand.
        Response linked = http.postJson(base + "polisanmalan",
                "{\"status\":\"DONE\",\"fields\":{\"diarienummer\":\"5000-K1234-26\"}}", jour1);
        assertProblem(linked, 409);
        assertThat(linked.json().get("detail").asString()).contains("cannot be set DONE by hand");

        Response noStatus = http.postJson(base + "identitet", "{}", jour1);
        assertProblem(noStatus, 400);
        assertThat(errorFields(noStatus)).containsExactly("status");

        assertProblem(http.postJson(base + "finns-inte", "{\"status\":\"DONE\"}", jour1), 404);
        // a step that does not apply to this child (no custody decision) is not there either
        assertProblem(http.postJson(base + "placering", "{\"status\":\"DONE\"}", jour1), 404);

        JsonNode after = http.get("/api/v1/cases/" + created.get("id").asString(), jour1).json();
        assertThat(item(after, "mottagande").get("status").asString()).isEqualTo("DONE");
        assertThat(item(after, "stodtelefon").get("status").asString()).isEqualTo("NOT_APPLICABLE");
        assertThat(item(after, "identitet").get("status").asString()).isEqualTo("OPEN");
        assertThat(item(after, "polis-kontakt").get("status").asString()).isEqualTo("DONE");
        assertThat(item(after, "polisanmalan").get("status").asString()).isEqualTo("OPEN");
        assertThat(after.get("next").asString()).isNotIn("mottagande", "stodtelefon", "polis-kontakt");
    }

    // -- search --

    @Test
    void searchFindsOnlyTheCallersUnitsCases() {
        String jour1 = token("jour1");
        String rinkeby1 = token("rinkeby1");
        String name = TestIdentityNumbers.token();
        String jourId = createOk(jour1, "CHILD", "Jour " + name, null).get("id").asString();
        String rinkebyId = createOk(rinkeby1, "CHILD", "Rinkeby " + name, null).get("id").asString();

        Response mine = http.get("/api/v1/cases?query=" + name + "&page=0", jour1);
        assertThat(mine.status()).as(mine.body()).isEqualTo(200);
        assertThat(mine.json().get("total").asLong()).isEqualTo(1);
        assertThat(mine.json().get("items").size()).isEqualTo(1);
        JsonNode hit = mine.json().get("items").get(0);
        assertThat(hit.get("id").asString()).isEqualTo(jourId);
        assertThat(hit.get("unitCode").asString()).isEqualTo("socialjouren");
        assertThat(hit.get("personName").asString()).isEqualTo("Jour " + name);

        Response theirs = http.get("/api/v1/cases?query=" + name.toLowerCase() + "&page=0", rinkeby1);
        assertThat(theirs.status()).as(theirs.body()).isEqualTo(200);
        assertThat(theirs.json().get("total").asLong()).isEqualTo(1);
        assertThat(theirs.json().get("items").get(0).get("id").asString()).isEqualTo(rinkebyId);
        assertThat(theirs.body()).doesNotContain(jourId, "Jour " + name);

        Response admin = http.get("/api/v1/cases?query=" + name + "&page=0", token("admin"));
        assertThat(admin.status()).isIn(200, 403);
        assertThat(admin.body()).doesNotContain(jourId, rinkebyId, name);

        Response badStatus = http.get("/api/v1/cases?status=LOST", jour1);
        assertProblem(badStatus, 400);
    }

    @Test
    void searchIsPaged() {
        String jour1 = token("jour1");
        String name = TestIdentityNumbers.token();
        for (int i = 0; i < 3; i++) {
            createOk(jour1, "ADULT", "Sida" + i + " " + name, null);
        }

        JsonNode first = http.get("/api/v1/cases?query=" + name + "&page=0&size=2", jour1).json();
        JsonNode second = http.get("/api/v1/cases?query=" + name + "&page=1&size=2", jour1).json();

        assertThat(first.get("total").asLong()).isEqualTo(3);
        assertThat(first.get("items").size()).isEqualTo(2);
        assertThat(second.get("total").asLong()).isEqualTo(3);
        assertThat(second.get("items").size()).isEqualTo(1);
        List<String> all = new ArrayList<>();
        first.get("items").values().forEach(i -> all.add(i.get("id").asString()));
        second.get("items").values().forEach(i -> all.add(i.get("id").asString()));
        assertThat(all).doesNotHaveDuplicates().hasSize(3);
    }

    // -- the access rule --

    @Test
    void anotherUnitGetsNotFoundAndNeverTheCase() {
        String jour1 = token("jour1");
        JsonNode created = createOk(jour1, "CHILD", "Dold " + TestIdentityNumbers.token(), null);
        String id = created.get("id").asString();
        String caseNumber = created.get("caseNumber").asString();
        String name = created.get("subject").get("name").asString();

        Response other = http.get("/api/v1/cases/" + id, token("rinkeby1"));
        assertProblem(other, 404);
        assertThat(other.body()).doesNotContain(caseNumber, name);
        // indistinguishable from a case that does not exist
        Response none = http.get("/api/v1/cases/" + UUID.randomUUID(), token("rinkeby1"));
        assertThat(other.json().get("detail").asString()).isEqualTo(none.json().get("detail").asString());

        Response otherStep = http.postJson("/api/v1/cases/" + id + "/checklist/mottagande", "{\"status\":\"DONE\"}",
                token("rinkeby1"));
        assertProblem(otherStep, 404);

        for (String username : List.of("admin", "granskare")) {
            Response r = http.get("/api/v1/cases/" + id, token(username));
            assertThat(r.status()).as("%s: %s", username, r.body()).isIn(403, 404);
            assertThat(r.contentType()).startsWith(PROBLEM_JSON);
            assertThat(r.body()).doesNotContain(caseNumber, name);
            Response step = http.postJson("/api/v1/cases/" + id + "/checklist/mottagande", "{\"status\":\"DONE\"}",
                    token(username));
            assertThat(step.status()).as("%s: %s", username, step.body()).isIn(403, 404);
        }

        // nothing changed
        JsonNode after = http.get("/api/v1/cases/" + id, jour1).json();
        assertThat(item(after, "mottagande").get("status").asString()).isEqualTo("OPEN");
    }

    @Test
    void withoutATokenTheApiAnswersUnauthorized() {
        JsonNode created = createOk(token("jour1"), "CHILD", "Utan Token " + TestIdentityNumbers.token(), null);

        assertProblem(http.get("/api/v1/cases/" + created.get("id").asString(), null), 401);
        assertProblem(create(null, "CHILD", "Anonym", null), 401);
    }

    @Test
    void apiReadsAreAudited() {
        String jour1 = token("jour1");
        long beforeCreate = lastAuditId();
        JsonNode created = createOk(jour1, "CHILD", "Granskad " + TestIdentityNumbers.token(), null);
        String id = created.get("id").asString();

        List<Map<String, Object>> creates = awaitAuditEntries(beforeCreate, "CREATE", id, 1);
        assertThat(creates).hasSize(1);
        assertThat(creates.get(0).get("channel")).isEqualTo("API");
        assertThat(creates.get(0).get("actor_username")).isEqualTo("jour1");

        long before = lastAuditId();
        assertThat(http.get("/api/v1/cases/" + id, jour1).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/cases/" + id, jour1).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/cases/" + id, token("rinkeby1")).status()).isEqualTo(404);

        List<Map<String, Object>> reads = awaitAuditEntries(before, "READ", id, 3);
        assertThat(reads).hasSize(3);
        for (Map<String, Object> e : reads) {
            assertThat(e.get("record_type")).isEqualTo("CASE");
            assertThat(e.get("record_id")).isEqualTo(id);
            assertThat(e.get("channel")).isEqualTo("API");
        }
        assertThat(reads).filteredOn(e -> "jour1".equals(e.get("actor_username")))
                .hasSize(2).allSatisfy(e -> {
                    assertThat(e.get("outcome")).isEqualTo("SUCCESS");
                    assertThat(e.get("actor_unit_code")).isEqualTo("socialjouren");
                });
        assertThat(reads).filteredOn(e -> "rinkeby1".equals(e.get("actor_username")))
                .hasSize(1).allSatisfy(e -> assertThat(e.get("outcome")).isEqualTo("DENIED"));

        long beforeSearch = lastAuditId();
        assertThat(http.get("/api/v1/cases?query=Granskad", jour1).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("""
                        SELECT count(*) FROM audit_entry WHERE id > :after AND action = 'SEARCH'
                        AND record_type = 'CASE' AND channel = 'API' AND actor_username = 'jour1'""")
                .param("after", beforeSearch).query(Long.class).single() == 1);
    }
}
