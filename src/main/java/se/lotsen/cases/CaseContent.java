package se.lotsen.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import se.lotsen.access.AccountId;
import se.lotsen.persons.Person;
import se.lotsen.persons.Persons;

/**
 * What a case holds, read in the same statement as its grant ({@link CaseAccess}): the case's own fields, the person,
 * the indicators, the journal and the status changes, and for a lead of the holding unit its workers and who was named
 * to see protected data ({@code null} for everyone else). The case page reads the case once.
 */
record CaseContent(Person person, Instant receivedAt, IntakeChannel channel, String reporter, String reporterContact,
                   String summary, Set<ExploitationForm> forms, String exploitationOther, Set<Indicator> observed,
                   String overallAssessment, Instant indicatorsAssessedAt, String indicatorsAssessedBy,
                   ProtectionOutcome protectionOutcome, String protectionNotes, Instant protectionAssessedAt,
                   String protectionAssessedBy, boolean custodyDecided, List<JournalEntry> journal,
                   List<CaseView.StatusChange> statusChanges, List<Worker> workers, List<ProtectedViewer> viewers) {

    /** The select list, for a statement over {@code case_file c JOIN person p}. */
    static final String COLUMNS = """
            c.received_at, c.intake_channel, c.reporter, c.reporter_contact, c.summary, c.exploitation_forms,
            c.exploitation_other, c.overall_assessment, c.indicators_assessed_at, c.indicators_assessed_by,
            c.protection_outcome, c.protection_notes, c.protection_assessed_at, c.protection_assessed_by,
            ARRAY(SELECT i.indicator_key FROM case_indicator i WHERE i.case_id = c.id) AS observed,
            (SELECT json_agg(json_build_object('id', j.id, 'number', j.number, 'occurredAt', j.occurred_at,
                        'signedAt', j.signed_at, 'author', j.author_name, 'text', j.text, 'corrects', j.corrects,
                        'correctsNumber', o.number) ORDER BY j.occurred_at, j.number)
               FROM journal_entry j LEFT JOIN journal_entry o ON o.id = j.corrects WHERE j.case_id = c.id) AS journal,
            (SELECT json_agg(json_build_object('from', s.from_status, 'to', s.to_status, 'reason', s.reason,
                        'at', s.changed_at, 'by', s.changed_by_name) ORDER BY s.id)
               FROM case_status_change s WHERE s.case_id = c.id) AS status_changes,
            """ + Persons.columns("p", "p_");

    static CaseContent map(ResultSet rs, JsonMapper json) throws SQLException {
        String forms = rs.getString("exploitation_forms");
        Set<ExploitationForm> formSet = EnumSet.noneOf(ExploitationForm.class);
        if (forms != null && !forms.isBlank()) {
            Arrays.stream(forms.split(",")).map(ExploitationForm::valueOf).forEach(formSet::add);
        }
        Set<Indicator> observed = observed(rs);
        String outcome = rs.getString("protection_outcome");
        return new CaseContent(Persons.fromRow(rs, "p_"), instant(rs, "received_at"),
                IntakeChannel.valueOf(rs.getString("intake_channel")), rs.getString("reporter"),
                rs.getString("reporter_contact"), rs.getString("summary"), formSet, rs.getString("exploitation_other"),
                observed, rs.getString("overall_assessment"), instant(rs, "indicators_assessed_at"),
                rs.getString("indicators_assessed_by"), outcome == null ? null : ProtectionOutcome.valueOf(outcome),
                rs.getString("protection_notes"), instant(rs, "protection_assessed_at"),
                rs.getString("protection_assessed_by"), rs.getBoolean("custody_decided"),
                journal(rs.getString("journal"), json), statusChanges(rs.getString("status_changes"), json),
                workers(rs.getString("workers"), json), viewers(rs.getString("viewers"), json));
    }

    private static List<Worker> workers(String text, JsonMapper json) {
        if (text == null) {
            return null;
        }
        List<Worker> workers = new ArrayList<>();
        for (JsonNode w : json.readTree(text)) {
            workers.add(new Worker(new AccountId(UUID.fromString(w.get("id").asString())), w.get("name").asString(),
                    w.get("lead").asBoolean()));
        }
        return workers;
    }

    private static List<ProtectedViewer> viewers(String text, JsonMapper json) {
        if (text == null) {
            return null;
        }
        List<ProtectedViewer> viewers = new ArrayList<>();
        for (JsonNode v : json.readTree(text)) {
            viewers.add(new ProtectedViewer(new AccountId(UUID.fromString(v.get("id").asString())),
                    v.get("name").asString(), v.get("by").asString(), time(v.get("at"))));
        }
        return viewers;
    }

    private static List<JournalEntry> journal(String text, JsonMapper json) {
        List<JournalEntry> entries = new ArrayList<>();
        if (text == null) {
            return entries;
        }
        for (JsonNode e : json.readTree(text)) {
            entries.add(new JournalEntry(UUID.fromString(e.get("id").asString()), e.get("number").asInt(),
                    time(e.get("occurredAt")), time(e.get("signedAt")), e.get("author").asString(),
                    e.get("text").asString(), uuid(e.get("corrects")),
                    e.get("correctsNumber").isNull() ? null : e.get("correctsNumber").asInt()));
        }
        return entries;
    }

    private static List<CaseView.StatusChange> statusChanges(String text, JsonMapper json) {
        List<CaseView.StatusChange> changes = new ArrayList<>();
        if (text == null) {
            return changes;
        }
        for (JsonNode s : json.readTree(text)) {
            changes.add(new CaseView.StatusChange(
                    s.get("from").isNull() ? null : CaseStatus.valueOf(s.get("from").asString()),
                    CaseStatus.valueOf(s.get("to").asString()),
                    s.get("reason").isNull() ? null : s.get("reason").asString(), time(s.get("at")),
                    s.get("by").isNull() ? null : s.get("by").asString()));
        }
        return changes;
    }

    private static Instant time(JsonNode node) {
        return node == null || node.isNull() ? null : OffsetDateTime.parse(node.asString()).toInstant();
    }

    private static UUID uuid(JsonNode node) {
        return node == null || node.isNull() ? null : UUID.fromString(node.asString());
    }

    /** The indicators observed, from an array column {@code observed} of catalogue keys. */
    static Set<Indicator> observed(ResultSet rs) throws SQLException {
        Set<Indicator> observed = EnumSet.noneOf(Indicator.class);
        java.sql.Array keys = rs.getArray("observed");
        if (keys != null) {
            for (Object key : (Object[]) keys.getArray()) {
                try {
                    observed.add(Indicator.valueOf((String) key));
                } catch (IllegalArgumentException ignored) {
                    // an indicator removed from the catalogue stays in the database, unshown
                }
            }
        }
        return observed;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
