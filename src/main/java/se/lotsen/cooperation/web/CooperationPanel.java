package se.lotsen.cooperation.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import se.lotsen.cases.CaseGrant;
import se.lotsen.cases.CasePanel;
import se.lotsen.cooperation.Cooperation;

/** "Samverkan" in the body of the case page: the case's cooperation log and a way to record a contact. */
@Component
class CooperationPanel implements CasePanel {

    private final Cooperation cooperation;

    CooperationPanel(Cooperation cooperation) {
        this.cooperation = cooperation;
    }

    @Override
    public Section section() {
        return new Section("cooperation", "coop.nav");
    }

    @Override
    public Slot slot() {
        return new Slot(Position.BODY, 20, "cooperation/panels", "contacts");
    }

    @Override
    public Map<String, Object> model(CaseGrant grant) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("caseId", grant.caseId().value());
        model.put("contacts", cooperation.forCase(grant));
        model.put("editable", grant.editable());
        return model;
    }
}
