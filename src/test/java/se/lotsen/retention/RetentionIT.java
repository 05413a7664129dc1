package se.lotsen.retention;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import se.lotsen.access.LotsenHttp;
import se.lotsen.access.LotsenHttp.Browser;
import se.lotsen.access.LotsenHttp.Response;
import se.lotsen.access.Scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Gallring in a database of its own (runs look years ahead and erase every file that is due there): a closed file is
 * erased whole five years after its last note, with its signed journal, contacts and questions, and nothing of another
 * file; a report run erases nothing; an open case keeps its file; LVU files and the research sample are kept, a child
 * file closed under 16 kap. 2 a § until the person is 30 (and while the birth date is unknown); the audit trail and
 * the statistics stay; every table with case or person data is known to the erasure; and the auditors see the runs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "lotsen.test.isolation=retention")
class RetentionIT {

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    @LocalServerPort
    int port;

    @Autowired
    Retention retention;

    @Autowired
    JdbcClient jdbc;

    Scenario scenario;

    @BeforeEach
    void setUp() {
        scenario = new Scenario(new LotsenHttp(port));
    }

    private static LocalDate today() {
        return LocalDate.now(SWEDEN);
    }

    /** A valid personnummer (12 digits) for the birth date: Luhn check digit over the ten-digit form. */
    static String personnummer(LocalDate born, int birthNumber) {
        String nine = born.format(DateTimeFormatter.ofPattern("yyMMdd")) + String.format("%03d", birthNumber);
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int d = (nine.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += d > 9 ? d - 9 : d;
        }
        return born.format(DateTimeFormatter.ofPattern("yyyy")).substring(0, 2) + nine + ((10 - sum % 10) % 10);
    }

    private static int birthNumbers = 100 + (int) (Math.random() * 800);

