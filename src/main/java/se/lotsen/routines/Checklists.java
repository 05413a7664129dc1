package se.lotsen.routines;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import se.lotsen.common.ConcurrentChangeException;
import se.lotsen.common.FieldProblems;
import se.lotsen.common.NotFoundException;

/**
 * Each case's checklist. A case starts with the routine version published when it was opened and keeps it; the
 * steps whose conditions hold for the case's facts apply, and are re-evaluated whenever the facts change.
 */
@Service
public class Checklists {

    private static final TypeReference<Map<String, String>> FIELD_MAP = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final Routines routines;
    private final JsonMapper json;

    public Checklists(JdbcClient jdbc, Routines routines, JsonMapper json) {
        this.jdbc = jdbc;
        this.routines = routines;
        this.json = json;
    }

    /** Creates the case's checklist from the current published version of the routine. */
    @Transactional
    public Checklist start(UUID caseId, String routineKey, CaseFacts facts) {
        RoutineVersion version = routines.currentPublished(routineKey)
                .orElseThrow(() -> new IllegalStateException("No published routine " + routineKey));
        jdbc.sql("INSERT INTO checklist (case_id, routine_version_id) VALUES (:c, :v)")
                .param("c", caseId).param("v", version.id()).update();
        return evaluate(caseId, facts);
    }

    /** Re-evaluates which steps apply after the case's facts changed; statuses already set are kept. */
    @Transactional
    public Checklist evaluate(UUID caseId, CaseFacts facts) {
        RoutineVersion version = versionOf(caseId);
        Map<String, Boolean> existing = new HashMap<>();
        jdbc.sql("SELECT step_key, applicable FROM checklist_item WHERE case_id = :c").param("c", caseId)
                .query((rs, n) -> existing.put(rs.getString(1), rs.getBoolean(2))).list();
        for (RoutineDocument.Step step : version.document().allSteps()) {
            boolean applies = step.appliesTo(facts);
            Boolean before = existing.get(step.key());
            if (before == null) {
                jdbc.sql("INSERT INTO checklist_item (case_id, step_key, applicable, status) VALUES (:c, :k, :a, 'OPEN')")
                        .param("c", caseId).param("k", step.key()).param("a", applies).update();
            } else if (before != applies) {
                jdbc.sql("UPDATE checklist_item SET applicable = :a WHERE case_id = :c AND step_key = :k")
                        .param("a", applies).param("c", caseId).param("k", step.key()).update();
            }
        }
        return checklist(caseId).orElseThrow();
    }

