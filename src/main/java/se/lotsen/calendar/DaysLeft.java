package se.lotsen.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import org.springframework.stereotype.Component;

import se.lotsen.common.SwedishDates;

/**
 * A last day as people read it at 3 a.m.: the date ("tors 3 december 2026", by {@link SwedishDates}) and how much
 * time is left, counted in Swedish working days ("3 arbetsdagar kvar", "sista dagen idag", "2 dagar sedan").
 * Templates use it as {@code @daysLeft} (see the {@code deadline} fragment in {@code fragments/dates.html}).
 */
@Component("daysLeft")
public class DaysLeft {

    private final SwedishCalendar calendar;
    private final SwedishDates dates;
    private final Clock clock;

    public DaysLeft(SwedishCalendar calendar, SwedishDates dates, Clock clock) {
        this.calendar = calendar;
        this.dates = dates;
        this.clock = clock;
    }

    /** How much is left until the day, from today in Swedish local time. */
    public String left(LocalDate lastDay, Locale locale) {
        return left(lastDay, LocalDate.now(clock.withZone(SwedishCalendar.ZONE)), locale);
    }

    /**
     * How much is left until the day: working days strictly after today up to and including the last day; the day
     * itself is "the last day today"; a passed day says how many calendar days ago.
     */
    public String left(LocalDate lastDay, LocalDate today, Locale locale) {
        if (lastDay == null) {
            return "";
        }
        boolean en = locale != null && "en".equals(locale.getLanguage());
        if (lastDay.equals(today)) {
            return en ? "last day today" : "sista dagen idag";
        }
        if (lastDay.isBefore(today)) {
            long ago = ChronoUnit.DAYS.between(lastDay, today);
            if (ago == 1) {
                return en ? "yesterday" : "igår";
            }
            return en ? ago + " days ago" : ago + " dagar sedan";
        }
        int n = calendar.workingDaysBetween(today, lastDay);
        if (n == 0) {
            return en ? "no working day left" : "ingen arbetsdag kvar";
        }
        if (n == 1) {
            return en ? "1 working day left" : "1 arbetsdag kvar";
        }
        return en ? n + " working days left" : n + " arbetsdagar kvar";
    }

    /** The date and what is left: "tors 3 december 2026 – 3 arbetsdagar kvar". */
    public String dateAndLeft(LocalDate lastDay, Locale locale) {
        if (lastDay == null) {
            return "";
        }
        return dates.date(lastDay, locale) + " – " + left(lastDay, locale);
    }

    /** Whether the day has passed (for the overdue style; the words say it too). */
    public boolean passed(LocalDate lastDay) {
        return lastDay != null && lastDay.isBefore(LocalDate.now(clock.withZone(SwedishCalendar.ZONE)));
    }
}
