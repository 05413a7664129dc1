package se.lotsen.retention;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Erases one personakt: every row about the person's cases, then the person and the records merged into them. Runs
 * inside the caller's transaction, after {@code SET LOCAL lotsen.gallring = 'on'}, the one setting the append-only
 * triggers of the journal and the emergency-access log let through (V31).
 *
 * <p>What stays: the audit trail (its own retention; it names no one, only ids and case numbers), the reporting
 * module's facts (no names, identity numbers or birth dates, so the statistics of past years stay right), and a case
 * review's findings, which lose their link to the case.
 */
final class Erasure {

    /**
     * One statement; {@code :cases} is the file's case ids, {@code :persons} the person and the records merged into
     * them, each comma-separated (an empty text is an empty array).
     */
    record Step(String table, String sql) {
    }

    static final List<Step> STEPS = List.of(
            new Step("reminder", "DELETE FROM reminder WHERE deadline_id IN "
                    + "(SELECT id FROM deadline WHERE case_id = ANY(CAST(string_to_array(:cases, ',') AS uuid[])))"),
            new Step("notification", "DELETE FROM notification WHERE case_id = ANY(CAST(string_to_array(:cases, ',') AS uuid[])) OR deadline_id IN "
                    + "(SELECT id FROM deadline WHERE case_id = ANY(CAST(string_to_array(:cases, ',') AS uuid[])))"),
            new Step("deadline", "DELETE FROM deadline WHERE case_id = ANY(CAST(string_to_array(:cases, ',') AS uuid[]))"),
            new Step("court_ruling", "DELETE FROM court_ruling WHERE case_id = ANY(CAST(string_to_array(:cases, ',') AS uuid[]))"),
            new Step("decision", "DELETE FROM decision WHERE case_id = ANY(CAST(string_to_array(:cases, ',') AS uuid[]))"),
            new Step("checklist_item", "DELETE FROM checklist_item WHERE case_id = ANY(CAST(string_to_array(:cases, ',') AS uuid[]))"),
            new Step("checklist", "DELETE FROM checklist WHERE case_id = ANY(CAST(string_to_array(:cases, ',') AS uuid[]))"),
            new Step("case_access", "DELETE FROM case_access WHERE case_id = ANY(CAST(string_to_array(:cases, ',') AS uuid[]))"),
            new Step("case_protected_viewer", "DELETE FROM case_protected_viewer WHERE case_id = ANY(CAST(string_to_array(:cases, ',') AS uuid[]))"),
            new Step("emergency_access", "DELETE FROM emergency_access WHERE case_id = ANY(CAST(string_to_array(:cases, ',') AS uuid[]))"),
            new Step("intake_confirmation", "DELETE FROM intake_confirmation WHERE case_id = ANY(CAST(string_to_array(:cases, ',') AS uuid[]))"),
            new Step("handover", "DELETE FROM handover WHERE case_id = ANY(CAST(string_to_array(:cases, ',') AS uuid[]))"),
            new Step("cooperation_contact", "DELETE FROM cooperation_contact WHERE case_id = ANY(CAST(string_to_array(:cases, ',') AS uuid[]))"),
            new Step("question", "DELETE FROM question WHERE case_id = ANY(CAST(string_to_array(:cases, ',') AS uuid[]))"),
            new Step("review_answer", "DELETE FROM review_answer WHERE case_id = ANY(CAST(string_to_array(:cases, ',') AS uuid[]))"),
            new Step("review_case", "DELETE FROM review_case WHERE case_id = ANY(CAST(string_to_array(:cases, ',') AS uuid[]))"),
            new Step("case_review_access", "DELETE FROM case_review_access WHERE case_id = ANY(CAST(string_to_array(:cases, ',') AS uuid[]))"),
            new Step("review_finding", "UPDATE review_finding SET case_id = NULL WHERE case_id = ANY(CAST(string_to_array(:cases, ',') AS uuid[]))"),
            new Step("case_indicator", "DELETE FROM case_indicator WHERE case_id = ANY(CAST(string_to_array(:cases, ',') AS uuid[]))"),
            new Step("case_status_change", "DELETE FROM case_status_change WHERE case_id = ANY(CAST(string_to_array(:cases, ',') AS uuid[]))"),
            new Step("journal_entry", "DELETE FROM journal_entry WHERE case_id = ANY(CAST(string_to_array(:cases, ',') AS uuid[]))"),
            new Step("case_search", "DELETE FROM case_search WHERE id = ANY(CAST(string_to_array(:cases, ',') AS uuid[]))"),
            new Step("case_file", "DELETE FROM case_file WHERE id = ANY(CAST(string_to_array(:cases, ',') AS uuid[]))"),
            new Step("person_name", "DELETE FROM person_name WHERE person_id = ANY(CAST(string_to_array(:persons, ',') AS uuid[]))"),
            new Step("person_name_key", "DELETE FROM person_name_key WHERE person_id = ANY(CAST(string_to_array(:persons, ',') AS uuid[]))"),
            new Step("person_history", "DELETE FROM person_history WHERE person_id = ANY(CAST(string_to_array(:persons, ',') AS uuid[]))"),
            new Step("person", "DELETE FROM person WHERE id = ANY(CAST(string_to_array(:persons, ',') AS uuid[]))"));

    /** Tables with a case or person id that gallring leaves, each for the reason in the class comment. */
    static final Set<String> KEPT = Set.of("audit_entry", "reporting_case", "reporting_decision",
            "reporting_deadline", "reporting_handover", "reporting_question");

    private Erasure() {
    }

    /** Erases the file of the person (with every record merged into it); returns the number of cases erased. */
    static int erase(JdbcClient jdbc, UUID person) {
        jdbc.sql("SET LOCAL lotsen.gallring = 'on'").update();
        String persons = String.join(",", jdbc.sql("""
                        WITH RECURSIVE file(id) AS (
                            SELECT id FROM person WHERE id = :person
                            UNION SELECT p.id FROM person p JOIN file f ON p.merged_into = f.id)
                        SELECT id FROM file""")
                .param("person", person).query(String.class).list());
        String cases = String.join(",", jdbc.sql(
                        "SELECT id FROM case_file WHERE person_id = ANY(CAST(string_to_array(:persons, ',') AS uuid[]))")
                .param("persons", persons).query(String.class).list());
        for (Step step : STEPS) {
            jdbc.sql(step.sql()).param("cases", cases).param("persons", persons).update();
        }
        jdbc.sql("SET LOCAL lotsen.gallring = 'off'").update();
        return cases.isEmpty() ? 0 : cases.split(",").length;
    }
}
