package se.lotsen.decisions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A deadline of a case.
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

    /** Open and due within two working days (shown as "Snart"). */
    public boolean soon() {
        return (status == DeadlineStatus.PENDING || status == DeadlineStatus.EXTENDED) && dueDate != null
                && workingDaysLeft <= 2;
    }
}
