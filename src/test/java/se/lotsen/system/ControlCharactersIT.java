package se.lotsen.system;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
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
import se.lotsen.access.LotsenHttp.Browser;
import se.lotsen.access.LotsenHttp.Response;
import se.lotsen.access.Scenario;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text with a control character, as a pasted binary, a broken integration or an attacker sends it: a NUL byte (which
 * PostgreSQL cannot store), a bell, an escape. Every way in refuses it with the field named, never with a server
 * error, and nothing is saved; tabs and line breaks are text and pass.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ControlCharactersIT {

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Scenario scenario;
    LotsenHttp http;

    @BeforeEach
    void setUp() {
        http = new LotsenHttp(port);
        scenario = new Scenario(http);
    }

    @Test
    void theApiNamesTheFieldAndSavesNothing() {
        String token = scenario.token("jour1");
        long casesBefore = jdbc.sql("SELECT count(*) FROM case_file").query(Long.class).single();
        for (String bad : List.of("Nadia\u0000Petrova", "Nadia\u0007Petrova", "Nadia\u001bPetrova",
                "Nadia\u0085Petrova")) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("subject", Map.of("type", "CHILD", "name", bad, "statedAge", 15));
            body.put("receivedAt", Scenario.minutesAgo(60));
            body.put("summary", "Polisen ringde.\n\tOmhändertagen vid centralen.");
            Response r = http.postJson("/api/v1/cases", LotsenHttp.toJson(body), token);
            assertThat(r.status()).as("%s: %s", escaped(bad), r.body()).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
            JsonNode errors = r.json().get("errors");
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0).get("field").asString()).isEqualTo("subject.name");
            assertThat(errors.get(0).get("message").asString()).contains("control character");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM case_file").query(Long.class).single()).isEqualTo(casesBefore);

        // Deeper in a body: an item of a list, a value of a map.
        UUID caseId = scenario.openChild("jour1", Scenario.name("Ioana"));
        Response step = http.postJson("/api/v1/cases/" + caseId + "/checklist/polisanmalan",
                LotsenHttp.toJson(Map.of("status", "DONE", "fields", Map.of("diarienummer", "5000-K\u0000"))), token);
        assertThat(step.status()).as(step.body()).isEqualTo(400);
        assertThat(step.json().get("errors").get(0).get("field").asString()).isEqualTo("fields.diarienummer");

        Response question = scenario.ask("jour1", caseId, "Hur gör vi nu?\u0000", true);
        assertThat(question.status()).as(question.body()).isEqualTo(400);
        assertThat(question.json().get("errors").get(0).get("field").asString()).isEqualTo("text");
        assertThat(jdbc.sql("SELECT count(*) FROM question WHERE case_id = :c").param("c", caseId)
                .query(Long.class).single()).isZero();

        // Line breaks and tabs are text.
        Response fine = scenario.ask("jour1", caseId, "Rad ett.\r\n\tRad två.", false);
        assertThat(fine.status()).as(fine.body()).isEqualTo(201);
    }

    @Test
    void aFormKeepsWhatWasTypedAndShowsTheProblemAtTheField() {
        UUID caseId = scenario.openChild("jour1", Scenario.name("Lejla"));
        Browser jour1 = scenario.signedIn("jour1");
        String journal = "/cases/" + caseId + "/journal";
        long entriesBefore = entries(caseId);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("occurredAt", LocalDateTime.now(SWEDEN).truncatedTo(ChronoUnit.MINUTES).minusMinutes(5).toString());
        form.put("text", "Samtal med flickan\u0000 via tolk.");
        form.put("corrects", "");
        Response r = Scenario.submit(jour1, journal + "/new", journal, form);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        String page = r.text();
        assertThat(page).contains("Det finns fel i formuläret")
                .contains("innehåller ett styrtecken som inte kan sparas")
                .contains("Samtal med flickan");
        assertThat(entries(caseId)).isEqualTo(entriesBefore);
    }

    /** Not a control character, the same path: a value that does not convert (a time typed by hand, wrongly). */
    @Test
    void aFormWithAValueThatDoesNotConvertComesBackWithTheError() {
        UUID caseId = scenario.openChild("jour1", Scenario.name("Dragana"));
        Browser jour1 = scenario.signedIn("jour1");
        String journal = "/cases/" + caseId + "/journal";
        Map<String, String> form = new LinkedHashMap<>();
        form.put("occurredAt", "i går kväll");
        form.put("text", "Samtal med pojken.");
        form.put("corrects", "");
        Response r = Scenario.submit(jour1, journal + "/new", journal, form);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.text()).contains("Det finns fel i formuläret")
                .contains("Samtal med pojken.");
    }

    @Test
    void aSearchParameterIsRefusedNotTurnedIntoAServerError() {
        Browser jour1 = scenario.signedIn("jour1");
        for (String bad : List.of("\u0000", "Amina\u0000", "\u0007")) {
            Response page = jour1.get("/cases?q=" + URLEncoder.encode(bad, StandardCharsets.UTF_8));
            assertThat(page.status()).as(escaped(bad)).isEqualTo(400);
            assertThat(page.body()).doesNotContain("Exception").doesNotContain("SQL");
            Response api = http.get("/api/v1/cases?query=" + URLEncoder.encode(bad, StandardCharsets.UTF_8),
                    scenario.token("jour1"));
            assertThat(api.status()).as(api.body()).isEqualTo(400);
            assertThat(api.json().get("errors").get(0).get("field").asString()).isEqualTo("query");
            Response persons = http.get("/api/v1/persons?name=" + URLEncoder.encode(bad, StandardCharsets.UTF_8),
                    scenario.token("jour1"));
            assertThat(persons.status()).as(persons.body()).isEqualTo(400);
        }
    }

    private long entries(UUID caseId) {
        return jdbc.sql("SELECT count(*) FROM journal_entry WHERE case_id = :c").param("c", caseId)
                .query(Long.class).single();
    }

    private static String escaped(String s) {
        StringBuilder b = new StringBuilder();
        s.chars().forEach(c -> b.append(c < 32 || (c >= 127 && c < 160) ? String.format("\\u%04x", c) : (char) c));
        return b.toString();
    }
}
