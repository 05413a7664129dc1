package se.lotsen.reporting.web;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import se.lotsen.common.BarChart;
import se.lotsen.persons.Countries;
import se.lotsen.reporting.Statistics;

/** The statistics in words for people: charts with translated labels, and the rows of the exports. */
@Component
class StatisticsViews {

    private final MessageSource messages;

    StatisticsViews(MessageSource messages) {
        this.messages = messages;
    }

    /** What "suppressed" reads as, e.g. "&lt;3". */
    String suppressed(Statistics s, Locale locale) {
        return msg(locale, "statistics.suppressed", s.suppressBelow());
    }

    /** The charts of the page, in the order shown. */
    List<BarChart> charts(Statistics s, Locale locale) {
        String small = suppressed(s, locale);
        String cases = msg(locale, "statistics.unit.cases");
        List<BarChart> charts = new ArrayList<>();
        charts.add(chart(locale, "statistics.chart.byMonth", cases, s.cases().byMonth(), k -> k, small));
        Map<String, Integer> subject = new LinkedHashMap<>();
        subject.put("CHILD", s.cases().children());
        subject.put("ADULT", s.cases().adults());
        charts.add(chart(locale, "statistics.chart.subject", cases, subject, k -> msg(locale, "subjectType." + k),
                small));
        charts.add(chart(locale, "statistics.chart.ageGroup", cases, s.cases().byAgeGroup(),
                k -> msg(locale, "statistics.ageGroup." + k), small));
        charts.add(chart(locale, "statistics.chart.sex", cases, s.cases().bySex(), k -> msg(locale, "sex." + k),
                small));
        charts.add(chart(locale, "statistics.chart.country", cases, s.cases().byCountry(),
                k -> country(k, locale), small));
        charts.add(chart(locale, "statistics.chart.exploitation", cases, s.cases().byExploitationForm(),
                k -> msg(locale, "exploitation." + k), small));
        charts.add(chart(locale, "statistics.chart.channel", cases, s.cases().byChannel(),
                k -> "UNKNOWN".equals(k) ? msg(locale, "statistics.unknown") : msg(locale, "channel." + k), small));
        charts.add(chart(locale, "statistics.chart.decisions", msg(locale, "statistics.unit.decisions"),
                s.decisions().byType(), k -> msg(locale, "decisionType." + k), small));
        charts.add(chart(locale, "statistics.chart.knowledge", msg(locale, "statistics.unit.events"),
                s.knowledge().heldByKind(), k -> msg(locale, "statistics.knowledgeKind." + k), small));
        return charts;
    }

    private BarChart chart(Locale locale, String titleKey, String unit, Map<String, Integer> values,
                           Function<String, String> label, String small) {
        Map<String, Integer> labelled = new LinkedHashMap<>();
        // Nothing at all in the period: the chart says so rather than drawing a row of empty bars.
        if (values.values().stream().allMatch(v -> v != null && v == 0)) {
            return BarChart.ofCounts(msg(locale, titleKey), unit, labelled, small);
        }
        values.forEach((k, v) -> labelled.put(label.apply(k), v));
        return BarChart.ofCounts(msg(locale, titleKey), unit, labelled, small);
    }

    private String country(String code, Locale locale) {
        if ("UNKNOWN".equals(code)) {
            return msg(locale, "statistics.unknown");
        }
        String name = Countries.isKnown(code) ? Countries.name(code, locale) : null;
        return name == null ? code : name;
    }

    /** The export's header row, in the user's language. */
    List<String> header(Locale locale) {
        return List.of(msg(locale, "statistics.export.period"), msg(locale, "statistics.export.unit"),
                msg(locale, "statistics.export.measure"), msg(locale, "statistics.export.category"),
                msg(locale, "statistics.export.value"));
    }

    /** The export's rows: codes for measure and category (stable for scripts), suppressed values in words. */
    Iterator<StatisticsExport.Row> rows(Statistics s, Locale locale) {
        String period = s.from() + "–" + s.to();
        String unit = s.unit() == null ? msg(locale, "statistics.allUnits") : s.unit();
        String small = suppressed(s, locale);
        return s.figures().stream().map(f -> new StatisticsExport.Row(period, unit, f.measure(), f.category(),
                f.value(), f.value() == null ? small : null)).iterator();
    }

    String msg(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
