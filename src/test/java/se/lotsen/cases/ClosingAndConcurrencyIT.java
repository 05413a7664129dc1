package se.lotsen.cases;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import se.lotsen.access.LotsenHttp;
import se.lotsen.access.LotsenHttp.Browser;
import se.lotsen.access.LotsenHttp.Response;
import se.lotsen.access.Scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The case keeps its own rules: a case with a custody in force or an open deadline is not closed (on the page, over
 * the API, and not even by the database), until the custody is ended with its reason and the deadlines are finished;
 * and two people changing the same case at the same time never overwrite each other silently: the second is told
 * who changed what, with what they typed kept.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ClosingAndConcurrencyIT {

    private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Scenario scenario;

    @BeforeEach
    void setUp() {
        scenario = new Scenario(new LotsenHttp(port));
    }

    private static String version(String html) {
        Matcher m = VERSION.matcher(html);
        assertThat(m.find()).as("a version in the form").isTrue();
        return m.group(1);
    }

    private String status(UUID id) {
        return jdbc.sql("SELECT status FROM case_file WHERE id = :id").param("id", id).query(String.class).single();
    }

    // -- closing --

    @Test
    void aCaseWithACustodyInForceOrAnOpenDeadlineCannotBeClosed() {
        UUID id = scenario.openChild("jour1", Scenario.name("Omhändertagen"));
        JsonNode custody = scenario.custody("jour1", id);
        Browser jour1 = scenario.signedIn("jour1");

        // The page: one click on "Avsluta ärendet" with a reason is refused and says why.
        Response page = jour1.get("/cases/" + id);
        Response closed = jour1.postForm("/cases/" + id + "/status", Map.of("_csrf",
                LotsenHttp.csrfToken(page.body()), "target", "CLOSED", "reason", "Klart.",
                "version", version(page.body())));
        assertThat(closed.status()).isEqualTo(302);
        String after = jour1.get("/cases/" + id).text();
        assertThat(after).contains("Ärendet kan inte avslutas ännu",
                "Ett omedelbart omhändertagande enligt 6 § LVU", "Tidsfristen enligt 7 § LVU (1990:52)");
        assertThat(status(id)).isEqualTo("OPEN");

        // The API: 409, naming what keeps it open.
        Response api = scenario.http().postJson("/api/v1/cases/" + id + "/close", "{\"reason\":\"Klart.\"}",
                scenario.token("jour1"));
        assertThat(api.status()).as(api.body()).isEqualTo(409);
        assertThat(api.contentType()).startsWith("application/problem+json");
        assertThat(api.json().get("blockers").toString()).contains("6 § LVU", "7 § LVU");
        assertThat(status(id)).isEqualTo("OPEN");

        // Not even the database lets it be closed.
        assertThatThrownBy(() -> jdbc.sql("UPDATE case_file SET status = 'CLOSED' WHERE id = :id").param("id", id)
                .update()).isInstanceOf(DataAccessException.class).hasMessageContaining("cannot be closed");

        // The deadlines stay on the board while the custody is in force.
        String caseNumber = scenario.http().get("/api/v1/cases/" + id, scenario.token("jour1")).json()
                .get("caseNumber").asString();
        // (The board shows 25 a page; the case's own are found by its number.)
        assertThat(jour1.get("/deadlines?days=30&q=" + caseNumber).text()).contains(caseNumber);

        // Ended with its reason, the custody's deadlines close; the child-protection times are met; then it closes.
        String decisionId = custody.get("id").asString();
        Response ended = scenario.http().postJson("/api/v1/cases/" + id + "/decisions/" + decisionId + "/end",
                "{\"reason\":\"GROUNDS_CEASED\",\"endedAt\":\"" + Scenario.minutesAgo(10) + "\"}",
                scenario.token("jour1"));
        assertThat(ended.status()).as(ended.body()).isEqualTo(200);
        Response stillOpen = scenario.http().postJson("/api/v1/cases/" + id + "/close", "{\"reason\":\"Klart.\"}",
                scenario.token("jour1"));
        assertThat(stillOpen.status()).as("the child-protection deadlines are still open").isEqualTo(409);
        assertThat(stillOpen.json().get("blockers").toString()).doesNotContain("6 § LVU (beslutat");
        JsonNode deadlines = scenario.http().get("/api/v1/cases/" + id + "/deadlines", scenario.token("jour1")).json();
        for (JsonNode d : deadlines) {
            if (d.get("status").asString().equals("PENDING") || d.get("status").asString().equals("OVERDUE")) {
                Response met = scenario.http().postJson("/api/v1/cases/" + id + "/deadlines/" + d.get("id").asString()
                        + "/met", "{\"on\":\"" + java.time.LocalDate.now(java.time.ZoneId.of("Europe/Stockholm"))
                        + "\",\"evidence\":\"Klart\"}", scenario.token("jour1"));
                assertThat(met.status()).as(met.body()).isEqualTo(200);
            }
        }
        Response done = scenario.http().postJson("/api/v1/cases/" + id + "/close", "{\"reason\":\"Klart.\"}",
                scenario.token("jour1"));
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().get("status").asString()).isEqualTo("CLOSED");
    }

    // -- concurrent changes --

    @Test
    void aConcurrentChangeIsRefusedWithWhoChangedWhatAndTheTypedValuesKept() {
        UUID id = scenario.openChild("jour1", Scenario.name("Samtidig"));
        Browser jour1 = scenario.signedIn("jour1");
        Browser jour2 = scenario.signedIn("jour2");
        // Both open the protection assessment.
        Response form1 = jour1.get("/cases/" + id + "/protection");
        Response form2 = jour2.get("/cases/" + id + "/protection");
        assertThat(version(form1.body())).isEqualTo(version(form2.body()));

        Response first = jour2.postForm("/cases/" + id + "/protection", Map.of("_csrf",
                LotsenHttp.csrfToken(form2.body()), "outcome", "NO_IMMEDIATE_NEED",
                "notes", "Barnet är hos sin moster.", "version", version(form2.body())));
        assertThat(first.status()).isEqualTo(302);

        Response second = jour1.postForm("/cases/" + id + "/protection", Map.of("_csrf",
                LotsenHttp.csrfToken(form1.body()), "outcome", "CUSTODY_DECIDED",
                "notes", "Ordföranden beslutade om omhändertagande.", "version", version(form1.body())));
        assertThat(second.status()).isEqualTo(200);
        String page = second.text();
        assertThat(page).contains("Någon annan ändrade medan du arbetade: Karim Nasser", "skyddsbedömningen",
                "Ordföranden beslutade om omhändertagande.");
        assertThat(jdbc.sql("SELECT protection_notes FROM case_file WHERE id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("Barnet är hos sin moster.");

        // Sent again after reading the message, with the version now in the form, it is saved.
        Response again = jour1.postForm("/cases/" + id + "/protection", Map.of("_csrf",
                LotsenHttp.csrfToken(second.body()), "outcome", "CUSTODY_DECIDED",
                "notes", "Ordföranden beslutade om omhändertagande.", "version", version(second.body())));
        assertThat(again.status()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT protection_outcome FROM case_file WHERE id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("CUSTODY_DECIDED");

        // Over the API, a close with the version read before a change answers 409.
        JsonNode read = scenario.http().get("/api/v1/cases/" + id, scenario.token("jour1")).json();
        int version = read.get("version").asInt();
        Response taken = jour2.postForm("/cases/" + id + "/assign", Map.of("_csrf",
                LotsenHttp.csrfToken(jour2.get("/cases/" + id).body()), "version", String.valueOf(version)));
        assertThat(taken.status()).isEqualTo(302);
        Response stale = scenario.http().postJson("/api/v1/cases/" + id + "/close",
                "{\"reason\":\"Klart.\",\"version\":" + version + "}", scenario.token("jour1"));
        assertThat(stale.status()).as(stale.body()).isEqualTo(409);
        assertThat(stale.json().get("detail").asString()).contains("Karim Nasser");
    }
}
