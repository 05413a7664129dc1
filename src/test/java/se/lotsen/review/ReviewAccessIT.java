package se.lotsen.review;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import se.lotsen.MutableClock;
import se.lotsen.MutableClockConfiguration;
import se.lotsen.access.AccountForm;
import se.lotsen.access.Accounts;
import se.lotsen.access.LotsenHttp;
import se.lotsen.access.LotsenHttp.Browser;
import se.lotsen.access.LotsenHttp.Response;
import se.lotsen.access.Role;
import se.lotsen.access.Scenario;
import se.lotsen.audit.ReviewFlag;
import se.lotsen.common.SwedishDates;
import se.lotsen.grants.GrantReportSource;
import se.lotsen.routines.RoutineLinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Case reviews end to end through the pages, with cases made through the API with known dates: the method developer
 * defines a review of Socialjouren's child cases and starts it; as its reviewer she reads the selected cases only,
 * pseudonymised, with the answers Lotsen derived and their evidence, never through the case pages and never in her
 * case lists, and not at all once the working period is over (the application's clock is moved on). Another method
 * developer, not a reviewer, gets 404. The identity is shown only with a reason, audited and flagged. Overriding a
 * derived answer takes a reason. Findings link to routine versions, and the grant's report has the section.
 */
@Import(MutableClockConfiguration.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {"lotsen.test.isolation=case-reviews",
        "lotsen.security.session.max-lifetime=P90D"})
class ReviewAccessIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    Accounts accounts;

    @Autowired
    List<RoutineLinks> routineLinks;

    @Autowired
    List<GrantReportSource> reportSources;

    Scenario scenario;

    @BeforeEach
    void setUp() {
        clock.reset();
        scenario = new Scenario(new LotsenHttp(port));
        accounts.createDemoAccountIfAbsent(new AccountForm("metod2", "Vera Metod", "metod2@lotsen.example",
                "socialjouren", Set.of(Role.METHOD_DEVELOPER), true, LotsenHttp.DEMO_PASSWORD));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private UUID id(String sql, Object... params) {
        var spec = jdbc.sql(sql);
        for (int i = 0; i < params.length; i++) {
            spec = spec.param(i + 1, params[i]);
        }
        return spec.query(UUID.class).single();
    }

    private String number(UUID caseId) {
        return jdbc.sql("SELECT case_number FROM case_file WHERE id = :id").param("id", caseId).query(String.class)
                .single();
    }

    private JsonNode policeReport(UUID caseId) {
        Response r = scenario.http().postJson("/api/v1/cases/" + caseId + "/contacts", LotsenHttp.toJson(Map.of(
                "type", "POLICE", "partner", "Polisen, Citypolisen (lokalpolisområde)", "at", Scenario.minutesAgo(60),
                "channel", "PHONE", "summary", "Anmälan gjord.",
                "fields", Map.of("reportMade", "YES", "reportNumber", "5000-K123-26"))), scenario.token("jour1"));
        assertThat(r.status()).as(r.body()).isBetween(200, 299);
        return r.json();
    }

    /** Creates and starts a review of Socialjouren's child cases opened today, with metod and granskare reviewing. */
    private UUID startReview(Browser metod, String name) {
        String form = metod.get("/reviews/new").body();
        UUID jour = id("SELECT id FROM unit WHERE code = ?", "socialjouren");
        UUID me = id("SELECT id FROM account WHERE username = ?", "metod");
        UUID auditor = id("SELECT id FROM account WHERE username = ?", "granskare");
        String today = LocalDate.now(SwedishDates.ZONE).toString();
        List<Map.Entry<String, String>> fields = new ArrayList<>(List.of(
                Map.entry("_csrf", LotsenHttp.csrfToken(form)), Map.entry("name", name),
                Map.entry("purpose", "Hur hanterades barnärenden?"),
                Map.entry("openedFrom", LocalDate.now(SwedishDates.ZONE).minusDays(1).toString()),
                Map.entry("openedTo", today), Map.entry("subject", "CHILD"), Map.entry("units", jour.toString()),
                Map.entry("workFrom", today),
                Map.entry("workUntil", LocalDate.now(SwedishDates.ZONE).plusDays(14).toString()),
                Map.entry("reviewers", me.toString()), Map.entry("reviewers", auditor.toString())));
        Response created = metod.postForm("/reviews/new", fields);
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        String path = created.location().substring(created.location().indexOf("/reviews/"));
        Response started = Scenario.submit(metod, path, path + "/start", Map.of());
        assertThat(started.status()).as(started.body()).isEqualTo(302);
        return UUID.fromString(path.substring("/reviews/".length()));
    }

    private long lastAuditId() {
        return jdbc.sql("SELECT coalesce(max(id), 0) FROM audit_entry").query(Long.class).single();
    }

    @Test
    void reviewerReadsOnlyTheSelectedCasesPseudonymisedWithinThePeriod() {
        String reportedName = Scenario.name("Granskad");
        UUID reported = scenario.openChild("jour1", reportedName);
        scenario.custody("jour1", reported);
        policeReport(reported);
        String unreportedName = Scenario.name("Ogranskad");
        UUID unreported = scenario.openChild("jour1", unreportedName);
        UUID elsewhere = scenario.openChild("sodermalm1", Scenario.name("Annanstans"));

        Browser metod = scenario.signedIn("metod");
        UUID review = startReview(metod, Scenario.name("Granskning"));
        List<UUID> selected = jdbc.sql("SELECT case_id FROM review_case WHERE review_id = :r").param("r", review)
                .query(UUID.class).list();
        assertThat(selected).contains(reported, unreported).doesNotContain(elsewhere);

        // The reviewer reads the case pseudonymised, with the derived answers and their evidence.
        long before = lastAuditId();
        Response page = metod.get("/reviews/" + review + "/cases/" + reported);
        assertThat(page.status()).isEqualTo(200);
        // The report was made an hour ago and the case came in five hours ago, each on its own Swedish day (an hour
        // after midnight they are not today's): the days between them as the database has them.
        LocalDate reportedOn = jdbc.sql("SELECT (at AT TIME ZONE 'Europe/Stockholm')::date FROM cooperation_contact"
                + " WHERE case_id = :id AND type = 'POLICE'").param("id", reported).query(LocalDate.class).single();
        long daysAfter = jdbc.sql("SELECT :on - (received_at AT TIME ZONE 'Europe/Stockholm')::date FROM case_file"
                + " WHERE id = :id").param("on", reportedOn).param("id", reported)
                .query(Long.class).single();
        assertThat(page.body()).contains(number(reported), "13–15 år",
                "Polisanmälan registrerad " + reportedOn + ", " + daysAfter + (daysAfter == 1 ? " dag" : " dagar")
                        + " efter aktualisering",
                "7 § LVU (1990:52): sista dag").doesNotContain(reportedName);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("""
                        SELECT count(*) FROM audit_entry WHERE id > :after AND actor_username = 'metod'
                          AND action = 'READ' AND record_type = 'CASE' AND record_id = :c""")
                .param("after", before).param("c", reported.toString()).query(Long.class).single() == 1);

        // Not the case pages, not the case lists, no change; not a case outside the selection.
        assertThat(metod.get("/cases/" + reported).status()).isEqualTo(404);
        assertThat(metod.get("/cases").body()).doesNotContain(number(reported));
        assertThat(Scenario.submit(metod, "/reviews/" + review, "/cases/" + reported + "/assign",
                Map.of("version", "0")).status()).isIn(403, 404);
        assertThat(metod.get("/reviews/" + review + "/cases/" + elsewhere).status()).isEqualTo(404);

        // Another method developer, not a reviewer: no case, no case list.
        Browser other = scenario.signedIn("metod2");
        assertThat(other.get("/reviews/" + review + "/cases/" + reported).status()).isEqualTo(404);
        assertThat(other.get("/reviews/" + review).body()).doesNotContain(number(reported));
        // A duty worker: no review at all.
        assertThat(scenario.signedIn("jour1").get("/reviews/" + review).status()).isEqualTo(404);

        // The identity: only with a reason, audited and flagged.
        Response noReason = Scenario.submit(metod, "/reviews/" + review + "/cases/" + reported,
                "/reviews/" + review + "/cases/" + reported + "/identity", Map.of("reason", ""));
        assertThat(noReason.status()).isEqualTo(200);
        assertThat(noReason.body()).contains("Skriv varför du behöver se identiteten").doesNotContain(reportedName);
        long beforeReveal = lastAuditId();
        Response revealed = Scenario.submit(metod, "/reviews/" + review + "/cases/" + reported,
                "/reviews/" + review + "/cases/" + reported + "/identity",
                Map.of("reason", "Behöver jämföra med tidigare ärende i akten."));
        assertThat(revealed.status()).isEqualTo(200);
        assertThat(revealed.body()).contains(reportedName);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("""
                        SELECT review_flag FROM audit_entry WHERE id > :after AND actor_username = 'metod'
                          AND record_id = :c AND review_flag IS NOT NULL""")
                .param("after", beforeReveal).param("c", reported.toString()).query(String.class).list().stream()
                .anyMatch(f -> ReviewFlag.parse(f).contains(ReviewFlag.IDENTITY_REVEALED)));

        // After the working period: nothing.
        clock.advance(Duration.ofDays(16));
        assertThat(metod.get("/reviews/" + review + "/cases/" + reported).status()).isEqualTo(404);
        assertThat(metod.get("/reviews/" + review).body()).doesNotContain(number(reported));
    }

    @Test
    void derivedAnswersAreConfirmedOrOverriddenWithAReason() {
        UUID unreported = scenario.openChild("jour1", Scenario.name("Oanmäld"));
        Browser metod = scenario.signedIn("metod");
        UUID review = startReview(metod, Scenario.name("Överprövning"));
        String casePage = "/reviews/" + review + "/cases/" + unreported;
        Response page = metod.get(casePage);
        assertThat(page.body()).contains("Ingen polisanmälan eller kontakt med polisen registrerad.");
        UUID policeQuestion = id("SELECT id FROM review_question WHERE review_id = ? AND derivation = 'POLICE_REPORT'",
                review);

        // Lotsen suggests a deficiency; answering "adequate" without a reason is refused with the reason's error.
        Response refused = Scenario.submit(metod, casePage, casePage + "/answers", Map.of(
                "questionId", policeQuestion.toString(), "value", "ADEQUATE", "comment", "", "reason", ""));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("Skriv varför ditt svar skiljer sig från Lotsens förslag.");
        assertThat(jdbc.sql("SELECT count(*) FROM review_answer WHERE review_id = :r").param("r", review)
                .query(Long.class).single()).isZero();
        // No answer at all, and a value that is none: refused, never a 500.
        assertThat(Scenario.submit(metod, casePage, casePage + "/answers", Map.of("questionId",
                policeQuestion.toString(), "value", "MAYBE")).status()).isEqualTo(200);

        Response overridden = Scenario.submit(metod, casePage, casePage + "/answers", Map.of(
                "questionId", policeQuestion.toString(), "value", "ADEQUATE", "comment", "",
                "reason", "Polisen var redan på plats och anmälde själv."));
        assertThat(overridden.status()).isEqualTo(302);
        Map<String, Object> stored = jdbc.sql("""
                        SELECT value, derived_value, override_reason, answered_by_name, evidence FROM review_answer
                        WHERE review_id = :r AND question_id = :q""")
                .param("r", review).param("q", policeQuestion).query().singleRow();
        assertThat(stored).containsEntry("value", "ADEQUATE").containsEntry("derived_value", "DEFICIENT")
                .containsEntry("override_reason", "Polisen var redan på plats och anmälde själv.")
                .containsEntry("answered_by_name", "Sofia Ek");
        assertThat((String) stored.get("evidence")).contains("Ingen polisanmälan");

        // Confirming the rest of the pre-filled answers stores them as derived.
        assertThat(Scenario.submit(metod, casePage, casePage + "/confirm", Map.of()).status()).isEqualTo(302);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM review_answer WHERE review_id = :r AND derived_value IS NOT NULL
                          AND value = derived_value""").param("r", review).query(Long.class).single())
                .isGreaterThan(0);

        // The results: the charts with the table behind them, read by the auditor too.
        Response results = scenario.signedIn("granskare").get("/reviews/" + review + "/results");
        assertThat(results.status()).isEqualTo(200);
        assertThat(results.body()).contains("Andel brister per område", "Dokumentation", "Andel brister per enhet");

        // A finding linked to the published routine version shows on that version, and in the grant's report.
        UUID version = id("""
                SELECT v.id FROM routine_version v JOIN routine r ON r.id = v.routine_id
                WHERE r.key = 'akut-manniskohandel' AND v.status = 'PUBLISHED' ORDER BY v.number DESC LIMIT 1""");
        String finding = "Polisanmälan saknas ofta " + UUID.randomUUID().toString().substring(0, 6);
        Response saved = Scenario.submit(metod, "/reviews/" + review + "/results", "/reviews/" + review + "/findings",
                Map.of("area", "POLICE", "text", finding, "routineVersionId", version.toString()));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(routineLinks.stream().flatMap(l -> l.links(version, "akut-manniskohandel", null).stream())
                .map(RoutineLinks.Link::text).toList()).anyMatch(t -> t.contains(finding));
        GrantReportSource reviews = reportSources.stream().filter(s -> s.key().equals("reviews")).findFirst()
                .orElseThrow();
        GrantReportSource.Draft draft = reviews.draft(LocalDate.now(SwedishDates.ZONE).minusDays(1),
                LocalDate.now(SwedishDates.ZONE), Locale.forLanguageTag("sv"));
        assertThat(draft.text()).contains("ärendegranskningar startades", "Samverkan med polisen", finding)
                .doesNotContain(number(unreported));
    }

    @Test
    void definitionIsValidatedWithTranslatedErrors() {
        Browser metod = scenario.signedIn("metod");
        Response r = Scenario.submit(metod, "/reviews/new", "/reviews/new", Map.of("name", "",
                "openedFrom", "2026-02-30", "openedTo", "2026-01-01", "subject", "CHILD", "workFrom", "x",
                "workUntil", ""));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("Fyll i fältet.", "Skriv ett datum", "Välj minst en granskare.");
        assertThat(scenario.signedIn("jour1").get("/reviews/new").status()).isEqualTo(403);
        assertThat(scenario.signedIn("jour1").get("/reviews").status()).isEqualTo(403);
    }
}