    /**
     * The case's checklist, in one statement: its items, its version and the newest published version's number (the
     * version's document comes from {@link Routines#version}, which keeps published versions in memory).
     */
    public Optional<Checklist> checklist(UUID caseId) {
        // One row per item (or one without an item): the checklist's version and the newest published number, found
        // once (a lateral join: as a subquery in the select list it was run again for each of the ~45 items), and the
        // item.
        record Joined(UUID versionId, int newest, Row item) {
        }
        List<Joined> joined = jdbc.sql("""
                        SELECT k.routine_version_id, nv.newest,
                               i.step_key, i.applicable, i.status, i.done_by_name, i.done_at, i.reason, i.field_values,
                               i.version
                        FROM checklist k
                        CROSS JOIN LATERAL (SELECT max(n.number) AS newest FROM routine_version v
                                            JOIN routine_version n ON n.routine_id = v.routine_id
                                                 AND n.status = 'PUBLISHED'
                                            WHERE v.id = k.routine_version_id) nv
                        LEFT JOIN checklist_item i ON i.case_id = k.case_id
                        WHERE k.case_id = :c""")
                .param("c", caseId)
                .query((rs, n) -> new Joined(rs.getObject("routine_version_id", UUID.class), rs.getInt("newest"),
                        rs.getString("step_key") == null ? null : row(rs, n)))
                .list();
        if (joined.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Row> rows = new LinkedHashMap<>();
        joined.stream().map(Joined::item).filter(java.util.Objects::nonNull).forEach(r -> rows.put(r.key, r));
        RoutineVersion version = routines.version(joined.get(0).versionId()).orElseThrow();
        List<ChecklistItem> items = new ArrayList<>();
        for (RoutineDocument.Phase phase : version.document().phases()) {
            for (RoutineDocument.Step step : phase.steps()) {
                Row r = rows.get(step.key());
                if (r != null) {
                    items.add(new ChecklistItem(step, phase.key(), phase.title(), r.applicable, r.status,
                            r.doneByName, r.doneAt == null ? null : r.doneAt.toInstant(), r.reason, r.fields,
                            r.version));
                }
            }
        }
        return Optional.of(new Checklist(caseId, version, items, Math.max(joined.get(0).newest(), version.number())));
    }

    /** The routine version the case's checklist uses. */
    public RoutineVersion versionOf(UUID caseId) {
        UUID versionId = jdbc.sql("SELECT routine_version_id FROM checklist WHERE case_id = :c").param("c", caseId)
                .query(UUID.class).optional().orElseThrow(() -> new NotFoundException("checklist"));
        return routines.version(versionId).orElseThrow();
    }

    /**
     * Sets a step's status. {@code DONE} needs every required field filled in; {@code NOT_APPLICABLE} needs a
     * reason; {@code OPEN} reopens it. Lotsen's own writes (a linked step completed by the work it records) use this:
     * they take the step as it is now.
     */
    @Transactional
    public ChecklistItem setStatus(UUID caseId, String stepKey, ChecklistItem.Status status, String reason,
                                   Map<String, String> fields, UUID actor, String actorName) {
        return setStatus(caseId, stepKey, status, reason, fields, null, actor, actorName);
    }

    /**
     * Sets a step's status as a user saw the step: {@code expectedVersion} is the step's version shown in the form.
     * A step changed since (by someone else, or by Lotsen) is refused with a {@link ConcurrentChangeException} naming
     * who changed it and when, never overwritten; {@code null} takes the step as it is now (old API clients).
     */
    @Transactional
    public ChecklistItem setStatus(UUID caseId, String stepKey, ChecklistItem.Status status, String reason,
                                   Map<String, String> fields, Integer expectedVersion, UUID actor,
                                   String actorName) {
        Checklist checklist = checklist(caseId).orElseThrow(() -> new NotFoundException("checklist"));
        ChecklistItem item = checklist.item(stepKey).filter(ChecklistItem::visible)
                .orElseThrow(() -> new NotFoundException("step"));
        requireVersion(item, caseId, expectedVersion);
        Map<String, String> values = new LinkedHashMap<>();
        FieldProblems.Collector problems = new FieldProblems.Collector();
        for (RoutineDocument.StepField field : item.step().fields()) {
            String value = fields == null ? null : fields.get(field.key());
            value = value == null ? "" : value.trim();
            if (value.length() > 2000) {
                problems.add("fields[" + field.key() + "]", "validation.size.max.n", 2000);
            }
            if (status == ChecklistItem.Status.DONE && field.required() && value.isEmpty()) {
                problems.add("fields[" + field.key() + "]", "validation.checklist.fieldRequired", field.label());
            }
            if (!value.isEmpty()) {
                values.put(field.key(), value);
            }
        }
        String trimmedReason = reason == null ? "" : reason.trim();
        if (status == ChecklistItem.Status.NOT_APPLICABLE && trimmedReason.isEmpty()) {
            problems.add("reason", "validation.checklist.reason");
        }
        if (trimmedReason.length() > 2000) {
            problems.add("reason", "validation.size.max.n", 2000);
        }
        problems.throwIfAny();
        boolean open = status == ChecklistItem.Status.OPEN;
        // The version read above, checked again by the row's lock: of two writes on the same version, the second
        // waits for the first, then finds the version moved on and changes nothing.
        int updated = jdbc.sql("""
                        UPDATE checklist_item SET status = :status, done_by = :by, done_by_name = :name,
                            done_at = CASE WHEN :open THEN NULL ELSE now() END, reason = :reason,
                            field_values = CAST(:fields AS jsonb), version = version + 1,
                            changed_by_name = :changedBy, changed_at = now()
                        WHERE case_id = :c AND step_key = :k AND version = :version""")
                .param("status", status.name()).param("by", open ? null : actor).param("name", open ? null : actorName)
                .param("open", open).param("reason", trimmedReason.isEmpty() ? null : trimmedReason)
                .param("fields", json.writeValueAsString(open ? item.fieldValues() : values))
                .param("changedBy", actorName).param("version", item.version())
                .param("c", caseId).param("k", stepKey).update();
        if (updated == 0) {
            throw concurrentChange(caseId, stepKey);
        }
        return checklist(caseId).flatMap(c -> c.item(stepKey)).orElseThrow();
    }

    /**
     * Refuses a write on a version of the step older than the one stored ({@code null}: no version was shown). Also
     * for callers that must decide what the step offers before they write it: the conflict comes first.
     */
    public void requireVersion(ChecklistItem item, UUID caseId, Integer expectedVersion) {
        if (expectedVersion != null && expectedVersion != item.version()) {
            throw concurrentChange(caseId, item.key());
        }
    }

    private ConcurrentChangeException concurrentChange(UUID caseId, String stepKey) {
        return jdbc.sql("""
                        SELECT coalesce(changed_by_name, done_by_name), coalesce(changed_at, done_at, now())
                        FROM checklist_item WHERE case_id = :c AND step_key = :k""")
                .param("c", caseId).param("k", stepKey)
                .query((rs, n) -> new ConcurrentChangeException(rs.getString(1),
                        rs.getObject(2, OffsetDateTime.class).toInstant(), "change.checklistStep"))
                .optional().orElseThrow(() -> new NotFoundException("step"));
    }

    private record Row(String key, boolean applicable, ChecklistItem.Status status, String doneByName,
                       OffsetDateTime doneAt, String reason, Map<String, String> fields, int version) {
    }

    private Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getString("step_key"), rs.getBoolean("applicable"),
                ChecklistItem.Status.valueOf(rs.getString("status")), rs.getString("done_by_name"),
                rs.getObject("done_at", OffsetDateTime.class), rs.getString("reason"),
                json.readValue(rs.getString("field_values"), FIELD_MAP), rs.getInt("version"));
    }
}
