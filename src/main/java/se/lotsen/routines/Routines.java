package se.lotsen.routines;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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

    /**
     * The versions of every routine published in the time span (from inclusive, to exclusive), oldest first: what
     * changed in the handling manual over a period, e.g. for a grant's final report.
     */
    public List<RoutineVersion> publishedBetween(java.time.Instant from, java.time.Instant to) {
        return jdbc.sql(SELECT + """
                         WHERE v.status = 'PUBLISHED' AND v.published_at >= :from AND v.published_at < :to
                        ORDER BY v.published_at, r.key, v.number""")
                .param("from", from.atOffset(java.time.ZoneOffset.UTC)).param("to", to.atOffset(java.time.ZoneOffset.UTC))
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

    /** The routine's name when Lotsen installs it. */
    static final String ACUTE_NAME = "Rutin för akuta ärenden om människohandel och prostitution";

    /** The file Lotsen ships the routine in. */
    static final String ACUTE_RESOURCE = "routines/akut-manniskohandel.json";

    /** What start-up did with the routine Lotsen ships. */
    public enum ShippedOutcome {
        /** The routine did not exist: the shipped content is now its version 1. */
        INSTALLED,
        /** This content was handled at an earlier start. */
        ALREADY_HANDLED,
        /** The published version already has this content. */
        UNCHANGED,
        /** Published as a new version: no one had published a version of their own since the last shipped one. */
        PUBLISHED,
        /** The method developer has published versions of their own: the shipped content is offered as a draft. */
        DRAFTED,
        /** As {@link #DRAFTED}, but a draft is being worked on: left alone, and offered again at the next start. */
        WAITING_FOR_DRAFT
    }

    /**
     * Brings the routine Lotsen ships ({@code routines/akut-manniskohandel.json}) to this installation. Runs at every
     * start in every mode: the routine is part of the product, not demo data.
     * <ul>
     * <li>No routine yet: the shipped content becomes published version 1.</li>
     * <li>The shipped file changed since it last reached this installation (a correction of the law, a new step) and
     * the published version is still the last one Lotsen shipped: it is published as the next version, with a change
     * note listing the changed steps. Cases keep the version they started with and their progress; new cases start
     * with the new version. A draft being worked on moves up one number.</li>
     * <li>The method developer has published versions of their own since: their routine is not overwritten; the
     * shipped content is offered as a draft, whose differences the routine pages show, to be adopted and published by
     * them. If they have a draft already, nothing happens and the offer is made at a later start.</li>
     * </ul>
     * Each shipped content is handled once (table {@code routine_shipped}, by the file's SHA-256), and one node at a
     * time handles it (a transaction-scoped advisory lock).
     */
    @Transactional
    public ShippedOutcome installShipped() {
        return installShipped(ACUTE, ACUTE_NAME, readResource(ACUTE_RESOURCE));
    }

    @Transactional
    ShippedOutcome installShipped(String routineKey, String routineName, byte[] content) {
        jdbc.sql("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext(:lock))) l")
                .param("lock", "lotsen.routine-shipped." + routineKey).query(Integer.class).single();
        String sha = sha256(content);
        RoutineDocument document = parse(new String(content, StandardCharsets.UTF_8));
        Optional<UUID> routineId = jdbc.sql("SELECT id FROM routine WHERE key = :key").param("key", routineKey)
                .query(UUID.class).optional();
        if (routineId.isEmpty()) {
            UUID id = UUID.randomUUID();
            jdbc.sql("INSERT INTO routine (id, key, name) VALUES (:id, :key, :name)")
                    .param("id", id).param("key", routineKey).param("name", routineName).update();
            UUID version = insertVersion(id, 1, "PUBLISHED", document,
                    "Första versionen, skriven utifrån gällande lagstiftning och nationell vägledning.");
            recordShipped(id, sha, version, ShippedOutcome.PUBLISHED);
            return ShippedOutcome.INSTALLED;
        }
        UUID routine = routineId.get();
        boolean handled = jdbc.sql("SELECT count(*) FROM routine_shipped WHERE routine_id = :r AND content_sha256 = :sha")
                .param("r", routine).param("sha", sha).query(Long.class).single() > 0;
        if (handled) {
            return ShippedOutcome.ALREADY_HANDLED;
        }
        RoutineVersion current = currentPublished(routineKey).orElseThrow(() -> new NotFoundException("routine"));
        if (current.document().equals(document)) {
            recordShipped(routine, sha, current.id(), ShippedOutcome.UNCHANGED);
            return ShippedOutcome.UNCHANGED;
        }
        Optional<RoutineVersion> draft = draft(routineKey);
        if (lastShippedVersion(routine).filter(current.id()::equals).isPresent()) {
            // A draft keeps its content and comes after the new version.
            draft.ifPresent(d -> jdbc.sql("UPDATE routine_version SET number = number + 1 WHERE id = :id AND status = 'DRAFT'")
                    .param("id", d.id()).update());
            UUID version = insertVersion(routine, current.number() + 1, "PUBLISHED", document,
                    shippedChangeNote(current.document(), document));
            recordShipped(routine, sha, version, ShippedOutcome.PUBLISHED);
            return ShippedOutcome.PUBLISHED;
        }
        if (draft.isPresent()) {
            return ShippedOutcome.WAITING_FOR_DRAFT;
        }
        UUID offered = insertVersion(routine, current.number() + 1, "DRAFT", document, null);
        recordShipped(routine, sha, offered, ShippedOutcome.DRAFTED);
        return ShippedOutcome.DRAFTED;
    }

    /**
     * The version that holds the content Lotsen last shipped. Installations from before {@code routine_shipped}
     * existed have no row: their version 1, published by Lotsen itself, is the one.
     */
    private Optional<UUID> lastShippedVersion(UUID routine) {
        Optional<UUID> recorded = jdbc.sql("""
                        SELECT v.id FROM routine_shipped s JOIN routine_version v ON v.id = s.version_id
                        WHERE s.routine_id = :r AND s.outcome IN ('PUBLISHED', 'UNCHANGED') AND v.status = 'PUBLISHED'
                        ORDER BY v.number DESC LIMIT 1""")
                .param("r", routine).query(UUID.class).optional();
        if (recorded.isPresent()) {
            return recorded;
        }
        return jdbc.sql("""
                        SELECT id FROM routine_version WHERE routine_id = :r AND number = 1 AND status = 'PUBLISHED'
                            AND published_by IS NULL AND published_by_name = 'Lotsen'
                            AND NOT EXISTS (SELECT 1 FROM routine_shipped WHERE routine_id = :r)""")
                .param("r", routine).query(UUID.class).optional();
    }

    private UUID insertVersion(UUID routine, int number, String status, RoutineDocument document, String changeNote) {
        UUID id = UUID.randomUUID();
        boolean published = "PUBLISHED".equals(status);
        jdbc.sql("""
                        INSERT INTO routine_version (id, routine_id, number, status, document, change_note,
                            published_at, published_by_name)
                        VALUES (:id, :routine, :number, :status, CAST(:doc AS jsonb), :note,
                            CASE WHEN :published THEN now() END, CASE WHEN :published THEN 'Lotsen' END)""")
                .param("id", id).param("routine", routine).param("number", number).param("status", status)
                .param("doc", json.writeValueAsString(document)).param("note", changeNote)
                .param("published", published).update();
        return id;
    }

    private void recordShipped(UUID routine, String sha, UUID version, ShippedOutcome outcome) {
        jdbc.sql("""
                        INSERT INTO routine_shipped (routine_id, content_sha256, version_id, outcome)
                        VALUES (:r, :sha, :v, :outcome)""")
                .param("r", routine).param("sha", sha).param("v", version).param("outcome", outcome.name()).update();
    }

    /** The change note of a version Lotsen publishes: which steps it adds, changes and removes. */
    static String shippedChangeNote(RoutineDocument older, RoutineDocument newer) {
        java.util.Map<RoutineDiff.Kind, List<String>> byKind = new java.util.EnumMap<>(RoutineDiff.Kind.class);
        for (RoutineDiff.Change change : RoutineDiff.between(older, newer)) {
            byKind.computeIfAbsent(change.kind(), k -> new java.util.ArrayList<>()).add(change.title());
        }
        StringBuilder note = new StringBuilder("Uppdaterad av Lotsen med den rutin som följer med programmet.");
        append(note, " Nya steg: ", byKind.get(RoutineDiff.Kind.ADDED));
        append(note, " Ändrade steg: ", byKind.get(RoutineDiff.Kind.CHANGED));
        append(note, " Flyttade steg: ", byKind.get(RoutineDiff.Kind.MOVED));
        append(note, " Borttagna steg: ", byKind.get(RoutineDiff.Kind.REMOVED));
        String text = note.toString();
        return text.length() <= 2000 ? text : text.substring(0, 1999) + "…";
    }

    private static void append(StringBuilder note, String label, List<String> titles) {
        if (titles != null && !titles.isEmpty()) {
            note.append(label).append(String.join("; ", titles)).append('.');
        }
    }

    private static String sha256(byte[] content) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] readResource(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("The default routine cannot be read", e);
        }
    }

    RoutineDocument readDefault() {
        return parse(new String(readResource(ACUTE_RESOURCE), StandardCharsets.UTF_8));
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
