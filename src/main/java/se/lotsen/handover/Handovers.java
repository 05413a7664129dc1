package se.lotsen.handover;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.lotsen.access.Account;
import se.lotsen.access.AccountId;
import se.lotsen.calendar.SwedishCalendar;
import se.lotsen.cases.CaseId;
import se.lotsen.cases.CaseScope;
import se.lotsen.cases.Cases;
import se.lotsen.cases.WriteGrant;
import se.lotsen.common.FieldProblems;
import se.lotsen.common.NotFoundException;
import se.lotsen.organisation.Organisation;
import se.lotsen.organisation.Unit;
import se.lotsen.organisation.UnitId;
import se.lotsen.organisation.UnitKind;
import se.lotsen.routines.LinkedStep;

/**
 * Handing cases over, assigning and acknowledging them. Each takes a {@link WriteGrant}: only the unit that holds a
 * case hands it on, and after a handover the receiving unit holds it, assigns it and acknowledges receipt. Who is
 * told is decided by the listeners of the events published here.
 */
@Service
public class Handovers {

    private final JdbcClient jdbc;
    private final Cases cases;
    private final Organisation organisation;
    private final SwedishCalendar calendar;
    private final HandoverProperties properties;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    public Handovers(JdbcClient jdbc, Cases cases, Organisation organisation, SwedishCalendar calendar,
                     HandoverProperties properties, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.organisation = organisation;
        this.calendar = calendar;
        this.properties = properties;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Hands the case to another unit. Receipt must be acknowledged by the configured time on the next working day,
     * or it escalates to the receiving unit's manager and the handing jour's lead.
     */
    @Transactional
    public Handover handOver(WriteGrant grant, String toUnitCode, String reason) {
        CaseId caseId = grant.caseId();
        Unit to = validate(toUnitCode, reason);
        // The routine's handover step is done by handing over (afterwards the handing unit can no longer tick it).
        cases.completeStepIfOpen(grant, LinkedStep.HANDOVER);
        Instant now = clock.instant();
        cases.handOver(grant, to.id(), reason.trim(), now.plus(properties.readAccessAfterHandover()));
        LocalDate today = SwedishCalendar.swedishDate(now);
        Instant escalateAt = calendar.nextWorkingDay(today).atTime(properties.acknowledgeBy())
                .atZone(SwedishCalendar.ZONE).toInstant();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO handover (id, case_id, from_unit_id, to_unit_id, reason, handed_over_at, handed_over_by,
                            handed_over_by_name, previous_holder, escalate_at)
                        VALUES (:id, :c, :from, :to, :reason, :at, :by, :name, :prev, :esc)""")
                .param("id", id).param("c", caseId.value()).param("from", grant.header().unit().id().value())
                .param("to", to.id().value()).param("reason", reason.trim()).param("at", now.atOffset(ZoneOffset.UTC))
                .param("by", grant.user().accountId()).param("name", grant.user().displayName())
                .param("prev", grant.header().assignedTo()).param("esc", escalateAt.atOffset(ZoneOffset.UTC)).update();
        cases.addRecordOfWork(grant, "Ärendet överlämnades till " + to.name() + ". Skäl: " + reason.trim());
        events.publishEvent(new CaseHandedOver(caseId, grant.header().caseNumber(), new HandoverId(id),
                grant.header().unit().id(), to.id(), now));
        return find(id).orElseThrow();
    }

    /** The rules of {@link #handOver}, checked without handing anything over (all of a form's problems at once). */
    public void checkHandOver(WriteGrant grant, String toUnitCode, String reason) {
        validate(toUnitCode, reason);
    }

    private Unit validate(String toUnitCode, String reason) {
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
        return to;
    }

    /**
     * The receiving unit's manager assigns a case worker of the unit (only a lead assigns someone else; the case must
     * have come to the unit by a handover).
     */
    @Transactional
    public Handover assign(WriteGrant grant, AccountId caseWorker) {
        grant.requireActive();
        // Who may assign first: a worker of the unit is refused (403) whether or not the case came by a handover.
        cases.requireLead(grant);
        Handover h = receivedBy(grant);
        Account worker = cases.assign(grant, caseWorker);
        jdbc.sql("""
                        UPDATE handover SET assigned_to = :w, assigned_at = now(), assigned_by_name = :by WHERE id = :id""")
                .param("w", worker.id().value()).param("by", grant.user().displayName()).param("id", h.id()).update();
        events.publishEvent(new HandoverAssigned(grant.caseId(), grant.header().caseNumber(), new HandoverId(h.id()),
                worker.id(), grant.user().displayName()));
        return find(h.id()).orElseThrow();
    }

    /** A worker of the receiving unit acknowledges receipt; the handing unit's watch ends. */
    @Transactional
    public Handover acknowledge(WriteGrant grant) {
        grant.requireActive();
        Handover h = receivedBy(grant);
        if (h.acknowledged()) {
            throw FieldProblems.of("acknowledge", "validation.handover.alreadyAcknowledged");
        }
        if (h.assignedTo() == null) {
            cases.assignToMe(grant, null);
            jdbc.sql("UPDATE handover SET assigned_to = :w, assigned_at = now(), assigned_by_name = :by WHERE id = :id")
                    .param("w", grant.user().accountId()).param("by", grant.user().displayName()).param("id", h.id())
                    .update();
        }
        int updated = jdbc.sql("""
                        UPDATE handover SET acknowledged_at = now(), acknowledged_by = :u, acknowledged_by_name = :n
                        WHERE id = :id AND acknowledged_at IS NULL""")
                .param("u", grant.user().accountId()).param("n", grant.user().displayName()).param("id", h.id())
                .update();
        if (updated == 0) {
            throw FieldProblems.of("acknowledge", "validation.handover.alreadyAcknowledged");
        }
        cases.completeStepIfOpen(grant, LinkedStep.RECEIPT);
        cases.addRecordOfWork(grant, "Mottagandet kvitterades av " + grant.user().displayName() + ", "
                + h.to().name() + ".");
        events.publishEvent(new HandoverAcknowledged(grant.caseId(), grant.header().caseNumber(),
                new HandoverId(h.id()), h.from().id(), grant.user().displayName(), clock.instant()));
        return find(h.id()).orElseThrow();
    }

    /** The latest handover of the case, to the unit that holds it now (the grant's); 404 when there is none. */
    private Handover receivedBy(WriteGrant grant) {
        return latest(grant.caseId()).filter(h -> h.to().id().equals(grant.header().unit().id()))
                .orElseThrow(() -> new NotFoundException("handover"));
    }

    /**
     * The latest handovers of the cases the user's unit holds ({@link CaseScope#held()}): the unit's queue,
     * unacknowledged first, newest first.
     */
    public List<Handover> incoming(CaseScope scope) {
        if (!scope.any()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE " + scope.held() + """
                           AND h.to_unit_id = c.unit_id AND h.id = (SELECT h2.id FROM handover h2
                               WHERE h2.case_id = h.case_id ORDER BY h2.handed_over_at DESC LIMIT 1)
                        ORDER BY (h.acknowledged_at IS NULL) DESC, h.handed_over_at DESC LIMIT 200""")
                .params(scope.params()).query(this::map).list();
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

    /** The case's handovers, for a review grant of a case review (who handed over, when, acknowledged when). */
    public List<Handover> forReview(se.lotsen.cases.CaseGrant grant) {
        se.lotsen.cases.CaseAccess.requireReview(grant);
        return forCase(grant.caseId());
    }
}
