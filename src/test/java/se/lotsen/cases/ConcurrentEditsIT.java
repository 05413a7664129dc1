package se.lotsen.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import se.lotsen.access.HtmlForms;
import se.lotsen.access.LotsenHttp;
import se.lotsen.access.LotsenHttp.Browser;
import se.lotsen.access.LotsenHttp.Response;
import se.lotsen.access.Scenario;

/**
 * Two users editing the same thing at once (issue 13, "Faults"): no lost update. Each user is a browser of their own
 * (own session) that loads the form and sends it as a browser would, hidden fields included. Of two writes on the same
 * version exactly one is saved; the other comes back with who changed it and when, the winner's value shown and the
 * loser's input kept. For checklist steps, the person and the case's own forms; and a true race, many rounds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConcurrentEditsIT {

    private static final String STEP = "polis-kontakt";
    private static final String CONFLICT = "Någon annan ändrade medan du arbetade";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Scenario scenario;

    @BeforeEach
    void setUp() {
        scenario = new Scenario(new LotsenHttp(port));
    }

    private static Response get(Browser browser, String path) {
        Response page = browser.get(path);
        assertThat(page.status()).as("GET %s: %s", path, page.body()).isEqualTo(200);
        return page;
    }

    private String stepContact(UUID id) {
        return jdbc.sql("SELECT field_values ->> 'kontaktperson' FROM checklist_item WHERE case_id = :c AND step_key = :k")
                .param("c", id).param("k", STEP).query(String.class).single();
    }

    private static Map<String, String> done(String contact) {
        return Map.of("status", "DONE", "fields[kontaktperson]", contact, "fields[forhor]", "", "reason", "");
    }

    @Test
    void twoUsersSettingTheSameStepOneWinsTheOtherIsToldWithTheWinnersValueAndKeepsTheirInput() {
        UUID id = scenario.openChild("jour1", Scenario.name("Stegkrock"));
        Browser elin = scenario.signedIn("jour1");
        Browser karim = scenario.signedIn("jour2");
        String path = "/cases/" + id + "/steps/" + STEP;
        var elinForm = HtmlForms.fields(get(elin, path).body(), path, done("Inspektör Lind, Citypolisen"));
        var karimForm = HtmlForms.fields(get(karim, path).body(), path, done("Inspektör Holm, Norrmalm"));
        assertThat(HtmlForms.value(elinForm, "version")).isEqualTo(HtmlForms.value(karimForm, "version"));

        Response first = karim.postForm(path, karimForm);
        assertThat(first.status()).as(first.body()).isEqualTo(302);
        Response second = elin.postForm(path, elinForm);
        assertThat(second.status()).as("the stale write is refused").isEqualTo(200);
        var page = Jsoup.parse(second.body());
        assertThat(page.select(".error-summary").text()).contains(CONFLICT + ": Karim Nasser", "steget i checklistan");
        assertThat(page.select(".step-conflict-theirs").text()).contains("Inspektör Holm, Norrmalm", "Klar");
        assertThat(page.select(".step-conflict-yours").text()).contains("Inspektör Lind, Citypolisen");
        assertThat(stepContact(id)).isEqualTo("Inspektör Holm, Norrmalm");

        // Read, Elin reopens the step with the version now in the form: that is saved.
        var reopen = HtmlForms.fields(second.body(), path, Map.of("status", "OPEN"));
        assertThat(HtmlForms.value(reopen, "version")).isNotEqualTo(HtmlForms.value(elinForm, "version"));
        Response again = elin.postForm(path, reopen);
        assertThat(again.status()).as(again.body()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT status FROM checklist_item WHERE case_id = :c AND step_key = :k")
                .param("c", id).param("k", STEP).query(String.class).single()).isEqualTo("OPEN");
    }

    @Test
    void theApiRefusesAStaleStepWriteWith409AndTakesTheVersionItRead() {
        UUID id = scenario.openChild("jour1", Scenario.name("Stegapi"));
        String jour1 = scenario.token("jour1");
        JsonNode item = step(scenario.http().get("/api/v1/cases/" + id, jour1).json());
        int version = item.get("version").asInt();
        Response first = scenario.http().postJson("/api/v1/cases/" + id + "/checklist/" + STEP,
                "{\"status\":\"DONE\",\"fields\":{\"kontaktperson\":\"Inspektör Ek\"},\"version\":" + version + "}",
                scenario.token("jour2"));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("version").asInt()).isEqualTo(version + 1);
        Response stale = scenario.http().postJson("/api/v1/cases/" + id + "/checklist/" + STEP,
                "{\"status\":\"NOT_APPLICABLE\",\"reason\":\"Ingen kontakt.\",\"version\":" + version + "}", jour1);
        assertThat(stale.status()).as(stale.body()).isEqualTo(409);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(stale.json().get("detail").asString()).contains("Karim Nasser");
        assertThat(stepContact(id)).isEqualTo("Inspektör Ek");
    }

    private static JsonNode step(JsonNode caseJson) {
        for (JsonNode i : caseJson.get("checklist")) {
            if (i.get("key").asString().equals(STEP)) {
                return i;
            }
        }
        throw new AssertionError("no step " + STEP + " in " + caseJson);
    }

    @Test
    void twoUsersEditingThePersonOneWinsTheOtherIsToldAndKeepsTheirInput() {
        UUID id = scenario.openChild("jour1", Scenario.name("Personkrock"));
        Browser elin = scenario.signedIn("jour1");
        Browser karim = scenario.signedIn("jour2");
        String path = "/cases/" + id + "/person";
        var elinForm = HtmlForms.fields(get(elin, path).body(), path, Map.of("languages", "rumänska"));
        var karimForm = HtmlForms.fields(get(karim, path).body(), path, Map.of("languages", "engelska"));

        Response first = karim.postForm(path, karimForm);
        assertThat(first.status()).as(first.body()).isEqualTo(302);
        Response second = elin.postForm(path, elinForm);
        assertThat(second.status()).isEqualTo(200);
        var page = Jsoup.parse(second.body());
        assertThat(page.select(".error-summary").text()).contains(CONFLICT + ": Karim Nasser",
                "uppgifterna om personen");
        assertThat(page.selectFirst("input[name=languages]").val()).as("Elin's input kept").isEqualTo("rumänska");
        assertThat(jdbc.sql("SELECT p.languages FROM person p JOIN case_file c ON c.person_id = p.id WHERE c.id = :id")
                .param("id", id).query(String.class).single()).isEqualTo("engelska");
    }

    @Test
    void twoUsersEditingTheCasesProtectionAssessmentOneWinsTheOtherIsTold() {
        UUID id = scenario.openChild("jour1", Scenario.name("Ärendekrock"));
        Browser elin = scenario.signedIn("jour1");
        Browser karim = scenario.signedIn("jour2");
        String path = "/cases/" + id + "/protection";
        var elinForm = HtmlForms.fields(get(elin, path).body(), path,
                Map.of("outcome", "NO_IMMEDIATE_NEED", "notes", "Hos sin moster, trygg."));
        var karimForm = HtmlForms.fields(get(karim, path).body(), path,
                Map.of("outcome", "NO_IMMEDIATE_NEED", "notes", "Moster hämtar i kväll."));
        assertThat(karim.postForm(path, karimForm).status()).isEqualTo(302);
        Response second = elin.postForm(path, elinForm);
        assertThat(second.status()).isEqualTo(200);
        assertThat(Jsoup.parse(second.body()).select(".error-summary").text()).contains(CONFLICT + ": Karim Nasser");
        assertThat(second.body()).contains("Hos sin moster, trygg.");
        assertThat(jdbc.sql("SELECT protection_notes FROM case_file WHERE id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("Moster hämtar i kväll.");
    }

    /**
     * A true race: in each round both users load the open step, wait at a barrier and send at once. Every round,
     * exactly one is saved and the other is told; the stored value is the winner's, never a mix and never lost.
     */
    @Test
    void aTrueRaceOnTheSameStepNeverLosesAnUpdate() throws Exception {
        UUID id = scenario.openChild("jour1", Scenario.name("Kapplopp"));
        Browser elin = scenario.signedIn("jour1");
        Browser karim = scenario.signedIn("jour2");
        String jour1 = scenario.token("jour1");
        String path = "/cases/" + id + "/steps/" + STEP;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 15; round++) {
                String elinValue = "Elin runda " + round;
                String karimValue = "Karim runda " + round;
                var elinForm = HtmlForms.fields(get(elin, path).body(), path, done(elinValue));
                var karimForm = HtmlForms.fields(get(karim, path).body(), path, done(karimValue));
                CyclicBarrier barrier = new CyclicBarrier(2);
                Callable<Response> elinSends = () -> {
                    barrier.await(30, TimeUnit.SECONDS);
                    return elin.postForm(path, elinForm);
                };
                Callable<Response> karimSends = () -> {
                    barrier.await(30, TimeUnit.SECONDS);
                    return karim.postForm(path, karimForm);
                };
                Future<Response> e = pool.submit(elinSends);
                Future<Response> k = pool.submit(karimSends);
                Response er = e.get(60, TimeUnit.SECONDS);
                Response kr = k.get(60, TimeUnit.SECONDS);
                List<Integer> statuses = new ArrayList<>(List.of(er.status(), kr.status()));
                assertThat(statuses).as("round %d: one saved, one refused", round).containsExactlyInAnyOrder(302, 200);
                Response loser = er.status() == 200 ? er : kr;
                String winnerValue = er.status() == 302 ? elinValue : karimValue;
                String winnerName = er.status() == 302 ? "Elin Berg" : "Karim Nasser";
                assertThat(Jsoup.parse(loser.body()).select(".error-summary").text()).as("round %d", round)
                        .contains(CONFLICT + ": " + winnerName);
                assertThat(stepContact(id)).as("round %d: the winner's value", round).isEqualTo(winnerValue);
                // The next round starts from an open step again.
                Response reopened = scenario.http().postJson("/api/v1/cases/" + id + "/checklist/" + STEP,
                        "{\"status\":\"OPEN\"}", jour1);
                assertThat(reopened.status()).as(reopened.body()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
