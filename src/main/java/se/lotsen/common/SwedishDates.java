package se.lotsen.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Dates and times for people, always in Swedish local time: "fre 27 mars 2026 kl. 23.40" in Swedish,
 * "Fri 27 March 2026, 23:40" in English. Templates use it as {@code @swedishDates}.
 */
@Component("swedishDates")
public class SwedishDates {

    public static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final DateTimeFormatter SV_DATE = DateTimeFormatter.ofPattern("EEE d MMMM yyyy", Locale.forLanguageTag("sv"));
    private static final DateTimeFormatter SV_TIME = DateTimeFormatter.ofPattern("'kl.' HH.mm", Locale.forLanguageTag("sv"));
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("EEE d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter EN_TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    public String date(LocalDate date, Locale locale) {
        if (date == null) {
            return "";
        }
        return english(locale) ? EN_DATE.format(date) : SV_DATE.format(date);
    }

    public String dateTime(Instant instant, Locale locale) {
        if (instant == null) {
            return "";
        }
        var local = instant.atZone(ZONE);
        return english(locale) ? EN_DATE.format(local) + ", " + EN_TIME.format(local)
                : SV_DATE.format(local) + " " + SV_TIME.format(local);
    }

    /**
     * Message arguments as people read them: an ISO date ("2026-12-04") becomes "fre 4 december 2026"; everything
     * else stays as it is.
     */
    public Object[] arguments(List<String> arguments, Locale locale) {
        return arguments.stream().map(a -> (Object) forPeople(a, locale)).toArray();
    }

    private String forPeople(String argument, Locale locale) {
        if (argument != null && ISO_DATE.matcher(argument).matches()) {
            try {
                return date(LocalDate.parse(argument), locale);
            } catch (DateTimeParseException e) {
                return argument;
            }
        }
        return argument;
    }

    private static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }
}
