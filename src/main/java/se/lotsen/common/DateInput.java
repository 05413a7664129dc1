package se.lotsen.common;

import java.text.ParseException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.format.Formatter;

/**
 * Dates and times as people type them in Lotsen's forms, whatever their browser's language: the Swedish form
 * {@code ÅÅÅÅ-MM-DD TT:MM} ({@code 2026-12-03 23:50}) and {@code ÅÅÅÅ-MM-DD} ({@code 2026-12-03}). The one place where
 * a form's date or time is read and written; registered for every {@link LocalDate} and {@link LocalDateTime} a page
 * binds (form fields and request parameters alike), and used by forms that keep the typed text themselves.
 *
 * <p>Read: {@code 2026-12-03 23:50}, also with {@code T} instead of the space ({@code 2026-12-03T23:50}, what a
 * browser's own date-time field sent, kept in bookmarks and scripts), with seconds ({@code 2026-12-03T23:50:00}) and
 * with a full stop between hours and minutes, as Swedish writes the time of day ({@code 2026-12-03 23.50}). Spaces
 * around the value are ignored. Nothing else: no day-first or month-first forms ({@code 03/12/2026} could be either),
 * no two-digit years, no digits other than 0–9, and no day or hour that does not exist ({@code 2026-02-30},
 * {@code 25:00}). Written: {@code 2026-12-03 23:50} and {@code 2026-12-03}, the same in every language.
 */
public final class DateInput {

    // The fields' pattern attributes in templates/fragments/forms.html mirror these two.
    private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern DATE_TIME = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})[ T](\\d{2})[:.](\\d{2})(?::(\\d{2}))?");

    private static final DateTimeFormatter SHOW_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT);
    private static final DateTimeFormatter SHOW_DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", Locale.ROOT);

    /** The formatter of form fields and request parameters of type {@link LocalDate}. */
    public static final Formatter<LocalDate> DATE_FORMATTER = new Formatter<>() {
        @Override
        public LocalDate parse(String text, Locale locale) throws ParseException {
            try {
                return parseDate(text);
            } catch (IllegalArgumentException e) {
                throw new ParseException(e.getMessage(), 0);
            }
        }

        @Override
        public String print(LocalDate date, Locale locale) {
            return format(date);
        }
    };

    /** The formatter of form fields and request parameters of type {@link LocalDateTime}. */
    public static final Formatter<LocalDateTime> DATE_TIME_FORMATTER = new Formatter<>() {
        @Override
        public LocalDateTime parse(String text, Locale locale) throws ParseException {
            try {
                return parseDateTime(text);
            } catch (IllegalArgumentException e) {
                throw new ParseException(e.getMessage(), 0);
            }
        }

        @Override
        public String print(LocalDateTime dateTime, Locale locale) {
            return format(dateTime);
        }
    };

    private DateInput() {
    }

    /**
     * A date as typed, or {@code null} for nothing (empty or only spaces).
     *
     * @throws IllegalArgumentException when it is not a date in the form {@code ÅÅÅÅ-MM-DD}, or not a day that exists
     */
    public static LocalDate parseDate(String text) {
        if (text == null || trimSpaces(text).isEmpty()) {
            return null;
        }
        Matcher m = DATE.matcher(trimSpaces(text));
        if (!m.matches()) {
            throw new IllegalArgumentException("not a date (ÅÅÅÅ-MM-DD)");
        }
        try {
            return LocalDate.of(number(m, 1), number(m, 2), number(m, 3));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("no such day", e);
        }
    }

    /**
     * A date and time of day as typed, or {@code null} for nothing (empty or only spaces).
     *
     * @throws IllegalArgumentException when it is not in one of the forms read (see the class), or not a day or time
     *                                  that exists
     */
    public static LocalDateTime parseDateTime(String text) {
        if (text == null || trimSpaces(text).isEmpty()) {
            return null;
        }
        Matcher m = DATE_TIME.matcher(trimSpaces(text));
        if (!m.matches()) {
            throw new IllegalArgumentException("not a date and time (ÅÅÅÅ-MM-DD TT:MM)");
        }
        try {
            return LocalDateTime.of(number(m, 1), number(m, 2), number(m, 3), number(m, 4), number(m, 5),
                    m.group(6) == null ? 0 : number(m, 6));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("no such day or time", e);
        }
    }

    /** {@code 2026-12-03}, or the empty string for no date. */
    public static String format(LocalDate date) {
        return date == null ? "" : SHOW_DATE.format(date);
    }

    /** {@code 2026-12-03 23:50} (to the minute), or the empty string for no time. */
    public static String format(LocalDateTime dateTime) {
        return dateTime == null ? "" : SHOW_DATE_TIME.format(dateTime);
    }

    /** Only spaces are trimmed: a tab or another control character makes the value unreadable, never "nothing". */
    private static String trimSpaces(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) == ' ') {
            start++;
        }
        while (end > start && text.charAt(end - 1) == ' ') {
            end--;
        }
        return text.substring(start, end);
    }

    private static int number(Matcher m, int group) {
        // The patterns allow only the ASCII digits 0-9, so this never fails.
        return Integer.parseInt(m.group(group));
    }
}
