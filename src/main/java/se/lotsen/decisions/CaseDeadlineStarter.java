package se.lotsen.decisions;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import se.lotsen.calendar.SwedishCalendar;
import se.lotsen.cases.CaseOpened;
import se.lotsen.cases.ProtectionAssessed;
import se.lotsen.cases.SubjectType;

/**
 * Every case about a child gets the child-protection deadlines when it is opened; recording the protection assessment
 * meets the first of them. Synchronous, in the same transaction as the change that caused it, so a case never exists
 * without its deadlines.
 */
@Component
class CaseDeadlineStarter {

    private final Deadlines deadlines;

    CaseDeadlineStarter(Deadlines deadlines) {
        this.deadlines = deadlines;
    }

    @EventListener
    void on(CaseOpened event) {
        if (event.subjectType() == SubjectType.CHILD) {
            var received = SwedishCalendar.swedishDate(event.receivedAt());
            deadlines.startIfRuleExists(event.caseId(), DeadlineKind.CHILD_PROTECTION_ASSESSMENT, received);
            deadlines.startIfRuleExists(event.caseId(), DeadlineKind.CHILD_INVESTIGATION_DECISION, received);
        }
    }

    @EventListener
    void on(ProtectionAssessed event) {
        deadlines.meetOpen(event.caseId(), DeadlineKind.CHILD_PROTECTION_ASSESSMENT,
                SwedishCalendar.swedishDate(event.assessedAt()), "Lotsen", "Skyddsbedömningen registrerades");
    }
}
