package se.lotsen.reporting;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import se.lotsen.access.LotsenHttp;
import se.lotsen.access.LotsenHttp.Response;
import se.lotsen.cases.CaseId;
import se.lotsen.decisions.DeadlineClosed;
import se.lotsen.decisions.DeadlineId;
import se.lotsen.decisions.DeadlineKind;
import se.lotsen.decisions.DeadlineScheduled;
import se.lotsen.grants.GrantReportSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.lotsen.access.LotsenHttp.DEMO_PASSWORD;

/**
 * The kept rate counts the deadlines that passed unmet, not only those met (May 2018, at Socialjouren, a period of
 * its own). Six children's cases came in on 7 May 2018, each with the protection assessment (last day 8 May) and the
 * decision whether to investigate (14 days): in three cases both were met, the assessment on time and the decision
 * late; in three nothing was met, so both passed unmet. Then, as the decisions module publishes them, a deadline
 * closed before its last day (not counted), one closed after it (missed) and one whose last day the court moved out of
 * the period (not counted in May).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportingDeadlinesIT {

    private static final String API = "/api/v1/statistics?from=2018-05-01&to=2018-05-31&unit=socialjouren";

    @LocalServerPort
    int port;

    @Autowired
    ReadModel readModel;

    @Autowired
    Reporting reporting;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    List<GrantReportSource> reportSources;

    LotsenHttp http;
    String metod;
    final List<UUID> unmet = new ArrayList<>();

    @BeforeAll
    void casesWithDeadlines() {
        http = new LotsenHttp(port);
        metod = http.token("metod", DEMO_PASSWORD);
        String jour1 = http.token("jour1", DEMO_PASSWORD);
        assertThat(stats().get("deadlines").get("due").asInt()).as("the period is empty before the test").isZero();
        for (int i = 0; i < 6; i++) {
            Response r = http.postJson("/api/v1/cases", """
                    {"subject":{"type":"CHILD","name":"Fiktiv Frist %s","nationality":"RO","statedAge":15},
                     "receivedAt":"2018-05-07T10:00:00+02:00","channel":"POLICE_OTHER","exploitationForms":["SEXUAL"]}"""
                    .formatted(UUID.randomUUID().toString().substring(0, 6)), jour1);
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            UUID caseId = UUID.fromString(r.json().get("id").asString());
            if (i % 2 == 1) {
                unmet.add(caseId);
                continue;
            }
            Response list = http.get("/api/v1/cases/" + caseId + "/deadlines", jour1);
            assertThat(list.status()).as(list.body()).isEqualTo(200);
            for (JsonNode d : list.json()) {
                String kind = d.get("kind").asString();
                LocalDate last = LocalDate.parse(d.get("dueDate").asString());
                LocalDate on = switch (kind) {
                    case "CHILD_PROTECTION_ASSESSMENT" -> LocalDate.of(2018, 5, 7);
                    case "CHILD_INVESTIGATION_DECISION" -> last.plusDays(5);
                    default -> throw new AssertionError("unexpected deadline " + kind);
                };
                Response met = http.postJson("/api/v1/cases/" + caseId + "/deadlines/" + d.get("id").asString()
                        + "/met", "{\"on\":\"" + on + "\",\"investigationOpened\":false}", jour1);
                assertThat(met.status()).as(met.body()).isEqualTo(200);
            }
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode d = stats().get("deadlines");
            assertThat(d.get("due").asInt()).isEqualTo(12);
            assertThat(d.get("met").asInt()).isEqualTo(6);
        });
    }

    private JsonNode stats() {
        Response r = http.get(API, metod);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode figures = r.json();
        assertThat(figures.get("computedAt").asString()).as("when they were computed").isNotBlank();
        // The figures, not when they were computed (every request computes them anew in tests).
        ((tools.jackson.databind.node.ObjectNode) figures).remove("computedAt");
        return figures;
    }

    @Test
    void deadlinesPassedUnmetAreMissedAndClosedOnesCountOnlyWhenTheirLastDayHadPassed() {
        JsonNode d = stats().get("deadlines");
        assertThat(d.get("metOnTime").asInt()).isEqualTo(3);
        assertThat(d.get("metLate").asInt()).isEqualTo(3);
        assertThat(d.get("missed").asInt()).as("the three cases where nothing was met").isEqualTo(6);
        assertThat(d.get("due").asInt()).isEqualTo(12);
        assertThat(d.get("keptRate").asDouble()).as("3 kept of 12 decided").isEqualTo(0.25);

        // What the decisions module publishes when a deadline closes or moves (custody ended, court ruling).
        CaseId caseId = new CaseId(unmet.get(0));
        DeadlineId closedEarly = new DeadlineId(UUID.randomUUID());
        DeadlineId closedLate = new DeadlineId(UUID.randomUUID());
        DeadlineId extended = new DeadlineId(UUID.randomUUID());
        LocalDate last = LocalDate.of(2018, 5, 20);
        List<Object> facts = List.of(
                new DeadlineScheduled(caseId, closedEarly, DeadlineKind.LVU_8_APPLICATION, last),
                new DeadlineClosed(caseId, closedEarly, DeadlineKind.LVU_8_APPLICATION, last, last),
                new DeadlineClosed(caseId, closedLate, DeadlineKind.LVU_8_APPLICATION, last.plusDays(5), last),
                new DeadlineScheduled(caseId, closedLate, DeadlineKind.LVU_8_APPLICATION, last),
                // The court's later day arrives first: the order of delivery does not matter.
                new DeadlineScheduled(caseId, extended, DeadlineKind.LVU_8_APPLICATION, LocalDate.of(2018, 6, 15)),
                new DeadlineScheduled(caseId, extended, DeadlineKind.LVU_8_APPLICATION, last));
        for (Object fact : facts) {
            assertThat(readModel.receive(fact)).as("new: %s", fact).isTrue();
        }
        JsonNode after = stats();
        d = after.get("deadlines");
        assertThat(d.get("missed").asInt()).as("closed after its last day: missed").isEqualTo(7);
        assertThat(d.get("due").asInt()).as("closed on its last day and moved to June: not counted").isEqualTo(13);
        assertThat(d.get("keptRate").asDouble()).isEqualTo(0.231);

        // A redelivered event counts nothing twice.
        for (Object fact : facts) {
            assertThat(readModel.receive(fact)).as("redelivered: %s", fact).isFalse();
        }
        assertThat(stats()).isEqualTo(after);
        // A rebuild gives the same figures.
        reporting.rebuild();
        assertThat(stats()).isEqualTo(after);
        // June: the extended deadline passed unmet there; one deadline is suppressed.
        JsonNode june = http.get("/api/v1/statistics?from=2018-06-01&to=2018-06-30&unit=socialjouren", metod).json();
        assertThat(june.get("deadlines").get("due").isNull()).as("one missed deadline: suppressed").isTrue();

        // The exports and the grant report carry the same figures.
        Statistics s = reporting.statistics(new Reporting.Period(LocalDate.of(2018, 5, 1), LocalDate.of(2018, 5, 31)),
                "socialjouren");
        assertThat(s.figures()).contains(new Statistics.Figure("deadlines.missed", "", 7),
                new Statistics.Figure("deadlines.due", "", 13), new Statistics.Figure("deadlines.metLate", "", 3));
        GrantReportSource section = reportSources.stream().filter(x -> x.key().equals("statistics")).findFirst()
                .orElseThrow();
        String text = section.draft(LocalDate.of(2018, 5, 1), LocalDate.of(2018, 5, 31), Locale.forLanguageTag("sv"))
                .text();
        assertThat(text).contains("Tidsfrister med sista dag i perioden:");
    }

    /**
     * Through the decisions module: a custody's deadlines are scheduled when it is decided, the 8 § time moves when
     * the court extends it, and ending the custody closes them on its end day. The read model keeps each state.
     */
    @Test
    void theDecisionsModulePublishesStartExtensionAndClosing() {
        String jour1 = http.token("jour1", DEMO_PASSWORD);
        Response opened = http.postJson("/api/v1/cases", """
                {"subject":{"type":"CHILD","name":"Fiktiv Omhändertagen","nationality":"RO","statedAge":15},
                 "receivedAt":"2017-10-02T18:00:00+02:00","channel":"POLICE_OTHER","exploitationForms":["SEXUAL"]}""",
                jour1);
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String caseId = opened.json().get("id").asString();
        Response created = http.postJson("/api/v1/cases/" + caseId + "/decisions", """
                {"type":"LVU_6","decidedAt":"2017-10-02T19:00:00+02:00","executedAt":"2017-10-02T21:00:00+02:00",
                 "decidedBy":{"name":"Anna Ordförande","mandate":"CHAIR"},"committee":"rinkeby-kista",
                 "grounds":["LVU_2"],"urgencyReason":"Risk för fortsatt exploatering; rättens beslut kan inte avvaktas.",
                 "unusualTimeConfirmed":true}""", jour1);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String decisionId = created.json().get("id").asString();
        String application = null;
        String submission = null;
        for (JsonNode d : created.json().get("deadlines")) {
            if (d.get("kind").asString().equals("LVU_8_APPLICATION")) {
                application = d.get("id").asString();
            } else if (d.get("kind").asString().equals("LVU_7_SUBMISSION")) {
                submission = d.get("id").asString();
            }
        }
        assertThat(application).isNotNull();
        assertThat(submission).isNotNull();
        Response extended = http.postJson("/api/v1/cases/" + caseId + "/deadlines/" + application + "/extend",
                "{\"newDate\":\"2017-11-24\",\"note\":\"FR mål 1234-17\"}", jour1);
        assertThat(extended.status()).as(extended.body()).isEqualTo(200);
        Response ended = http.postJson("/api/v1/cases/" + caseId + "/decisions/" + decisionId + "/end",
                "{\"reason\":\"GROUNDS_CEASED\",\"endedAt\":\"2017-10-20T10:00:00+02:00\"}", jour1);
        assertThat(ended.status()).as(ended.body()).isEqualTo(200);

        String app = application;
        String sub = submission;
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(row(app)).containsExactly(LocalDate.of(2017, 11, 24), null, LocalDate.of(2017, 10, 20));
            // The 7 § submission's week had passed unmet when the custody ended: missed, not excused.
            assertThat(row(sub)).containsExactly(LocalDate.of(2017, 10, 9), null, LocalDate.of(2017, 10, 20));
        });
        // Closed before its (extended) last day: the 8 § time is not in November's rate.
        JsonNode november = http.get("/api/v1/statistics?from=2017-11-01&to=2017-11-30&unit=socialjouren", metod)
                .json();
        assertThat(november.get("deadlines").get("due").asInt()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM reporting_fact WHERE event_key LIKE :k")
                .param("k", "DeadlineScheduled:" + app + ":%").query(Long.class).single())
                .as("scheduled when decided and again when extended").isEqualTo(2);
    }

    private List<LocalDate> row(String deadlineId) {
        return jdbc.sql("SELECT last_day, met_on, closed_on FROM reporting_deadline WHERE deadline_id = :id")
                .param("id", UUID.fromString(deadlineId))
                .query((rs, n) -> java.util.Arrays.asList(rs.getObject(1, LocalDate.class),
                        rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class)))
                .optional().orElse(List.of());
    }
}
