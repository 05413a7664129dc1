package se.lotsen.decisions.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import se.lotsen.access.CurrentUser;
import se.lotsen.cases.CaseHolder;
import se.lotsen.cases.CaseId;
import se.lotsen.cases.CasePanel;
import se.lotsen.cases.Cases;
import se.lotsen.decisions.Deadline;
import se.lotsen.decisions.DeadlineStatus;
import se.lotsen.decisions.Decisions;

/** "Beslut" in the body of the case page: the decisions of the case and a way to record one. */
@Component
class DecisionPanel implements CasePanel {

    private final Decisions decisions;
    private final Cases cases;

    DecisionPanel(Decisions decisions, Cases cases) {
        this.decisions = decisions;
        this.cases = cases;
    }

    @Override
    public Slot slot() {
        return new Slot(Position.BODY, 10, "decisions/panels", "decisions");
    }

    @Override
    public Map<String, Object> model(CaseId caseId, CurrentUser user) {
        CaseHolder holder = cases.requireReadable(caseId, user);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("caseId", caseId.value());
        model.put("decisions", decisions.forCase(caseId, user));
        model.put("lapsed", decisions.deadlines(caseId, user).stream()
                .filter(d -> d.status() == DeadlineStatus.LAPSED && d.decisionId() != null)
                .map(Deadline::decisionId).collect(Collectors.toSet()));
        model.put("editable", DecisionForms.editable(holder, user));
        return model;
    }
}
