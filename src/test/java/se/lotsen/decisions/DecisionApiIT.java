package se.lotsen.decisions;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import se.lotsen.access.ApiTokens;
import se.lotsen.access.CurrentUser;
import se.lotsen.access.LotsenHttp;
import se.lotsen.access.LotsenHttp.Response;
import se.lotsen.cases.CaseId;
import se.lotsen.cases.Cases;
import se.lotsen.cases.ExploitationForm;
import se.lotsen.cases.Intake;
import se.lotsen.cases.IntakeChannel;
import se.lotsen.cases.SubjectType;
import se.lotsen.persons.IdentityKind;
import se.lotsen.persons.PersonDetails;
import se.lotsen.persons.ProtectedIdentity;
import se.lotsen.persons.Sex;

import static org.assertj.core.api.Assertions.assertThat;
import static se.lotsen.access.LotsenHttp.DEMO_PASSWORD;

/**
 * Decisions and deadlines over real HTTP with bearer tokens: recording a chair's 6 § decision returns it with the
 * deadlines it started, the case's deadlines with nominal and legal last day, status and legal basis, marking the
 * 7 § submission met with the court's case number, invalid input as problem details naming the field, and another
 * unit's token seeing nothing (404).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DecisionApiIT {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    @LocalServerPort
    int port;

    @Autowired
    Cases cases;

    @Autowired
    ApiTokens apiTokens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    LotsenHttp http;
    String jour1;

    @BeforeEach
    void setUp() {
        http = new LotsenHttp(port);
        jour1 = http.token("jour1", DEMO_PASSWORD);
    }

    // -- helpers --

    /** A child case at socialjouren opened by jour1 (through the facade; the case API is tested elsewhere). */
    private UUID openChildCase(Instant receivedAt) {
        CurrentUser user = apiTokens.authenticate(jour1).orElseThrow();
        CaseId id = cases.open(new Intake(SubjectType.CHILD, receivedAt, IntakeChannel.POLICE_PL12, "Polisen",
                "114 14", "Ung person påträffad", Set.of(ExploitationForm.SEXUAL), null, null,
                new PersonDetails(IdentityKind.UNKNOWN, "", "Testbarn " + UUID.randomUUID().toString().substring(0, 8),
                        "", null, 15, false, Sex.UNKNOWN, "", "", false, "", "", ProtectedIdentity.NONE, ""), null),
                user);
        return id.value();
    }

    private static final String CHAIR_DECISION = """
            {"type":"LVU_6","decidedAt":"2025-12-19T19:00:00+01:00","executedAt":"2025-12-19T21:00:00+01:00",
             "decidedBy":{"name":"Anna Ordförande","mandate":"CHAIR"},"committee":"rinkeby-kista",
             "grounds":["LVU_2"],"urgencyReason":"Risk för fortsatt exploatering; rättens beslut kan inte avvaktas.",
             "unusualTimeConfirmed":true}""";

    private static List<JsonNode> array(JsonNode node) {
        assertThat(node.isArray()).as("array: %s", node).isTrue();
        return StreamSupport.stream(node.spliterator(), false).toList();
    }

    private static JsonNode ofKind(List<JsonNode> list, String kind) {
        List<JsonNode> found = list.stream().filter(n -> n.get("kind").asString().equals(kind)).toList();
        assertThat(found).as("%s in %s", kind, list).hasSize(1);
        return found.get(0);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static List<String> assertBadRequest(Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.contentType()).startsWith(PROBLEM_JSON);
        assertThat(r.json().get("status").asInt()).isEqualTo(400);
        assertThat(r.body()).doesNotContain("Exception", "at se.lotsen", "org.springframework", "SQL");
        JsonNode errors = r.json().get("errors");
        return errors == null ? List.of() : array(errors).stream().map(e -> e.get("field").asString()).toList();
    }

    private static void assertNotFound(Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(404);
        assertThat(r.contentType()).startsWith(PROBLEM_JSON);
        assertThat(r.body()).doesNotContain("LVU_7_SUBMISSION", "Anna Ordförande", "SOCIALJOUREN-");
    }

    private long decisionRows(UUID caseId) {
        return jdbc.sql("SELECT count(*) FROM decision WHERE case_id = :c").param("c", caseId).query(Long.class).single();
    }

    // -- recording --

    @Test
    void recordingAChairsDecisionAnswersCreatedWithTheDeadlinesItStarted() {
        UUID caseId = openChildCase(Instant.parse("2025-12-19T16:00:00Z"));

        Response r = http.postJson("/api/v1/cases/" + caseId + "/decisions", CHAIR_DECISION, jour1);

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.contentType()).startsWith("application/json");
        JsonNode body = r.json();
        String id = body.get("id").asString();
        assertThat(r.location()).isNotNull().endsWith("/api/v1/cases/" + caseId + "/decisions/" + id);
        assertThat(body.get("type").asString()).isEqualTo("LVU_6");
        assertThat(body.get("legalBasis").asString()).isEqualTo("6 § LVU");
        assertThat(Instant.parse(body.get("decidedAt").asString())).isEqualTo(Instant.parse("2025-12-19T18:00:00Z"));
        assertThat(Instant.parse(body.get("executedAt").asString())).isEqualTo(Instant.parse("2025-12-19T20:00:00Z"));
        assertThat(body.get("decidedBy").asString()).isEqualTo("Anna Ordförande");
        assertThat(body.get("mandate").asString()).isEqualTo("CHAIR");
        assertThat(body.get("committee").asString()).isEqualTo("rinkeby-kista");
        assertThat(array(body.get("grounds"))).extracting(JsonNode::asString).containsExactly("LVU_2");
        assertThat(text(body, "endedAt")).isNull();

        List<JsonNode> started = array(body.get("deadlines"));
        assertThat(started).extracting(n -> n.get("kind").asString())
                .containsExactlyInAnyOrder("LVU_7_SUBMISSION", "LVU_8_APPLICATION", "COMMITTEE_REPORT");
        assertThat(started).allSatisfy(n -> assertThat(n.get("decisionId").asString()).isEqualTo(id));
        JsonNode submission = ofKind(started, "LVU_7_SUBMISSION");
        assertThat(submission.get("nominalDate").asString()).isEqualTo("2025-12-26");
        assertThat(submission.get("dueDate").asString()).isEqualTo("2025-12-29");
        assertThat(submission.get("status").asString()).isEqualTo("LAPSED");
        assertThat(submission.get("legalBasis").asString()).isEqualTo("7 § LVU (1990:52)");
        assertThat(text(submission, "consequence")).as("what follows from the lapse").isNotBlank();
        JsonNode application = ofKind(started, "LVU_8_APPLICATION");
        assertThat(application.get("nominalDate").asString()).isEqualTo("2026-01-16");
        assertThat(application.get("dueDate").asString()).isEqualTo("2026-01-16");
        assertThat(application.get("legalBasis").asString()).isEqualTo("8 § LVU (1990:52)");

        // The case's deadlines: the child-protection ones and the decision's.
        Response list = http.get("/api/v1/cases/" + caseId + "/deadlines", jour1);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        List<JsonNode> all = array(list.json());
        assertThat(all).extracting(n -> n.get("kind").asString()).containsExactlyInAnyOrder(
                "CHILD_PROTECTION_ASSESSMENT", "CHILD_INVESTIGATION_DECISION", "LVU_7_SUBMISSION",
                "LVU_8_APPLICATION", "COMMITTEE_REPORT");
        assertThat(all).allSatisfy(n -> {
            assertThat(n.has("id")).isTrue();
            assertThat(text(n, "status")).isNotBlank();
            assertThat(text(n, "legalBasis")).isNotBlank();
            if (text(n, "warning") == null) {
                assertThat(text(n, "nominalDate")).as("nominal date of %s", n).isNotNull();
                assertThat(text(n, "dueDate")).as("due date of %s", n).isNotNull();
            }
        });
        JsonNode listed = ofKind(all, "LVU_7_SUBMISSION");
        assertThat(listed.get("nominalDate").asString()).isEqualTo("2025-12-26");
        assertThat(listed.get("dueDate").asString()).isEqualTo("2025-12-29");
        assertThat(listed.get("status").asString()).isEqualTo("LAPSED");
        assertThat(ofKind(all, "CHILD_INVESTIGATION_DECISION").get("status").asString()).isEqualTo("OVERDUE");

        Response decisions = http.get("/api/v1/cases/" + caseId + "/decisions", jour1);
        assertThat(decisions.status()).as(decisions.body()).isEqualTo(200);
        assertThat(array(decisions.json())).extracting(n -> n.get("id").asString()).containsExactly(id);
    }

    @Test
    void aMandateOfAnOfficialDoesNotExist() {
        UUID caseId = openChildCase(Instant.parse("2025-12-19T16:00:00Z"));

        Response r = http.postJson("/api/v1/cases/" + caseId + "/decisions",
                CHAIR_DECISION.replace("\"CHAIR\"", "\"OFFICIAL\""), jour1);

        assertBadRequest(r);
        assertThat(decisionRows(caseId)).isZero();
    }

    @Test
    void invalidDecisionsAreBadRequestNamingTheField() {
        UUID caseId = openChildCase(Instant.parse("2025-12-19T16:00:00Z"));
        String path = "/api/v1/cases/" + caseId + "/decisions";

        assertThat(assertBadRequest(http.postJson(path, """
                {"type":"LVU_6","decidedAt":"2025-12-19T19:00:00+01:00","committee":"rinkeby-kista",
                 "grounds":["LVU_2"],"urgencyReason":"Brådskande"}""", jour1))).contains("decidedBy");
        assertThat(assertBadRequest(http.postJson(path, CHAIR_DECISION.replace("\"type\":\"LVU_6\",", ""), jour1)))
                .contains("type");
        assertThat(assertBadRequest(http.postJson(path,
                CHAIR_DECISION.replace("\"decidedAt\":\"2025-12-19T19:00:00+01:00\",", ""), jour1)))
                .contains("decidedAt");
        // Rules of the service: no mandate, a jour as committee, no grounds, executed before decided.
        assertThat(assertBadRequest(http.postJson(path, CHAIR_DECISION.replace(",\"mandate\":\"CHAIR\"", ""), jour1)))
                .contains("mandate");
        assertThat(assertBadRequest(http.postJson(path,
                CHAIR_DECISION.replace("\"rinkeby-kista\"", "\"socialjouren\""), jour1))).contains("committeeUnitCode");
        assertThat(assertBadRequest(http.postJson(path, CHAIR_DECISION.replace("[\"LVU_2\"]", "[]"), jour1)))
                .contains("grounds");
        assertThat(assertBadRequest(http.postJson(path,
                CHAIR_DECISION.replace("2025-12-19T21:00:00+01:00", "2025-12-19T18:00:00+01:00"), jour1)))
                .contains("executedAt");
        assertBadRequest(http.postJson(path, CHAIR_DECISION.replace("\"LVU_6\"", "\"LVU_99\""), jour1));
        assertBadRequest(http.postJson(path, "{\"type\": ", jour1));

        assertThat(decisionRows(caseId)).isZero();
    }

    // -- access --

    @Test
    void anotherUnitsTokenFindsNothing() {
        UUID caseId = openChildCase(Instant.parse("2025-12-19T16:00:00Z"));
        Response created = http.postJson("/api/v1/cases/" + caseId + "/decisions", CHAIR_DECISION, jour1);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String decisionId = created.json().get("id").asString();
        String deadlineId = ofKind(array(created.json().get("deadlines")), "LVU_7_SUBMISSION").get("id").asString();
        String rinkeby1 = http.token("rinkeby1", DEMO_PASSWORD);

        assertNotFound(http.postJson("/api/v1/cases/" + caseId + "/decisions",
                CHAIR_DECISION.replace("\"LVU_6\"", "\"LVU_11_PLACEMENT\""), rinkeby1));
        assertNotFound(http.get("/api/v1/cases/" + caseId + "/decisions", rinkeby1));
        assertNotFound(http.get("/api/v1/cases/" + caseId + "/deadlines", rinkeby1));
        assertNotFound(http.postJson("/api/v1/cases/" + caseId + "/deadlines/" + deadlineId + "/met",
                "{\"on\":\"2025-12-22\",\"evidence\":\"FR mål 1234-25\"}", rinkeby1));
        assertNotFound(http.postJson("/api/v1/cases/" + caseId + "/decisions/" + decisionId + "/end",
                "{\"reason\":\"GROUNDS_CEASED\",\"endedAt\":\"2025-12-20T10:00:00+01:00\"}", rinkeby1));
        // An unknown case looks the same.
        assertNotFound(http.get("/api/v1/cases/" + UUID.randomUUID() + "/deadlines", jour1));

        assertThat(decisionRows(caseId)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT status FROM deadline WHERE id = :id").param("id", UUID.fromString(deadlineId))
                .query(String.class).single()).isEqualTo("PENDING");

        // Without a token: 401.
        Response anonymous = http.get("/api/v1/cases/" + caseId + "/deadlines", null);
        assertThat(anonymous.status()).as(anonymous.body()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).hasValue("Bearer");
    }

    // -- meeting a deadline --

    @Test
    void markingTheSubmissionMetWithTheCourtsCaseNumber() {
        UUID caseId = openChildCase(Instant.parse("2025-12-19T16:00:00Z"));
        Response created = http.postJson("/api/v1/cases/" + caseId + "/decisions", CHAIR_DECISION, jour1);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String deadlineId = ofKind(array(created.json().get("deadlines")), "LVU_7_SUBMISSION").get("id").asString();
        String met = "/api/v1/cases/" + caseId + "/deadlines/" + deadlineId + "/met";

        assertThat(assertBadRequest(http.postJson(met, "{\"evidence\":\"FR mål 1234-25\"}", jour1))).contains("on");
        String tomorrow = LocalDate.now(clock.withZone(SWEDEN)).plusDays(1).toString();
        assertThat(assertBadRequest(http.postJson(met, "{\"on\":\"" + tomorrow + "\",\"evidence\":\"FR mål 1234-25\"}",
                jour1))).isNotEmpty();

        // Another case's path does not reach this deadline.
        UUID otherCase = openChildCase(Instant.parse("2025-12-19T16:00:00Z"));
        assertNotFound(http.postJson("/api/v1/cases/" + otherCase + "/deadlines/" + deadlineId + "/met",
                "{\"on\":\"2025-12-22\",\"evidence\":\"FR mål 1234-25\"}", jour1));

        Response r = http.postJson(met, "{\"on\":\"2025-12-22\",\"evidence\":\"FR mål 1234-25\"}", jour1);

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.get("id").asString()).isEqualTo(deadlineId);
        assertThat(body.get("kind").asString()).isEqualTo("LVU_7_SUBMISSION");
        assertThat(body.get("status").asString()).isEqualTo("MET");
        assertThat(body.get("metOn").asString()).isEqualTo("2025-12-22");
        assertThat(body.get("evidence").asString()).isEqualTo("FR mål 1234-25");

        List<JsonNode> all = array(http.get("/api/v1/cases/" + caseId + "/deadlines", jour1).json());
        assertThat(ofKind(all, "LVU_7_SUBMISSION").get("status").asString()).isEqualTo("MET");
        JsonNode review = ofKind(all, "LVU_7_COURT_REVIEW");
        assertThat(review.get("anchorDate").asString()).isEqualTo("2025-12-22");
        assertThat(review.get("nominalDate").asString()).isEqualTo("2025-12-29");
        assertThat(review.get("dueDate").asString()).isEqualTo("2025-12-29");
        assertThat(review.get("legalBasis").asString()).isEqualTo("7 § andra stycket LVU (1990:52)");

        // Met once only.
        assertThat(assertBadRequest(http.postJson(met, "{\"on\":\"2025-12-22\",\"evidence\":\"FR mål 1234-25\"}",
                jour1))).isNotEmpty();
    }

    @Test
    void extendingTheApplicationTimeAndEndingTheCustody() {
        UUID caseId = openChildCase(Instant.parse("2025-12-19T16:00:00Z"));
        Response created = http.postJson("/api/v1/cases/" + caseId + "/decisions", CHAIR_DECISION, jour1);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String decisionId = created.json().get("id").asString();
        List<JsonNode> started = array(created.json().get("deadlines"));
        String application = ofKind(started, "LVU_8_APPLICATION").get("id").asString();
        String submission = ofKind(started, "LVU_7_SUBMISSION").get("id").asString();
        String extend = "/api/v1/cases/" + caseId + "/deadlines/" + application + "/extend";

        assertThat(assertBadRequest(http.postJson(extend, "{\"newDate\":\"2026-01-15\",\"note\":\"FR mål 1234-25\"}",
                jour1))).contains("newDate");
        assertThat(assertBadRequest(http.postJson(extend, "{\"newDate\":\"2026-02-13\"}", jour1))).contains("note");
        assertThat(assertBadRequest(http.postJson("/api/v1/cases/" + caseId + "/deadlines/" + submission + "/extend",
                "{\"newDate\":\"2026-02-13\",\"note\":\"FR mål 1234-25\"}", jour1))).contains("newDate");

        Response extended = http.postJson(extend, "{\"newDate\":\"2026-02-13\",\"note\":\"FR mål 1234-25\"}", jour1);
        assertThat(extended.status()).as(extended.body()).isEqualTo(200);
        assertThat(extended.json().get("dueDate").asString()).isEqualTo("2026-02-13");
        assertThat(extended.json().get("nominalDate").asString()).isEqualTo("2026-01-16");

        Response ended = http.postJson("/api/v1/cases/" + caseId + "/decisions/" + decisionId + "/end",
                "{\"reason\":\"GROUNDS_CEASED\",\"endedAt\":\"2026-01-20T10:00:00+01:00\"}", jour1);
        assertThat(ended.status()).as(ended.body()).isEqualTo(200);
        assertThat(ended.json().get("endReason").asString()).isEqualTo("GROUNDS_CEASED");
        assertThat(Instant.parse(ended.json().get("endedAt").asString()))
                .isEqualTo(Instant.parse("2026-01-20T09:00:00Z"));
        List<JsonNode> after = array(http.get("/api/v1/cases/" + caseId + "/deadlines", jour1).json());
        assertThat(ofKind(after, "LVU_7_SUBMISSION").get("status").asString()).isEqualTo("CLOSED");
        assertThat(ofKind(after, "LVU_8_APPLICATION").get("status").asString()).isEqualTo("CLOSED");
        assertThat(ofKind(after, "COMMITTEE_REPORT").get("status").asString()).isIn("PENDING", "OVERDUE");
    }

    // -- the court's rulings and a requested extension (issue 10) --

    private static final String SIX_A_DECISION = """
            {"type":"LVU_6A","decidedAt":"2026-09-30T22:10:00+02:00","executedAt":"2026-10-01T09:30:00+02:00",
             "decidedBy":{"name":"Anna Ordförande","mandate":"CHAIR"},"committee":"rinkeby-kista",
             "grounds":["LVU_2"],"urgencyReason":"Risk att barnet förs ut ur landet.",
             "habitualResidence":"Rumänien","jurisdictionBasis":"BRUSSELS_IIB","unusualTimeConfirmed":true}""";

    @Test
    void aContinuationGrantedByTheCourtAnswersWithTheDecisionItsStatusAndTheNewApplicationTime() {
        UUID caseId = openChildCase(Instant.parse("2026-09-30T18:00:00Z"));
        Response created = http.postJson("/api/v1/cases/" + caseId + "/decisions", SIX_A_DECISION, jour1);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("status").asString()).isIn("IN_FORCE", "LAPSED");
        String decisionId = created.json().get("id").asString();
        String rulings = "/api/v1/cases/" + caseId + "/decisions/" + decisionId + "/court-rulings";

        Response granted = http.postJson(rulings,
                "{\"kind\":\"CONTINUATION_GRANTED\",\"decidedOn\":\"2026-11-05\",\"courtCaseNumber\":\"FR 4711-26\"}",
                jour1);
        assertThat(granted.status()).as(granted.body()).isEqualTo(201);
        JsonNode period = ofKind(array(granted.json().get("deadlines")), "LVU_9B_APPLICATION");
        assertThat(period.get("dueDate").asString()).as("two months from the court's day").isEqualTo("2027-01-05");
        assertThat(period.get("anchorDate").asString()).isEqualTo("2026-11-05");
        LocalDate today = LocalDate.now(clock.withZone(SWEDEN));
        assertThat(granted.json().get("status").asString())
                .isEqualTo(today.isAfter(LocalDate.of(2027, 1, 5)) ? "LAPSED" : "IN_FORCE");
        JsonNode ruling = array(granted.json().get("courtRulings")).get(0);
        assertThat(ruling.get("kind").asString()).isEqualTo("CONTINUATION_GRANTED");
        assertThat(ruling.get("courtCaseNumber").asString()).isEqualTo("FR 4711-26");

        // Bad input names the field; an unknown kind is a bad request; another unit finds nothing.
        assertThat(assertBadRequest(http.postJson(rulings,
                "{\"kind\":\"CONTINUATION_GRANTED\",\"decidedOn\":\"2026-11-20\",\"until\":\"2027-02-21\"}", jour1)))
                .contains("until");
        assertThat(assertBadRequest(http.postJson(rulings, "{\"kind\":\"CARE_GRANTED\",\"decidedOn\":\"2026-11-20\"}",
                jour1))).contains("kind");
        assertBadRequest(http.postJson(rulings, "{\"kind\":\"NO_SUCH\",\"decidedOn\":\"2026-11-20\"}", jour1));
        assertThat(assertBadRequest(http.postJson(rulings, "{\"kind\":\"CUSTODY_CONFIRMED\"}", jour1)))
                .contains("decidedOn");
        String rinkeby1 = http.token("rinkeby1", DEMO_PASSWORD);
        assertNotFound(http.postJson(rulings, "{\"kind\":\"CUSTODY_CONFIRMED\",\"decidedOn\":\"2026-10-06\"}",
                rinkeby1));
        assertThat(jdbc.sql("SELECT count(*) FROM court_ruling WHERE decision_id = :d")
                .param("d", UUID.fromString(decisionId)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aRequestedExtensionIsAStateOfItsOwnAndKeepsTheCustodyInForce() {
        UUID caseId = openChildCase(Instant.parse("2026-09-30T18:00:00Z"));
        Response created = http.postJson("/api/v1/cases/" + caseId + "/decisions", CHAIR_DECISION
                .replace("2025-12-19T19:00:00+01:00", "2026-10-01T21:00:00+02:00")
                .replace("2025-12-19T21:00:00+01:00", "2026-10-01T23:30:00+02:00"), jour1);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String decisionId = created.json().get("id").asString();
        // Submitted in time and confirmed by the court (7 §).
        Response confirmed = http.postJson("/api/v1/cases/" + caseId + "/decisions/" + decisionId + "/court-rulings",
                "{\"kind\":\"CUSTODY_CONFIRMED\",\"decidedOn\":\"2026-10-06\"}", jour1);
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(201);
        JsonNode application = ofKind(array(created.json().get("deadlines")), "LVU_8_APPLICATION");
        assertThat(application.get("dueDate").asString()).isEqualTo("2026-10-29");
        String path = "/api/v1/cases/" + caseId + "/deadlines/" + application.get("id").asString()
                + "/extension-requested";

        assertThat(assertBadRequest(http.postJson(path, "{\"requestedOn\":\"2026-10-30\"}", jour1)))
                .as("after the last day is too late").contains("requestedOn");
        Response requested = http.postJson(path, "{\"requestedOn\":\"2026-10-28\"}", jour1);
        assertThat(requested.status()).as(requested.body()).isEqualTo(200);
        assertThat(requested.json().get("status").asString()).isEqualTo("EXTENSION_REQUESTED");
        assertThat(requested.json().get("extensionRequestedOn").asString()).isEqualTo("2026-10-28");

        JsonNode decision = array(http.get("/api/v1/cases/" + caseId + "/decisions", jour1).json()).stream()
                .filter(d -> d.get("id").asString().equals(decisionId)).findFirst().orElseThrow();
        assertThat(decision.get("status").asString()).as("not lapsed while the court decides").isEqualTo("IN_FORCE");
    }
}
