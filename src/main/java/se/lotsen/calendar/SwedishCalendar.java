package se.lotsen.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Swedish public holidays and working days, and statutory time (see the package documentation). Supported years:
 * 1990–2100; a date outside them is refused rather than guessed.
 */
@Component
public class SwedishCalendar {

    public static final int FIRST_YEAR = 1990;
    public static final int LAST_YEAR = 2100;

    private final Map<Integer, List<Holiday>> byYear = new ConcurrentHashMap<>();

    /** Swedish local time: every statutory date is a Swedish date, whatever the server's time zone. */
    public static final java.time.ZoneId ZONE = se.lotsen.common.SwedishDates.ZONE;

    /**
     * The Swedish date of an instant: a decision at 00:30 on a Thursday night, Swedish time, counts from that Thursday
     * even on a server running in UTC, where it is still Wednesday.
     */
    public static LocalDate swedishDate(java.time.Instant instant) {
        return instant.atZone(ZONE).toLocalDate();
    }

    /** The public holidays and the three eves of a year, in date order. */
    public List<Holiday> holidays(int year) {
        checkYear(year);
        return byYear.computeIfAbsent(year, SwedishCalendar::compute);
    }

    /** Whether no statutory time can end on the day: Saturday, Sunday, public holiday or one of the three eves. */
    public boolean isClosed(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        if (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY) {
            return true;
        }
        return holidays(day.getYear()).stream().anyMatch(h -> h.date().equals(day));
    }

    public boolean isWorkingDay(LocalDate day) {
        return !isClosed(day);
    }

    /** The first working day strictly after the day. */
    public LocalDate nextWorkingDay(LocalDate after) {
        LocalDate d = after.plusDays(1);
        while (isClosed(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** The day itself if it is a working day, else the next one. */
    public LocalDate workingDayOnOrAfter(LocalDate day) {
        return isClosed(day) ? nextWorkingDay(day) : day;
    }

    /** Working days strictly after {@code from} up to and including {@code to}; negative when {@code to} is earlier. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (!isClosed(d)) {
                count++;
            }
        }
        return count;
    }

    /** A time of {@code n} weeks from the day: the same weekday {@code n} weeks later (1 §), moved by 2 §. */
    public StatutoryDeadline weeks(LocalDate from, int n) {
        return moved(from, from.plusWeeks(requirePositive(n)));
    }

    /**
     * A time of {@code n} months from the day: the same date number {@code n} months later, or the month's last day
     * when it has no such date (1 §), moved by 2 §.
     */
    public StatutoryDeadline months(LocalDate from, int n) {
        return moved(from, from.plusMonths(requirePositive(n)));
    }

    /** A time of {@code n} days from the day (the day itself not counted), moved by 2 §. */
    public StatutoryDeadline days(LocalDate from, int n) {
        return moved(from, from.plusDays(requirePositive(n)));
    }

    /** Moves a nominal last day to the next working day when it is closed (2 §). */
    public StatutoryDeadline moved(LocalDate from, LocalDate nominal) {
        checkYear(from.getYear());
        checkYear(nominal.getYear());
        List<LocalDate> passed = new ArrayList<>();
        LocalDate last = nominal;
        while (isClosed(last)) {
            passed.add(last);
            last = last.plusDays(1);
        }
        return new StatutoryDeadline(from, nominal, last, passed);
    }

    private static int requirePositive(int n) {
        if (n < 0 || n > 1200) {
            throw new IllegalArgumentException("The length must be between 0 and 1200");
        }
        return n;
    }

    private static void checkYear(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new IllegalArgumentException("Years " + FIRST_YEAR + "–" + LAST_YEAR + " are supported");
        }
    }

    /** Easter Sunday by the Gregorian computus (the anonymous algorithm). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }

    private static List<Holiday> compute(int year) {
        List<Holiday> list = new ArrayList<>();
        LocalDate easter = easterSunday(year);
        add(list, LocalDate.of(year, 1, 1), "Nyårsdagen", "New Year's Day");
        add(list, LocalDate.of(year, 1, 6), "Trettondedag jul", "Epiphany");
        add(list, easter.minusDays(2), "Långfredagen", "Good Friday");
        add(list, easter, "Påskdagen", "Easter Sunday");
        add(list, easter.plusDays(1), "Annandag påsk", "Easter Monday");
        add(list, LocalDate.of(year, 5, 1), "Första maj", "May Day");
        add(list, easter.plusDays(39), "Kristi himmelsfärdsdag", "Ascension Day");
        add(list, easter.plusDays(49), "Pingstdagen", "Whit Sunday");
        if (year <= 2004) {
            // Removed by SFS 2004:1320 from 2005, when nationaldagen became a public holiday.
            add(list, easter.plusDays(50), "Annandag pingst", "Whit Monday");
        } else {
            add(list, LocalDate.of(year, 6, 6), "Sveriges nationaldag", "National Day of Sweden");
        }
        LocalDate midsummer = LocalDate.of(year, 6, 20).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
        list.add(new Holiday(midsummer.minusDays(1), "Midsommarafton", "Midsummer Eve", Holiday.Kind.EVE));
        add(list, midsummer, "Midsommardagen", "Midsummer Day");
        add(list, LocalDate.of(year, 10, 31).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY)),
                "Alla helgons dag", "All Saints' Day");
        list.add(new Holiday(LocalDate.of(year, 12, 24), "Julafton", "Christmas Eve", Holiday.Kind.EVE));
        add(list, LocalDate.of(year, 12, 25), "Juldagen", "Christmas Day");
        add(list, LocalDate.of(year, 12, 26), "Annandag jul", "Boxing Day");
        list.add(new Holiday(LocalDate.of(year, 12, 31), "Nyårsafton", "New Year's Eve", Holiday.Kind.EVE));
        list.sort(Comparator.comparing(Holiday::date));
        return List.copyOf(list);
    }

    private static void add(List<Holiday> list, LocalDate date, String sv, String en) {
        list.add(new Holiday(date, sv, en, Holiday.Kind.PUBLIC_HOLIDAY));
    }

}
