package se.lotsen.common;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A horizontal bar chart with the numbers behind it, rendered by {@code fragments/charts :: bars(chart)} as plain HTML
 * and CSS (no script, prints, reads at phone width): each bar is drawn to scale and carries its figure, and the same
 * figures are offered as a table. A value that is not shown (a suppressed small count) has no bar and reads as its
 * {@code display} text, e.g. "&lt;3".
 *
 * @param title the chart's caption, already translated
 * @param unit  what the figures count, already translated (the table's column heading), e.g. "Ärenden" or "Andel"
 * @param bars  the bars, in the order shown
 */
public record BarChart(String title, String unit, List<Bar> bars) {

    public BarChart {
        Objects.requireNonNull(title);
        bars = List.copyOf(bars);
    }

    /**
     * One bar.
     *
     * @param label   what the bar is, already translated
     * @param value   the figure the bar is drawn to; {@code null} when it is not shown (no bar)
     * @param display how the figure reads, e.g. "12", "83 %" or "&lt;3"
     */
    public record Bar(String label, Double value, String display) {
    }

    /** Counts, each shown as its number; a {@code null} count is suppressed and reads as {@code suppressed}. */
    public static BarChart ofCounts(String title, String unit, Map<String, Integer> counts, String suppressed) {
        return new BarChart(title, unit, counts.entrySet().stream()
                .map(e -> e.getValue() == null
                        ? new Bar(e.getKey(), null, suppressed)
                        : new Bar(e.getKey(), e.getValue().doubleValue(), String.valueOf(e.getValue())))
                .toList());
    }

    /** The largest value drawn (the scale's end); 0 when nothing is drawn. */
    public double max() {
        return bars.stream().map(Bar::value).filter(Objects::nonNull).mapToDouble(Double::doubleValue).max().orElse(0);
    }

    /** A bar's length in percent of the widest, for the CSS width; 0 for a bar not drawn. */
    public long width(Bar bar) {
        double max = max();
        return bar.value() == null || max <= 0 ? 0 : Math.round(100 * bar.value() / max);
    }

    /** Whether there is nothing to show. */
    public boolean empty() {
        return bars.isEmpty();
    }
}
