package se.lotsen.decisions;

import java.time.LocalDate;

import se.lotsen.cases.CaseId;

/**
 * A reminder of a deadline is due (a lead time, the last day, or overdue). Claimed once per deadline and occasion;
 * whoever holds the case when the reminder is delivered is reminded.
 *
 * @param occasion {@code LEAD_<n>}, {@code DUE_TODAY} or {@code OVERDUE}
 * @param kind     what has to be done by the day (its task is the message {@code deadlineTask.<kind>}); {@code null}
 *                 only in a reminder published before the kind was part of it
 */
public record DeadlineReminderDue(CaseId caseId, DeadlineId deadline, String occasion, String legalBasis,
                                  LocalDate dueDate, DeadlineKind kind) {

    public boolean overdue() {
        return "OVERDUE".equals(occasion);
    }
}
