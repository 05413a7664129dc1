package se.lotsen.decisions.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import se.lotsen.cases.CaseGrant;
import se.lotsen.cases.CasePanel;
import se.lotsen.decisions.ClosingBlockers;
import se.lotsen.decisions.Decisions;

/**
 * Inside "Avsluta ärendet" on the case page, before the form: the custody in force and the open deadlines that keep
 * the case from being closed, so the worker sees them before trying. From the decisions and deadlines the page read.
 */
@Component
class ClosingPanel implements CasePanel {

    private final Decisions decisions;

    ClosingPanel(Decisions decisions) {
        this.decisions = decisions;
    }

    @Override
    public Slot slot() {
        return new Slot(Position.CLOSING, 10, "decisions/panels", "closing");
    }

    @Override
    public Map<String, Object> model(CaseGrant grant) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("blockers", ClosingBlockers.of(decisions.forCaseOnce(grant), decisions.deadlinesOnce(grant)));
        return model;
    }
}
