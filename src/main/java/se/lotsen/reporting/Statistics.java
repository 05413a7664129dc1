package se.lotsen.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The figures for a period (both days included) and optionally one unit (the unit where the case came in). A
 * {@code null} figure is suppressed: a count below {@link #suppressBelow()} (but not 0), or a rate or an average
 * computed over fewer than that many. Keys of the maps are codes (enum names, ISO 3166 country codes, "2026-03" for a
 * month); {@code UNKNOWN} where it was not recorded. {@code computedAt}: when the figures were computed (the page and
 * the API may show the same figures again for {@code lotsen.statistics.cache-for}).
 */
@JsonInclude(value = JsonInclude.Include.ALWAYS, content = JsonInclude.Include.ALWAYS)
public record Statistics(LocalDate from, LocalDate to, String unit, int suppressBelow, CaseFigures cases,
                         DecisionFigures decisions, DeadlineFigures deadlines, HandoverFigures handovers,
                         ConsultationFigures consultations, KnowledgeFigures knowledge, Instant computedAt) {

    /** Cases that came in during the period. */
    @JsonInclude(value = JsonInclude.Include.ALWAYS, content = JsonInclude.Include.ALWAYS)
    public record CaseFigures(Integer total, Integer children, Integer adults, Map<String, Integer> byMonth,
                              Map<String, Integer> byAgeGroup, Map<String, Integer> bySex,
                              Map<String, Integer> byCountry, Map<String, Integer> byExploitationForm,
                              Map<String, Integer> byChannel) {
    }

    /** Decisions made during the period, by type (every type listed). */
    @JsonInclude(value = JsonInclude.Include.ALWAYS, content = JsonInclude.Include.ALWAYS)
    public record DecisionFigures(Integer total, Map<String, Integer> byType) {
    }

    /**
     * Statutory deadlines. {@code met}: met during the period (by the day met). The rest are the deadlines whose last
     * day falls in the period and that are decided: {@code due} of them, {@code metOnTime} met on or before the last
     * day, {@code metLate} met after it, {@code missed} not met and the last day before today (a deadline closed as
     * no longer applicable on or before its last day is not counted; closed after it, it is missed);
     * {@code keptRate} = metOnTime / due (0–1). Deadlines still open with the last day today or later are not counted.
     */
    @JsonInclude(value = JsonInclude.Include.ALWAYS, content = JsonInclude.Include.ALWAYS)
    public record DeadlineFigures(Integer met, Integer metOnTime, Integer metLate, Integer missed, Integer due,
                                  Double keptRate) {
    }

    /**
     * For the cases that came in during the period and were handed over: the time from intake to the (first)
     * handover and to its acknowledgement, in days (median and mean, one decimal).
     */
    @JsonInclude(value = JsonInclude.Include.ALWAYS, content = JsonInclude.Include.ALWAYS)
    public record HandoverFigures(Integer handedOver, Double daysToHandoverMedian, Double daysToHandoverMean,
                                  Integer acknowledged, Double daysToAcknowledgementMedian,
                                  Double daysToAcknowledgementMean) {
    }

    /** Questions to the method developer asked and answered during the period. */
    @JsonInclude(value = JsonInclude.Include.ALWAYS, content = JsonInclude.Include.ALWAYS)
    public record ConsultationFigures(Integer asked, Integer answered) {
    }

    /** Training days, seminars and information visits held during the period (for every unit) and participants. */
    @JsonInclude(value = JsonInclude.Include.ALWAYS, content = JsonInclude.Include.ALWAYS)
    public record KnowledgeFigures(Integer eventsHeld, Integer participants, Map<String, Integer> heldByKind) {
    }

    /** One figure in long format: what is measured, the category ("" for none), the value ({@code null}: suppressed). */
    public record Figure(String measure, String category, Number value) {
    }

    /** Every figure in long format, in a stable order: what the exports write. */
    @JsonIgnore
    public List<Figure> figures() {
        List<Figure> f = new ArrayList<>();
        f.add(new Figure("cases.total", "", cases.total()));
        f.add(new Figure("cases.children", "", cases.children()));
        f.add(new Figure("cases.adults", "", cases.adults()));
        add(f, "cases.byMonth", cases.byMonth());
        add(f, "cases.byAgeGroup", cases.byAgeGroup());
        add(f, "cases.bySex", cases.bySex());
        add(f, "cases.byCountry", cases.byCountry());
        add(f, "cases.byExploitationForm", cases.byExploitationForm());
        add(f, "cases.byChannel", cases.byChannel());
        f.add(new Figure("decisions.total", "", decisions.total()));
        add(f, "decisions.byType", decisions.byType());
        f.add(new Figure("deadlines.met", "", deadlines.met()));
        f.add(new Figure("deadlines.due", "", deadlines.due()));
        f.add(new Figure("deadlines.metOnTime", "", deadlines.metOnTime()));
        f.add(new Figure("deadlines.metLate", "", deadlines.metLate()));
        f.add(new Figure("deadlines.missed", "", deadlines.missed()));
        f.add(new Figure("deadlines.keptRate", "", deadlines.keptRate()));
        f.add(new Figure("handovers.handedOver", "", handovers.handedOver()));
        f.add(new Figure("handovers.daysToHandoverMedian", "", handovers.daysToHandoverMedian()));
        f.add(new Figure("handovers.daysToHandoverMean", "", handovers.daysToHandoverMean()));
        f.add(new Figure("handovers.acknowledged", "", handovers.acknowledged()));
        f.add(new Figure("handovers.daysToAcknowledgementMedian", "", handovers.daysToAcknowledgementMedian()));
        f.add(new Figure("handovers.daysToAcknowledgementMean", "", handovers.daysToAcknowledgementMean()));
        f.add(new Figure("consultations.asked", "", consultations.asked()));
        f.add(new Figure("consultations.answered", "", consultations.answered()));
        f.add(new Figure("knowledge.eventsHeld", "", knowledge.eventsHeld()));
        f.add(new Figure("knowledge.participants", "", knowledge.participants()));
        add(f, "knowledge.heldByKind", knowledge.heldByKind());
        return f;
    }

    private static void add(List<Figure> figures, String measure, Map<String, Integer> values) {
        values.forEach((category, value) -> figures.add(new Figure(measure, category, value)));
    }
}
