package se.lotsen.decisions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.springframework.context.ApplicationEventPublisher;

import se.lotsen.calendar.SwedishCalendar;
import se.lotsen.cases.CaseGrant;
import se.lotsen.cases.CaseId;
import se.lotsen.cases.Cases;
import se.lotsen.cases.SubjectType;
import se.lotsen.cases.WriteGrant;
import se.lotsen.common.FieldProblems;
import se.lotsen.common.NotFoundException;
import se.lotsen.organisation.Organisation;
import se.lotsen.organisation.Unit;
import se.lotsen.organisation.UnitKind;
import se.lotsen.persons.Persons;
import se.lotsen.routines.LinkedStep;

/**
 * Recording decisions and ending custody. Reads take a {@link CaseGrant}, changes a {@link WriteGrant}; the texts of
 * a placement decision about a person with protected identity are shown only to those with the right.
 */
@Service
public class Decisions {

    /** The grounds of an LVU custody: 2 § (home environment) and 3 § (own behaviour). */
    public static final Set<String> GROUNDS = Set.of("LVU_2", "LVU_3");
    /** Jurisdiction bases recorded for 6 a §. */
    public static final Set<String> JURISDICTION_BASES = Set.of("BRUSSELS_IIB", "HAGUE_1996", "OTHER");

    /** Decisions whose texts always concern a placement or whereabouts. */
    static final Set<DecisionType> PLACEMENT_TYPES = Set.of(DecisionType.LVU_11_PLACEMENT,
            DecisionType.LVU_14_WHEREABOUTS, DecisionType.ADULT_PROTECTED_HOUSING);

    private final JdbcClient jdbc;
    private final Cases cases;
    private final Deadlines deadlines;
    private final Organisation organisation;
    private final Persons persons;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    public Decisions(JdbcClient jdbc, Cases cases, Deadlines deadlines, Organisation organisation, Persons persons,
                     Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.cases = cases;
        this.deadlines = deadlines;
        this.organisation = organisation;
        this.clock = clock;
        this.events = events;
    }

    /** How far ahead a decision time may be typed without being refused (clocks differ). */
    static final java.time.Duration CLOCK_TOLERANCE = java.time.Duration.ofMinutes(5);
    /** A decision time further back than this asks the worker to confirm it (a mistyped date moves every deadline). */
    static final java.time.Duration CONFIRM_OLDER_THAN = java.time.Duration.ofDays(7);
    /** A time in the future beyond the tolerance asks for confirmation; beyond this it is refused. */
    static final java.time.Duration REFUSE_LATER_THAN = java.time.Duration.ofHours(24);

