package se.lotsen.cases;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * Which cases have a custody in force, and since when. Implemented by the decisions module (which owns decisions and
 * knows when one has lapsed), so that this module depends on none of it; the jour's search-before-create uses it to
 * say that another unit holds a case with a custody in force.
 */
public interface CustodyLookup {

    /** The custody in force in each of these cases; a case without one is absent. */
    Map<CaseId, Custody> inForce(Collection<CaseId> cases);

    /**
     * A custody in force.
     *
     * @param decisionType the decision type's code, e.g. {@code LVU_6}
     * @param legalBasis   its legal basis in words, e.g. {@code 6 § LVU}
     * @param since        when it was decided
     */
    record Custody(String decisionType, String legalBasis, Instant since) {
    }
}
