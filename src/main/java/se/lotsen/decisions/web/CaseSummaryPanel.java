package se.lotsen.decisions.web;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import se.lotsen.cases.CaseGrant;
import se.lotsen.cases.CasePanel;
import se.lotsen.decisions.Decision;
import se.lotsen.decisions.Decisions;

/**
 * The rows this module adds to the summary at the top of the case page: the next open deadlines (the most urgent
 * first, with the legal last day, what is left and the status) and the custody in force (its type and since when).
 * Reads nothing of its own: the deadlines and decisions are the ones the panels of the page read once per request.
 */
@Component
class CaseSummaryPanel implements CasePanel {

    /** How many deadlines the summary names; the rest are one link away under "Tidsfrister". */
    static final int DEADLINES = 2;

    private final Decisions decisions;
    private final DeadlineViews views;

    CaseSummaryPanel(Decisions decisions, DeadlineViews views) {
        this.decisions = decisions;
        this.views = views;
    }

    @Override
    public Slot slot() {
        return new Slot(Position.SUMMARY, 10, "decisions/panels", "summaryRows");
    }

    @Override
    public Map<String, Object> model(CaseGrant grant) {
        List<DeadlineView> open = views.sorted(decisions.deadlinesOnce(grant), LocaleContextHolder.getLocale())
                .stream().filter(DeadlineView::open).toList();
        Decision custody = decisions.forCaseOnce(grant).stream()
                .filter(d -> d.type().custody() && d.active())
                .max(Comparator.comparing(Decision::decidedAt)).orElse(null);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("caseId", grant.caseId().value());
        model.put("next", open.stream().limit(DEADLINES).toList());
        model.put("openCount", open.size());
        model.put("custody", custody);
        model.put("custodySince", custody == null ? null : since(custody));
        return model;
    }

    /** A custody is in force from its execution; until then, from the decision. */
    private static Instant since(Decision custody) {
        return custody.executedAt() != null ? custody.executedAt() : custody.decidedAt();
    }
}
