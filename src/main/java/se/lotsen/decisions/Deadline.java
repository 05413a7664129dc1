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
        LocalDate extensionRequestedOn,
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
     * The deadline was met on a day, with evidence (e.g. the court's case number, which is not always known on the
     * night of the submission, so it is never required). Refused when it is not open, the day is in the future or
     * before the anchor, or it was met too late for a decision that lapses by law (too late is too late: the custody
     * lapsed on the day after the last day) unless an extension was requested in time.
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
        if (on != null && kind.custodyLapsesWhenMissed() && dueDate != null && on.isAfter(dueDate)
                && status != DeadlineStatus.EXTENSION_REQUESTED) {
            problems.add("metOn", "validation.deadline.tooLate");
        }
        problems.throwIfAny();
        return new Deadline(id, caseId, decisionId, kind, rule, anchorDate, nominalDate, dueDate, DeadlineStatus.MET,
                on, now, byName, evidence == null || evidence.isBlank() ? null : evidence.trim(), extensionNote,
                extensionRequestedOn, closedReason, warning, workingDaysLeft);
    }

    /**
     * The court extended the time (8 § andra stycket LVU, for 6 § and 6 a § custody alike): only the 8 § time, only to
     * a later day, with a note. The date is the court's and is never moved by 1930:173.
     */
    Deadline extend(LocalDate newDate, String note) {
        FieldProblems.Collector problems = new FieldProblems.Collector();
        if (!kind.extendable()) {
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
                DeadlineStatus.EXTENDED, metOn, metAt, metByName, evidence, note.trim(), extensionRequestedOn,
                closedReason, warning, workingDaysLeft);
    }

    /**
     * The committee asked the court to extend the 8 § time (9 § 1 LVU): from then until the court decides, the custody
     * has not lapsed. Only the 8 § time, asked for in time (on or before the last day), not in the future.
     */
    Deadline requestExtension(LocalDate on, LocalDate today) {
        FieldProblems.Collector problems = new FieldProblems.Collector();
        if (!kind.extendable()) {
            problems.add("requestedOn", "validation.deadline.notExtendable");
        } else if (!extensionMayBeRequested()) {
            problems.add("requestedOn", "validation.deadline.notOpen");
        }
        if (on == null) {
            problems.add("requestedOn", "validation.required");
        } else if (on.isAfter(today)) {
            problems.add("requestedOn", "validation.date.past");
        } else if (on.isBefore(anchorDate)) {
            problems.add("requestedOn", "validation.deadline.beforeAnchor");
        } else if (dueDate != null && on.isAfter(dueDate)) {
            problems.add("requestedOn", "validation.deadline.requestTooLate");
        }
        problems.throwIfAny();
        return new Deadline(id, caseId, decisionId, kind, rule, anchorDate, nominalDate, dueDate,
                DeadlineStatus.EXTENSION_REQUESTED, metOn, metAt, metByName, evidence, extensionNote, on,
                closedReason, warning, workingDaysLeft);
    }

    /** Whether the committee's request for an extension can be recorded: an open 8 § time, not already requested. */
    public boolean extensionMayBeRequested() {
        return kind.extendable() && status.open() && status != DeadlineStatus.EXTENSION_REQUESTED;
    }

    /** Open and due within two working days (shown as "Snart"). */
    public boolean soon() {
        return (status == DeadlineStatus.PENDING || status == DeadlineStatus.EXTENDED) && dueDate != null
                && workingDaysLeft <= 2;
    }
}
