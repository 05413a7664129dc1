package se.lotsen.handover;

import java.time.Clock;

import org.springframework.stereotype.Service;

import se.lotsen.access.CurrentUser;
import se.lotsen.cases.CaseId;
import se.lotsen.cases.Cases;
import se.lotsen.cooperation.Cooperation;
import se.lotsen.decisions.Decisions;

/** Assembles the handover package for someone who may read the case. */
@Service
public class HandoverPackages {

    private final Cases cases;
    private final Decisions decisions;
    private final Cooperation cooperation;
    private final Handovers handovers;
    private final Clock clock;

    public HandoverPackages(Cases cases, Decisions decisions, Cooperation cooperation, Handovers handovers, Clock clock) {
        this.cases = cases;
        this.decisions = decisions;
        this.cooperation = cooperation;
        this.handovers = handovers;
        this.clock = clock;
    }

    public HandoverPackage build(CaseId caseId, CurrentUser user) {
        return new HandoverPackage(cases.get(caseId, user), cases.checklist(caseId, user),
                decisions.forCase(caseId, user), decisions.deadlines(caseId, user), cooperation.forCase(caseId, user),
                handovers.forCase(caseId), clock.instant(), user.displayName());
    }
}
