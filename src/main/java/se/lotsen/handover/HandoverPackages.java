package se.lotsen.handover;

import java.time.Clock;

import org.springframework.stereotype.Service;

import se.lotsen.calendar.SwedishCalendar;
import se.lotsen.cases.CaseGrant;
import se.lotsen.cases.CaseView;
import se.lotsen.cases.Cases;
import se.lotsen.cooperation.Cooperation;
import se.lotsen.decisions.Decisions;
import se.lotsen.organisation.Committee;
import se.lotsen.organisation.Organisation;

/** Assembles the handover package for someone who may read the case. */
@Service
public class HandoverPackages {

    private final Cases cases;
    private final Decisions decisions;
    private final Cooperation cooperation;
    private final Handovers handovers;
    private final Organisation organisation;
    private final Clock clock;

    public HandoverPackages(Cases cases, Decisions decisions, Cooperation cooperation, Handovers handovers,
                            Organisation organisation, Clock clock) {
        this.cases = cases;
        this.organisation = organisation;
        this.decisions = decisions;
        this.cooperation = cooperation;
        this.handovers = handovers;
        this.clock = clock;
    }

    /** The package as the grant may see it: a protected person's address and placement only with the right. */
    public HandoverPackage build(CaseGrant grant) {
        CaseView view = cases.view(grant);
        java.time.Instant now = clock.instant();
        return new HandoverPackage(view, cases.checklist(grant), decisions.forCase(grant),
                decisions.deadlines(grant), cooperation.forCase(grant), handovers.forCase(grant.caseId()),
                now, grant.user().displayName(), secrecyMark(view, now));
    }

    /** The mark OSL 5 kap. 5 § asks for, made today by the authority that holds the case. */
    private SecrecyMark secrecyMark(CaseView view, java.time.Instant now) {
        String authority = organisation.committeeOf(view.unit().id()).map(Committee::name)
                .filter(name -> !name.isBlank()).orElse(view.unit().name());
        return new SecrecyMark(SecrecyMark.SOCIAL_SERVICES, SwedishCalendar.swedishDate(now), authority);
    }
}
