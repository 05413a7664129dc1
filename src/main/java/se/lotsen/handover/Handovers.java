package se.lotsen.handover;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.lotsen.access.Account;
import se.lotsen.access.AccountId;
import se.lotsen.access.Accounts;
import se.lotsen.access.CurrentUser;
import se.lotsen.access.Role;
import se.lotsen.calendar.SwedishCalendar;
import se.lotsen.cases.CaseHolder;
import se.lotsen.cases.CaseId;
import se.lotsen.cases.Cases;
import se.lotsen.common.FieldProblems;
import se.lotsen.common.NotFoundException;
import se.lotsen.organisation.Organisation;
import se.lotsen.organisation.Unit;
import se.lotsen.organisation.UnitId;
import se.lotsen.organisation.UnitKind;

/** Handing cases over, assigning and acknowledging them. */
@Service
public class Handovers {

    private static final EnumSet<Role> RECEIVING_ROLES = EnumSet.of(Role.CASE_WORKER, Role.UNIT_MANAGER,
            Role.DUTY_WORKER, Role.DUTY_LEAD);

    private final JdbcClient jdbc;
    private final Cases cases;
    private final Organisation organisation;
    private final Accounts accounts;
    private final SwedishCalendar calendar;
    private final HandoverProperties properties;
    private final Clock clock;

