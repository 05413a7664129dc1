package se.lotsen.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes checkpoints of the audit chain's head outside the database and reads them back for verification.
 *
 * <p>A checkpoint is appended as one JSON line to a file per day ({@code audit-checkpoints-YYYY-MM-DD.jsonl}, UTC) in
 * the configured directory, and logged as one structured INFO line (key-values {@code audit.checkpoint.*}, no
 * personal data) so that a log shipper can carry it to write-once storage. Without a directory (production without
 * {@code LOTSEN_AUDIT_CHECKPOINT_DIR}) only the log line is written.
 */
public class AuditCheckpoints {

    private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);
    static final String FILE_PREFIX = "audit-checkpoints-";
    static final String FILE_SUFFIX = ".jsonl";

    private final JdbcClient jdbc;
    private final AuditKey key;
    private final Path directory;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    AuditCheckpoints(JdbcClient jdbc, AuditKey key, Path directory, Clock clock) {
        this.jdbc = jdbc;
        this.key = key;
        this.directory = directory;
        this.clock = clock;
    }

    /** The directory checkpoints are written to, if one is configured. */
    public Optional<Path> directory() {
        return Optional.ofNullable(directory);
    }

    /** Writes a checkpoint of the current head now; empty when the log has no entry yet. */
    public synchronized Optional<AuditCheckpoint> write() {
        return head().map(this::writeOf);
    }

    /**
     * Writes a checkpoint unless the head is still the one the latest checkpoint names; empty when nothing was
     * written.
     */
    public synchronized Optional<AuditCheckpoint> writeIfMoved() {
        Optional<Head> head = head();
        if (head.isEmpty()) {
            return Optional.empty();
        }
        Optional<AuditCheckpoint> latest = latest();
        if (latest.isPresent() && latest.get().seq() == head.get().seq()
                && latest.get().entryId() == head.get().id()
                && latest.get().chainValue().equals(head.get().value())) {
            return Optional.empty();
        }
        return Optional.of(writeOf(head.get()));
    }

    private record Head(long id, long seq, String value) {
    }

    private Optional<Head> head() {
        return jdbc.sql("SELECT id, seq, hash FROM audit_entry ORDER BY seq DESC LIMIT 1")
                .query((rs, n) -> new Head(rs.getLong("id"), rs.getLong("seq"), rs.getString("hash")))
                .optional();
    }

    private AuditCheckpoint writeOf(Head head) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String mac = key.mac(AuditChain.checkpointContent(head.seq(), head.id(), head.value(), now));
        AuditCheckpoint checkpoint = new AuditCheckpoint(head.seq(), head.id(), head.value(), now, mac);
        if (directory != null) {
            append(checkpoint);
        }
        log.atInfo()
                .setMessage("Audit checkpoint: seq {} entry {} value {} written {} mac {}")
                .addArgument(checkpoint.seq()).addArgument(checkpoint.entryId()).addArgument(checkpoint.chainValue())
                .addArgument(checkpoint.writtenAt()).addArgument(checkpoint.mac())
                .addKeyValue("audit.checkpoint.seq", checkpoint.seq())
                .addKeyValue("audit.checkpoint.entry_id", checkpoint.entryId())
                .addKeyValue("audit.checkpoint.chain_value", checkpoint.chainValue())
                .addKeyValue("audit.checkpoint.written_at", checkpoint.writtenAt().toString())
                .addKeyValue("audit.checkpoint.mac", checkpoint.mac())
                .log();
        return checkpoint;
    }

    /** The JSON line of a checkpoint (without the line end). */
    String line(AuditCheckpoint c) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("seq", c.seq());
        fields.put("entryId", c.entryId());
        fields.put("chainValue", c.chainValue());
        fields.put("writtenAt", c.writtenAt().toString());
        fields.put("mac", c.mac());
        return json.writeValueAsString(fields);
    }

    private void append(AuditCheckpoint c) {
        Path file = directory.resolve(FILE_PREFIX + c.writtenAt().atOffset(ZoneOffset.UTC).toLocalDate()
                + FILE_SUFFIX);
        try {
            Files.createDirectories(directory);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                ByteBuffer bytes = ByteBuffer.wrap((line(c) + "\n").getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the audit checkpoint could not be written to " + file, e);
        }
    }

    /** A line of a checkpoint file that is not a valid checkpoint; the values it claims, when readable. */
    record Forged(String file, int line, Long seq, Long entryId) {
    }

    /** The checkpoints found in the directory: the valid ones in file order, and the lines that are not valid. */
    record Found(List<AuditCheckpoint> valid, List<Forged> forged) {
    }

    /** The newest valid checkpoint: the last valid line of the newest file. */
    Optional<AuditCheckpoint> latest() {
        List<Path> files = files();
        for (int i = files.size() - 1; i >= 0; i--) {
            Found found = read(List.of(files.get(i)));
            if (!found.valid().isEmpty()) {
                return Optional.of(found.valid().get(found.valid().size() - 1));
            }
        }
        return Optional.empty();
    }

    /** Every checkpoint in the directory, each line checked against its seal. */
    Found readAll() {
        return read(files());
    }

    private List<Path> files() {
        if (directory == null || !Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(directory)) {
            return list.filter(p -> {
                String name = p.getFileName().toString();
                return name.startsWith(FILE_PREFIX) && name.endsWith(FILE_SUFFIX) && Files.isRegularFile(p);
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("the audit checkpoint directory " + directory + " cannot be read", e);
        }
    }

    private Found read(List<Path> files) {
        List<AuditCheckpoint> valid = new ArrayList<>();
        List<Forged> forged = new ArrayList<>();
        for (Path file : files) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("the audit checkpoint file " + file + " cannot be read", e);
            }
            // A last line without its line end is being written right now (or was cut by a crash): not yet a
            // checkpoint, neither trusted nor reported.
            List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
            lines.remove(lines.size() - 1);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isBlank()) {
                    continue;
                }
                Optional<AuditCheckpoint> parsed = parse(line);
                if (parsed.isPresent() && sealed(parsed.get())) {
                    valid.add(parsed.get());
                } else {
                    forged.add(new Forged(file.getFileName().toString(), i + 1,
                            parsed.map(AuditCheckpoint::seq).orElse(null),
                            parsed.map(AuditCheckpoint::entryId).orElse(null)));
                }
            }
        }
        return new Found(valid, forged);
    }

    private Optional<AuditCheckpoint> parse(String line) {
        try {
            JsonNode node = json.readTree(line);
            if (!node.path("seq").isIntegralNumber() || !node.path("entryId").isIntegralNumber()
                    || !node.path("chainValue").isString() || !node.path("writtenAt").isString()
                    || !node.path("mac").isString()) {
                return Optional.empty();
            }
            return Optional.of(new AuditCheckpoint(node.get("seq").asLong(), node.get("entryId").asLong(),
                    node.get("chainValue").asString(), Instant.parse(node.get("writtenAt").asString()),
                    node.get("mac").asString()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private boolean sealed(AuditCheckpoint c) {
        return key.matchingKey(0, AuditChain.checkpointContent(c.seq(), c.entryId(), c.chainValue(), c.writtenAt()),
                c.mac()) >= 0;
    }
}