    private UUID openAdult(String name, LocalDate born) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("type", "ADULT");
        subject.put("name", name);
        if (born != null) {
            subject.put("identityKind", "PERSONNUMMER");
            subject.put("identityNumber", personnummer(born, birthNumbers++));
        }
        Map<String, Object> body = Map.of("subject", subject, "receivedAt", Scenario.minutesAgo(300),
                "channel", "POLICE_PL12");
        Response r = scenario.http().postJson("/api/v1/cases", LotsenHttp.toJson(body), scenario.token("jour1"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return UUID.fromString(r.json().get("id").asString());
    }

    private UUID openChild(String name, LocalDate born) {
        Map<String, Object> subject = new LinkedHashMap<>();
        if (born != null) {
            subject.put("identityKind", "PERSONNUMMER");
            subject.put("identityNumber", personnummer(born, birthNumbers++));
            subject.put("statedAge", (int) ChronoUnit.YEARS.between(born, today()));
        }
        return UUID.fromString(scenario.openChild("jour1", name, subject).get("id").asString());
    }

    /** Meets every open deadline of the case and closes it. */
    private void close(UUID id) {
        String token = scenario.token("jour1");
        for (JsonNode d : scenario.http().get("/api/v1/cases/" + id + "/deadlines", token).json()) {
            String status = d.get("status").asString();
            if (status.equals("PENDING") || status.equals("OVERDUE")) {
                Response met = scenario.http().postJson("/api/v1/cases/" + id + "/deadlines/" + d.get("id").asString()
                        + "/met", "{\"on\":\"" + today() + "\",\"evidence\":\"Klart\"}", token);
                assertThat(met.status()).as(met.body()).isEqualTo(200);
            }
        }
        Response closed = scenario.http().postJson("/api/v1/cases/" + id + "/close", "{\"reason\":\"Klart.\"}", token);
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
    }

    private void journal(UUID id, String text) {
        Browser jour1 = scenario.signedIn("jour1");
        Response saved = Scenario.submit(jour1, "/cases/" + id + "/journal/new", "/cases/" + id + "/journal", Map.of(
                "occurredAt", LocalDateTime.now(SWEDEN).minusMinutes(5).truncatedTo(ChronoUnit.MINUTES).toString(),
                "text", text));
        assertThat(saved.status()).as(saved.body()).isIn(302, 303);
    }

    private UUID personOf(UUID caseId) {
        return jdbc.sql("SELECT person_id FROM case_file WHERE id = :id").param("id", caseId).query(UUID.class)
                .single();
    }

    private String caseNumber(UUID caseId) {
        return jdbc.sql("SELECT case_number FROM case_file WHERE id = :id").param("id", caseId).query(String.class)
                .single();
    }

    private boolean exists(UUID person) {
        return jdbc.sql("SELECT count(*) FROM person WHERE id = :id").param("id", person).query(Long.class).single() > 0;
    }

    /** The rows that refer to the case in each table the erasure goes through, where any are left. */
    private Map<String, Long> rowsAbout(UUID caseId, UUID person) {
        Map<String, Long> left = new LinkedHashMap<>();
        for (Erasure.Step step : Erasure.STEPS) {
            String column = columnOf(step.table());
            if (column == null) {
                continue;
            }
            long n = jdbc.sql("SELECT count(*) FROM " + step.table() + " WHERE " + column + " = :id")
                    .param("id", column.equals("person_id") || step.table().equals("person") ? person : caseId)
                    .query(Long.class).single();
            if (n > 0) {
                left.put(step.table(), n);
            }
        }
        return left;
    }

    private String columnOf(String table) {
        return switch (table) {
            case "person" -> "id";
            case "case_file", "case_search" -> "id";
            case "person_name", "person_name_key", "person_history" -> "person_id";
            case "reminder" -> null;
            default -> "case_id";
        };
    }

    @Test
    void aClosedFileIsErasedWholeFiveYearsAfterItsLastNoteAndNothingOfAnotherFile() {
        UUID erased = openAdult(Scenario.name("Gallras"), LocalDate.of(1990, 4, 7));
        journal(erased, "Samtal med den enskilde om boende (fiktivt).");
        scenario.contact("jour1", erased, "OTHER", "Polisen, Citypolisen (lokalpolisområde)",
                "Fiktiv kontakt om gallringstestet.");
        assertThat(scenario.ask("jour1", erased, "Hur gör vi med boendet? (fiktivt)", false).status()).isEqualTo(201);
        close(erased);
        UUID person = personOf(erased);
        String number = caseNumber(erased);
        UUID open = openAdult(Scenario.name("Pågående"), LocalDate.of(1985, 8, 9));
        UUID openPerson = personOf(open);
        assertThat(rowsAbout(erased, person)).containsKeys("journal_entry", "cooperation_contact", "question",
                "case_status_change", "case_file", "person", "person_name");
        long auditBefore = jdbc.sql("SELECT count(*) FROM audit_entry WHERE record_id = :id")
                .param("id", erased.toString()).query(Long.class).single();
        assertThat(auditBefore).isPositive();

        // Today nothing is due: a report that lists nothing finishes like any other run.
        RetentionRun none = retention.run(today(), RetentionMode.REPORT);
        assertThat(none.finishedAt()).as("finished").isNotNull();
        assertThat(none.failure()).isNull();
        assertThat(none.filesDue()).isZero();
        // Four years on nothing is due; a report five years and a day on lists the file and erases nothing.
        RetentionRun early = retention.run(today().plusYears(4), RetentionMode.ERASE);
        assertThat(exists(person)).isTrue();
        assertThat(retention.files(early.id(), number, se.lotsen.common.Paging.of(null, null)).total()).isZero();
        LocalDate due = today().plusYears(5).plusDays(2);
        RetentionRun report = retention.run(due, RetentionMode.REPORT);
        assertThat(report.filesDue()).isPositive();
        assertThat(report.filesErased()).isZero();
        var listed = retention.files(report.id(), number, se.lotsen.common.Paging.of(null, null));
        assertThat(listed.items()).singleElement().satisfies(f -> {
            assertThat(f.caseNumbers()).isEqualTo(number);
            assertThat(f.erased()).isFalse();
            assertThat(f.latestOn()).isEqualTo(LocalDate.of(f.dueOn().getYear() + 1, 12, 31));
        });
        assertThat(exists(person)).as("a report erases nothing").isTrue();

        // Erasure: the whole file goes, signed journal entries too; the open case's file stays.
        RetentionRun run = retention.run(due, RetentionMode.ERASE);
        assertThat(run.failure()).isNull();
        assertThat(run.filesErased()).isPositive();
        assertThat(run.casesErased()).isGreaterThanOrEqualTo(run.filesErased());
        assertThat(rowsAbout(erased, person)).as("rows left of the erased file").isEmpty();
        assertThat(exists(openPerson)).as("a file with an open case").isTrue();
        assertThat(rowsAbout(open, openPerson)).containsKeys("case_file", "person");
        assertThat(retention.files(run.id(), number, se.lotsen.common.Paging.of(null, null)).items())
                .singleElement().satisfies(f -> assertThat(f.erased()).isTrue());
        assertThat(retention.files(report.id(), null, se.lotsen.common.Paging.of(null, null)).total())
                .as("only the latest report keeps its list").isZero();

        // What stays: the audit trail (and a new entry for the run), and the statistics' facts, which name no one.
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE record_id = :id").param("id", erased.toString())
                .query(Long.class).single()).isEqualTo(auditBefore);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'ERASE' AND record_type = 'RETENTION_RUN'"
                + " AND record_id = :id").param("id", run.id().toString()).query(Long.class).single()).isEqualTo(1);
        org.awaitility.Awaitility.await().untilAsserted(() -> assertThat(jdbc.sql(
                "SELECT count(*) FROM reporting_case WHERE case_id = :id").param("id", erased)
                .query(Long.class).single()).isEqualTo(1));
        assertThat(jdbc.sql("SELECT count(*) FROM retention_run_file WHERE case_numbers LIKE '%Gallras%'")
                .query(Long.class).single()).as("no names in the record").isZero();
    }

    @Test
    void lvuFilesTheResearchSampleAndChildFilesUntilThirtyAreKept() {
        // A child with an LVU custody (ended) and a placement: never erased.
        UUID custody = openChild(Scenario.name("Omhändertagen"), LocalDate.of(2011, 6, 8));
        JsonNode decision = scenario.custody("jour1", custody);
        scenario.placement("jour1", custody, "Placerad (fiktivt).");
        Response ended = scenario.http().postJson("/api/v1/cases/" + custody + "/decisions/"
                        + decision.get("id").asString() + "/end",
                "{\"reason\":\"GROUNDS_CEASED\",\"endedAt\":\"" + Scenario.minutesAgo(10) + "\"}",
                scenario.token("jour1"));
        assertThat(ended.status()).as(ended.body()).isEqualTo(200);
        close(custody);
        // Born on the 15th: the research sample.
        UUID research = openAdult(Scenario.name("Forskning"), LocalDate.of(1979, 11, 15));
        close(research);
        // A child closed now (after 2026-01-15): kept until 30; one without a birth date: kept.
        LocalDate born = LocalDate.of(2012, 3, 7);
        UUID child = openChild(Scenario.name("Barn"), born);
        close(child);
        UUID unknown = openChild(Scenario.name("Okänd"), null);
        close(unknown);

        RetentionRun beforeThirty = retention.run(born.plusYears(30).minusDays(1), RetentionMode.ERASE);
        assertThat(beforeThirty.keptPlacement()).isPositive();
        assertThat(beforeThirty.keptResearch()).isPositive();
        assertThat(beforeThirty.keptUntilAge()).isPositive();
        assertThat(beforeThirty.keptBirthUnknown()).isPositive();
        for (UUID kept : List.of(custody, research, child, unknown)) {
            assertThat(rowsAbout(kept, personOf(kept))).as("kept: %s", kept).containsKeys("case_file", "person");
        }
        UUID childPerson = personOf(child);
        retention.run(born.plusYears(30), RetentionMode.ERASE);
        assertThat(exists(childPerson)).as("erased on the 30th birthday").isFalse();
        for (UUID kept : List.of(custody, research, unknown)) {
            assertThat(exists(personOf(kept))).isTrue();
        }
    }

    @Test
    void aReportWhoseFilesMustSoonBeErasedTellsTheAuditorsOnceAWeek() {
        UUID id = openAdult(Scenario.name("Påminnelse"), LocalDate.of(1966, 2, 3));
        close(id);
        // Due five years and a day on; the law's last day is the end of the next year. A report in that December
        // (erasure off) warns; a second report the same week does not warn again.
        LocalDate due = today().plusYears(5).plusDays(1);
        LocalDate december = LocalDate.of(due.getYear() + 1, 12, 1)
                .with(java.time.temporal.TemporalAdjusters.nextOrSame(java.time.DayOfWeek.WEDNESDAY));
        long before = warnings();
        RetentionRun early = retention.run(due, RetentionMode.REPORT);
        assertThat(early.filesDue()).isPositive();
        retention.run(december, RetentionMode.REPORT);
        org.awaitility.Awaitility.await().untilAsserted(() -> assertThat(warnings()).isEqualTo(before + 1));
        retention.run(december.plusDays(1), RetentionMode.REPORT);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM notification n JOIN account a ON a.id = n.account_id
                        WHERE a.username = 'granskare' AND n.message_key = 'notification.retentionDue'""")
                .query(Long.class).single()).isEqualTo(before + 1);
        Browser auditor = scenario.signedIn("granskare");
        assertThat(auditor.get("/notifications").text()).contains("ska gallras", "rapportläge");
    }

    /** The auditor's warnings that files must soon be erased. */
    private long warnings() {
        return jdbc.sql("""
                        SELECT count(*) FROM notification n JOIN account a ON a.id = n.account_id
                        WHERE a.username = 'granskare' AND n.message_key = 'notification.retentionDue'""")
                .query(Long.class).single();
    }

    @Test
    void theJournalStaysAppendOnlyOutsideGallring() {
        UUID id = openAdult(Scenario.name("Journal"), null);
        journal(id, "En signerad anteckning (fiktiv).");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM journal_entry WHERE case_id = :id").param("id", id).update())
                .isInstanceOf(DataAccessException.class).hasStackTraceContaining("cannot be changed or removed");
        assertThatThrownBy(() -> jdbc.sql("UPDATE journal_entry SET text = 'ändrad' WHERE case_id = :id")
                .param("id", id).update()).isInstanceOf(DataAccessException.class);
    }

    @Test
    void theErasureKnowsEveryTableThatHoldsACaseOrAPerson() {
        Set<String> holders = new TreeSet<>(jdbc.sql("""
                        SELECT DISTINCT c.table_name FROM information_schema.columns c
                        JOIN information_schema.tables t ON t.table_name = c.table_name
                            AND t.table_schema = c.table_schema AND t.table_type = 'BASE TABLE'
                        WHERE c.table_schema = current_schema() AND c.column_name IN ('case_id', 'person_id')""")
                .query(String.class).list());
        holders.addAll(jdbc.sql("""
                        SELECT DISTINCT tc.table_name FROM information_schema.table_constraints tc
                        JOIN information_schema.constraint_column_usage u ON u.constraint_name = tc.constraint_name
                            AND u.constraint_schema = tc.constraint_schema
                        WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = current_schema()
                          AND u.table_name IN ('case_file', 'person', 'deadline', 'decision', 'journal_entry')""")
                .query(String.class).list());
        Set<String> known = new TreeSet<>(Erasure.KEPT);
        Erasure.STEPS.forEach(s -> known.add(s.table()));
        List<String> unknown = new ArrayList<>(holders);
        unknown.removeAll(known);
        assertThat(unknown).as("tables with case or person data that gallring does not know; add them to Erasure")
                .isEmpty();
        List<String> missing = new ArrayList<>(known);
        missing.removeAll(jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = "
                + "current_schema()").query(String.class).list());
        assertThat(missing).as("tables named in Erasure that do not exist").isEmpty();
    }

    @Test
    void theAuditorsSeeTheRulesTheRunsAndAnErasedFilesCaseNumberOthersDoNot() {
        UUID id = openAdult(Scenario.name("Sidan"), LocalDate.of(1970, 1, 9));
        close(id);
        String number = caseNumber(id);
        RetentionRun run = retention.run(today().plusYears(6), RetentionMode.ERASE);

        Browser auditor = scenario.signedIn("granskare");
        String list = auditor.get("/audit/retention").text();
        assertThat(list).contains("Gallring", "16 kap. 1 § SoL (2025:400)", "16 kap. 2 a § SoL (2025:400)",
                "7 kap. 2 § socialtjänstförordningen", "Rapportläge");
        Response page = auditor.get("/audit/retention/" + run.id() + "?q=" + number);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains(number, "Gallrad");
        assertThat(auditor.get("/audit/retention/" + run.id() + "?q=finns-inte").text()).contains("Inget hittades")
                .doesNotContain(number);
        assertThat(auditor.get("/audit/retention/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(auditor.get("/audit/retention/inte-ett-id").status()).isIn(400, 404);
        // A page after the last (an old link) says so and leads back, in both languages.
        Response past = auditor.get("/audit/retention?page=999");
        assertThat(past.status()).isEqualTo(200);
        assertThat(past.text()).contains("Sidan 1000 finns inte", "Första sidan").doesNotContain("0–0 av");
        assertThat(scenario.signedIn("jour1").get("/audit/retention").status()).isEqualTo(403);
    }
}
