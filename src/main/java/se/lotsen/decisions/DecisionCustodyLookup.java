package se.lotsen.decisions;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import se.lotsen.cases.CaseId;
import se.lotsen.cases.CustodyLookup;

/**
 * The cases module's view of custodies in force: a 6 § or 6 a § LVU custody not ended and not lapsed by law (a deadline
 * whose miss ends it has passed), as {@link Decision#status} says.
 */
@Component
class DecisionCustodyLookup implements CustodyLookup {

    private final Decisions decisions;
    private final Deadlines deadlines;

    DecisionCustodyLookup(Decisions decisions, Deadlines deadlines) {
        this.decisions = decisions;
        this.deadlines = deadlines;
    }

    @Override
    public Map<CaseId, Custody> inForce(Collection<CaseId> cases) {
        Map<CaseId, Custody> result = new LinkedHashMap<>();
        for (CaseId id : cases) {
            decisions.activeCustody(id.value())
                    .filter(d -> d.status(deadlines.forCase(id.value())) == DecisionStatus.IN_FORCE)
                    .ifPresent(d -> result.put(id, new Custody(d.type().name(), d.type().legalBasis(), d.decidedAt())));
        }
        return result;
    }
}
