package se.lotsen.cases;

import java.util.UUID;

import se.lotsen.organisation.Unit;
import se.lotsen.persons.PersonId;

/**
 * The case as every grant knows it, read in the same statement as the access decision: its number, the unit that
 * holds it, its status, whom it is about (child or adult, protected or not), who works it and its version. No
 * personal data of the person it is about.
 *
 * @param custodyInForce whether an immediate custody (6 § or 6 a § LVU) is in force
 * @param version        the version the case had when it was read, for optimistic locking
 */
public record CaseHeader(CaseId id, String caseNumber, Unit unit, CaseStatus status, SubjectType subjectType,
                         PersonId personId, boolean protectedIdentity, UUID assignedTo, String assignedToName,
                         boolean custodyInForce, int version) {

    /** Open or handed over: not closed. */
    public boolean active() {
        return status.active();
    }
}
