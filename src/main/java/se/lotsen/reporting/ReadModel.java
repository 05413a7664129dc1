package se.lotsen.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import se.lotsen.cases.CaseOpened;
import se.lotsen.common.SwedishDates;
import se.lotsen.consultation.QuestionAnswered;
import se.lotsen.consultation.QuestionAsked;
import se.lotsen.decisions.DeadlineClosed;
import se.lotsen.decisions.DeadlineMet;
import se.lotsen.decisions.DeadlineScheduled;
import se.lotsen.decisions.DecisionRecorded;
import se.lotsen.handover.CaseHandedOver;
import se.lotsen.handover.HandoverAcknowledged;
import se.lotsen.knowledge.KnowledgeEventRecorded;

/**
 * The reporting read model: the append-only log of facts ({@code reporting_fact}) and the projections built from it.
 * {@link #receive} appends a fact once per event key and projects it; a redelivered event finds its key taken and
 * changes nothing. {@link #rebuild} empties the projections and projects the whole log again, in the order received.
 * Every projection is order-independent (an acknowledgement may be projected before its handover), so a rebuild
 * gives the same figures as live delivery.
 */
@Component
class ReadModel {

    /** The kinds of fact, by the event type's simple name, for reading the log back. */
    private static final Map<String, Class<?>> KINDS = Map.of(
            "CaseOpened", CaseOpened.class,
            "DecisionRecorded", DecisionRecorded.class,
            "DeadlineScheduled", DeadlineScheduled.class,
            "DeadlineMet", DeadlineMet.class,
            "DeadlineClosed", DeadlineClosed.class,
            "CaseHandedOver", CaseHandedOver.class,
            "HandoverAcknowledged", HandoverAcknowledged.class,
            "QuestionAsked", QuestionAsked.class,
            "QuestionAnswered", QuestionAnswered.class,
            "KnowledgeEventRecorded", KnowledgeEventRecorded.class);

