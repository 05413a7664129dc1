package se.lotsen.handover;

import java.time.Clock;

import org.springframework.stereotype.Service;

import se.lotsen.cases.CaseGrant;
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

    /** The package as the grant may see it: a protected person's address and placement only with the right. */
    public HandoverPackage build(CaseGrant grant) {
        return new HandoverPackage(cases.view(grant), cases.checklist(grant), decisions.forCase(grant),
                decisions.deadlines(grant), cooperation.forCase(grant), handovers.forCase(grant.caseId()),
                clock.instant(), grant.user().displayName());
    }
}
