package se.lotsen.decisions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import se.lotsen.common.FieldProblems;

/**
 * A deadline of a case: an aggregate with guarded changes ({@link #markMet}, {@link #extend}); {@link Deadlines}
 * saves a change only while the deadline is still open, so a double submit does nothing twice.
 *
 * @param nominalDate the nominal last day (1930:173 1 §), {@code null} when unknown (no meeting date)
 * @param dueDate     the legal last day, or the extended date when the court extended it
 * @param status      as stored and derived for today: overdue after the due date, lapsed when a custody ends by law
 * @param warning     a message key when something needed is missing (e.g. no known meeting date)
 */
public record Deadline(
        UUID id,
        UUID caseId,
        UUID decisionId,
        DeadlineKind kind,
        DeadlineRule rule,
        LocalDate anchorDate,
        LocalDate nominalDate,
        LocalDate dueDate,
        DeadlineStatus status,
        LocalDate metOn,
        Instant metAt,
        String metByName,
        String evidence,
        String extensionNote,
        String closedReason,
        String warning,
        int workingDaysLeft) {

    public String legalBasis() {
        return rule.legalBasis();
    }

    public DeadlineId deadlineId() {
        return new DeadlineId(id);
    }

    /**
     * The deadline was met on a day, with evidence. Refused when it is not open, the day is in the future or before
     * the anchor, the 7 § submission lacks the court's case number, or it was met too late for a custody that lapses
     * by law (too late is too late: the custody lapsed on the day after the last day).
     */
    Deadline markMet(LocalDate on, String evidence, String byName, LocalDate today, Instant now) {
        FieldProblems.Collector problems = new FieldProblems.Collector();
        if (!status.open()) {
            problems.add("metOn", "validation.deadline.notOpen");
        }
        if (on == null) {
            problems.add("metOn", "validation.required");
        } else if (on.isAfter(today)) {
            problems.add("metOn", "validation.date.past");
        } else if (on.isBefore(anchorDate)) {
            problems.add("metOn", "validation.deadline.beforeAnchor");
        }
        if (evidence != null && evidence.length() > 500) {
            problems.add("evidence", "validation.size.max.n", 500);
        }
        if (kind == DeadlineKind.LVU_7_SUBMISSION && (evidence == null || evidence.isBlank())) {
            problems.add("evidence", "validation.deadline.evidence.court");
        }
        if (on != null && kind.custodyLapsesWhenMissed() && dueDate != null && on.isAfter(dueDate)) {
            problems.add("metOn", "validation.deadline.tooLate");
        }
        problems.throwIfAny();
        return new Deadline(id, caseId, decisionId, kind, rule, anchorDate, nominalDate, dueDate, DeadlineStatus.MET,
                on, now, byName, evidence == null || evidence.isBlank() ? null : evidence.trim(), extensionNote,
                closedReason, warning, workingDaysLeft);
    }

    /** The court extended the time (8 § LVU): only the 8 § application, only to a later day, with a note. */
    Deadline extend(LocalDate newDate, String note) {
        FieldProblems.Collector problems = new FieldProblems.Collector();
        if (kind != DeadlineKind.LVU_8_APPLICATION) {
            problems.add("newDate", "validation.deadline.notExtendable");
        }
        if (!status.open()) {
            problems.add("newDate", "validation.deadline.notOpen");
        }
        if (newDate == null) {
            problems.add("newDate", "validation.required");
        } else if (dueDate != null && !newDate.isAfter(dueDate)) {
            problems.add("newDate", "validation.deadline.extendLater");
        }
        if (note == null || note.isBlank()) {
            problems.add("note", "validation.deadline.extensionNote");
        } else if (note.length() > 500) {
            problems.add("note", "validation.size.max.n", 500);
        }
        problems.throwIfAny();
        return new Deadline(id, caseId, decisionId, kind, rule, anchorDate, nominalDate, newDate,
                DeadlineStatus.EXTENDED, metOn, metAt, metByName, evidence, note.trim(), closedReason, warning,
                workingDaysLeft);
    }

    /** Open and due within two working days (shown as "Snart"). */
    public boolean soon() {
        return (status == DeadlineStatus.PENDING || status == DeadlineStatus.EXTENDED) && dueDate != null
                && workingDaysLeft <= 2;
    }
}
