package se.lotsen.retention;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import se.lotsen.audit.AuditAction;
import se.lotsen.audit.AuditLog;
import se.lotsen.audit.AuditRecord;
import se.lotsen.common.PageResult;
import se.lotsen.common.Paging;
import se.lotsen.common.SqlLike;
import se.lotsen.persons.IdentityKind;
import se.lotsen.persons.IdentityNumber;

/**
 * Gallring (see the package comment): judges every closed personakt whose last note is old enough under the rules in
 * force on the day, and erases the files that are due, each in a transaction of its own, or in report mode lists them.
 * Every run is recorded with what it found, kept and did, and written to the audit trail.
 */
@Service
public class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);
    static final String RECORD_TYPE = "RETENTION_RUN";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final AuditLog audit;
    private final RetentionProperties properties;
    private final ApplicationEventPublisher events;

    Retention(JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock, AuditLog audit,
              RetentionProperties properties, ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.audit = audit;
        this.properties = properties;
    }

    /** Today in Sweden, the day whose rules a scheduled run applies. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(RetentionRules.SWEDEN));
    }

    /** Every rule, in force or not: the period first, then what keeps a file; oldest first within a kind. */
    public List<RetentionRule> rules() {
        return jdbc.sql("""
                        SELECT * FROM retention_rule ORDER BY CASE kind WHEN 'ERASE_AFTER' THEN 0 WHEN 'KEEP' THEN 1
                            WHEN 'KEEP_UNTIL_AGE' THEN 2 ELSE 3 END, valid_from, key""")
                .query(this::rule).list();
    }

    /** The rules in force on the day. */
    public RetentionRules rulesOn(LocalDate day) {
        return RetentionRules.of(rules(), day);
    }

    /** A run in the configured mode under the rules of today. */
    RetentionRun run() {
        return run(today(), properties.mode());
    }

    /**
     * A run under the rules of the given day (a test looks ahead in time with it; the job uses today), in the given
     * mode. The caller makes sure it runs on one node at a time ({@link RetentionJob}).
     */
    RetentionRun run(LocalDate day, RetentionMode mode) {
        RetentionRules rules = rulesOn(day);
        Instant started = clock.instant().truncatedTo(ChronoUnit.MICROS);
        UUID id = UUID.randomUUID();
        Optional<Instant> before = rules.lastNoteBefore();
        jdbc.sql("""
                        INSERT INTO retention_run (id, started_at, mode, rules_on, last_note_before)
                        VALUES (:id, :started, :mode, :day, :before)""")
                .param("id", id).param("started", utc(started)).param("mode", mode.name()).param("day", day)
                .param("before", utc(before.orElse(started)))
                .update();
        Tally tally = new Tally();
        String failure = null;
        try {
            if (before.isEmpty()) {
                failure = "No rule on when files are erased is in force on " + day + ".";
            } else {
                judgeAndErase(id, rules, before.get(), mode, tally);
            }
            tally.eventsRemoved = removeCompletedEvents();
        } catch (RuntimeException e) {
            log.warn("The retention run {} stopped: {}", id, e.getMessage());
            failure = truncate(e.getClass().getSimpleName() + ": " + e.getMessage(), 500);
        }
        // A report's list of the files due on its day is out of date once another run has judged them again (its
        // counts stay); the lists of erasure runs are the record of what was erased and stay.
        jdbc.sql("""
                        DELETE FROM retention_run_file WHERE run_id IN
                            (SELECT id FROM retention_run WHERE mode = 'REPORT' AND id <> :id)""")
                .param("id", id).update();
        Instant finished = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String stopped = failure;
        tx.executeWithoutResult(status -> {
            jdbc.sql("""
                            UPDATE retention_run SET finished_at = :finished, files_due = :due, files_erased = :erased,
                                cases_erased = :cases, files_left = :left, kept_placement = :placement,
                                kept_until_age = :untilAge, kept_birth_unknown = :birthUnknown, kept_research = :research,
                                events_removed = :events, failure = :failure
                            WHERE id = :id""")
                    .param("finished", utc(finished)).param("due", tally.due).param("erased", tally.erased)
                    .param("cases", tally.cases).param("left", tally.left)
                    .param("placement", tally.kept.getOrDefault(RetentionRules.Outcome.KEPT_PLACEMENT, 0))
                    .param("untilAge", tally.kept.getOrDefault(RetentionRules.Outcome.KEPT_UNTIL_AGE, 0))
                    .param("birthUnknown", tally.kept.getOrDefault(RetentionRules.Outcome.KEPT_BIRTH_UNKNOWN, 0))
                    .param("research", tally.kept.getOrDefault(RetentionRules.Outcome.KEPT_RESEARCH, 0))
                    .param("events", tally.eventsRemoved).param("failure", stopped).param("id", id)
                    .update();
            events.publishEvent(new RetentionRunFinished(id, day, mode, tally.due, tally.erased, stopped != null,
                    actBy(id, day, mode)));
        });
        String detail = "mode " + mode + ", rules of " + day + ": " + tally.due + " files due, " + tally.erased
                + " erased (" + tally.cases + " cases), " + tally.left + " left for the next run (not listed)"
                + (failure == null ? "" : "; stopped: " + failure);
        audit.record(AuditRecord.of(mode == RetentionMode.ERASE ? AuditAction.ERASE : AuditAction.SEARCH,
                RECORD_TYPE, id).withDetail(detail));
        log.info("Retention run {}: {}", id, detail);
        return find(id).orElseThrow();
    }

    /** In report mode, due files whose last day is this close make the run warn the auditors. */
    public static final int WARN_BEFORE_DAYS = 90;

    /** The law's last day of the first listed file, when a report lists one within the warning's reach. */
    private LocalDate actBy(UUID run, LocalDate day, RetentionMode mode) {
        if (mode != RetentionMode.REPORT) {
            return null;
        }
        // min() over no rows is one row with NULL: a report that lists nothing.
        LocalDate first = jdbc.sql("SELECT min(latest_on) FROM retention_run_file WHERE run_id = :run")
                .param("run", run).query((rs, n) -> rs.getObject(1, LocalDate.class)).list().get(0);
        return first != null && !first.isAfter(day.plusDays(WARN_BEFORE_DAYS)) ? first : null;
    }

    private static final class Tally {
        int due;
        int erased;
        int cases;
        int left;
        int eventsRemoved;
        final Map<RetentionRules.Outcome, Integer> kept = new EnumMap<>(RetentionRules.Outcome.class);
    }

    /**
     * A closed file whose last note is old enough, with what the rules look at. A merge moves the cases to the record
     * that stays ({@code Cases}), so a file's cases are those of its living record.
     */
    private record Candidate(UUID person, String caseNumbers, RetentionRules.Facts facts) {
    }

    private void judgeAndErase(UUID run, RetentionRules rules, Instant before, RetentionMode mode, Tally tally) {
        OffsetDateTime childClosedFrom = rules.untilAge().map(RetentionRule::closedFrom)
                .map(d -> utc(d.atStartOfDay(RetentionRules.SWEDEN).toInstant())).orElse(null);
        String keptTypes = String.join(",", rules.keptDecisionTypes());
        UUID after = new UUID(0, 0); // the least in PostgreSQL's order of uuid (unsigned bytes)
        int seq = 0;
        while (true) {
            List<Candidate> batch = candidates(after, before, childClosedFrom, keptTypes);
            for (Candidate c : batch) {
                RetentionRules.Outcome outcome = rules.judge(c.facts());
                if (outcome != RetentionRules.Outcome.DUE) {
                    tally.kept.merge(outcome, 1, Integer::sum);
                    continue;
                }
                tally.due++;
                if (seq >= properties.maxFilesPerRun()) {
                    // Counted, not erased or listed: the next run takes it.
                    tally.left++;
                    continue;
                }
                seq++;
                record(run, seq, c, rules, mode == RetentionMode.ERASE, tally);
            }
            if (batch.size() < properties.batchSize()) {
                return;
            }
            after = batch.get(batch.size() - 1).person();
        }
    }

    /** Erases the file (when {@code erase}) and records it in the run, in one transaction. */
    private void record(UUID run, int seq, Candidate c, RetentionRules rules, boolean erase, Tally tally) {
        LocalDate dueOn = rules.dueOn(c.facts().lastNoteAt());
        Integer cases = tx.execute(status -> {
            int erased = erase ? Erasure.erase(jdbc, c.person()) : 0;
            jdbc.sql("""
                            INSERT INTO retention_run_file (run_id, seq, case_numbers, last_note_at, due_on,
                                latest_on, erased)
                            VALUES (:run, :seq, :numbers, :last, :due, :latest, :erased)""")
                    .param("run", run).param("seq", seq)
                    .param("numbers", truncate(c.caseNumbers() == null ? "–" : c.caseNumbers(), 2000))
                    .param("last", utc(c.facts().lastNoteAt())).param("due", dueOn)
                    .param("latest", RetentionRules.latestOn(dueOn)).param("erased", erase)
                    .update();
            return erased;
        });
        if (erase) {
            tally.erased++;
            tally.cases += cases == null ? 0 : cases;
        }
    }

    /**
     * The next batch of closed files whose last note is before the cut-off, after the given person id (files are read
     * a batch at a time in the order of the person's id, so that memory stays small whatever the size).
     */
    private List<Candidate> candidates(UUID after, Instant before, OffsetDateTime childClosedFrom, String keptTypes) {
        return jdbc.sql("""
                        SELECT p.id, p.identity_kind, p.identity_number, p.stated_birth_date,
                               GREATEST(p.updated_at, f.last_note) AS last_note, f.placement, f.child_file,
                               f.case_numbers
                        FROM person p
                        CROSS JOIN LATERAL (
                            SELECT max(GREATEST(c.received_at, c.updated_at, c.closed_at, j.last, s.last, d.last))
                                       AS last_note,
                                   count(*) FILTER (WHERE c.status <> 'CLOSED') AS open_cases,
                                   coalesce(bool_or(c.custody_decided OR coalesce(d.kept, false)), false) AS placement,
                                   coalesce(bool_or(c.subject_type = 'CHILD'
                                       AND c.closed_at >= CAST(:childClosedFrom AS timestamptz)), false) AS child_file,
                                   string_agg(c.case_number, ', ' ORDER BY c.received_at, c.case_number)
                                       AS case_numbers
                            FROM case_file c
                            LEFT JOIN LATERAL (SELECT max(signed_at) AS last FROM journal_entry
                                               WHERE case_id = c.id) j ON true
                            LEFT JOIN LATERAL (SELECT max(changed_at) AS last FROM case_status_change
                                               WHERE case_id = c.id) s ON true
                            LEFT JOIN LATERAL (SELECT max(GREATEST(created_at, ended_at)) AS last,
                                                      bool_or(type LIKE ANY(string_to_array(:keptTypes, ','))) AS kept
                                               FROM decision WHERE case_id = c.id) d ON true
                            WHERE c.person_id = p.id
                        ) f
                        WHERE p.id > :after AND p.merged_into IS NULL AND p.updated_at < :before
                          AND f.open_cases = 0 AND GREATEST(p.updated_at, f.last_note) < :before
                        ORDER BY p.id
                        LIMIT :batch""")
                .param("after", after)
                .param("childClosedFrom", childClosedFrom)
                .param("keptTypes", keptTypes)
                .param("before", utc(before))
                .param("batch", properties.batchSize())
                .query(this::candidate).list();
    }

    private Candidate candidate(ResultSet rs, int n) throws SQLException {
        IdentityKind kind = IdentityKind.valueOf(rs.getString("identity_kind"));
        String number = rs.getString("identity_number");
        Optional<LocalDate> stated = Optional.ofNullable(rs.getObject("stated_birth_date", LocalDate.class));
        Optional<LocalDate> born = number == null ? stated
                : new IdentityNumber(kind, number).dateOfBirth().or(() -> stated);
        return new Candidate(rs.getObject("id", UUID.class), rs.getString("case_numbers"),
                new RetentionRules.Facts(rs.getObject("last_note", OffsetDateTime.class).toInstant(),
                        rs.getBoolean("placement"), rs.getBoolean("child_file"), born));
    }

    /** Completed event publications older than the setting: they carry case ids and are of no further use. */
    private int removeCompletedEvents() {
        Duration kept = properties.completedEventsKeptFor();
        return jdbc.sql("DELETE FROM event_publication WHERE completion_date < :before")
                .param("before", utc(clock.instant().minus(kept))).update();
    }

    /** The runs, newest first. */
    public PageResult<RetentionRun> runs(Paging paging) {
        long total = jdbc.sql("SELECT count(*) FROM retention_run").query(Long.class).single();
        List<RetentionRun> items = jdbc.sql("""
                        SELECT * FROM retention_run ORDER BY started_at DESC, id LIMIT :limit OFFSET :offset""")
                .param("limit", paging.size()).param("offset", paging.offset())
                .query(this::runRow).list();
        return new PageResult<>(items, paging.page(), paging.size(), total);
    }

    public Optional<RetentionRun> find(UUID id) {
        return jdbc.sql("SELECT * FROM retention_run WHERE id = :id").param("id", id).query(this::runRow).optional();
    }

    /** The files of a run, in the order it judged them; {@code search} finds a case number or a part of one. */
    public PageResult<RetentionRun.File> files(UUID run, String search, Paging paging) {
        String like = search == null || search.isBlank() ? null : SqlLike.contains(search);
        String where = "WHERE run_id = :run" + (like == null ? "" : " AND lower(case_numbers) LIKE :like");
        long total = jdbc.sql("SELECT count(*) FROM retention_run_file " + where).param("run", run)
                .params(like == null ? Map.of() : Map.of("like", like)).query(Long.class).single();
        List<RetentionRun.File> items = jdbc.sql("SELECT * FROM retention_run_file " + where
                        + " ORDER BY seq LIMIT :limit OFFSET :offset")
                .param("run", run).params(like == null ? Map.of() : Map.of("like", like))
                .param("limit", paging.size()).param("offset", paging.offset())
                .query((rs, n) -> new RetentionRun.File(rs.getInt("seq"), rs.getString("case_numbers"),
                        rs.getObject("last_note_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("due_on", LocalDate.class), rs.getObject("latest_on", LocalDate.class),
                        rs.getBoolean("erased")))
                .list();
        return new PageResult<>(items, paging.page(), paging.size(), total);
    }

    private RetentionRun runRow(ResultSet rs, int n) throws SQLException {
        OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
        return new RetentionRun(rs.getObject("id", UUID.class),
                rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                finished == null ? null : finished.toInstant(), RetentionMode.valueOf(rs.getString("mode")),
                rs.getObject("rules_on", LocalDate.class),
                rs.getObject("last_note_before", OffsetDateTime.class).toInstant(), rs.getInt("files_due"),
                rs.getInt("files_erased"), rs.getInt("cases_erased"), rs.getInt("files_left"),
                rs.getInt("kept_placement"), rs.getInt("kept_until_age"), rs.getInt("kept_birth_unknown"),
                rs.getInt("kept_research"), rs.getInt("events_removed"), rs.getString("failure"));
    }

    private RetentionRule rule(ResultSet rs, int n) throws SQLException {
        String days = rs.getString("birth_days");
        return new RetentionRule(rs.getString("key"), RetentionRule.Kind.valueOf(rs.getString("kind")),
                rs.getString("legal_basis"), rs.getString("source"), rs.getString("description"),
                (Integer) rs.getObject("years"), RetentionRule.split(rs.getString("decision_types")),
                RetentionRule.split(days).stream().map(Integer::valueOf).toList(),
                rs.getObject("closed_from", LocalDate.class), rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_to", LocalDate.class));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
