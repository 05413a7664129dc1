package se.lotsen.decisions.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import se.lotsen.cases.CaseGrant;
import se.lotsen.cases.CasePanel;
import se.lotsen.decisions.Deadline;
import se.lotsen.decisions.DeadlineStatus;
import se.lotsen.decisions.Decisions;

/** "Beslut" in the body of the case page: the decisions of the case and a way to record one. */
@Component
class DecisionPanel implements CasePanel {

    private final Decisions decisions;

    DecisionPanel(Decisions decisions) {
        this.decisions = decisions;
    }

    @Override
    public Section section() {
        return new Section("decisions", "decisions.nav");
    }

    @Override
    public Slot slot() {
        return new Slot(Position.BODY, 10, "decisions/panels", "decisions");
    }

    @Override
    public Map<String, Object> model(CaseGrant grant) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("caseId", grant.caseId().value());
        model.put("decisions", decisions.forCaseOnce(grant));
        // The deadline panel at the top of the page read them already.
        List<Deadline> deadlines = decisions.deadlinesOnce(grant);
        model.put("lapsed", deadlines.stream()
                .filter(d -> d.status() == DeadlineStatus.LAPSED && d.decisionId() != null)
                .map(Deadline::decisionId).collect(Collectors.toSet()));
        model.put("editable", grant.editable());
        return model;
    }
}
