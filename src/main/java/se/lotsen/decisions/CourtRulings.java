package se.lotsen.decisions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.lotsen.calendar.SwedishCalendar;
import se.lotsen.cases.CaseGrant;
import se.lotsen.cases.WriteGrant;
import se.lotsen.common.FieldProblems;

/**
 * The court's rulings on a decision, and what follows from each (LEGAL-AND-PRACTICE §11.4–11.7). The deadlines are
 * computed from the ruling's own day: a 6 a § continuation runs at most two months from the day the court gives its
 * decision (9 a § fjärde stycket), never chained from the previous period, and an end date the court set is never
 * moved by 1930:173.
 */
@Service
public class CourtRulings {

    /** The longest continuation the court can grant at a time, counted from its decision day (9 a § LVU). */
    static final int CONTINUATION_MONTHS = 2;
    /** Continued custody for more than a year in a row needs the "nödvändigt" exception (9 a § fjärde stycket). */
    static final int CONTINUATION_YEARS = 1;

    private final JdbcClient jdbc;
    private final Decisions decisions;
    private final Deadlines deadlines;
    private final Clock clock;

    CourtRulings(JdbcClient jdbc, Decisions decisions, Deadlines deadlines, Clock clock) {
        this.jdbc = jdbc;
        this.decisions = decisions;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /** A ruling to record: its kind, its day, the end date it set (if any) and the court's case number. */
    public record RulingCommand(RulingKind kind, LocalDate decidedOn, LocalDate until, String courtCaseNumber) {
    }

    /**
     * Records a ruling on a decision of the grant's case and applies it: the deadlines it meets, the ones it starts,
     * the end of the decision it sets aside. A double submit (the same ruling again) is refused.
     */
    @Transactional
    public CourtRuling record(WriteGrant grant, DecisionId decisionId, RulingCommand cmd) {
        grant.requireActive();
        jdbc.sql("SELECT id FROM decision WHERE id = :id FOR UPDATE").param("id", decisionId.value())
                .query(UUID.class).list();
        Decision decision = decisions.own(grant.caseId(), decisionId);
        validate(decision, cmd);
        RulingKind kind = cmd.kind();
        String caseNumber = cmd.courtCaseNumber() == null || cmd.courtCaseNumber().isBlank() ? null
                : cmd.courtCaseNumber().strip();

        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO court_ruling (id, case_id, decision_id, kind, decided_on, until_date, court_case_number,
                            recorded_by, recorded_by_name)
                        VALUES (:id, :c, :d, :k, :on, :until, :no, :by, :byName)""")
                .param("id", id).param("c", decision.caseId()).param("d", decision.id()).param("k", kind.name())
                .param("on", cmd.decidedOn()).param("until", cmd.until()).param("no", caseNumber)
                .param("by", grant.user().accountId()).param("byName", grant.user().displayName()).update();
        apply(grant, decision, kind, cmd.decidedOn(), cmd.until(), evidence(kind, cmd.decidedOn(), caseNumber));
        return find(id);
    }

    /** The rules of {@link #record}, checked without recording anything (all of a form's problems at once). */
    @Transactional(readOnly = true)
    public void check(WriteGrant grant, DecisionId decisionId, RulingCommand cmd) {
        grant.requireActive();
        validate(decisions.own(grant.caseId(), decisionId), cmd);
    }

    private void validate(Decision decision, RulingCommand cmd) {
        LocalDate today = LocalDate.now(clock.withZone(SwedishCalendar.ZONE));
        FieldProblems.Collector problems = new FieldProblems.Collector();
        RulingKind kind = cmd.kind();
        if (kind == null) {
            problems.add("kind", "validation.ruling.kindRequired");
        } else if (!kind.concerns(decision.type())) {
            problems.add("kind", "validation.ruling.kindNotForDecision");
        } else if (!decision.active()) {
            problems.add("kind", "validation.ruling.decisionEnded");
        } else if (kind == RulingKind.CONTINUATION_GRANTED && decision.executedAt() == null) {
            problems.add("kind", "validation.decision.notExecuted");
        }
        LocalDate decisionDay = SwedishCalendar.swedishDate(decision.decidedAt());
        if (cmd.decidedOn() == null) {
            problems.add("decidedOn", "validation.ruling.decidedOnRequired");
        } else if (cmd.decidedOn().isAfter(today)) {
            problems.add("decidedOn", "validation.date.past");
        } else if (cmd.decidedOn().isBefore(decisionDay)) {
            problems.add("decidedOn", "validation.ruling.beforeDecision");
        }
        if (kind != null) {
            if (kind.until() == RulingKind.Until.NONE && cmd.until() != null) {
                problems.add("until", "validation.ruling.noUntil");
            } else if (kind.until() == RulingKind.Until.REQUIRED && cmd.until() == null) {
                problems.add("until", "validation.ruling.untilRequired");
            } else if (cmd.until() != null && cmd.decidedOn() != null && !cmd.until().isAfter(cmd.decidedOn())) {
                problems.add("until", "validation.ruling.untilAfterDecidedOn");
            } else if (kind == RulingKind.CONTINUATION_GRANTED && cmd.until() != null && cmd.decidedOn() != null
                    && cmd.until().isAfter(cmd.decidedOn().plusMonths(CONTINUATION_MONTHS))) {
                problems.add("until", "validation.ruling.continuationTooLong");
            }
        }
        String caseNumber = cmd.courtCaseNumber() == null || cmd.courtCaseNumber().isBlank() ? null
                : cmd.courtCaseNumber().strip();
        if (caseNumber != null && caseNumber.length() > 100) {
            problems.add("courtCaseNumber", "validation.size.max.n", 100);
        }
        problems.throwIfAny();
        boolean duplicate = jdbc.sql("""
                        SELECT count(*) FROM court_ruling WHERE decision_id = :d AND kind = :k AND decided_on = :on""")
                .param("d", decision.id()).param("k", kind.name()).param("on", cmd.decidedOn())
                .query(Long.class).single() > 0;
        if (duplicate) {
            throw FieldProblems.of("kind", "validation.ruling.duplicate");
        }
    }

    private void apply(WriteGrant grant, Decision decision, RulingKind kind, LocalDate on, LocalDate until,
                       String evidence) {
        UUID caseId = decision.caseId();
        String by = grant.user().displayName();
        switch (kind) {
            case CUSTODY_CONFIRMED -> answer(decision, on, evidence, by);
            case CUSTODY_SET_ASIDE, TRAVEL_BAN_SET_ASIDE -> decisions.end(grant, decision, CustodyEnd.COURT_SET_ASIDE,
                    endInstant(decision, on), evidence);
            case CARE_GRANTED -> decisions.end(grant, decision, CustodyEnd.CARE_GRANTED, endInstant(decision, on),
                    evidence);
            case CARE_REFUSED -> decisions.end(grant, decision, CustodyEnd.CARE_REFUSED, endInstant(decision, on),
                    evidence);
            case CONTINUATION_GRANTED -> {
                answer(decision, on, evidence, by, DeadlineKind.LVU_6A_INITIAL, DeadlineKind.LVU_6A_CONTINUATION,
                        DeadlineKind.LVU_9B_APPLICATION);
                LocalDate last = until != null ? until : on.plusMonths(CONTINUATION_MONTHS);
                LocalDate first = jdbc.sql("""
                                SELECT min(decided_on) FROM court_ruling
                                WHERE decision_id = :d AND kind = 'CONTINUATION_GRANTED'""")
                        .param("d", decision.id()).query(LocalDate.class).single();
                String warning = last.isAfter(first.plusYears(CONTINUATION_YEARS))
                        ? "deadline.warning.continuationYear" : null;
                deadlines.start(caseId, decision.id(), DeadlineKind.LVU_9B_APPLICATION, on, null, last, warning);
            }
            case EXTENSION_GRANTED -> deadlines.extendByCourt(extendable(decision), until, evidence);
            case EXTENSION_REFUSED -> deadlines.refuseExtension(extendable(decision));
            case TRAVEL_BAN_CONFIRMED -> {
                answer(decision, on, evidence, by, DeadlineKind.LVU_31E_SUBMISSION);
                deadlines.start(caseId, decision.id(), DeadlineKind.LVU_31F_APPLICATION, on, null);
            }
            case REFLECTION_PERIOD_GRANTED -> deadlines.start(caseId, decision.id(), DeadlineKind.REFLECTION_PERIOD_END,
                    on, null, until, null);
        }
    }

    /** The open 8 § time of the custody (the application's), which the court can extend. */
    private Deadline extendable(Decision decision) {
        return deadlines.openOf(decision.id()).stream().filter(d -> d.kind().extendable()).findFirst()
                .orElseThrow(() -> FieldProblems.of("kind", "validation.ruling.nothingToExtend"));
    }

    /**
     * The ruling answers the open times that must have been kept for the court to rule: the 7 § submission (the
     * court could not rule on what was not submitted) and the applications named. Their day is not known, so they
     * are closed as answered by the ruling, never marked met on a day Lotsen would invent. The court's own 7 § review
     * is met: it was done on the ruling's day.
     */
    private void answer(Decision decision, LocalDate on, String evidence, String by, DeadlineKind... applications) {
        List<DeadlineKind> answered = new java.util.ArrayList<>(List.of(applications));
        answered.add(DeadlineKind.LVU_7_SUBMISSION);
        for (Deadline d : deadlines.openOf(decision.id())) {
            if (d.kind() == DeadlineKind.LVU_7_COURT_REVIEW) {
                deadlines.meet(d.id(), on.isBefore(d.anchorDate()) ? d.anchorDate() : on, evidence, by);
            } else if (answered.contains(d.kind())) {
                deadlines.closeAnswered(d.id(), ANSWERED_BY_RULING, on);
            }
        }
    }

    /** The message key of a deadline closed because a ruling answered it. */
    static final String ANSWERED_BY_RULING = "deadline.closed.answeredByRuling";

    /** The ruling's day as the end of the decision: the start of that Swedish day, never before the decision. */
    private static Instant endInstant(Decision decision, LocalDate on) {
        Instant start = on.atStartOfDay(SwedishCalendar.ZONE).toInstant();
        return start.isBefore(decision.decidedAt()) ? decision.decidedAt() : start;
    }

    private static String evidence(RulingKind kind, LocalDate on, String caseNumber) {
        String text = "Förvaltningsrättens beslut " + on + " (" + kind.legalBasis() + ")";
        if (kind == RulingKind.REFLECTION_PERIOD_GRANTED) {
            text = "Migrationsverkets beslut " + on + " (" + kind.legalBasis() + ")";
        }
        return caseNumber == null ? text : text + ", mål " + caseNumber;
    }

    /** The rulings on the case's decisions, oldest first. */
    public List<CourtRuling> forCase(CaseGrant grant) {
        grant.requireRead();
        return jdbc.sql(SELECT + " WHERE case_id = :c ORDER BY decided_on, created_at")
                .param("c", grant.caseId().value()).query(CourtRulings::map).list();
    }

    private CourtRuling find(UUID id) {
        return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(CourtRulings::map).single();
    }

    private static final String SELECT = "SELECT * FROM court_ruling";

    private static CourtRuling map(ResultSet rs, int n) throws SQLException {
        OffsetDateTime at = rs.getObject("created_at", OffsetDateTime.class);
        return new CourtRuling(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class),
                rs.getObject("decision_id", UUID.class), RulingKind.valueOf(rs.getString("kind")),
                rs.getObject("decided_on", LocalDate.class), rs.getObject("until_date", LocalDate.class),
                rs.getString("court_case_number"), rs.getString("recorded_by_name"), at.toInstant());
    }
}