    /** Records a decision and starts its deadlines; a custody decision also updates the case's checklist. */
    @Transactional
    public Decision record(WriteGrant grant, DecisionCommand cmd) {
        grant.requireActive();
        CaseId caseId = grant.caseId();
        // One decision at a time per case, so that two custodies cannot both pass the check below.
        jdbc.sql("SELECT id FROM case_file WHERE id = :id FOR UPDATE").param("id", caseId.value()).query(UUID.class).list();
        Checked checked = validate(grant, cmd);
        DecisionType type = checked.type();
        LvuAge age = checked.age();
        Unit committee = checked.committee();
        Decision custody = checked.custody();

        LocalDate decidedDay = SwedishCalendar.swedishDate(cmd.decidedAt());
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO decision (id, case_id, type, custody_id, decided_at, executed_at, decided_by_name,
                            mandate, committee_unit_id, grounds, urgency_reason, habitual_residence, jurisdiction_basis,
                            jurisdiction_notes, details, recorded_by, recorded_by_name, placement, age_basis)
                        VALUES (:id, :c, :type, :custody, :decided, :executed, :by, :mandate, :committee, :grounds,
                            :urgency, :residence, :basis, :jnotes, :details, :recorder, :recorderName, :placement,
                            :ageBasis)""")
                .param("id", id).param("c", caseId.value()).param("type", type.name())
                .param("custody", custody == null ? null : custody.id())
                .param("decided", cmd.decidedAt().atOffset(ZoneOffset.UTC))
                .param("executed", cmd.executedAt() == null ? null : cmd.executedAt().atOffset(ZoneOffset.UTC))
                .param("by", cmd.decidedByName().trim()).param("mandate", cmd.mandate() == null ? null : cmd.mandate().name())
                .param("committee", committee == null ? null : committee.id().value())
                .param("grounds", cmd.grounds().stream().sorted().collect(Collectors.joining(",")))
                .param("urgency", blankToNull(cmd.urgencyReason())).param("residence", blankToNull(cmd.habitualResidence()))
                .param("basis", blankToNull(cmd.jurisdictionBasis())).param("jnotes", blankToNull(cmd.jurisdictionNotes()))
                .param("details", blankToNull(cmd.details())).param("recorder", grant.user().accountId())
                .param("recorderName", grant.user().displayName())
                .param("placement", cmd.placement() || PLACEMENT_TYPES.contains(type))
                .param("ageBasis", age == null ? null : age.coverage().name() + ":" + age.basis().name())
                .update();

        if (type.custody()) {
            deadlines.start(caseId.value(), id, DeadlineKind.LVU_7_SUBMISSION, decidedDay, null);
            if (cmd.executedAt() != null) {
                startExecutionDeadlines(caseId.value(), id, type, SwedishCalendar.swedishDate(cmd.executedAt()));
            }
            cases.setCustodyInForce(grant, true);
            // The decision is documented with what the routine step asks for.
            cases.completeStepIfOpen(grant, LinkedStep.DECISION_DOCUMENTED);
            events.publishEvent(new CustodyDecided(caseId, grant.header().caseNumber(), new DecisionId(id), type,
                    cmd.decidedAt()));
        }
        events.publishEvent(new DecisionRecorded(caseId, new DecisionId(id), type, cmd.decidedAt()));
        if (cmd.mandate() != null && cmd.mandate().mustBeReported()) {
            deadlines.start(caseId.value(), id, DeadlineKind.COMMITTEE_REPORT, decidedDay, committee.id());
        }
        switch (type) {
            case LVU_14_CONTACT, LVU_14_WHEREABOUTS -> deadlines.start(caseId.value(), id, DeadlineKind.LVU_14_REVIEW,
                    decidedDay, null);
            case LVU_31A_TRAVEL_BAN -> {
                deadlines.start(caseId.value(), id, DeadlineKind.LVU_31C_REVIEW, decidedDay, null);
                deadlines.start(caseId.value(), id, DeadlineKind.TRAVEL_BAN_POLICE_NOTICE, decidedDay, null);
            }
            case LVU_31D_TEMPORARY_TRAVEL_BAN -> {
                deadlines.start(caseId.value(), id, DeadlineKind.LVU_31E_SUBMISSION, decidedDay, null);
                deadlines.start(caseId.value(), id, DeadlineKind.TRAVEL_BAN_POLICE_NOTICE, decidedDay, null);
            }
            default -> {
            }
        }
        return find(id).orElseThrow();
    }

    /**
     * The decision's rules, checked without recording anything: a form sent with other problems shows these too, in
     * the same round.
     */
    @Transactional(readOnly = true)
    public void check(WriteGrant grant, DecisionCommand cmd) {
        grant.requireActive();
        validate(grant, cmd);
    }

    private record Checked(DecisionType type, LvuAge age, Unit committee, Decision custody) {
    }

    private Checked validate(WriteGrant grant, DecisionCommand cmd) {
        CaseId caseId = grant.caseId();
        FieldProblems.Collector problems = new FieldProblems.Collector();
        if (cmd.type() == null) {
            problems.add("type", "validation.required");
            problems.throwIfAny();
        }
        DecisionType type = cmd.type();
        if (!type.offered()) {
            problems.add("type", "validation.decision.typeReplaced");
            problems.throwIfAny();
        }
        SubjectType subject = grant.header().subjectType();
        Instant now = clock.instant();
        LvuAge age = null;
        if (type.subject() == DecisionType.Subject.CHILD) {
            LocalDate day = SwedishCalendar.swedishDate(cmd.decidedAt() == null ? now : cmd.decidedAt());
            age = ageOn(grant.header(), day);
            String refusal = age.refusal(type);
            if (refusal != null) {
                problems.add("type", refusal);
            }
        }
        if (type.subject() == DecisionType.Subject.ADULT && subject != SubjectType.ADULT) {
            problems.add("type", "validation.decision.adultOnly");
        }
        checkTime(problems, "decidedAt", cmd.decidedAt(), now, cmd.unusualTimeConfirmed(), true);
        checkTime(problems, "executedAt", cmd.executedAt(), now, cmd.unusualTimeConfirmed(), false);
        if (cmd.executedAt() != null && cmd.decidedAt() != null && cmd.executedAt().isBefore(cmd.decidedAt())) {
            problems.add("executedAt", "validation.decision.executedBeforeDecided");
        }
        if (cmd.executedAt() != null && !type.custody()) {
            problems.add("executedAt", "validation.decision.executionNotExpected");
        }
        if (cmd.decidedByName() == null || cmd.decidedByName().isBlank()) {
            problems.add("decidedByName", "validation.required");
        } else if (cmd.decidedByName().length() > 200) {
            problems.add("decidedByName", "validation.size.max.n", 200);
        }
        if (cmd.mandate() != null && !cmd.mandate().allowedFor(type)) {
            problems.add("mandate", "validation.decision.officialOnlyFor43");
        }
        Unit committee = null;
        if (type.needsMandate()) {
            if (cmd.mandate() == null) {
                problems.add("mandate", "validation.decision.mandate");
            }
            if (cmd.committeeUnitCode() == null || cmd.committeeUnitCode().isBlank()) {
                problems.add("committeeUnitCode", "validation.decision.committee");
            } else {
                committee = organisation.unitByCode(cmd.committeeUnitCode().trim()).orElse(null);
                if (committee == null || committee.kind() != UnitKind.DISTRICT) {
                    problems.add("committeeUnitCode", "validation.decision.committee");
                }
            }
        }
        if (type.custody()) {
            if (cmd.grounds().isEmpty() || !GROUNDS.containsAll(cmd.grounds())) {
                problems.add("grounds", "validation.decision.grounds");
            } else if (age != null && !age.allowsHomeGrounds() && cmd.grounds().contains("LVU_2")) {
                // 18- and 19-year-olds are covered on the grounds of their own behaviour only (1 § tredje stycket).
                problems.add("grounds", "validation.decision.youngAdultGrounds");
            }
            if (cmd.urgencyReason() == null || cmd.urgencyReason().isBlank()) {
                problems.add("urgencyReason", "validation.decision.urgency");
            }
            if (activeCustody(caseId.value()).isPresent()) {
                problems.add("type", "validation.decision.custodyExists");
            }
        }
        if (type == DecisionType.LVU_6A) {
            if (cmd.habitualResidence() == null || cmd.habitualResidence().isBlank()) {
                problems.add("habitualResidence", "validation.decision.residence");
            }
            if (cmd.jurisdictionBasis() == null || !JURISDICTION_BASES.contains(cmd.jurisdictionBasis())) {
                problems.add("jurisdictionBasis", "validation.decision.jurisdiction");
            }
        }
        Decision custody = null;
        if (type.kind() == DecisionType.Kind.LINKED) {
            custody = (cmd.custodyId() != null ? find(cmd.custodyId()).filter(d -> d.caseId().equals(caseId.value()))
                    .filter(d -> d.type().custody()) : activeCustody(caseId.value())).filter(Decision::active).orElse(null);
            if (custody == null) {
                problems.add("type", type == DecisionType.LVU_43_POLICE_ASSISTANCE
                        ? "validation.decision.policeNeedsDecision" : "validation.decision.needsCustody");
            }
        }
        if (cmd.habitualResidence() != null && cmd.habitualResidence().length() > 200) {
            problems.add("habitualResidence", "validation.size.max.n", 200);
        }
        for (String text : new String[] {cmd.urgencyReason(), cmd.jurisdictionNotes(), cmd.details()}) {
            if (text != null && text.length() > 20000) {
                problems.add("details", "validation.size.max.n", 20000);
            }
        }
        problems.throwIfAny();
        return new Checked(type, age, committee, custody);
    }

    /** The person's age for LVU on the day (see {@link LvuAge}). */
    public LvuAge ageOn(se.lotsen.cases.CaseHeader header, LocalDate day) {
        return LvuAge.of(persons.find(header.personId()).orElse(null), header.subjectType(), day);
    }

    /**
     * A decision or execution time must be entered, never defaulted. A time more than a few minutes ahead, or more
     * than a week back, is a likely slip (a date typed wrong moves every deadline): it needs the worker's confirmation;
     * more than a day ahead it is refused.
     */
    private static void checkTime(FieldProblems.Collector problems, String field, Instant at, Instant now,
                                  boolean confirmed, boolean required) {
        if (at == null) {
            if (required) {
                problems.add(field, "validation.required");
            }
            return;
        }
        if (at.isAfter(now.plus(REFUSE_LATER_THAN))) {
            problems.add(field, "validation.case.receivedAt.future");
        } else if (!confirmed && (at.isAfter(now.plus(CLOCK_TOLERANCE)) || at.isBefore(now.minus(CONFIRM_OLDER_THAN)))) {
            problems.add(field, "validation.decision.confirmUnusualTime");
        }
    }

    /** The rules of {@link #recordExecution}, checked without recording anything. */
    public void checkExecution(WriteGrant grant, DecisionId decisionId, Instant executedAt) {
        grant.requireActive();
        own(grant.caseId(), decisionId).execute(executedAt, clock.instant());
    }

    /** The rules of {@link #endCustody}, checked without recording anything. */
    public void checkEnd(WriteGrant grant, DecisionId decisionId, CustodyEnd reason, Instant endedAt, String note) {
        grant.requireActive();
        own(grant.caseId(), decisionId).end(reason, endedAt, note, clock.instant());
    }

    /** Records when a custody was carried out, if that was not known when it was recorded; starts the 8 § time. */
    @Transactional
    public Decision recordExecution(WriteGrant grant, DecisionId decisionId, Instant executedAt) {
        grant.requireActive();
        Decision executed = own(grant.caseId(), decisionId).execute(executedAt, clock.instant());
        int updated = jdbc.sql("UPDATE decision SET executed_at = :e WHERE id = :id AND executed_at IS NULL AND ended_at IS NULL")
                .param("e", executedAt.atOffset(ZoneOffset.UTC)).param("id", decisionId.value()).update();
        if (updated == 0) {
            // Recorded by someone else in the meantime: nothing is started twice.
            throw FieldProblems.of("executedAt", "validation.decision.executionNotExpected");
        }
        startExecutionDeadlines(grant.caseId().value(), decisionId.value(), executed.type(),
                SwedishCalendar.swedishDate(executedAt));
        return find(decisionId.value()).orElseThrow();
    }

    /**
     * Ends a custody or a travel ban: the court set it aside, care was granted or refused, the grounds ceased, or it
     * lapsed. Its open deadlines and those of its linked decisions are closed; the chair's report at the next meeting
     * stays. When a travel ban ends the police must be told at once (§11.6): that starts a deadline due the same day.
     */
    @Transactional
    public Decision endCustody(WriteGrant grant, DecisionId decisionId, CustodyEnd reason, Instant endedAt,
                               String note) {
        return end(grant, own(grant.caseId(), decisionId), reason, endedAt, note);
    }

    /** Ends the decision (see {@link #endCustody}); used by the court's rulings too. */
    @Transactional
    Decision end(WriteGrant grant, Decision decision, CustodyEnd reason, Instant endedAt, String note) {
        CaseId caseId = grant.caseId();
        Decision ended = decision.end(reason, endedAt, note, clock.instant());
        int updated = jdbc.sql("""
                        UPDATE decision SET ended_at = :at, end_reason = :r, end_note = :n
                        WHERE id = :id AND ended_at IS NULL""")
                .param("at", endedAt.atOffset(ZoneOffset.UTC)).param("r", reason.name()).param("n", ended.endNote())
                .param("id", decision.id()).update();
        if (updated == 0) {
            // Ended by someone else in the meantime.
            throw FieldProblems.of("reason", "validation.decision.notActiveCustody");
        }
        List<UUID> ids = jdbc.sql("SELECT id FROM decision WHERE id = :id OR custody_id = :id")
                .param("id", decision.id()).query(UUID.class).list();
        jdbc.sql("UPDATE decision SET ended_at = :at, end_reason = :r WHERE custody_id = :id AND ended_at IS NULL")
                .param("at", endedAt.atOffset(ZoneOffset.UTC)).param("r", reason.name())
                .param("id", decision.id()).update();
        deadlines.closeOpen(ids, "custodyEnded." + reason.name(), SwedishCalendar.swedishDate(endedAt));
        if (decision.type().travelBan()) {
            deadlines.start(caseId.value(), decision.id(), DeadlineKind.TRAVEL_BAN_POLICE_NOTICE,
                    SwedishCalendar.swedishDate(endedAt), null);
        }
        if (decision.type().custody()) {
            cases.setCustodyInForce(grant, activeCustody(caseId.value()).isPresent());
            events.publishEvent(new CustodyEnded(caseId, grant.header().caseNumber(), decision.decisionId(), reason,
                    endedAt));
        }
        return find(decision.id()).orElseThrow();
    }

    /** The case's decisions, oldest first; placement texts only for those who may see them. */
    public List<Decision> forCase(CaseGrant grant) {
        grant.requireRead();
        boolean mayViewPlacement = grant.mayViewProtected();
        return allForCase(jdbc, grant.caseId().value()).stream()
                .map(d -> mayViewPlacement ? d : d.withPlacementHidden()).toList();
    }

    /**
     * The case's decisions, read once for the grant (one request): the panels of the case page that show them (the
     * summary's custody in force, "Beslut") share one read.
     */
    public List<Decision> forCaseOnce(CaseGrant grant) {
        return grant.remember(Decisions.class.getName() + ".decisions", () -> forCase(grant));
    }

    /** The case's deadlines. */
    public List<Deadline> deadlines(CaseGrant grant) {
        grant.requireRead();
        return deadlines.forCase(grant.caseId().value());
    }

    /**
     * The case's deadlines, read once for the grant (one request): the panels of the case page that show them share
     * one read.
     */
    public List<Deadline> deadlinesOnce(CaseGrant grant) {
        return grant.remember(Decisions.class.getName() + ".deadlines", () -> deadlines(grant));
    }

    /** The decision, only when it belongs to the case; 404 otherwise. */
    Decision own(CaseId caseId, DecisionId decisionId) {
        return find(decisionId.value()).filter(x -> x.caseId().equals(caseId.value()))
                .orElseThrow(() -> new NotFoundException("decision"));
    }

    /** Every decision of a case, placement texts included: for the module's own rules, never for display. */
    static List<Decision> allForCase(JdbcClient jdbc, UUID caseId) {
        return jdbc.sql(SELECT + " WHERE d.case_id = :c ORDER BY d.decided_at, d.created_at")
                .param("c", caseId).query(Decisions::map).list();
    }

    /** The custodies not ended (6 § or 6 a § LVU) of several cases in one statement. */
    List<Decision> activeCustodies(java.util.Collection<UUID> caseIds) {
        if (caseIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE d.case_id IN (:c) AND d.type IN ('LVU_6', 'LVU_6A') AND d.ended_at IS NULL")
                .param("c", List.copyOf(caseIds)).query(Decisions::map).list();
    }

    public Optional<Decision> activeCustody(UUID caseId) {
        return activeCustodies(List.of(caseId)).stream().findFirst();
    }

    Optional<Decision> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE d.id = :id").param("id", id).query(Decisions::map).optional();
    }

    private void startExecutionDeadlines(UUID caseId, UUID decisionId, DecisionType type, LocalDate executed) {
        deadlines.start(caseId, decisionId, type == DecisionType.LVU_6A ? DeadlineKind.LVU_6A_INITIAL
                : DeadlineKind.LVU_8_APPLICATION, executed, null);
    }

    private static final String SELECT = """
            SELECT d.*, u.code AS committee_code FROM decision d LEFT JOIN unit u ON u.id = d.committee_unit_id""";

    private static Decision map(ResultSet rs, int n) throws SQLException {
        String grounds = rs.getString("grounds");
        Set<String> groundSet = grounds == null || grounds.isBlank() ? Set.of()
                : new LinkedHashSet<>(Arrays.asList(grounds.split(",")));
        String mandate = rs.getString("mandate");
        String end = rs.getString("end_reason");
        return new Decision(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class),
                DecisionType.valueOf(rs.getString("type")), rs.getObject("custody_id", UUID.class),
                instant(rs, "decided_at"), instant(rs, "executed_at"), rs.getString("decided_by_name"),
                mandate == null ? null : Mandate.valueOf(mandate), rs.getString("committee_code"), groundSet,
                rs.getString("urgency_reason"), rs.getString("habitual_residence"), rs.getString("jurisdiction_basis"),
                rs.getString("jurisdiction_notes"), rs.getString("details"), instant(rs, "ended_at"),
                end == null ? null : CustodyEnd.valueOf(end), rs.getString("end_note"), rs.getString("recorded_by_name"),
                rs.getString("age_basis"), rs.getBoolean("placement"), false);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    // -- for case reviews --

    /**
     * Of the given cases, those in which a custody (6 § or 6 a § LVU) was ever decided, ended or not: what a case
     * review selects by. No access check: case ids only, the review module selects with them.
     */
    public java.util.Set<UUID> withCustodyDecided(java.util.Collection<UUID> caseIds) {
        if (caseIds.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(jdbc.sql(
                        "SELECT DISTINCT case_id FROM decision WHERE case_id IN (:c) AND type IN ('LVU_6', 'LVU_6A')")
                .param("c", List.copyOf(caseIds)).query(UUID.class).list());
    }

    /** The case's decisions and deadlines as a reviewer reads them (review grant): placement texts hidden. */
    public List<Decision> forReview(CaseGrant grant) {
        se.lotsen.cases.CaseAccess.requireReview(grant);
        return allForCase(jdbc, grant.caseId().value()).stream().map(Decision::withPlacementHidden).toList();
    }

    /** The case's deadlines, for a review grant: each with its last day and the day it was met. */
    public List<Deadline> deadlinesForReview(CaseGrant grant) {
        se.lotsen.cases.CaseAccess.requireReview(grant);
        return deadlines.forCase(grant.caseId().value());
    }
}
