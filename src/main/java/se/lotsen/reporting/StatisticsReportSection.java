package se.lotsen.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import se.lotsen.grants.GrantReportSource;

/**
 * The statistics section of a grant's final report: the period's figures for every unit as a short text, suppressed
 * as everywhere else ("&lt;3"). No names, no case numbers.
 */
@Component
class StatisticsReportSection implements GrantReportSource {

    private final Reporting reporting;
    private final MessageSource messages;

    StatisticsReportSection(Reporting reporting, MessageSource messages) {
        this.reporting = reporting;
        this.messages = messages;
    }

    @Override
    public String key() {
        return "statistics";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Draft draft(LocalDate from, LocalDate to, Locale locale) {
        Statistics s = reporting.statistics(new Reporting.Period(from, to), null);
        String small = msg(locale, "statistics.suppressed", reporting.suppressBelow());
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(msg(locale, "statistics.report.intro", from.toString(), to.toString()));
        List<String> items = new ArrayList<>();
        items.add("- " + msg(locale, "statistics.report.cases", n(s.cases().total(), small),
                n(s.cases().children(), small), n(s.cases().adults(), small)));
        items.add("- " + msg(locale, "statistics.report.decisions", n(s.decisions().total(), small))
                + top(s.decisions().byType(), "decisionType.", locale, small));
        items.add("- " + msg(locale, "statistics.report.deadlines", n(s.deadlines().met(), small),
                n(s.deadlines().due(), small), n(s.deadlines().metOnTime(), small),
                n(s.deadlines().metLate(), small), n(s.deadlines().missed(), small),
                s.deadlines().keptRate() == null ? small : Math.round(100 * s.deadlines().keptRate()) + " %"));
        items.add("- " + msg(locale, "statistics.report.handovers", n(s.handovers().handedOver(), small),
                d(s.handovers().daysToHandoverMedian(), small),
                d(s.handovers().daysToAcknowledgementMedian(), small)));
        items.add("- " + msg(locale, "statistics.report.consultations", n(s.consultations().asked(), small)));
        items.add("- " + msg(locale, "statistics.report.knowledge", n(s.knowledge().eventsHeld(), small),
                n(s.knowledge().participants(), small)));
        paragraphs.add(String.join("\n", items));
        paragraphs.add(msg(locale, "statistics.report.suppression", reporting.suppressBelow(), small));
        return new Draft(msg(locale, "statistics.report.title"), String.join("\n\n", paragraphs));
    }

    /** The types that occurred, in words: " (6 § LVU: 4, ...)". */
    private String top(Map<String, Integer> byType, String prefix, Locale locale, String small) {
        List<String> parts = new ArrayList<>();
        byType.forEach((type, n) -> {
            if (n == null || n > 0) {
                parts.add(messages.getMessage(prefix + type, null, type, locale) + ": " + n(n, small));
            }
        });
        return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
    }

    private static String n(Integer value, String small) {
        return value == null ? small : value.toString();
    }

    private static String d(Double value, String small) {
        return value == null ? small : value.toString();
    }

    private String msg(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
