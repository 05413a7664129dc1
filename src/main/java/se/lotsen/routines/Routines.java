package se.lotsen.routines;

import java.io.IOException;
import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import se.lotsen.common.FieldProblems;
import se.lotsen.common.NotFoundException;

/**
 * The routines module's facade for routine versions: the published version new cases start with, the method
 * developer's draft, publishing with a change note, and the default routine Lotsen ships.
 */
@Service
public class Routines {

    /** The routine for acute trafficking and prostitution cases. */
    public static final String ACUTE = "akut-manniskohandel";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public Routines(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<RoutineVersion> currentPublished(String routineKey) {
        return jdbc.sql(SELECT + " WHERE r.key = :key AND v.status = 'PUBLISHED' ORDER BY v.number DESC LIMIT 1")
                .param("key", routineKey).query(this::map).optional();
    }

    /**
     * A version. A published version never changes, so it is kept in memory once read: the case page and every
     * checklist read it without a statement of its own. Drafts are always read afresh.
     */
    public Optional<RoutineVersion> version(UUID id) {
        RoutineVersion cached = published.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<RoutineVersion> read = jdbc.sql(SELECT + " WHERE v.id = :id").param("id", id).query(this::map)
                .optional();
        // Not from inside a change: what it read could still be rolled back.
        if (!org.springframework.transaction.support.TransactionSynchronizationManager.isActualTransactionActive()) {
            read.filter(v -> v.status() == RoutineVersion.Status.PUBLISHED).ifPresent(v -> published.put(v.id(), v));
        }
        return read;
    }

    /** All versions of a routine, newest first (the draft, if any, first of all). */
    public List<RoutineVersion> versions(String routineKey) {
        return jdbc.sql(SELECT + " WHERE r.key = :key ORDER BY v.number DESC").param("key", routineKey)
                .query(this::map).list();
    }

    public Optional<RoutineVersion> draft(String routineKey) {
        return jdbc.sql(SELECT + " WHERE r.key = :key AND v.status = 'DRAFT'").param("key", routineKey)
                .query(this::map).optional();
    }

    /** Starts a draft as a copy of the current published version (or returns the existing draft). */
    @Transactional
    public RoutineVersion createDraft(String routineKey, UUID actor) {
        Optional<RoutineVersion> existing = draft(routineKey);
        if (existing.isPresent()) {
            return existing.get();
        }
        RoutineVersion published = currentPublished(routineKey).orElseThrow(() -> new NotFoundException("routine"));
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO routine_version (id, routine_id, number, status, document, created_by)
                        SELECT :id, r.id, :number, 'DRAFT', CAST(:doc AS jsonb), :by FROM routine r WHERE r.key = :key""")
                .param("id", id).param("number", published.number() + 1)
                .param("doc", json.writeValueAsString(published.document())).param("by", actor)
                .param("key", routineKey).update();
        return version(id).orElseThrow();
    }

    /** Saves the draft's new content. */
    @Transactional
    public RoutineVersion saveDraft(String routineKey, RoutineDocument document) {
        RoutineVersion draft = draft(routineKey).orElseThrow(() -> new NotFoundException("draft"));
        jdbc.sql("UPDATE routine_version SET document = CAST(:doc AS jsonb) WHERE id = :id AND status = 'DRAFT'")
                .param("doc", json.writeValueAsString(document)).param("id", draft.id()).update();
        return version(draft.id()).orElseThrow();
    }

    /**
     * Applies an edit to the draft as it is now: the draft row is locked, read, edited and saved in one transaction,
     * so two method developers editing at the same time never overwrite each other's changes.
     */
    @Transactional
    public RoutineDocument editDraft(String routineKey, java.util.function.UnaryOperator<RoutineDocument> edit) {
        UUID draftId = jdbc.sql("""
                        SELECT v.id FROM routine_version v JOIN routine r ON r.id = v.routine_id
                        WHERE r.key = :key AND v.status = 'DRAFT' FOR UPDATE OF v""")
                .param("key", routineKey).query(UUID.class).optional()
                .orElseThrow(() -> new NotFoundException("draft"));
        RoutineDocument edited = edit.apply(version(draftId).orElseThrow().document());
        jdbc.sql("UPDATE routine_version SET document = CAST(:doc AS jsonb) WHERE id = :id AND status = 'DRAFT'")
                .param("doc", json.writeValueAsString(edited)).param("id", draftId).update();
        return edited;
    }

    @Transactional
    public void discardDraft(String routineKey) {
        RoutineVersion draft = draft(routineKey).orElseThrow(() -> new NotFoundException("draft"));
        jdbc.sql("DELETE FROM routine_version WHERE id = :id AND status = 'DRAFT'").param("id", draft.id()).update();
    }

    /** Publishes the draft: new cases start with it from now on; open cases keep their version. */
    @Transactional
    public RoutineVersion publish(String routineKey, String changeNote, UUID actor, String actorName) {
        if (changeNote == null || changeNote.isBlank()) {
            throw FieldProblems.of("changeNote", "validation.required");
        }
        if (changeNote.length() > 2000) {
            throw FieldProblems.of("changeNote", "validation.routine.changeNote.long");
        }
        RoutineVersion draft = draft(routineKey).orElseThrow(() -> new NotFoundException("draft"));
        if (draft.document().allSteps().isEmpty()) {
            throw FieldProblems.of("changeNote", "validation.routine.empty");
        }
        List<String> missing = LinkedStep.missingIn(draft.document());
        if (!missing.isEmpty()) {
            throw FieldProblems.of("changeNote", "validation.routine.linkedStepsMissing", String.join(", ", missing));
        }
        jdbc.sql("""
                        UPDATE routine_version SET status = 'PUBLISHED', change_note = :note, published_at = now(),
                            published_by = :by, published_by_name = :name
                        WHERE id = :id AND status = 'DRAFT'""")
                .param("note", changeNote.trim()).param("by", actor).param("name", actorName)
                .param("id", draft.id()).update();
        return version(draft.id()).orElseThrow();
    }

    /**
     * Installs the routine Lotsen ships ({@code routines/akut-manniskohandel.json}) as version 1 when the routine
     * does not exist yet. Runs in every mode: the routine is part of the product, not demo data.
     */
    @Transactional
    public boolean installDefaultIfMissing() {
        boolean exists = jdbc.sql("SELECT count(*) FROM routine WHERE key = :key").param("key", ACUTE)
                .query(Long.class).single() > 0;
        if (exists) {
            return false;
        }
        RoutineDocument document = readDefault();
        UUID routineId = UUID.randomUUID();
        jdbc.sql("INSERT INTO routine (id, key, name) VALUES (:id, :key, :name)")
                .param("id", routineId).param("key", ACUTE)
                .param("name", "Rutin för akuta ärenden om människohandel och prostitution").update();
        jdbc.sql("""
                        INSERT INTO routine_version (id, routine_id, number, status, document, change_note,
                            published_at, published_by_name)
                        VALUES (:id, :routine, 1, 'PUBLISHED', CAST(:doc AS jsonb), :note, now(), 'Lotsen')""")
                .param("id", UUID.randomUUID()).param("routine", routineId)
                .param("doc", json.writeValueAsString(document))
                .param("note", "Första versionen, skriven utifrån gällande lagstiftning och nationell vägledning.")
                .update();
        return true;
    }

    RoutineDocument readDefault() {
        try (InputStream in = new ClassPathResource("routines/akut-manniskohandel.json").getInputStream()) {
            return json.readValue(in, RoutineDocument.class);
        } catch (IOException e) {
            throw new IllegalStateException("The default routine cannot be read", e);
        }
    }

    RoutineDocument parse(String document) {
        return json.readValue(document, RoutineDocument.class);
    }

    /** Published versions by id: they are immutable (a new version is a new row). */
    private final java.util.Map<UUID, RoutineVersion> published = new java.util.concurrent.ConcurrentHashMap<>();

    private static final String SELECT = """
            SELECT v.*, r.key AS routine_key, r.name AS routine_name
            FROM routine_version v JOIN routine r ON r.id = v.routine_id""";

    private RoutineVersion map(ResultSet rs, int n) throws SQLException {
        OffsetDateTime published = rs.getObject("published_at", OffsetDateTime.class);
        return new RoutineVersion(rs.getObject("id", UUID.class), rs.getString("routine_key"),
                rs.getString("routine_name"), rs.getInt("number"),
                RoutineVersion.Status.valueOf(rs.getString("status")), parse(rs.getString("document")),
                rs.getString("change_note"), published == null ? null : published.toInstant(),
                rs.getString("published_by_name"));
    }
}
