package se.lotsen.cooperation.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import se.lotsen.access.CurrentUser;
import se.lotsen.cases.CaseHolder;
import se.lotsen.cases.CaseId;
import se.lotsen.cases.CasePanel;
import se.lotsen.cases.Cases;
import se.lotsen.cooperation.Cooperation;

/** "Samverkan" in the body of the case page: the case's cooperation log and a way to record a contact. */
@Component
class CooperationPanel implements CasePanel {

    private final Cooperation cooperation;
    private final Cases cases;

    CooperationPanel(Cooperation cooperation, Cases cases) {
        this.cooperation = cooperation;
        this.cases = cases;
    }

    @Override
    public Slot slot() {
        return new Slot(Position.BODY, 20, "cooperation/panels", "contacts");
    }

    @Override
    public Map<String, Object> model(CaseId caseId, CurrentUser user) {
        CaseHolder holder = cases.requireReadable(caseId, user);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("caseId", caseId.value());
        model.put("contacts", cooperation.forCase(caseId, user));
        model.put("editable", holder.status().active() && cases.mayWrite(caseId, user));
        return model;
    }
}
