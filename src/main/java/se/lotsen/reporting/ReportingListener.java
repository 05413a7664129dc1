package se.lotsen.reporting;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import se.lotsen.cases.CaseOpened;
import se.lotsen.consultation.QuestionAnswered;
import se.lotsen.consultation.QuestionAsked;
import se.lotsen.decisions.DeadlineClosed;
import se.lotsen.decisions.DeadlineMet;
import se.lotsen.decisions.DeadlineScheduled;
import se.lotsen.decisions.DecisionRecorded;
import se.lotsen.handover.CaseHandedOver;
import se.lotsen.handover.HandoverAcknowledged;
import se.lotsen.knowledge.KnowledgeEventRecorded;

/**
 * Keeps the read model current from the other modules' events, after their commit, retried from the event publication
 * registry until it succeeds. Each event is logged once ({@link ReadModel#receive}), so a redelivery counts nothing
 * twice.
 */
@Component
class ReportingListener {

    private final ReadModel model;

    ReportingListener(ReadModel model) {
        this.model = model;
    }

    @ApplicationModuleListener
    void on(CaseOpened e) {
        model.receive(e);
    }

    @ApplicationModuleListener
    void on(DecisionRecorded e) {
        model.receive(e);
    }

    @ApplicationModuleListener
    void on(DeadlineScheduled e) {
        model.receive(e);
    }

    @ApplicationModuleListener
    void on(DeadlineMet e) {
        model.receive(e);
    }

    @ApplicationModuleListener
    void on(DeadlineClosed e) {
        model.receive(e);
    }

    @ApplicationModuleListener
    void on(CaseHandedOver e) {
        model.receive(e);
    }

    @ApplicationModuleListener
    void on(HandoverAcknowledged e) {
        model.receive(e);
    }

    @ApplicationModuleListener
    void on(QuestionAsked e) {
        model.receive(e);
    }

    @ApplicationModuleListener
    void on(QuestionAnswered e) {
        model.receive(e);
    }

    @ApplicationModuleListener
    void on(KnowledgeEventRecorded e) {
        model.receive(e);
    }
}
