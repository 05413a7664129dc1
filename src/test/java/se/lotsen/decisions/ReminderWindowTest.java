package se.lotsen.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import se.lotsen.calendar.SwedishCalendar;

/** The reminder job reads only deadlines whose last day can have an occasion today. */
class ReminderWindowTest {

    private final SwedishCalendar calendar = new SwedishCalendar();

    private DeadlineReminders reminders(List<Integer> leads) {
        return new DeadlineReminders(null, null, calendar, new ReminderProperties(leads, Duration.ofMinutes(5), true),
                null, null, null);
    }

    @Test
    void theWindowEndsBeforeTheFirstLastDayWithMoreWorkingDaysLeftThanTheLongestLead() {
        DeadlineReminders twoAndZero = reminders(List.of(2, 0));
        // Thursday: Friday and Monday are the two working days, Tuesday is a third.
        assertThat(twoAndZero.lastDayWithAnOccasion(LocalDate.of(2026, 12, 3))).isEqualTo(LocalDate.of(2026, 12, 7));
        // Before Christmas: the closed days from Christmas Eve to Sunday lie inside the window.
        assertThat(twoAndZero.lastDayWithAnOccasion(LocalDate.of(2026, 12, 22))).isEqualTo(LocalDate.of(2026, 12, 28));
        assertThat(reminders(List.of(0)).lastDayWithAnOccasion(LocalDate.of(2026, 12, 4)))
                .as("only the day itself: a Friday's window is the weekend after it").isEqualTo(LocalDate.of(2026, 12, 6));
    }

    @Test
    void everyLastDayWithinTheLongestLeadIsInsideTheWindowOnEveryDayOfTwoYears() {
        for (List<Integer> leads : List.of(List.of(2, 0), List.of(5, 1), List.of(0), List.<Integer>of())) {
            DeadlineReminders r = reminders(leads);
            int longest = leads.stream().mapToInt(Integer::intValue).max().orElse(0);
            for (LocalDate today = LocalDate.of(2026, 1, 1); today.isBefore(LocalDate.of(2028, 1, 1));
                 today = today.plusDays(1)) {
                LocalDate until = r.lastDayWithAnOccasion(today);
                for (LocalDate due = today; due.isBefore(today.plusDays(40)); due = due.plusDays(1)) {
                    if (calendar.workingDaysBetween(today, due) <= longest) {
                        assertThat(due).as("leads %s, today %s", leads, today).isBeforeOrEqualTo(until);
                    }
                }
                assertThat(calendar.workingDaysBetween(today, until)).isLessThanOrEqualTo(longest);
            }
        }
    }
}
