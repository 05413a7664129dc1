package se.lotsen.decisions;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
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

    /** Two statements whatever the number of cases: their custodies not ended, and their deadlines. */
    @Override
    public Map<CaseId, Custody> inForce(Collection<CaseId> cases) {
        List<UUID> ids = cases.stream().map(CaseId::value).distinct().toList();
        List<Decision> custodies = decisions.activeCustodies(ids);
        Map<UUID, List<Deadline>> deadlinesByCase = custodies.isEmpty() ? Map.of()
                : deadlines.forCases(custodies.stream().map(Decision::caseId).distinct().toList());
        Map<CaseId, Custody> result = new LinkedHashMap<>();
        for (Decision d : custodies) {
            if (d.status(deadlinesByCase.getOrDefault(d.caseId(), List.of())) == DecisionStatus.IN_FORCE) {
                result.put(new CaseId(d.caseId()), new Custody(d.type().name(), d.type().legalBasis(), d.decidedAt()));
            }
        }
        return result;
    }
}
