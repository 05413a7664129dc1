package se.lotsen.decisions.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import se.lotsen.cases.CaseGrant;
import se.lotsen.cases.CasePanel;
import se.lotsen.decisions.Decisions;

/**
 * "Tidsfrister" at the top of the case page: every deadline of the case, open ones first and overdue or lapsed
 * before them, with the legal last day, its weekday and the working days left.
 */
@Component
class DeadlinePanel implements CasePanel {

    private final Decisions decisions;
    private final DeadlineViews views;

    DeadlinePanel(Decisions decisions, DeadlineViews views) {
        this.decisions = decisions;
        this.views = views;
    }

    @Override
    public Section section() {
        return new Section("deadlines", "deadlines.nav");
    }

    @Override
    public Slot slot() {
        return new Slot(Position.TOP, 10, "decisions/panels", "deadlines");
    }

    @Override
    public Map<String, Object> model(CaseGrant grant) {
        List<DeadlineView> all = views.sorted(decisions.deadlinesOnce(grant),
                LocaleContextHolder.getLocale());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("caseId", grant.caseId().value());
        model.put("open", all.stream().filter(DeadlineView::open).toList());
        model.put("done", all.stream().filter(v -> !v.open()).toList());
        return model;
    }
}
