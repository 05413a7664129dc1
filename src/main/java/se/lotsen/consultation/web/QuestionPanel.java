package se.lotsen.consultation.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import se.lotsen.cases.CaseGrant;
import se.lotsen.cases.CasePanel;
import se.lotsen.consultation.Questions;

/** "Frågor till metodutvecklaren" in the body of the case page: the case's questions and a way to ask one. */
@Component
class QuestionPanel implements CasePanel {

    private final Questions questions;

    QuestionPanel(Questions questions) {
        this.questions = questions;
    }

    @Override
    public Section section() {
        return new Section("questions", "questions.nav");
    }

    @Override
    public Slot slot() {
        return new Slot(Position.BODY, 30, "consultation/panels", "questions");
    }

    @Override
    public Map<String, Object> model(CaseGrant grant) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("caseId", grant.caseId().value());
        model.put("questions", questions.forCase(grant));
        // Asking about the case writes into it: not for a unit that only follows it up.
        model.put("mayAsk", grant.editable());
        return model;
    }
}
