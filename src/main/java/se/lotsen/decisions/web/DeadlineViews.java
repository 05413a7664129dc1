package se.lotsen.decisions.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import se.lotsen.calendar.StatutoryDeadline;
import se.lotsen.calendar.SwedishCalendar;
import se.lotsen.common.SwedishDates;
import se.lotsen.decisions.Deadline;
import se.lotsen.decisions.DeadlineKind;
import se.lotsen.decisions.DeadlineRule;
import se.lotsen.decisions.DeadlineStatus;

/** Turns deadlines into what the pages show, and orders them: overdue and lapsed first, then by last day. */
@Component
class DeadlineViews {

    private static final DateTimeFormatter SV_SHORT = DateTimeFormatter.ofPattern("EEE d MMMM", Locale.forLanguageTag("sv"));
    private static final DateTimeFormatter EN_SHORT = DateTimeFormatter.ofPattern("EEE d MMMM", Locale.ENGLISH);

    /** Overdue and lapsed first, then the other open ones, then met and closed; each by last day, no date first. */
    static final Comparator<DeadlineView> ORDER = Comparator
            .comparingInt((DeadlineView v) -> v.urgent() ? 0 : v.open() ? 1 : 2)
            .thenComparing(v -> v.deadline().dueDate(), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(v -> v.deadline().kind());

    private final SwedishCalendar calendar;
    private final MessageSource messages;
    private final SwedishDates dates;
    private final Clock clock;

    DeadlineViews(SwedishCalendar calendar, MessageSource messages, SwedishDates dates, Clock clock) {
        this.calendar = calendar;
        this.messages = messages;
        this.dates = dates;
        this.clock = clock;
    }

    /** Today's Swedish date, the day every deadline status is derived for. */
    LocalDate today() {
        return LocalDate.now(clock.withZone(SwedishCalendar.ZONE));
    }

    List<DeadlineView> sorted(List<Deadline> deadlines, Locale locale) {
        return deadlines.stream().map(d -> view(d, locale)).sorted(ORDER).toList();
    }

    DeadlineView view(Deadline d, Locale locale) {
        LocalDate today = today();
        String statusKey;
        String icon;
        String tone;
        switch (d.status()) {
            case LAPSED -> {
                statusKey = "deadlineStatus.LAPSED";
                icon = "✕";
                tone = "lapsed";
            }
            case OVERDUE -> {
                statusKey = "deadlineStatus.OVERDUE";
                icon = "⚠";
                tone = "overdue";
            }
            case MET -> {
                statusKey = "deadlineStatus.MET";
                icon = "✓";
                tone = "met";
            }
            case CLOSED -> {
                statusKey = "deadlineStatus.CLOSED";
                icon = "–";
                tone = "closed";
            }
            case EXTENSION_REQUESTED -> {
                statusKey = "deadlineStatus.EXTENSION_REQUESTED";
                icon = "↻";
                tone = "extended";
            }
            default -> {
                if (d.soon()) {
                    statusKey = "deadline.status.soon";
                    icon = "◷";
                    tone = "soon";
                } else if (d.status() == DeadlineStatus.EXTENDED) {
                    statusKey = "deadlineStatus.EXTENDED";
                    icon = "↻";
                    tone = "extended";
                } else {
                    statusKey = "deadlineStatus.PENDING";
                    icon = "○";
                    tone = "pending";
                }
            }
        }
        boolean urgent = d.status() == DeadlineStatus.OVERDUE || d.status() == DeadlineStatus.LAPSED;

        String leftKey;
        long leftCount = 0;
        LocalDate due = d.dueDate();
        if (d.status() == DeadlineStatus.MET) {
            leftKey = "deadline.left.met";
        } else if (d.status() == DeadlineStatus.CLOSED) {
            leftKey = "deadline.left.closed";
        } else if (d.status() == DeadlineStatus.EXTENSION_REQUESTED) {
            leftKey = "deadline.left.extensionRequested";
        } else if (due == null) {
            leftKey = "deadline.left.noDate";
        } else if (today.isAfter(due)) {
            leftKey = "deadline.left.overdue";
            leftCount = ChronoUnit.DAYS.between(due, today);
        } else if (today.equals(due)) {
            leftKey = "deadline.left.today";
        } else if (d.workingDaysLeft() > 0) {
            leftKey = "deadline.left.days";
            leftCount = d.workingDaysLeft();
        } else {
            leftKey = "deadline.left.calendarDays";
            leftCount = ChronoUnit.DAYS.between(today, due);
        }

        LocalDate legalLastDay = d.nominalDate() != null ? d.nominalDate() : due;
        List<DeadlineView.ClosedDay> closed = new ArrayList<>();
        if (d.nominalDate() != null && d.rule().unit() != DeadlineRule.Unit.NEXT_MEETING && d.rule().moves()) {
            try {
                StatutoryDeadline computed = calendar.moved(d.anchorDate(), d.nominalDate());
                legalLastDay = computed.lastDay();
                for (LocalDate day : computed.closedDays()) {
                    closed.add(new DeadlineView.ClosedDay(day, holidayName(day, locale)));
                }
            } catch (IllegalArgumentException outsideSupportedYears) {
                // The calendar covers 1990–2100; outside it the stored dates are shown as they are.
                closed.clear();
            }
        }
        boolean extended = d.extensionNote() != null;
        return new DeadlineView(d, statusKey, icon, tone, urgent, leftKey, leftCount, legalLastDay, closed,
                movedText(closed, locale), extended);
    }

    /** The name of a kind of deadline, e.g. "Underställning till förvaltningsrätten (7 § LVU)". */
    String kindName(DeadlineKind kind, Locale locale) {
        return messages.getMessage("deadlineKind." + kind.name(), null, kind.name(), locale);
    }

    /** Deadlines that just started, for a confirmation: "Underställning … (7 § LVU): sista dag mån 29 december 2025; …" */
    String describeStarted(List<Deadline> started, Locale locale) {
        List<String> parts = new ArrayList<>();
        for (Deadline d : started) {
            String kind = kindName(d.kind(), locale);
            parts.add(d.dueDate() == null
                    ? messages.getMessage("flash.decision.deadlineNoDate", new Object[] {kind}, locale)
                    : messages.getMessage("flash.decision.deadline",
                    new Object[] {kind, dates.date(d.dueDate(), locale)}, locale));
        }
        return String.join("; ", parts);
    }

    private String holidayName(LocalDate day, Locale locale) {
        return calendar.holidays(day.getYear()).stream().filter(h -> h.date().equals(day)).findFirst()
                .map(h -> english(locale) ? h.nameEn() : h.nameSv()).orElse(null);
    }

    private String movedText(List<DeadlineView.ClosedDay> days, Locale locale) {
        if (days.isEmpty()) {
            return "";
        }
        DateTimeFormatter format = english(locale) ? EN_SHORT : SV_SHORT;
        List<String> parts = days.stream().map(c -> format.format(c.date())
                + (c.holidayName() == null ? "" : " (" + c.holidayName() + ")")).toList();
        if (parts.size() == 1) {
            return parts.get(0);
        }
        String and = messages.getMessage("deadline.closedDays.and", null, "och", locale);
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " " + and + " " + parts.get(parts.size() - 1);
    }

    private static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }
}
