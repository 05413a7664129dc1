package se.lotsen.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import se.lotsen.common.SwedishDates;

import static org.assertj.core.api.Assertions.assertThat;

/** Dates for people and the working days left, in both languages. */
class DaysLeftTest {

    private static final Locale SV = Locale.forLanguageTag("sv");

    private final SwedishDates dates = new SwedishDates();
    private final DaysLeft daysLeft = new DaysLeft(new SwedishCalendar(), dates,
            Clock.fixed(LocalDate.of(2026, 12, 3).atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC));

    @ParameterizedTest(name = "{0}: {1} / {2}")
    @CsvSource(delimiter = ';', value = {
            "2026-11-30; mån 30 november 2026; Mon 30 November 2026",
            "2026-12-01; tis 1 december 2026; Tue 1 December 2026",
            "2026-12-02; ons 2 december 2026; Wed 2 December 2026",
            "2026-12-03; tors 3 december 2026; Thu 3 December 2026",
            "2026-12-04; fre 4 december 2026; Fri 4 December 2026",
            "2026-12-05; lör 5 december 2026; Sat 5 December 2026",
            "2026-12-06; sön 6 december 2026; Sun 6 December 2026"})
    void everyWeekdayAbbreviationInBothLanguages(LocalDate day, String swedish, String english) {
        assertThat(dates.date(day, SV)).isEqualTo(swedish);
        assertThat(dates.date(day, Locale.ENGLISH)).isEqualTo(english);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
            // Thursday 3 December 2026 is today.
            "2026-12-03; sista dagen idag; last day today",
            "2026-12-04; 1 arbetsdag kvar; 1 working day left",
            // Over a weekend: Friday and Monday.
            "2026-12-07; 2 arbetsdagar kvar; 2 working days left",
            "2026-12-02; igår; yesterday",
            "2026-12-01; 2 dagar sedan; 2 days ago"})
    void workingDaysLeftFromToday(LocalDate lastDay, String swedish, String english) {
        assertThat(daysLeft.left(lastDay, SV)).isEqualTo(swedish);
        assertThat(daysLeft.left(lastDay, Locale.ENGLISH)).isEqualTo(english);
    }

    @Test
    void christmasIsNoWorkingDay() {
        LocalDate monday = LocalDate.of(2026, 12, 21);
        // Tue 22, Wed 23 are working days; julafton 24, juldagen 25, annandag jul 26, Sunday 27 are not; Mon 28 is.
        assertThat(daysLeft.left(LocalDate.of(2026, 12, 23), monday, SV)).isEqualTo("2 arbetsdagar kvar");
        assertThat(daysLeft.left(LocalDate.of(2026, 12, 28), monday, SV)).isEqualTo("3 arbetsdagar kvar");
        assertThat(daysLeft.left(LocalDate.of(2026, 12, 28), LocalDate.of(2026, 12, 23), Locale.ENGLISH))
                .isEqualTo("1 working day left");
        assertThat(daysLeft.left(LocalDate.of(2026, 12, 26), LocalDate.of(2026, 12, 23), SV))
                .isEqualTo("ingen arbetsdag kvar");
    }

    @Test
    void theDateWithWhatIsLeft() {
        assertThat(daysLeft.dateAndLeft(LocalDate.of(2026, 12, 7), SV))
                .isEqualTo("mån 7 december 2026 – 2 arbetsdagar kvar");
        assertThat(daysLeft.dateAndLeft(LocalDate.of(2026, 12, 3), Locale.ENGLISH))
                .isEqualTo("Thu 3 December 2026 – last day today");
        assertThat(daysLeft.dateAndLeft(null, SV)).isEmpty();
    }
}
