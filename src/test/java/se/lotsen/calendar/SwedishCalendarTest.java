package se.lotsen.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SwedishCalendarTest {

    private final SwedishCalendar calendar = new SwedishCalendar();

    /** Easter Sunday as published in Swedish almanacs. */
    @ParameterizedTest
    @CsvSource({"1990-04-15", "1995-04-16", "2000-04-23", "2004-04-11", "2005-03-27", "2008-03-23", "2011-04-24",
            "2019-04-21", "2024-03-31", "2025-04-20", "2026-04-05", "2027-03-28", "2038-04-25", "2049-04-18",
            "2076-04-19", "2095-04-24", "2100-03-28"})
    void easterMatchesTheAlmanac(LocalDate easter) {
        assertThat(SwedishCalendar.easterSunday(easter.getYear())).isEqualTo(easter);
    }

    @Test
    void theHolidaysOf2026() {
        assertThat(calendar.holidays(2026).stream().filter(h -> h.kind() == Holiday.Kind.PUBLIC_HOLIDAY)
                .map(Holiday::date).map(LocalDate::toString))
                .containsExactly("2026-01-01", "2026-01-06", "2026-04-03", "2026-04-05", "2026-04-06", "2026-05-01",
                        "2026-05-14", "2026-05-24", "2026-06-06", "2026-06-20", "2026-10-31", "2026-12-25",
                        "2026-12-26");
        assertThat(calendar.holidays(2026).stream().filter(h -> h.kind() == Holiday.Kind.EVE)
                .map(h -> h.date() + " " + h.nameSv()))
                .containsExactly("2026-06-19 Midsommarafton", "2026-12-24 Julafton", "2026-12-31 Nyårsafton");
    }

    @ParameterizedTest
    @CsvSource({"2004, true, false", "2005, false, true", "1990, true, false", "2100, false, true"})
    void annandagPingstUntil2004AndNationaldagenFrom2005(int year, boolean whitMonday, boolean nationalDay) {
        List<String> names = calendar.holidays(year).stream().map(Holiday::nameSv).toList();
        assertThat(names.contains("Annandag pingst")).isEqualTo(whitMonday);
        assertThat(names.contains("Sveriges nationaldag")).isEqualTo(nationalDay);
        assertThat(calendar.isClosed(LocalDate.of(year, 6, 6)))
                .isEqualTo(nationalDay || LocalDate.of(year, 6, 6).getDayOfWeek().getValue() >= 6);
    }

    @ParameterizedTest
    @CsvSource({"2027-01-05, false", "2026-04-30, false", "2026-10-30, false", "2026-06-19, true", "2026-12-24, true",
            "2026-12-31, true", "2026-12-30, false", "2026-11-27, false", "2026-11-28, true", "2026-11-29, true"})
    void ordinaryEvesAreNotClosedButTheThreeAre(LocalDate day, boolean closed) {
        // Trettondedagsafton, valborgsmässoafton and allhelgonaafton are ordinary days (RÅ 2004 not 40).
        assertThat(calendar.isClosed(day)).isEqualTo(closed);
    }

    /** The test vectors of LEGAL-AND-PRACTICE §1.8. */
    @ParameterizedTest
    @CsvSource({
            "2025-12-19, 1, 2025-12-26, 2025-12-29",
            "2026-03-27, 1, 2026-04-03, 2026-04-07",
            "2025-12-24, 1, 2025-12-31, 2026-01-02",
            "2026-06-12, 1, 2026-06-19, 2026-06-22",
            "2026-05-07, 1, 2026-05-14, 2026-05-15",
            "2026-11-26, 1, 2026-12-03, 2026-12-03"})
    void oneWeek(LocalDate from, int weeks, LocalDate nominal, LocalDate legal) {
        StatutoryDeadline d = calendar.weeks(from, weeks);
        assertThat(d.nominalLastDay()).isEqualTo(nominal);
        assertThat(d.lastDay()).isEqualTo(legal);
        assertThat(d.moved()).isEqualTo(!nominal.equals(legal));
    }

    @ParameterizedTest
    @CsvSource({
            "2026-05-16, 4, 2026-06-13, 2026-06-15",
            "2026-11-29, 4, 2026-12-27, 2026-12-28",
            "2026-12-03, 4, 2026-12-31, 2027-01-04"})
    void fourWeeks(LocalDate from, int weeks, LocalDate nominal, LocalDate legal) {
        StatutoryDeadline d = calendar.weeks(from, weeks);
        assertThat(d.nominalLastDay()).isEqualTo(nominal);
        assertThat(d.lastDay()).isEqualTo(legal);
    }

    @ParameterizedTest
    @CsvSource({
            "2026-01-31, 1, 2026-02-28, 2026-03-02",
            "2028-01-31, 1, 2028-02-29, 2028-02-29",
            "2026-08-31, 3, 2026-11-30, 2026-11-30",
            "2026-03-15, 2, 2026-05-15, 2026-05-15",
            "2026-09-30, 3, 2026-12-30, 2026-12-30"})
    void monthsKeepTheDateNumberOrTakeTheMonthsLastDay(LocalDate from, int months, LocalDate nominal, LocalDate legal) {
        StatutoryDeadline d = calendar.months(from, months);
        assertThat(d.nominalLastDay()).isEqualTo(nominal);
        assertThat(d.lastDay()).isEqualTo(legal);
    }

    @Test
    void julaftonOnAWednesdayMovesTheLastDayFiveDays() {
        StatutoryDeadline d = calendar.weeks(LocalDate.parse("2025-12-17"), 1);
        assertThat(d.nominalLastDay()).isEqualTo(LocalDate.parse("2025-12-24"));
        assertThat(d.lastDay()).isEqualTo(LocalDate.parse("2025-12-29"));
        assertThat(d.closedDays()).hasSize(5);
    }

    @Test
    void theClosedDaysPassedAreListed() {
        StatutoryDeadline d = calendar.weeks(LocalDate.parse("2026-03-27"), 1);
        assertThat(d.closedDays()).extracting(LocalDate::toString)
                .containsExactly("2026-04-03", "2026-04-04", "2026-04-05", "2026-04-06");
    }

    @ParameterizedTest
    @CsvSource({"2026-12-23, 2026-12-28", "2026-06-18, 2026-06-22", "2026-11-27, 2026-11-30", "2026-04-02, 2026-04-07",
            "2025-12-30, 2026-01-02"})
    void nextWorkingDay(LocalDate after, LocalDate expected) {
        assertThat(calendar.nextWorkingDay(after)).isEqualTo(expected);
    }

    @Test
    void workingDaysBetween() {
        // 24 (julafton), 25, 26, 27 are closed; 28, 29 and 30 are working days.
        assertThat(calendar.workingDaysBetween(LocalDate.parse("2026-12-23"), LocalDate.parse("2026-12-30")))
                .isEqualTo(3);
        assertThat(calendar.workingDaysBetween(LocalDate.parse("2026-12-30"), LocalDate.parse("2026-12-23")))
                .isEqualTo(-3);
        assertThat(calendar.workingDaysBetween(LocalDate.parse("2026-11-30"), LocalDate.parse("2026-11-30"))).isZero();
    }

    @ParameterizedTest
    @CsvSource({"2026-11-26T00:30:00+01:00, 2026-11-26", "2026-11-25T23:30:00Z, 2026-11-26",
            "2026-06-18T22:30:00Z, 2026-06-19", "2026-11-26T22:59:59Z, 2026-11-26", "2026-11-26T23:00:00Z, 2026-11-27"})
    void datesAreSwedishWhateverTheOffset(java.time.OffsetDateTime at, LocalDate swedish) {
        assertThat(SwedishCalendar.swedishDate(at.toInstant())).isEqualTo(swedish);
    }

    @Test
    void aDecisionAtHalfPastMidnightOnThursdayCountsFromThursday() {
        java.time.Instant decided = java.time.OffsetDateTime.parse("2026-11-25T23:30:00Z").toInstant();
        StatutoryDeadline d = calendar.weeks(SwedishCalendar.swedishDate(decided), 1);
        assertThat(d.from().getDayOfWeek()).isEqualTo(DayOfWeek.THURSDAY);
        assertThat(d.lastDay()).isEqualTo(LocalDate.parse("2026-12-03"));
    }

    @Test
    void yearsOutsideTheRangeAreRefused() {
        assertThatThrownBy(() -> calendar.holidays(1989)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> calendar.weeks(LocalDate.parse("2100-12-28"), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 2000)
    void theLegalLastDayIsNeverClosedNeverBeforeTheNominalAndMovesAtMostFiveDays(
            @ForAll @IntRange(min = 0, max = 40000) int offset, @ForAll @IntRange(min = 1, max = 8) int weeks) {
        LocalDate from = LocalDate.of(1990, 1, 1).plusDays(offset);
        StatutoryDeadline d = calendar.weeks(from, weeks);
        assertThat(calendar.isClosed(d.lastDay())).isFalse();
        assertThat(d.lastDay()).isAfterOrEqualTo(d.nominalLastDay());
        // The longest run of closed days: julafton on a Wednesday up to the Sunday after juldagen.
        assertThat(d.closedDays()).hasSizeLessThanOrEqualTo(5);
        assertThat(d.nominalLastDay().getDayOfWeek()).isEqualTo(from.getDayOfWeek());
        d.closedDays().forEach(c -> assertThat(calendar.isClosed(c)).isTrue());
    }

    @Property(tries = 500)
    void everyYearHasItsFixedHolidaysAndSaturdayMidsummerAndAllSaints(@ForAll @IntRange(min = 1990, max = 2100) int year) {
        List<Holiday> holidays = calendar.holidays(year);
        assertThat(holidays).extracting(Holiday::date).contains(LocalDate.of(year, 1, 1), LocalDate.of(year, 1, 6),
                LocalDate.of(year, 5, 1), LocalDate.of(year, 12, 25), LocalDate.of(year, 12, 26));
        Holiday midsummer = holidays.stream().filter(h -> h.nameSv().equals("Midsommardagen")).findFirst().orElseThrow();
        assertThat(midsummer.date().getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
        assertThat(midsummer.date().getDayOfMonth()).isBetween(20, 26);
        Holiday allSaints = holidays.stream().filter(h -> h.nameSv().equals("Alla helgons dag")).findFirst().orElseThrow();
        assertThat(allSaints.date().getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
        assertThat(allSaints.date()).isBetween(LocalDate.of(year, 10, 31), LocalDate.of(year, 11, 6));
        LocalDate easter = SwedishCalendar.easterSunday(year);
        assertThat(easter.getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
        assertThat(easter).isBetween(LocalDate.of(year, 3, 22), LocalDate.of(year, 4, 25));
        assertThat(holidays).extracting(Holiday::date).contains(easter.minusDays(2), easter.plusDays(1),
                easter.plusDays(39), easter.plusDays(49));
        assertThat(holidays).isSortedAccordingTo(java.util.Comparator.comparing(Holiday::date));
    }
}
