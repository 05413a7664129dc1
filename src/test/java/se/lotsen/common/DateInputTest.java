package se.lotsen.common;

import java.text.ParseException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.time.api.constraints.DateTimeRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one reader and writer of the dates and times typed in Lotsen's forms. */
class DateInputTest {

    private static final Locale EN_US = Locale.US;

    @ParameterizedTest
    @ValueSource(strings = {
            "2026-12-03 23:50",     // Swedish form, as the field shows it
            "2026-12-03T23:50",     // what a browser's datetime-local field sent (old bookmarks, scripts)
            "2026-12-03T23:50:00",  // with seconds
            "2026-12-03 23:50:00",
            "2026-12-03 23.50",     // the Swedish way of writing the time of day
            "  2026-12-03 23:50 "}) // spaces around
    void readsTheSwedishFormAndTheIsoForm(String typed) {
        assertThat(DateInput.parseDateTime(typed)).isEqualTo(LocalDateTime.of(2026, 12, 3, 23, 50));
    }

    @Test
    void keepsSecondsWhenSent() {
        assertThat(DateInput.parseDateTime("2026-12-03T23:50:17")).isEqualTo(LocalDateTime.of(2026, 12, 3, 23, 50, 17));
    }

    @Test
    void writesTheSwedishFormToTheMinute() {
        assertThat(DateInput.format(LocalDateTime.of(2026, 12, 3, 23, 50))).isEqualTo("2026-12-03 23:50");
        assertThat(DateInput.format(LocalDateTime.of(2026, 1, 4, 0, 5, 59))).isEqualTo("2026-01-04 00:05");
        assertThat(DateInput.format(LocalDate.of(2026, 12, 3))).isEqualTo("2026-12-03");
        assertThat(DateInput.format((LocalDateTime) null)).isEmpty();
        assertThat(DateInput.format((LocalDate) null)).isEmpty();
    }

    @Test
    void readsADate() {
        assertThat(DateInput.parseDate("2026-12-03")).isEqualTo(LocalDate.of(2026, 12, 3));
        assertThat(DateInput.parseDate(" 2028-02-29 ")).isEqualTo(LocalDate.of(2028, 2, 29));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "   "})
    void nothingTypedIsNoValue(String typed) {
        assertThat(DateInput.parseDateTime(typed)).isNull();
        assertThat(DateInput.parseDate(typed)).isNull();
        assertThat(DateInput.parseDateTime(null)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "2026-13-40 25:00",      // no such month, day or hour
            "2026-02-30 12:00",      // no such day
            "2026-12-03 24:00",
            "2026-12-03 23:60",
            "2026-12-03 23:50:60",
            "03/12/2026 23:50",      // day or month first: ambiguous
            "12/03/2026, 11:50 PM",  // what an American browser shows in its own date field
            "2026-12-03",            // a date without a time
            "2026-12-03 2350",
            "26-12-03 23:50",        // two-digit year
            "2026-12-3 23:50",
            "2026-12-03  23:50",     // two spaces
            "2026-12-03\t23:50",     // a control character
            "2026-12-03 23:50\u0000",
            "\u00002026-12-03 23:50",
            "\t2026-12-03 23:50",
            "２０２６-12-03 23:50",   // full-width digits
            "٢٠٢٦-12-03 23:50",      // Arabic-Indic digits
            "2026-12-03T23:50:00Z",  // an instant, not a local time
            "2026-12-03T23:50:00+01:00",
            "i går kväll"})
    void refusesAnythingElseAsADateTime(String typed) {
        assertThatThrownBy(() -> DateInput.parseDateTime(typed)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DateInput.DATE_TIME_FORMATTER.parse(typed, EN_US)).isInstanceOf(ParseException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-13-01", "2026-02-29", "2026-04-31", "03/12/2026", "12/3/26", "2026-12-03 23:50",
            "2026-12-3", "20261203", "2026-12-03\u0000", "２０２６-12-03", "tomorrow"})
    void refusesAnythingElseAsADate(String typed) {
        assertThatThrownBy(() -> DateInput.parseDate(typed)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DateInput.DATE_FORMATTER.parse(typed, EN_US)).isInstanceOf(ParseException.class);
    }

    @Test
    void theBrowserLanguageChangesNothing() throws ParseException {
        for (Locale locale : new Locale[] {EN_US, Locale.forLanguageTag("sv-SE"), Locale.GERMANY, Locale.ROOT}) {
            assertThat(DateInput.DATE_TIME_FORMATTER.print(LocalDateTime.of(2026, 12, 3, 23, 50), locale))
                    .isEqualTo("2026-12-03 23:50");
            assertThat(DateInput.DATE_TIME_FORMATTER.parse("2026-12-03 23:50", locale))
                    .isEqualTo(LocalDateTime.of(2026, 12, 3, 23, 50));
            assertThat(DateInput.DATE_FORMATTER.print(LocalDate.of(2026, 12, 3), locale)).isEqualTo("2026-12-03");
        }
    }

    @Property
    void whatIsShownIsReadBackAsTheSameMinute(
            @ForAll @DateTimeRange(min = "1000-01-01T00:00:00", max = "9999-12-31T23:59:59") LocalDateTime time) {
        assertThat(DateInput.parseDateTime(DateInput.format(time))).isEqualTo(time.withSecond(0).withNano(0));
        assertThat(DateInput.parseDate(DateInput.format(time.toLocalDate()))).isEqualTo(time.toLocalDate());
    }
}
