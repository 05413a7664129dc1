package se.lotsen.decisions.web;

import java.time.LocalDate;
import java.util.List;

import se.lotsen.decisions.Deadline;

/**
 * A deadline as people see it: the status as a word, an icon and a tone (never the colour alone), what is left as
 * words, and why the last day moved when it did.
 *
 * @param statusKey    the message key of the status word ("Försenad", "Snart", "Klar" …)
 * @param icon         a text icon that goes with the word (hidden from screen readers)
 * @param tone         the style modifier: lapsed, overdue, soon, pending, extended, met, closed
 * @param urgent       overdue or lapsed: shown first and highlighted
 * @param leftKey      the message key for what is left ("3 arbetsdagar kvar", "idag", "försenad")
 * @param leftCount    the number that goes with {@code leftKey}
 * @param legalLastDay the legal last day by the rule (before any extension by the court)
 * @param closedDays   the closed days the nominal last day moved past (empty when it did not move)
 * @param movedText    the closed days as a list for people, e.g. "fre 26 december (Annandag jul) och lör 27 december"
 * @param extended     the court extended the time (8 § LVU)
 */
public record DeadlineView(Deadline deadline, String statusKey, String icon, String tone, boolean urgent,
                           String leftKey, long leftCount, LocalDate legalLastDay, List<ClosedDay> closedDays,
                           String movedText, boolean extended) {

    public DeadlineView {
        closedDays = List.copyOf(closedDays);
    }

    /** A closed day the last day moved past, with the holiday's name, or {@code null} for a plain weekend day. */
    public record ClosedDay(LocalDate date, String holidayName) {
    }

    public boolean moved() {
        return !closedDays.isEmpty();
    }

    public boolean open() {
        return deadline.status().open();
    }

    /** A LAPSED deadline shows what followed by law (the rule's consequence). */
    public boolean lapsed() {
        return deadline.status() == se.lotsen.decisions.DeadlineStatus.LAPSED;
    }
}