    private static final List<String> PROJECTIONS = List.of("reporting_case", "reporting_decision",
            "reporting_deadline", "reporting_handover", "reporting_question", "reporting_knowledge_event");

    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ReadModel(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The key under which an event is logged once. */
    static String key(Object event) {
        if (event instanceof CaseOpened e) {
            return "CaseOpened:" + e.caseId();
        } else if (event instanceof DecisionRecorded e) {
            return "DecisionRecorded:" + e.decision().value();
        } else if (event instanceof DeadlineScheduled e) {
            // One key per last day: the start and each extension are facts of their own.
            return "DeadlineScheduled:" + e.deadline().value() + ":" + e.lastDay();
        } else if (event instanceof DeadlineMet e) {
            return "DeadlineMet:" + e.deadline().value();
        } else if (event instanceof DeadlineClosed e) {
            return "DeadlineClosed:" + e.deadline().value();
        } else if (event instanceof CaseHandedOver e) {
            return "CaseHandedOver:" + e.handover().value();
        } else if (event instanceof HandoverAcknowledged e) {
            return "HandoverAcknowledged:" + e.handover().value();
        } else if (event instanceof QuestionAsked e) {
            return "QuestionAsked:" + e.question().value();
        } else if (event instanceof QuestionAnswered e) {
            return "QuestionAnswered:" + e.question().value();
        } else if (event instanceof KnowledgeEventRecorded e) {
            // A knowledge event carries its state as it now is: one key per state.
            return "KnowledgeEventRecorded:" + e.eventId() + ":" + e.date() + ":" + e.kind() + ":" + e.status() + ":"
                    + e.participants();
        }
        throw new IllegalArgumentException("not a reporting fact: " + event.getClass());
    }

    /**
     * Logs the event once and projects it. Returns whether it was new. A knowledge event carries its whole state: the
     * same state again is a no-op, and a state recorded before (A, then B, then A again) is moved to the end of the
     * log, so that a rebuild ends with the latest state.
     */
    @Transactional
    public boolean receive(Object event) {
        String key = key(event);
        String kind = event.getClass().getSimpleName();
        if (event instanceof KnowledgeEventRecorded e) {
            String latest = jdbc.sql("""
                            SELECT event_key FROM reporting_fact WHERE event_key LIKE :prefix
                            ORDER BY seq DESC LIMIT 1""")
                    .param("prefix", "KnowledgeEventRecorded:" + e.eventId() + ":%").query(String.class)
                    .optional().orElse(null);
            if (key.equals(latest)) {
                return false;
            }
            jdbc.sql("DELETE FROM reporting_fact WHERE event_key = :k").param("k", key).update();
        }
        int added = jdbc.sql("""
                        INSERT INTO reporting_fact (event_key, kind, payload) VALUES (:k, :kind, CAST(:p AS jsonb))
                        ON CONFLICT (event_key) DO NOTHING""")
                .param("k", key).param("kind", kind).param("p", json.writeValueAsString(event)).update();
        if (added == 0) {
            return false;
        }
        project(event);
        return true;
    }

    /** Empties the projections and projects every logged fact again, in the order received. How many facts. */
    @Transactional
    public long rebuild() {
        jdbc.sql("TRUNCATE " + String.join(", ", PROJECTIONS)).update();
        long after = 0;
        long count = 0;
        while (true) {
            record Row(long seq, String kind, String payload) {
            }
            List<Row> rows = jdbc.sql("""
                            SELECT seq, kind, payload::text FROM reporting_fact WHERE seq > :after
                            ORDER BY seq LIMIT :n""")
                    .param("after", after).param("n", BATCH)
                    .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
            for (Row row : rows) {
                Class<?> type = KINDS.get(row.kind());
                if (type != null) {
                    project(json.readValue(row.payload(), type));
                    count++;
                }
                after = row.seq();
            }
            if (rows.size() < BATCH) {
                return count;
            }
        }
    }

    private void project(Object event) {
        if (event instanceof CaseOpened e) {
            jdbc.sql("""
                            INSERT INTO reporting_case (case_id, unit_id, subject_type, age_group, sex, country, channel,
                                exploitation_forms, received_at, received_on)
                            VALUES (:id, :unit, :subject, :age, :sex, :country, :channel, CAST(:forms AS varchar[]),
                                :at, :on)
                            ON CONFLICT (case_id) DO NOTHING""")
                    .param("id", e.caseId()).param("unit", e.unit() == null ? null : e.unit().value())
                    .param("subject", e.subjectType().name())
                    .param("age", e.ageGroup() == null ? "UNKNOWN" : e.ageGroup().name())
                    .param("sex", e.sex() == null ? "UNKNOWN" : e.sex().name())
                    .param("country", e.countryOfOrigin())
                    .param("channel", e.channel() == null ? null : e.channel().name())
                    .param("forms", "{" + String.join(",", e.exploitationForms().stream().map(Enum::name).sorted()
                            .toList()) + "}")
                    .param("at", e.receivedAt().atOffset(ZoneOffset.UTC)).param("on", day(e.receivedAt()))
                    .update();
        } else if (event instanceof DecisionRecorded e) {
            jdbc.sql("""
                            INSERT INTO reporting_decision (decision_id, case_id, type, decided_on)
                            VALUES (:id, :c, :type, :on) ON CONFLICT (decision_id) DO NOTHING""")
                    .param("id", e.decision().value()).param("c", e.caseId().value()).param("type", e.type().name())
                    .param("on", day(e.decidedAt())).update();
        } else if (event instanceof DeadlineScheduled e) {
            // A last day only moves later (the court extends to a later day): the greatest one received is the
            // current one, whatever the order of delivery (GREATEST ignores NULL).
            deadline(e.deadline().value(), e.caseId().value(), e.kind().name(), null, e.lastDay(), null);
        } else if (event instanceof DeadlineMet e) {
            deadline(e.deadline().value(), e.caseId().value(), e.kind().name(), e.on(), e.lastDay(), null);
        } else if (event instanceof DeadlineClosed e) {
            deadline(e.deadline().value(), e.caseId().value(), e.kind().name(), null, e.lastDay(), e.on());
        } else if (event instanceof CaseHandedOver e) {
            jdbc.sql("""
                            INSERT INTO reporting_handover (handover_id, case_id, handed_over_at) VALUES (:id, :c, :at)
                            ON CONFLICT (handover_id) DO UPDATE SET handed_over_at = EXCLUDED.handed_over_at""")
                    .param("id", e.handover().value()).param("c", e.caseId().value())
                    .param("at", e.handedOverAt().atOffset(ZoneOffset.UTC)).update();
        } else if (event instanceof HandoverAcknowledged e) {
            jdbc.sql("""
                            INSERT INTO reporting_handover (handover_id, case_id, acknowledged_at) VALUES (:id, :c, :at)
                            ON CONFLICT (handover_id) DO UPDATE SET acknowledged_at = EXCLUDED.acknowledged_at""")
                    .param("id", e.handover().value()).param("c", e.caseId().value())
                    .param("at", e.acknowledgedAt().atOffset(ZoneOffset.UTC)).update();
        } else if (event instanceof QuestionAsked e) {
            jdbc.sql("""
                            INSERT INTO reporting_question (question_id, case_id, asked_on) VALUES (:id, :c, :on)
                            ON CONFLICT (question_id) DO UPDATE SET asked_on = EXCLUDED.asked_on""")
                    .param("id", e.question().value()).param("c", e.caseId() == null ? null : e.caseId().value())
                    .param("on", e.askedAt() == null ? null : day(e.askedAt())).update();
        } else if (event instanceof QuestionAnswered e) {
            jdbc.sql("""
                            INSERT INTO reporting_question (question_id, case_id, answered_on) VALUES (:id, :c, :on)
                            ON CONFLICT (question_id) DO UPDATE SET answered_on = EXCLUDED.answered_on""")
                    .param("id", e.question().value()).param("c", e.caseId() == null ? null : e.caseId().value())
                    .param("on", e.answeredAt() == null ? null : day(e.answeredAt())).update();
        } else if (event instanceof KnowledgeEventRecorded e) {
            jdbc.sql("""
                            INSERT INTO reporting_knowledge_event (event_id, day, kind, status, participants)
                            VALUES (:id, :day, :kind, :status, :n)
                            ON CONFLICT (event_id) DO UPDATE SET day = EXCLUDED.day, kind = EXCLUDED.kind,
                                status = EXCLUDED.status, participants = EXCLUDED.participants""")
                    .param("id", e.eventId()).param("day", e.date()).param("kind", e.kind().name())
                    .param("status", e.status().name()).param("n", e.participants()).update();
        } else {
            throw new IllegalArgumentException("not a reporting fact: " + event.getClass());
        }
    }

    /**
     * Merges what one event says about a deadline into its row: the latest last day, the met day and the closing day
     * once known (a deadline is met or closed once, never both). Order-independent.
     */
    private void deadline(java.util.UUID id, java.util.UUID caseId, String kind, LocalDate metOn, LocalDate lastDay,
                          LocalDate closedOn) {
        jdbc.sql("""
                        INSERT INTO reporting_deadline (deadline_id, case_id, kind, met_on, last_day, closed_on)
                        VALUES (:id, :c, :kind, :met, :last, :closed)
                        ON CONFLICT (deadline_id) DO UPDATE SET
                            met_on = coalesce(EXCLUDED.met_on, reporting_deadline.met_on),
                            last_day = GREATEST(reporting_deadline.last_day, EXCLUDED.last_day),
                            closed_on = coalesce(EXCLUDED.closed_on, reporting_deadline.closed_on)""")
                .param("id", id).param("c", caseId).param("kind", kind).param("met", metOn).param("last", lastDay)
                .param("closed", closedOn).update();
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, SwedishDates.ZONE);
    }

    /** The number of facts logged (for the page and tests). */
    long facts() {
        return jdbc.sql("SELECT count(*) FROM reporting_fact").query(Long.class).single();
    }

}
