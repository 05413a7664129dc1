package se.lotsen.routines;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Which open cases use which routine version. Implemented by the cases module (which knows whether a case is open),
 * so that the method developer can see the spread of versions without this module depending on cases.
 */
public interface OpenCases {

    /** A case as the routine pages may show it: its number and unit. */
    record CaseRef(UUID caseId, String caseNumber, String unitCode) {
    }

    /** Open cases by routine version id. */
    Map<UUID, List<CaseRef>> byRoutineVersion();
}
