package se.lotsen.system;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.lotsen.access.LotsenHttp;
import se.lotsen.access.LotsenHttp.Browser;
import se.lotsen.access.LotsenHttp.Response;
import se.lotsen.access.Scenario;
import se.lotsen.persons.IdentityNumber;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo cases and the demo review of the embedded mode ({@code lotsen.demo.cases=true}): twelve fictional cases
 * made through the services, a started review of the child cases with custody with pre-filled answers confirmed and
 * one overridden; seeding again makes nothing; every demo identity number is a reservnummer that can never be a
 * personnummer; the method developer sees the results chart and a pre-filled answer with its evidence.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "lotsen.demo.cases=true")
class DemoCasesIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DemoCases demoCases;

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private UUID reviewId() {
        return jdbc.sql("SELECT id FROM review WHERE name = :n").param("n", DemoCases.REVIEW_NAME).query(UUID.class)
                .single();
    }

    /** The demo person's review answers as "DERIVATION=value/derived value". */
    private List<String> answers(String number) {
        return jdbc.sql("""
                        SELECT q.derivation, a.value, a.derived_value FROM review_answer a
                        JOIN review_question q ON q.id = a.question_id JOIN case_file c ON c.id = a.case_id
                        JOIN person p ON p.id = c.person_id
                        WHERE p.identity_number = :n AND q.derivation IS NOT NULL""")
                .param("n", number).query((rs, n) -> rs.getString(1) + "=" + rs.getString(2) + "/" + rs.getString(3))
                .list();
    }

    @Test
    void demoCasesAndTheDemoReviewExistOnceAndAreFictional() {
        assertThat(count("SELECT count(*) FROM case_file c JOIN person p ON p.id = c.person_id"
                + " WHERE p.identity_number LIKE 'DEMO-%'")).isEqualTo(DemoCases.CASES.size());
        assertThat(count("SELECT count(*) FROM case_file c JOIN person p ON p.id = c.person_id"
                + " JOIN unit u ON u.id = c.unit_id"
                + " WHERE p.identity_number LIKE 'DEMO-%' AND u.code <> 'socialjouren'"))
                .as("some handed over to districts").isPositive();
        assertThat(count("SELECT count(*) FROM decision d JOIN case_file c ON c.id = d.case_id JOIN person p"
                + " ON p.id = c.person_id WHERE p.identity_number LIKE 'DEMO-%' AND d.type = 'LVU_6'")).isEqualTo(5);
        String demoHandovers = "SELECT count(*) FROM handover h JOIN case_file c ON c.id = h.case_id JOIN person p"
                + " ON p.id = c.person_id WHERE p.identity_number LIKE 'DEMO-%'";
        assertThat(count(demoHandovers + " AND h.acknowledged_at IS NOT NULL")).isEqualTo(5);
        assertThat(count(demoHandovers + " AND h.acknowledged_at IS NULL")).isEqualTo(2);
        assertThat(count(demoHandovers + " AND h.acknowledged_at < h.handed_over_at")).isZero();
        assertThat(count("SELECT count(*) FROM review WHERE name = '" + DemoCases.REVIEW_NAME
                + "' AND status = 'STARTED'")).isEqualTo(1);
        UUID review = reviewId();
        assertThat(jdbc.sql("SELECT count(*) FROM review_case WHERE review_id = :r").param("r", review)
                .query(Long.class).single()).as("the child cases with custody").isEqualTo(5);
        assertThat(jdbc.sql("SELECT count(*) FROM review_answer WHERE review_id = :r AND evidence IS NOT NULL")
                .param("r", review).query(Long.class).single()).as("pre-filled answers with evidence").isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM review_answer WHERE review_id = :r AND override_reason IS NOT NULL"
                + " AND derived_value <> value").param("r", review).query(Long.class).single()).isEqualTo(1);

        // What Lotsen derived from the demo data, confirmed by the method developer (one overridden).
        assertThat(answers("DEMO-01X")).containsExactlyInAnyOrder("POLICE_REPORT=ADEQUATE/ADEQUATE",
                "HOME_COUNTRY_RISK_FIRST=ADEQUATE/ADEQUATE", "DEADLINES_KEPT=ADEQUATE/ADEQUATE",
                "INDICATORS_ASSESSED=ADEQUATE/ADEQUATE", "HANDOVER_ACKNOWLEDGED=ADEQUATE/ADEQUATE",
                "HOME_INVESTIGATION=ADEQUATE/ADEQUATE");
        assertThat(answers("DEMO-02X")).contains("HOME_COUNTRY_RISK_FIRST=DEFICIENT/DEFICIENT",
                "DEADLINES_KEPT=DEFICIENT/DEFICIENT", "INDICATORS_ASSESSED=ADEQUATE/ADEQUATE");
        assertThat(answers("DEMO-04X")).contains("HOME_COUNTRY_RISK_FIRST=ADEQUATE/DEFICIENT",
                "DEADLINES_KEPT=ADEQUATE/ADEQUATE", "HANDOVER_ACKNOWLEDGED=ADEQUATE/ADEQUATE");

        // Fictional: every demo person has a reservnummer (never a valid personnummer) and an invented name.
        List<String[]> people = jdbc.sql("SELECT identity_kind, identity_number, name FROM person"
                        + " WHERE identity_number LIKE 'DEMO-%' OR name LIKE '%Demo%' OR name LIKE '%Påhitt%'")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list();
        assertThat(people).hasSize(DemoCases.CASES.size());
        for (String[] p : people) {
            assertThat(p[0]).isEqualTo("RESERVNUMMER");
            assertThat(p[1]).startsWith(DemoCases.NUMBER_PREFIX);
            assertThat(IdentityNumber.isValidSwedishNumber(p[1], LocalDate.now())).isFalse();
            assertThat(p[2]).containsAnyOf("Demo", "Påhitt", "Exempel", "Test");
        }

        // Seeding again (a restart on the same data) makes nothing new.
        long cases = count("SELECT count(*) FROM case_file");
        long answers = count("SELECT count(*) FROM review_answer");
        assertThat(demoCases.seed()).isZero();
        assertThat(count("SELECT count(*) FROM case_file")).isEqualTo(cases);
        assertThat(count("SELECT count(*) FROM review")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM review_answer")).isEqualTo(answers);
    }

    @Test
    void theMethodDeveloperSeesTheDeficiencyChartAndEvidencedPrefilledAnswers() {
        UUID review = reviewId();
        Browser metod = new Scenario(new LotsenHttp(port)).signedIn("metod");
        Response results = metod.get("/reviews/" + review + "/results");
        assertThat(results.status()).as(results.body()).isEqualTo(200);
        assertThat(results.body()).contains("chart__bar chart__bar--");
        assertThat(results.body()).containsPattern("chart__bar chart__bar--[1-9]");

        UUID answered = jdbc.sql("SELECT case_id FROM review_answer WHERE review_id = :r AND evidence LIKE"
                        + " 'Polisanmälan registrerad%' LIMIT 1").param("r", review).query(UUID.class).single();
        Response page = metod.get("/reviews/" + review + "/cases/" + answered);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("Polisanmälan registrerad").containsPattern("\\d+ dagar? efter aktualisering");
        assertThat(page.body()).doesNotContain("Demosson").doesNotContain("DEMO-0");
    }
}
