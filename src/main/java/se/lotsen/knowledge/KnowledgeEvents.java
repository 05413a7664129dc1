package se.lotsen.knowledge;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.lotsen.common.ConcurrentChangeException;
import se.lotsen.common.FieldProblems;
import se.lotsen.common.NotFoundException;
import se.lotsen.common.PageResult;
import se.lotsen.common.Paging;
import se.lotsen.common.PlainText;
import se.lotsen.common.SqlLike;

/**
 * Training days, seminars and information visits: registering and changing them (each change published as
 * {@link KnowledgeEventRecorded}, so that statistics stay current), the list, the month calendar, the upcoming ones,
 * and their materials.
 */
@Service
public class KnowledgeEvents {

    /** At most this many organisations per event: more is a mistake or a forged request. */
    public static final int MAX_PARTICIPANT_ROWS = 50;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final KnowledgeProperties properties;

    public KnowledgeEvents(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock,
                           KnowledgeProperties properties) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.properties = properties;
    }

    public long maxMaterialSize() {
        return properties.maxMaterialSize().toBytes();
    }

    // -- rules -------------------------------------------------------------------------------------------------

    /** The rules of an event, checked without saving anything (all problems at once). */
    public void check(EventCommand c) {
        FieldProblems.Collector problems = new FieldProblems.Collector();
        if (c.kind() == null) {
            problems.add("kind", "validation.required");
        }
        text(problems, "topic", c.topic(), 200, true);
        if (c.date() == null) {
            problems.add("date", "validation.required");
        } else if (c.date().getYear() < 2000 || c.date().getYear() > 2100) {
            problems.add("date", "validation.knowledge.date.range");
        }
        text(problems, "place", c.place(), 200, false);
        text(problems, "organiser", c.organiser(), 200, true);
        if (c.audiences().isEmpty()) {
            problems.add("audiences", "validation.knowledge.audiences");
        }
        if (c.status() == null) {
            problems.add("status", "validation.required");
        } else if (c.status() == KnowledgeEventRecorded.Status.HELD && c.date() != null
                && c.date().isAfter(LocalDate.now(clock))) {
            problems.add("status", "validation.knowledge.heldInFuture");
        }
        text(problems, "evaluation", c.evaluation(), 20000, false);
        if (c.participants().size() > MAX_PARTICIPANT_ROWS) {
            problems.add("participants", "validation.knowledge.participants.tooMany", MAX_PARTICIPANT_ROWS);
        }
        for (int i = 0; i < c.participants().size() && i < MAX_PARTICIPANT_ROWS; i++) {
            ParticipantCount p = c.participants().get(i);
            if (p == null) {
                continue;
            }
            String prefix = "participants[" + i + "].";
            int row = i + 1;
            if (p.organisation() == null || p.organisation().isBlank()) {
                problems.add(prefix + "organisation", "validation.knowledge.participant.organisation", row);
            } else if (p.organisation().length() > 200) {
                problems.add(prefix + "organisation", "validation.knowledge.participant.long", row);
            } else if (PlainText.hasControlCharacter(p.organisation())) {
                problems.add(prefix + "organisation", "validation.text.controlCharacter");
            }
            if (p.audience() == null) {
                problems.add(prefix + "audience", "validation.knowledge.participant.audience", row);
            }
            if (p.participants() < 0 || p.participants() > 100_000) {
                problems.add(prefix + "participants", "validation.knowledge.participant.number", row);
            }
        }
        if (c.status() != null && c.status() != KnowledgeEventRecorded.Status.HELD
                && c.participants().stream().anyMatch(p -> p != null && p.participants() > 0)) {
            problems.add("participants", "validation.knowledge.participants.notHeld");
        }
        problems.throwIfAny();
    }

    private static void text(FieldProblems.Collector problems, String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(field, "validation.required");
            }
        } else if (value.length() > max) {
            problems.add(field, "validation.size.max.n", max);
        } else if (PlainText.hasControlCharacter(value)) {
            problems.add(field, "validation.text.controlCharacter");
        }
    }

    // -- writes ------------------------------------------------------------------------------------------------

    @Transactional
    public UUID create(EventCommand c, String by) {
        check(c);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO knowledge_event (id, kind, topic, event_date, start_time, place, organiser, audiences,
                    status, evaluation, version, created_at, updated_at, updated_by)
                VALUES (:id, :kind, :topic, :date, :time, :place, :organiser, :audiences, :status, :evaluation, 0,
                    :now, :now, :by)""")
                .params(columns(id, c)).param("now", java.sql.Timestamp.from(now)).param("by", by).update();
        saveParticipants(id, c);
        publish(id);
        return id;
    }

    /** Changes the event; {@code version} is the one the form was made from (another change meanwhile: refused). */
    @Transactional
    public void update(UUID id, int version, EventCommand c, String by) {
        KnowledgeEvent current = find(id).orElseThrow(() -> new NotFoundException("event"));
        if (current.version() != version) {
            throw new ConcurrentChangeException(current.updatedBy(), current.updatedAt(), "change.knowledgeEvent");
        }
        check(c);
        int changed = jdbc.sql("""
                UPDATE knowledge_event SET kind = :kind, topic = :topic, event_date = :date, start_time = :time,
                    place = :place, organiser = :organiser, audiences = :audiences, status = :status,
                    evaluation = :evaluation, version = version + 1, updated_at = :now, updated_by = :by
                WHERE id = :id AND version = :version""")
                .params(columns(id, c)).param("now", java.sql.Timestamp.from(clock.instant())).param("by", by)
                .param("version", version).update();
        if (changed == 0) {
            KnowledgeEvent now = find(id).orElseThrow();
            throw new ConcurrentChangeException(now.updatedBy(), now.updatedAt(), "change.knowledgeEvent");
        }
        jdbc.sql("DELETE FROM knowledge_event_participants WHERE event_id = :id").param("id", id).update();
        saveParticipants(id, c);
        publish(id);
    }

    private static Map<String, Object> columns(UUID id, EventCommand c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("kind", c.kind().name());
        m.put("topic", c.topic().strip());
        m.put("date", c.date());
        m.put("time", c.time());
        m.put("place", blank(c.place()) ? null : c.place().strip());
        m.put("organiser", c.organiser().strip());
        m.put("audiences", Arrays.stream(Audience.values()).filter(c.audiences()::contains).map(Enum::name)
                .collect(Collectors.joining(",")));
        m.put("status", c.status().name());
        m.put("evaluation", blank(c.evaluation()) ? null : c.evaluation().strip());
        return m;
    }

    private void saveParticipants(UUID id, EventCommand c) {
        int position = 0;
        for (ParticipantCount p : c.participants()) {
            if (p == null) {
                continue;
            }
            jdbc.sql("""
                    INSERT INTO knowledge_event_participants (event_id, position, organisation, audience, participants)
                    VALUES (:id, :position, :organisation, :audience, :participants)""")
                    .param("id", id).param("position", position++).param("organisation", p.organisation().strip())
                    .param("audience", p.audience().name()).param("participants", p.participants()).update();
        }
    }

    /** Tells the listeners (statistics) the event as it now is. */
    private void publish(UUID id) {
        KnowledgeEvent e = find(id).orElseThrow();
        events.publishEvent(new KnowledgeEventRecorded(e.id(), e.date(), e.kind(), e.status(),
                e.status() == KnowledgeEventRecorded.Status.HELD ? e.totalParticipants() : 0));
    }

    // -- reads -------------------------------------------------------------------------------------------------

    public Optional<KnowledgeEvent> find(UUID id) {
        return jdbc.sql("SELECT * FROM knowledge_event WHERE id = :id").param("id", id)
                .query((rs, n) -> map(rs, participants(id))).optional();
    }

    private List<ParticipantCount> participants(UUID id) {
        return jdbc.sql("SELECT * FROM knowledge_event_participants WHERE event_id = :id ORDER BY position")
                .param("id", id).query((rs, n) -> new ParticipantCount(rs.getString("organisation"),
                        Audience.valueOf(rs.getString("audience")), rs.getInt("participants"))).list();
    }

    /** One row of the list: the event without its participants' rows, with their total. */
    public record EventRow(UUID id, KnowledgeEventRecorded.Kind kind, String topic, LocalDate date, LocalTime time,
                           String place, String organiser, KnowledgeEventRecorded.Status status, int participants) {
    }

    /** The events, newest first, matching the words (topic, organiser, place) and the kind and status chosen. */
    public PageResult<EventRow> search(String query, KnowledgeEventRecorded.Kind kind,
                                       KnowledgeEventRecorded.Status status, Paging paging) {
        String where = " WHERE (lower(e.topic) LIKE :q OR lower(e.organiser) LIKE :q OR lower(coalesce(e.place, ''))"
                + " LIKE :q)" + (kind == null ? "" : " AND e.kind = :kind")
                + (status == null ? "" : " AND e.status = :status");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("q", SqlLike.contains(query));
        if (kind != null) {
            params.put("kind", kind.name());
        }
        if (status != null) {
            params.put("status", status.name());
        }
        long total = jdbc.sql("SELECT count(*) FROM knowledge_event e" + where).params(params).query(Long.class)
                .single();
        List<EventRow> rows = jdbc.sql(ROW_SELECT + where
                        + " ORDER BY e.event_date DESC, e.start_time DESC NULLS LAST, e.topic LIMIT :l OFFSET :o")
                .params(params).param("l", paging.size()).param("o", paging.offset())
                .query(KnowledgeEvents::row).list();
        return new PageResult<>(rows, paging.page(), paging.size(), total);
    }

    /** The events of a month, in date order. */
    public List<EventRow> month(YearMonth month) {
        return jdbc.sql(ROW_SELECT + " WHERE e.event_date BETWEEN :from AND :to"
                        + " ORDER BY e.event_date, e.start_time NULLS FIRST, e.topic")
                .param("from", month.atDay(1)).param("to", month.atEndOfMonth()).query(KnowledgeEvents::row).list();
    }

    /** The next planned events from today on, soonest first. */
    public List<EventRow> upcoming(int limit) {
        return jdbc.sql(ROW_SELECT + " WHERE e.status = 'PLANNED' AND e.event_date >= :today"
                        + " ORDER BY e.event_date, e.start_time NULLS FIRST, e.topic LIMIT :l")
                .param("today", LocalDate.now(clock)).param("l", limit).query(KnowledgeEvents::row).list();
    }

    /** The events held in the period (both days included), with their participants, for the grant's report. */
    public List<KnowledgeEvent> heldBetween(LocalDate from, LocalDate to) {
        List<UUID> ids = jdbc.sql("""
                        SELECT id FROM knowledge_event WHERE status = 'HELD' AND event_date BETWEEN :from AND :to
                        ORDER BY event_date""")
                .param("from", from).param("to", to).query(UUID.class).list();
        return ids.stream().map(id -> find(id).orElseThrow()).toList();
    }

    private static final String ROW_SELECT = """
            SELECT e.id, e.kind, e.topic, e.event_date, e.start_time, e.place, e.organiser, e.status,
                coalesce((SELECT sum(p.participants) FROM knowledge_event_participants p WHERE p.event_id = e.id), 0)
                    AS total
            FROM knowledge_event e""";

    private static EventRow row(ResultSet rs, int n) throws SQLException {
        return new EventRow(rs.getObject("id", UUID.class), KnowledgeEventRecorded.Kind.valueOf(rs.getString("kind")),
                rs.getString("topic"), rs.getObject("event_date", LocalDate.class),
                rs.getObject("start_time", LocalTime.class), rs.getString("place"), rs.getString("organiser"),
                KnowledgeEventRecorded.Status.valueOf(rs.getString("status")), rs.getInt("total"));
    }

    private static KnowledgeEvent map(ResultSet rs, List<ParticipantCount> participants) throws SQLException {
        Set<Audience> audiences = EnumSet.noneOf(Audience.class);
        for (String a : rs.getString("audiences").split(",")) {
            if (!a.isBlank()) {
                audiences.add(Audience.valueOf(a));
            }
        }
        return new KnowledgeEvent(rs.getObject("id", UUID.class),
                KnowledgeEventRecorded.Kind.valueOf(rs.getString("kind")), rs.getString("topic"),
                rs.getObject("event_date", LocalDate.class), rs.getObject("start_time", LocalTime.class),
                rs.getString("place"), rs.getString("organiser"), audiences,
                KnowledgeEventRecorded.Status.valueOf(rs.getString("status")), rs.getString("evaluation"),
                participants, rs.getInt("version"), rs.getTimestamp("updated_at").toInstant(),
                rs.getString("updated_by"));
    }

    // -- materials ---------------------------------------------------------------------------------------------

    /**
     * Adds a material. Refused (a problem at the field {@code file}) when there is no file, when it is larger than
     * {@code lotsen.knowledge.max-material-size}, when its extension is not allowed, or when its content is not what
     * the extension says.
     */
    @Transactional
    public Material addMaterial(UUID eventId, String originalFilename, byte[] content, String by) {
        find(eventId).orElseThrow(() -> new NotFoundException("event"));
        if (content == null || content.length == 0) {
            throw FieldProblems.of("file", "validation.knowledge.material.empty");
        }
        if (content.length > maxMaterialSize()) {
            throw FieldProblems.of("file", "validation.knowledge.material.tooLarge", megabytes(maxMaterialSize()));
        }
        String filename = sanitiseFilename(originalFilename);
        MaterialType type = MaterialType.byFilename(filename).orElseThrow(() -> FieldProblems.of("file",
                "validation.knowledge.material.type", MaterialType.acceptedExtensions()));
        if (!type.matches(content)) {
            throw FieldProblems.of("file", "validation.knowledge.material.content", type.extension());
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO knowledge_material (id, event_id, filename, file_type, size_bytes, content, uploaded_at,
                    uploaded_by)
                VALUES (:id, :event, :filename, :type, :size, :content, :now, :by)""")
                .param("id", id).param("event", eventId).param("filename", filename).param("type", type.name())
                .param("size", (long) content.length).param("content", content)
                .param("now", java.sql.Timestamp.from(now)).param("by", by).update();
        return new Material(id, eventId, filename, type, content.length, now, by);
    }

    /** The megabytes shown in the message, e.g. "20". */
    public static String megabytes(long bytes) {
        double mb = bytes / (1024.0 * 1024.0);
        return mb == Math.floor(mb) ? String.valueOf((long) mb)
                : String.format(java.util.Locale.ROOT, "%.1f", mb).replace('.', ',');
    }

    /** A file's size for people: "12 kB" below a megabyte, else "2,5 MB". */
    public static String sizeLabel(long bytes) {
        if (bytes < 1024 * 1024) {
            return Math.max(1, (bytes + 1023) / 1024) + " kB";
        }
        return megabytes(bytes) + " MB";
    }

    public List<Material> materials(UUID eventId) {
        return jdbc.sql("""
                        SELECT id, event_id, filename, file_type, size_bytes, uploaded_at, uploaded_by
                        FROM knowledge_material WHERE event_id = :e ORDER BY uploaded_at, filename""")
                .param("e", eventId).query(KnowledgeEvents::material).list();
    }

    /** A material with its content. */
    public record MaterialFile(Material material, byte[] content) {
    }

    public Optional<MaterialFile> materialFile(UUID eventId, UUID materialId) {
        return jdbc.sql("SELECT * FROM knowledge_material WHERE id = :id AND event_id = :e")
                .param("id", materialId).param("e", eventId)
                .query((rs, n) -> new MaterialFile(material(rs, n), rs.getBytes("content"))).optional();
    }

    @Transactional
    public void removeMaterial(UUID eventId, UUID materialId) {
        int removed = jdbc.sql("DELETE FROM knowledge_material WHERE id = :id AND event_id = :e")
                .param("id", materialId).param("e", eventId).update();
        if (removed == 0) {
            throw new NotFoundException("material");
        }
    }

    private static Material material(ResultSet rs, int n) throws SQLException {
        return new Material(rs.getObject("id", UUID.class), rs.getObject("event_id", UUID.class),
                rs.getString("filename"), MaterialType.valueOf(rs.getString("file_type")), rs.getLong("size_bytes"),
                rs.getTimestamp("uploaded_at").toInstant(), rs.getString("uploaded_by"));
    }

    /**
     * A file name safe to store and to send back: the last part of a path only, no control characters, none of
     * {@code \ / : * ? " < > |}, spaces collapsed, at most 150 characters with the extension kept.
     */
    public static String sanitiseFilename(String original) {
        String name = original == null ? "" : Normalizer.normalize(original, Normalizer.Form.NFC);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT || "\\/:*?\"<>|".indexOf(c) >= 0) {
                b.append('_');
            } else {
                b.append(c);
            }
        }
        name = b.toString().replaceAll("\\s+", " ").strip();
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        if (name.length() > 150) {
            int dot = name.lastIndexOf('.');
            String ext = dot > 0 && name.length() - dot <= 6 ? name.substring(dot) : "";
            name = name.substring(0, 150 - ext.length()) + ext;
        }
        return name.isEmpty() ? "material" : name;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** For the report: participants of held events summed per audience and per organisation. */
    public record Totals(int events, int participants, Map<KnowledgeEventRecorded.Kind, int[]> byKind,
                         Map<Audience, Integer> byAudience, Map<String, Integer> byOrganisation) {
    }

    public Totals totals(LocalDate from, LocalDate to) {
        Map<KnowledgeEventRecorded.Kind, int[]> byKind = new LinkedHashMap<>();
        Map<Audience, Integer> byAudience = new LinkedHashMap<>();
        Map<String, Integer> byOrganisation = new java.util.TreeMap<>();
        int total = 0;
        List<KnowledgeEvent> held = heldBetween(from, to);
        for (KnowledgeEvent e : held) {
            int[] k = byKind.computeIfAbsent(e.kind(), x -> new int[2]);
            k[0]++;
            k[1] += e.totalParticipants();
            total += e.totalParticipants();
            for (ParticipantCount p : e.participants()) {
                byAudience.merge(p.audience(), p.participants(), Integer::sum);
                byOrganisation.merge(p.organisation(), p.participants(), Integer::sum);
            }
        }
        return new Totals(held.size(), total, byKind, byAudience, byOrganisation);
    }
}
