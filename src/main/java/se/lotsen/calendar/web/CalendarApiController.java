package se.lotsen.calendar.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.lotsen.audit.NotAudited;
import se.lotsen.calendar.StatutoryDeadline;
import se.lotsen.calendar.SwedishCalendar;
import se.lotsen.common.FieldProblems;

/**
 * The Swedish legal calendar over the API. Any signed-in caller may use it; it holds no personal data.
 */
@RestController
@RequestMapping("/api/v1/calendar")
@Tag(name = "Calendar")
@NotAudited("the calendar holds no personal data")
class CalendarApiController {

    private final SwedishCalendar calendar;

    CalendarApiController(SwedishCalendar calendar) {
        this.calendar = calendar;
    }

    record DeadlineJson(LocalDate from, LocalDate nominalLastDay, LocalDate lastDay, List<LocalDate> closedDays) {
    }

    record HolidayJson(LocalDate date, String name, String nameEn, String kind) {
    }

    @GetMapping("/statutory-deadline")
    @Operation(summary = "A statutory time by lag (1930:173): give exactly one of weeks, months or days")
    DeadlineJson deadline(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                          @RequestParam(required = false) Integer weeks,
                          @RequestParam(required = false) Integer months,
                          @RequestParam(required = false) Integer days) {
        long given = java.util.stream.Stream.of(weeks, months, days).filter(java.util.Objects::nonNull).count();
        if (given != 1) {
            throw FieldProblems.of("weeks", "validation.calendar.oneLength");
        }
        int n = weeks != null ? weeks : months != null ? months : days;
        String field = weeks != null ? "weeks" : months != null ? "months" : "days";
        if (n < 0 || n > 1200) {
            throw FieldProblems.of(field, "validation.calendar.length");
        }
        StatutoryDeadline d;
        try {
            d = weeks != null ? calendar.weeks(from, n) : months != null ? calendar.months(from, n) : calendar.days(from, n);
        } catch (IllegalArgumentException e) {
            throw FieldProblems.of("from", "validation.calendar.year");
        }
        return new DeadlineJson(d.from(), d.nominalLastDay(), d.lastDay(), d.closedDays());
    }

    @GetMapping("/next-working-day")
    @Operation(summary = "The first working day after a date")
    Map<String, LocalDate> nextWorkingDay(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate after) {
        try {
            return Map.of("date", calendar.nextWorkingDay(after));
        } catch (IllegalArgumentException e) {
            throw FieldProblems.of("after", "validation.calendar.year");
        }
    }

    @GetMapping("/holidays")
    @Operation(summary = "The year's public holidays and the three eves (midsommarafton, julafton, nyårsafton)")
    List<HolidayJson> holidays(@RequestParam int year) {
        try {
            return calendar.holidays(year).stream()
                    .map(h -> new HolidayJson(h.date(), h.nameSv(), h.nameEn(), h.kind().name())).toList();
        } catch (IllegalArgumentException e) {
            throw FieldProblems.of("year", "validation.calendar.year");
        }
    }

}
