package se.lotsen.handover.web;

import java.util.Map;

import org.springframework.stereotype.Component;

import se.lotsen.access.CurrentUser;
import se.lotsen.cases.CaseGrant;
import se.lotsen.cases.CasePanel;
import se.lotsen.cases.Cases;

/**
 * "Överlämning och kontaktpersoner" in the body of the case page: the case's named contacts, who held it when, the
 * receipt status, and handing over, acknowledging and assigning.
 */
@Component
class HandoverPanel implements CasePanel {

    private final Cases cases;
    private final HandoverViews views;

    HandoverPanel(Cases cases, HandoverViews views) {
        this.cases = cases;
        this.views = views;
    }

    @Override
    public Section section() {
        return new Section("handover", "handover.nav");
    }

    @Override
    public Slot slot() {
        return new Slot(Position.BODY, 5, "handover/panels", "handover");
    }

    @Override
    public Map<String, Object> model(CaseGrant grant) {
        return views.model(cases.view(grant), grant.user());
    }
}
