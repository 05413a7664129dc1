package se.lotsen.cases;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import se.lotsen.organisation.Unit;
import se.lotsen.persons.Person;
import se.lotsen.routines.CaseFacts;

/**
 * A case as shown to someone who may read it, with the {@link CaseGrant} that decided it. The person's address is
 * shown only through {@link #visibleAddress()}, which masks it for a protected identity unless the grant has the right.
 */
public record CaseView(
        CaseId id,
        String caseNumber,
        Unit unit,
        CaseStatus status,
        SubjectType subjectType,
        Person person,
        Instant receivedAt,
        IntakeChannel channel,
        String reporter,
        String reporterContact,
        String summary,
        Set<ExploitationForm> exploitationForms,
        String exploitationOther,
        IndicatorAssessment indicators,
        Instant indicatorsAssessedAt,
        String indicatorsAssessedBy,
        ProtectionOutcome protectionOutcome,
        String protectionNotes,
        Instant protectionAssessedAt,
        String protectionAssessedBy,
        boolean custodyDecided,
        UUID assignedTo,
        String assignedToName,
        List<JournalEntry> journal,
        List<StatusChange> statusChanges,
        CaseFacts facts,
        CaseGrant grant) {

    /** A change of status with its reason. */
    public record StatusChange(CaseStatus from, CaseStatus to, String reason, Instant at, String byName) {
    }

    /** The viewer may work on the case: their unit holds it and it is not closed. */
    public boolean editable() {
        return grant.editable();
    }

    /** The viewer's unit holds the case (not only follows it up after a handover). */
    public boolean holdingUnit() {
        return grant.may(CaseRight.WRITE);
    }

    /** Until when the viewer reads the case through emergency access; {@code null} when by their ordinary rights. */
    public java.time.Instant emergencyUntil() {
        return grant.emergencyUntil();
    }

    /** The viewer may see the address and placement of the protected person. */
    public boolean mayViewProtected() {
        return grant.mayViewProtected();
    }

    /** The viewer leads the unit that holds the case (assigns it, names who sees protected data). */
    public boolean leadsHoldingUnit() {
        return grant.may(CaseRight.LEAD);
    }

    /** The viewer leads the holding unit and may name who else sees protected data. */
    public boolean mayNameProtectedViewers() {
        return grant.may(CaseRight.LEAD) && status.active();
    }

    /** The case's version when it was read; forms send it back so a concurrent change is never overwritten. */
    public int version() {
        return grant.header().version();
    }

    public String visibleAddress() {
        return person.addressFor(mayViewProtected());
    }
}
