package se.lotsen.decisions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.lotsen.calendar.StatutoryDeadline;
import se.lotsen.calendar.SwedishCalendar;
import se.lotsen.cases.CaseGrant;
import se.lotsen.cases.CaseId;
import se.lotsen.cases.CaseScope;
import se.lotsen.cases.WriteGrant;
import se.lotsen.common.FieldProblems;
import se.lotsen.common.NotFoundException;
import se.lotsen.common.PageResult;
import se.lotsen.common.Paging;
import se.lotsen.common.SqlLike;
import se.lotsen.organisation.Committee;
import se.lotsen.organisation.Organisation;
import se.lotsen.organisation.UnitId;

/**
 * Deadlines: computed from the rule valid on the anchor day with the Swedish legal calendar, met (with when, by whom
 * and evidence), extended by the court, or closed when what they concern ended. Overdue and lapsed are derived from
 * today's Swedish date every time a deadline is read.
 */
@Service
public class Deadlines {

    private final JdbcClient jdbc;
    private final SwedishCalendar calendar;
    private final Organisation organisation;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    public Deadlines(JdbcClient jdbc, SwedishCalendar calendar, Organisation organisation, Clock clock,
                     ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.organisation = organisation;
        this.clock = clock;
        this.events = events;
    }

    /** The rule of the kind valid on the day. */
    public DeadlineRule rule(DeadlineKind kind, LocalDate day) {
        return jdbc.sql("SELECT * FROM deadline_rule WHERE kind = :k ORDER BY valid_from DESC").param("k", kind.name())
                .query(Deadlines::mapRule).list().stream().filter(r -> r.validOn(day)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No " + kind + " rule valid on " + day));
    }

    /** All rules, for the rule page. */
    public List<DeadlineRule> rules() {
        return jdbc.sql("SELECT * FROM deadline_rule ORDER BY kind, valid_from").query(Deadlines::mapRule).list();
    }

    /**
     * Starts a deadline. For the committee report the committee's next meeting after the anchor day is the date; when
     * none is known the deadline has no date and carries a warning.
     */
    @Transactional
    public UUID start(UUID caseId, UUID decisionId, DeadlineKind kind, LocalDate anchor, UnitId committeeUnit) {
        return start(caseId, decisionId, kind, anchor, committeeUnit, null, null);
    }

    /**
     * Starts a deadline whose last day a court or an authority fixed ({@code fixedDue}, never moved by 1930:173), or
     * computed by the rule when {@code fixedDue} is {@code null}; {@code warning} is a message key shown with it.
     */
    @Transactional
    UUID start(UUID caseId, UUID decisionId, DeadlineKind kind, LocalDate anchor, UnitId committeeUnit,
               LocalDate fixedDue, String fixedWarning) {
        DeadlineRule rule = rule(kind, anchor);
        LocalDate nominal;
        LocalDate due;
        String warning = null;
        if (rule.unit() == DeadlineRule.Unit.NEXT_MEETING) {
            Optional<Committee.Meeting> meeting = committeeUnit == null ? Optional.empty()
                    : organisation.nextMeetingAfter(committeeUnit, anchor);
            nominal = meeting.map(Committee.Meeting::date).orElse(null);
            due = nominal;
            if (nominal == null) {
                warning = "deadline.warning.noMeeting";
            } else if (nominal.isAfter(anchor.plusWeeks(6))) {
                // A gap this long usually means the meeting calendar is not up to date.
                warning = "deadline.warning.meetingFar";
            }
        } else if (fixedDue != null) {
            nominal = fixedDue;
            due = fixedDue;
        } else {
            StatutoryDeadline computed = switch (rule.unit()) {
                case DAYS -> rule.moves() ? calendar.days(anchor, rule.amount())
                        : new StatutoryDeadline(anchor, anchor.plusDays(rule.amount()), anchor.plusDays(rule.amount()), List.of());
                case WEEKS -> rule.moves() ? calendar.weeks(anchor, rule.amount())
                        : new StatutoryDeadline(anchor, anchor.plusWeeks(rule.amount()), anchor.plusWeeks(rule.amount()), List.of());
                case MONTHS -> rule.moves() ? calendar.months(anchor, rule.amount())
                        : new StatutoryDeadline(anchor, anchor.plusMonths(rule.amount()), anchor.plusMonths(rule.amount()), List.of());
                case NEXT_MEETING -> throw new IllegalStateException();
            };
            nominal = computed.nominalLastDay();
            due = computed.lastDay();
        }
        if (fixedWarning != null) {
            warning = fixedWarning;
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO deadline (id, case_id, decision_id, kind, rule_id, anchor_date, nominal_date, due_date,
                            status, warning)
                        VALUES (:id, :c, :d, :k, :r, :a, :n, :due, 'PENDING', :w)""")
                .param("id", id).param("c", caseId).param("d", decisionId).param("k", kind.name())
                .param("r", rule.id()).param("a", anchor).param("n", nominal).param("due", due).param("w", warning)
                .update();
        scheduled(caseId, id, kind, due);
        return id;
    }

    /** Tells the listeners that a deadline got its last day (started, or moved by the court). */
    private void scheduled(UUID caseId, UUID id, DeadlineKind kind, LocalDate lastDay) {
        events.publishEvent(new DeadlineScheduled(new CaseId(caseId), new DeadlineId(id), kind, lastDay));
    }

    /** Starts a deadline when a rule is valid on the anchor day (old cases may predate every rule). */
    @Transactional
    public Optional<UUID> startIfRuleExists(UUID caseId, DeadlineKind kind, LocalDate anchor) {
        boolean exists = jdbc.sql("SELECT * FROM deadline_rule WHERE kind = :k").param("k", kind.name())
                .query(Deadlines::mapRule).list().stream().anyMatch(r -> r.validOn(anchor));
        return exists ? Optional.of(start(caseId, null, kind, anchor, null)) : Optional.empty();
    }

    public List<Deadline> forCase(UUID caseId) {
        return jdbc.sql(SELECT + " WHERE d.case_id = :c ORDER BY d.due_date NULLS FIRST, d.created_at")
                .param("c", caseId).query(this::map).list();
    }

    /** The deadlines of several cases in one statement, by case. */
    public Map<UUID, List<Deadline>> forCases(Collection<UUID> caseIds) {
        if (caseIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql(SELECT + " WHERE d.case_id IN (:c) ORDER BY d.due_date NULLS FIRST, d.created_at")
                .param("c", List.copyOf(caseIds)).query(this::map).list().stream()
                .collect(java.util.stream.Collectors.groupingBy(Deadline::caseId, java.util.LinkedHashMap::new,
                        java.util.stream.Collectors.toList()));
    }

    public Optional<Deadline> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE d.id = :id").param("id", id).query(this::map).optional();
    }

    /**
     * Marks a deadline of the grant's case as met on a day, with evidence (e.g. the court's case number), and starts
     * what follows in the same transaction: meeting the 7 § submission starts the court's review week, a 14 § review
     * the next one, and a decision to open an investigation ({@code investigationOpened}) the four months.
     */
    @Transactional
    public Deadline markMet(WriteGrant grant, DeadlineId id, LocalDate on, String evidence,
                            boolean investigationOpened) {
        grant.requireActive();
        Deadline d = own(grant.caseId(), id);
        Deadline met = d.markMet(on, evidence, grant.user().displayName(), today(), clock.instant());
        save(met);
        if (d.kind() == DeadlineKind.LVU_7_SUBMISSION) {
            start(d.caseId(), d.decisionId(), DeadlineKind.LVU_7_COURT_REVIEW, on, null);
        } else if (d.kind() == DeadlineKind.LVU_14_REVIEW) {
            start(d.caseId(), d.decisionId(), DeadlineKind.LVU_14_REVIEW, on, null);
        } else if (d.kind() == DeadlineKind.CHILD_INVESTIGATION_DECISION && investigationOpened) {
            start(d.caseId(), null, DeadlineKind.CHILD_INVESTIGATION, on, null);
        }
        events.publishEvent(new DeadlineMet(grant.caseId(), id, d.kind(), on, d.dueDate()));
        return find(id.value()).orElseThrow();
    }

    /** The rules of {@link #markMet}, checked without recording anything (all of a form's problems at once). */
    public void checkMet(WriteGrant grant, DeadlineId id, LocalDate on, String evidence) {
        grant.requireActive();
        own(grant.caseId(), id).markMet(on, evidence, grant.user().displayName(), today(), clock.instant());
    }

    /** A deadline met by what Lotsen recorded elsewhere (e.g. the court granted a continuation). */
    @Transactional
    void meet(UUID id, LocalDate on, String evidence, String byName) {
        Deadline d = find(id).orElseThrow(() -> new NotFoundException("deadline"));
        if (d.status().open() && setMet(id, on, clock.instant(), byName, evidence) == 1) {
            events.publishEvent(new DeadlineMet(new CaseId(d.caseId()), d.deadlineId(), d.kind(), on, d.dueDate()));
        }
    }

    /** Saves a met deadline while it is still open: a double submit is refused, nothing starts twice. */
    private void save(Deadline met) {
        if (setMet(met.id(), met.metOn(), met.metAt(), met.metByName(), met.evidence()) == 0) {
            throw FieldProblems.of("metOn", "validation.deadline.notOpen");
        }
    }

    /** Marks the deadline met if it is still open; how many rows changed (0 or 1). */
    private int setMet(UUID id, LocalDate on, Instant at, String byName, String evidence) {
        return jdbc.sql("""
                        UPDATE deadline SET status = 'MET', met_on = :on, met_at = :at, met_by_name = :by,
                            evidence = :e WHERE id = :id AND status IN """ + DeadlineStatus.OPEN_STORED_SQL)
                .param("on", on).param("at", at.atOffset(ZoneOffset.UTC)).param("by", byName)
                .param("e", evidence).param("id", id).update();
    }

    /** The court extended the time (8 § andra stycket LVU): the deadline gets the court's date. */
    @Transactional
    public Deadline extend(WriteGrant grant, DeadlineId id, LocalDate newDate, String note) {
        grant.requireActive();
        extendByCourt(own(grant.caseId(), id), newDate, note);
        return find(id.value()).orElseThrow();
    }

    /**
     * The committee asked the court to extend the 8 § time (9 § 1 LVU): the deadline is marked so, and the custody does
     * not lapse until the court decides ({@link CourtRulings}).
     */
    @Transactional
    public Deadline requestExtension(WriteGrant grant, DeadlineId id, LocalDate requestedOn) {
        grant.requireActive();
        Deadline requested = own(grant.caseId(), id).requestExtension(requestedOn, today());
        int updated = jdbc.sql("""
                        UPDATE deadline SET status = 'EXTENSION_REQUESTED', extension_requested_on = :on
                        WHERE id = :id AND status IN ('PENDING', 'EXTENDED')""")
                .param("on", requested.extensionRequestedOn()).param("id", id.value()).update();
        if (updated == 0) {
            throw FieldProblems.of("requestedOn", "validation.deadline.notOpen");
        }
        return find(id.value()).orElseThrow();
    }

    /** The court extended the time: the open 8 § deadline gets the court's date (never moved). */
    @Transactional
    void extendByCourt(Deadline d, LocalDate until, String note) {
        Deadline extended = d.extend(until, note);
        int updated = jdbc.sql("""
                        UPDATE deadline SET status = 'EXTENDED', due_date = :d, extension_note = :n
                        WHERE id = :id AND status IN """ + DeadlineStatus.OPEN_STORED_SQL)
                .param("d", extended.dueDate()).param("n", extended.extensionNote()).param("id", d.id()).update();
        if (updated == 0) {
            throw FieldProblems.of("newDate", "validation.deadline.notOpen");
        }
        scheduled(d.caseId(), d.id(), d.kind(), extended.dueDate());
    }

    /** The court refused the extension: the deadline is as it was before the request (lapsed if its day passed). */
    @Transactional
    void refuseExtension(Deadline d) {
        if (d.status() != DeadlineStatus.EXTENSION_REQUESTED) {
            throw FieldProblems.of("kind", "validation.ruling.noExtensionRequested");
        }
        jdbc.sql("""
                        UPDATE deadline SET status = CASE WHEN extension_note IS NULL THEN 'PENDING' ELSE 'EXTENDED' END
                        WHERE id = :id AND status = 'EXTENSION_REQUESTED'""")
                .param("id", d.id()).update();
    }

    /** Closes an open deadline with a reason (a message key), e.g. answered by the court's ruling on a day. */
    @Transactional
    void closeAnswered(UUID id, String reason, LocalDate on) {
        publishClosed(jdbc.sql("UPDATE deadline SET status = 'CLOSED', closed_reason = :r WHERE id = :id AND status IN "
                        + DeadlineStatus.OPEN_STORED_SQL + CLOSED_RETURNING)
                .param("r", reason).param("id", id).query(Deadlines::closed).list(), on);
    }

    /** What a closing statement returns, for {@link DeadlineClosed}. */
    private static final String CLOSED_RETURNING = " RETURNING id, case_id, kind, due_date";

    /** One deadline closed: id, case, kind, last day (an array, not a record: a record here would read as an event). */
    private static Object[] closed(ResultSet rs, int n) throws SQLException {
        return new Object[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                rs.getObject(4, LocalDate.class)};
    }

    private void publishClosed(List<Object[]> closed, LocalDate on) {
        for (Object[] c : closed) {
            events.publishEvent(new DeadlineClosed(new CaseId((UUID) c[1]), new DeadlineId((UUID) c[0]),
                    DeadlineKind.valueOf((String) c[2]), on, (LocalDate) c[3]));
        }
    }

    /** Open deadlines of a decision (stored open: pending, extended, extension requested). */
    List<Deadline> openOf(UUID decisionId) {
        return jdbc.sql(SELECT + " WHERE d.decision_id = :d AND d.status IN " + DeadlineStatus.OPEN_STORED_SQL
                        + " ORDER BY d.due_date NULLS LAST, d.created_at")
                .param("d", decisionId).query(this::map).list();
    }

    /** A deadline of the case, for a reader of it; 404 for a deadline of another case. */
    public Deadline forRead(CaseGrant grant, DeadlineId id) {
        grant.requireRead();
        return own(grant.caseId(), id);
    }

    private Deadline own(CaseId caseId, DeadlineId id) {
        return find(id.value()).filter(d -> d.caseId().equals(caseId.value()))
                .orElseThrow(() -> new NotFoundException("deadline"));
    }

    /**
     * Closes every open deadline of the decisions, except the report of a chair's decision, which still must be made;
     * {@code on} is the day they stopped applying (the decision's end day).
     */
    @Transactional
    public int closeOpen(List<UUID> decisionIds, String reason, LocalDate on) {
        if (decisionIds.isEmpty()) {
            return 0;
        }
        List<Object[]> closed = jdbc.sql("""
                        UPDATE deadline SET status = 'CLOSED', closed_reason = :r
                        WHERE decision_id IN (:ids) AND kind <> 'COMMITTEE_REPORT' AND status IN """
                        + DeadlineStatus.OPEN_STORED_SQL + CLOSED_RETURNING)
                .param("r", reason).param("ids", decisionIds).query(Deadlines::closed).list();
        publishClosed(closed, on);
        return closed.size();
    }

    /** Marks an open deadline of a kind as met (system events, e.g. the protection assessment was recorded). */
    @Transactional
    public void meetOpen(UUID caseId, DeadlineKind kind, LocalDate on, String byName, String evidence) {
        // Each deadline met, with its last day (java.util entries: a record here would read as an event).
        List<Map.Entry<UUID, LocalDate>> met = jdbc.sql("""
                        UPDATE deadline SET status = 'MET', met_on = :on, met_at = now(), met_by_name = :by, evidence = :e
                        WHERE case_id = :c AND kind = :k AND status IN """ + DeadlineStatus.OPEN_STORED_SQL
                        + " RETURNING id, due_date")
                .param("on", on).param("by", byName).param("e", evidence).param("c", caseId).param("k", kind.name())
                .query((rs, n) -> (Map.Entry<UUID, LocalDate>) new java.util.AbstractMap.SimpleEntry<>(
                        rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class))).list();
        for (Map.Entry<UUID, LocalDate> m : met) {
            events.publishEvent(new DeadlineMet(new CaseId(caseId), new DeadlineId(m.getKey()), kind, on,
                    m.getValue()));
        }
    }

    /** One row of a deadline board. */
    public record BoardRow(Deadline deadline, String caseNumber, String unitCode, boolean protectedIdentity) {
    }

    /**
     * A page of the deadline board and the number of urgent deadlines on all its pages.
     *
     * @param rows   the page's rows, in the board's order
     * @param urgent the matching deadlines that are overdue or lapsed, over every page
     */
    public record Board(PageResult<BoardRow> rows, long urgent) {
    }

    /**
     * Urgent: a stored PENDING or EXTENDED deadline whose last day has passed, which is exactly what {@link #map}
     * derives as OVERDUE or LAPSED. The one definition for the board's order and its count.
     */
    static final String URGENT_SQL =
            "(d.status IN ('PENDING', 'EXTENDED') AND d.due_date IS NOT NULL AND d.due_date < :today)";

    /** The position of a deadline's kind in {@link DeadlineKind}'s order, the board's last ordering before the id. */
    static final String KIND_ORDER_SQL = "array_position(ARRAY["
            + Arrays.stream(DeadlineKind.values()).map(k -> "'" + k.name() + "'").collect(Collectors.joining(", "))
            + "]::text[], d.kind::text)";

    /**
     * One page of the open deadlines of the cases the user's unit holds ({@link CaseScope#held()}), due up to
     * {@code days} days ahead (and every overdue one, and those without a date): urgent (overdue, lapsed) first, then
     * by due date with no date first, then by kind, then by id. The order and the page are taken in SQL, over the
     * deadlines and cases only; the rule, decision, unit and person are joined for the page's rows only.
     * {@code query}, when not blank, narrows it to case numbers containing it (case-insensitive).
     */
    public Board board(CaseScope scope, int days, String query, Paging paging) {
        if (!scope.any()) {
            return new Board(new PageResult<>(List.of(), paging.page(), paging.size(), 0), 0);
        }
        LocalDate today = today();
        String search = query == null ? "" : query.replaceAll("\\p{Cntrl}", "").trim();
        String where = " WHERE " + scope.held() + " AND c.status <> 'CLOSED' AND d.status IN "
                + DeadlineStatus.OPEN_STORED_SQL + " AND (d.due_date IS NULL OR d.due_date <= :until)"
                + (search.isEmpty() ? "" : " AND lower(c.case_number) LIKE :q");
        String from = " FROM deadline d JOIN case_file c ON c.id = d.case_id";
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("today", today);
        params.put("until", today.plusDays(days));
        if (!search.isEmpty()) {
            params.put("q", SqlLike.contains(search));
        }
        // The page and both counts in one pass over the board's deadlines (the counts as window functions, taken
        // before the page is cut); a page past the last carries no row, so its counts are asked for on their own.
        record Row(BoardRow row, long total, long urgent) {
        }
        List<Row> page = jdbc.sql(SELECT_BOARD
                        + " JOIN (SELECT d.id, " + URGENT_SQL + " AS urgent, d.due_date, " + KIND_ORDER_SQL
                        + " AS kind_order, count(*) OVER () AS board_total, count(*) FILTER (WHERE " + URGENT_SQL
                        + ") OVER () AS board_urgent" + from + where
                        + " ORDER BY urgent DESC, due_date NULLS FIRST, kind_order, id LIMIT :limit OFFSET :offset"
                        + ") pg ON pg.id = d.id"
                        + " ORDER BY pg.urgent DESC, pg.due_date NULLS FIRST, pg.kind_order, pg.id")
                .params(params).param("limit", paging.size()).param("offset", paging.offset())
                .query((rs, n) -> new Row(new BoardRow(map(rs, n), rs.getString("case_number"),
                        rs.getString("unit_code"), !"NONE".equals(rs.getString("protected_identity"))),
                        rs.getLong("board_total"), rs.getLong("board_urgent")))
                .list();
        List<BoardRow> rows = page.stream().map(Row::row).toList();
        long[] counts = page.isEmpty()
                ? jdbc.sql("SELECT count(*), count(*) FILTER (WHERE " + URGENT_SQL + ")" + from + where)
                        .params(params).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single()
                : new long[] {page.get(0).total(), page.get(0).urgent()};
        return new Board(new PageResult<>(rows, paging.page(), paging.size(), counts[0]), counts[1]);
    }

    /**
     * Open deadlines with a due date up to {@code until}, for the reminder job, leaving out those past their last day
     * whose overdue reminder was already claimed: at a million cases the job otherwise read every open deadline and
     * tried to claim each overdue one again on every run (about 1.5 s of database time every five minutes). A requested
     * extension is left out: the custody holds until the court decides, and its row on the board says so.
     */
    List<Deadline> dueForReminders(LocalDate today, LocalDate until) {
        return jdbc.sql(SELECT + """

                         WHERE d.status IN ('PENDING', 'EXTENDED') AND d.due_date IS NOT NULL AND d.due_date <= :until
                           AND NOT (d.due_date < :today AND EXISTS (SELECT 1 FROM reminder m
                                    WHERE m.deadline_id = d.id AND m.occasion = :overdue))""")
                .param("until", until).param("today", today).param("overdue", DeadlineReminders.OVERDUE)
                .query(this::map).list();
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(SwedishCalendar.ZONE));
    }

    private static final String SELECT = """
            SELECT d.*, r.id AS r_id, r.kind AS r_kind, r.legal_basis, r.description, r.anchor, r.unit, r.amount,
                   r.moves, r.consequence, r.valid_from, r.valid_to, dec.ended_at AS decision_ended
            FROM deadline d JOIN deadline_rule r ON r.id = d.rule_id LEFT JOIN decision dec ON dec.id = d.decision_id""";

    /** The board's columns; {@code pg} is the page of ids with its counts that {@link #board} joins. */
    private static final String SELECT_BOARD = """
            SELECT d.*, r.id AS r_id, r.kind AS r_kind, r.legal_basis, r.description, r.anchor, r.unit, r.amount,
                   r.moves, r.consequence, r.valid_from, r.valid_to, dec.ended_at AS decision_ended,
                   c.case_number, u.code AS unit_code, p.protected_identity, pg.board_total, pg.board_urgent
            FROM deadline d JOIN deadline_rule r ON r.id = d.rule_id LEFT JOIN decision dec ON dec.id = d.decision_id
            JOIN case_file c ON c.id = d.case_id JOIN unit u ON u.id = c.unit_id JOIN person p ON p.id = c.person_id""";

    private Deadline map(ResultSet rs, int n) throws SQLException {
        DeadlineRule rule = new DeadlineRule(rs.getObject("r_id", UUID.class), DeadlineKind.valueOf(rs.getString("r_kind")),
                rs.getString("legal_basis"), rs.getString("description"), rs.getString("anchor"),
                DeadlineRule.Unit.valueOf(rs.getString("unit")), rs.getInt("amount"), rs.getBoolean("moves"),
                rs.getString("consequence"), rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_to", LocalDate.class));
        DeadlineKind kind = DeadlineKind.valueOf(rs.getString("kind"));
        String stored = rs.getString("status");
        LocalDate due = rs.getObject("due_date", LocalDate.class);
        LocalDate today = today();
        boolean decisionEnded = rs.getObject("decision_ended", OffsetDateTime.class) != null;
        DeadlineStatus status = DeadlineStatus.valueOf(stored);
        if ((status == DeadlineStatus.PENDING || status == DeadlineStatus.EXTENDED) && due != null && today.isAfter(due)) {
            status = kind.custodyLapsesWhenMissed() && !decisionEnded ? DeadlineStatus.LAPSED : DeadlineStatus.OVERDUE;
        }
        int left = due == null ? 0 : calendar.workingDaysBetween(today, due);
        OffsetDateTime metAt = rs.getObject("met_at", OffsetDateTime.class);
        return new Deadline(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class),
                rs.getObject("decision_id", UUID.class), kind, rule, rs.getObject("anchor_date", LocalDate.class),
                rs.getObject("nominal_date", LocalDate.class), due, status, rs.getObject("met_on", LocalDate.class),
                metAt == null ? null : metAt.toInstant(), rs.getString("met_by_name"), rs.getString("evidence"),
                rs.getString("extension_note"), rs.getObject("extension_requested_on", LocalDate.class),
                rs.getString("closed_reason"), rs.getString("warning"), left);
    }

    private static DeadlineRule mapRule(ResultSet rs, int n) throws SQLException {
        return new DeadlineRule(rs.getObject("id", UUID.class), DeadlineKind.valueOf(rs.getString("kind")),
                rs.getString("legal_basis"), rs.getString("description"), rs.getString("anchor"),
                DeadlineRule.Unit.valueOf(rs.getString("unit")), rs.getInt("amount"), rs.getBoolean("moves"),
                rs.getString("consequence"), rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_to", LocalDate.class));
    }

}
