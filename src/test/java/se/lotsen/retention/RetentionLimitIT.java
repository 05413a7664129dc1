package se.lotsen.retention;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import se.lotsen.access.LotsenHttp;
import se.lotsen.access.Scenario;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gallring with a limit of two files per run, read two at a time: five due files are erased over three runs, each run
 * counting the ones it leaves, and no file is judged twice or skipped at a batch's edge.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {"lotsen.test.isolation=retention-limit", "lotsen.retention.max-files-per-run=2",
        "lotsen.retention.batch-size=2"})
class RetentionLimitIT {

    @LocalServerPort
    int port;

    @Autowired
    Retention retention;

    @Autowired
    JdbcClient jdbc;

    @Test
    void fiveDueFilesAreErasedTwoARunAndTheRestCountedAsLeft() {
        Scenario scenario = new Scenario(new LotsenHttp(port));
        String token = scenario.token("jour1");
        List<UUID> people = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String body = """
                    {"subject":{"type":"ADULT","name":"%s"},"receivedAt":"%s","channel":"POLICE_PL12"}"""
                    .formatted(Scenario.name("Gräns"), Scenario.minutesAgo(300));
            UUID id = UUID.fromString(scenario.http().postJson("/api/v1/cases", body, token).json().get("id")
                    .asString());
            assertThat(scenario.http().postJson("/api/v1/cases/" + id + "/close", "{\"reason\":\"Klart.\"}", token)
                    .status()).isEqualTo(200);
            people.add(jdbc.sql("SELECT person_id FROM case_file WHERE id = :id").param("id", id).query(UUID.class)
                    .single());
        }
        LocalDate day = LocalDate.now(ZoneId.of("Europe/Stockholm")).plusYears(6);

        RetentionRun report = retention.run(day, RetentionMode.REPORT);
        assertThat(report.filesDue()).isEqualTo(5);
        assertThat(report.filesLeft()).as("listed two, counted the rest").isEqualTo(3);
        assertThat(retention.files(report.id(), null, se.lotsen.common.Paging.of(null, null)).total()).isEqualTo(2);

        int[][] expected = {{5, 2, 3}, {3, 2, 1}, {1, 1, 0}};
        for (int[] e : expected) {
            RetentionRun run = retention.run(day, RetentionMode.ERASE);
            assertThat(new int[] {run.filesDue(), run.filesErased(), run.filesLeft()}).isEqualTo(e);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM person WHERE id IN (:ids)").param("ids", people).query(Long.class)
                .single()).isZero();
        assertThat(retention.run(day, RetentionMode.ERASE).filesDue()).isZero();
    }
}