    public Handovers(JdbcClient jdbc, Cases cases, Organisation organisation, Accounts accounts,
                     SwedishCalendar calendar, HandoverProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.organisation = organisation;
        this.accounts = accounts;
        this.calendar = calendar;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Hands the case to another unit. Receipt must be acknowledged by the configured time on the next working day,
     * or it escalates to the receiving unit's manager and the handing jour's lead.
     */
    @Transactional
    public Handover handOver(CaseId caseId, String toUnitCode, String reason, CurrentUser user) {
        FieldProblems.Collector problems = new FieldProblems.Collector();
        Unit to = toUnitCode == null ? null : organisation.unitByCode(toUnitCode.trim()).filter(Unit::active).orElse(null);
        if (to == null) {
            problems.add("toUnit", "validation.handover.unit");
        }
        if (reason == null || reason.isBlank()) {
            problems.add("reason", "validation.handover.reason");
        } else if (reason.length() > 2000) {
            problems.add("reason", "validation.size.max.n", 2000);
        }
        problems.throwIfAny();
        CaseHolder before = cases.requireWritable(caseId, user);
        // The routine's handover step is done by handing over (afterwards the handing unit can no longer tick it).
        cases.completeStepIfOpen(caseId, "overlamning", user);
        Instant now = clock.instant();
        cases.handOver(caseId, to.id(), reason.trim(), now.plus(properties.readAccessAfterHandover()), user);
        LocalDate today = SwedishCalendar.swedishDate(now);
        Instant escalateAt = calendar.nextWorkingDay(today).atTime(properties.acknowledgeBy())
                .atZone(SwedishCalendar.ZONE).toInstant();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO handover (id, case_id, from_unit_id, to_unit_id, reason, handed_over_at, handed_over_by,
                            handed_over_by_name, previous_holder, escalate_at)
                        VALUES (:id, :c, :from, :to, :reason, :at, :by, :name, :prev, :esc)""")
                .param("id", id).param("c", caseId.value()).param("from", before.unitId()).param("to", to.id().value())
                .param("reason", reason.trim()).param("at", now.atOffset(ZoneOffset.UTC)).param("by", user.accountId())
                .param("name", user.displayName()).param("prev", before.assignedTo())
                .param("esc", escalateAt.atOffset(ZoneOffset.UTC)).update();
        cases.addJournalEntryBy(caseId, now, "Ärendet överlämnades till " + to.name() + ". Skäl: " + reason.trim(),
                user.accountId(), user.displayName());
        return find(id).orElseThrow();
    }

    /** The receiving unit's manager assigns a case worker of the unit. */
    @Transactional
    public Handover assign(CaseId caseId, UUID caseWorker, CurrentUser manager) {
        Handover h = latest(caseId).orElseThrow(() -> new NotFoundException("handover"));
        if (!manager.has(Role.UNIT_MANAGER) && !manager.has(Role.DUTY_LEAD) || manager.unit() == null
                || !manager.unit().id().equals(h.to().id())) {
            throw new AccessDeniedException("only the receiving unit's manager assigns");
        }
        Account worker = caseWorker == null ? null : accounts.find(new AccountId(caseWorker)).orElse(null);
        if (worker == null || !worker.enabled() || worker.unit() == null || !worker.unit().id().equals(h.to().id())
                || worker.roles().stream().noneMatch(RECEIVING_ROLES::contains)) {
            throw FieldProblems.of("caseWorker", "validation.handover.caseWorker");
        }
        cases.assign(caseId, caseWorker, manager);
        jdbc.sql("""
                        UPDATE handover SET assigned_to = :w, assigned_at = now(), assigned_by_name = :by WHERE id = :id""")
                .param("w", caseWorker).param("by", manager.displayName()).param("id", h.id()).update();
        return find(h.id()).orElseThrow();
    }

    /** A case worker (or manager) of the receiving unit acknowledges receipt; the jour's watch ends. */
    @Transactional
    public Handover acknowledge(CaseId caseId, CurrentUser user) {
        Handover h = latest(caseId).orElseThrow(() -> new NotFoundException("handover"));
        if (user.unit() == null || !user.unit().id().equals(h.to().id())
                || user.roles().stream().noneMatch(RECEIVING_ROLES::contains)) {
            throw new AccessDeniedException("only the receiving unit acknowledges");
        }
        if (h.acknowledged()) {
            throw FieldProblems.of("acknowledge", "validation.handover.alreadyAcknowledged");
        }
        if (h.assignedTo() == null) {
            cases.assign(caseId, user.accountId(), user);
            jdbc.sql("UPDATE handover SET assigned_to = :w, assigned_at = now(), assigned_by_name = :by WHERE id = :id")
                    .param("w", user.accountId()).param("by", user.displayName()).param("id", h.id()).update();
        }
        jdbc.sql("""
                        UPDATE handover SET acknowledged_at = now(), acknowledged_by = :u, acknowledged_by_name = :n
                        WHERE id = :id AND acknowledged_at IS NULL""")
                .param("u", user.accountId()).param("n", user.displayName()).param("id", h.id()).update();
        cases.completeStepIfOpen(caseId, "kvittens", user);
        cases.addJournalEntryBy(caseId, clock.instant(), "Mottagandet kvitterades av " + user.displayName() + ", "
                + h.to().name() + ".", user.accountId(), user.displayName());
        return find(h.id()).orElseThrow();
    }

    /** Handovers to the unit, unacknowledged first, newest first. */
    public List<Handover> incoming(UnitId unit) {
        return jdbc.sql(SELECT + """
                         WHERE h.to_unit_id = :u AND h.id = (SELECT h2.id FROM handover h2 WHERE h2.case_id = h.case_id
                           ORDER BY h2.handed_over_at DESC LIMIT 1)
                        ORDER BY (h.acknowledged_at IS NULL) DESC, h.handed_over_at DESC LIMIT 200""")
                .param("u", unit.value()).query(this::map).list();
    }

    /** The case's handovers, oldest first (who held it when). */
    public List<Handover> forCase(CaseId caseId) {
        return jdbc.sql(SELECT + " WHERE h.case_id = :c ORDER BY h.handed_over_at").param("c", caseId.value())
                .query(this::map).list();
    }

    public Optional<Handover> latest(CaseId caseId) {
        return jdbc.sql(SELECT + " WHERE h.case_id = :c ORDER BY h.handed_over_at DESC LIMIT 1")
                .param("c", caseId.value()).query(this::map).optional();
    }

    Optional<Handover> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE h.id = :id").param("id", id).query(this::map).optional();
    }

    /** Unacknowledged handovers past their time, not yet escalated. */
    List<Handover> dueForEscalation() {
        return jdbc.sql(SELECT + " WHERE h.acknowledged_at IS NULL AND h.escalated_at IS NULL AND h.escalate_at < now()")
                .query(this::map).list();
    }

    /** Claims the escalation (once, also across nodes); false when someone else did. */
    boolean claimEscalation(UUID id) {
        return jdbc.sql("UPDATE handover SET escalated_at = now() WHERE id = :id AND escalated_at IS NULL")
                .param("id", id).update() == 1;
    }

    private static final String SELECT = """
            SELECT h.*, c.case_number,
                   fu.code AS f_code, fu.name AS f_name, fu.kind AS f_kind, fu.active AS f_active,
                   tu.code AS t_code, tu.name AS t_name, tu.kind AS t_kind, tu.active AS t_active,
                   a.display_name AS assigned_name
            FROM handover h JOIN case_file c ON c.id = h.case_id
            JOIN unit fu ON fu.id = h.from_unit_id JOIN unit tu ON tu.id = h.to_unit_id
            LEFT JOIN account a ON a.id = h.assigned_to""";

    private Handover map(ResultSet rs, int n) throws SQLException {
        Unit from = new Unit(new UnitId(rs.getObject("from_unit_id", UUID.class)), rs.getString("f_code"),
                rs.getString("f_name"), UnitKind.valueOf(rs.getString("f_kind")), rs.getBoolean("f_active"));
        Unit to = new Unit(new UnitId(rs.getObject("to_unit_id", UUID.class)), rs.getString("t_code"),
                rs.getString("t_name"), UnitKind.valueOf(rs.getString("t_kind")), rs.getBoolean("t_active"));
        return new Handover(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class),
                rs.getString("case_number"), from, to, rs.getString("reason"), instant(rs, "handed_over_at"),
                rs.getString("handed_over_by_name"), rs.getObject("assigned_to", UUID.class), rs.getString("assigned_name"),
                instant(rs, "assigned_at"), rs.getString("assigned_by_name"), instant(rs, "acknowledged_at"),
                rs.getString("acknowledged_by_name"), instant(rs, "escalate_at"), instant(rs, "escalated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
