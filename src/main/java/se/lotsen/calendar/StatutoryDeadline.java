package se.lotsen.calendar;

import java.time.LocalDate;
import java.util.List;

/**
 * A computed statutory time.
 *
 * @param from           the day the time is counted from (the day of the decision, not counted itself)
 * @param nominalLastDay the last day by 1930:173 1 § (same weekday, same date number or the month's last day)
 * @param lastDay        the legal last day: the nominal one, or the next working day after it by 2 §
 * @param closedDays     the closed days the last day moved past (empty when it did not move)
 */
public record StatutoryDeadline(LocalDate from, LocalDate nominalLastDay, LocalDate lastDay, List<LocalDate> closedDays) {

    public StatutoryDeadline {
        closedDays = List.copyOf(closedDays);
    }

    public boolean moved() {
        return !lastDay.equals(nominalLastDay);
    }
}
