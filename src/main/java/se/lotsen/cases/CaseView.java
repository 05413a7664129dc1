package se.lotsen.cases;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import se.lotsen.organisation.Unit;
import se.lotsen.persons.Person;
import se.lotsen.routines.CaseFacts;

/**
 * A case as shown to someone who may read it. {@code mayViewProtected} says whether this viewer may see the
 * address and placement of a person with protected identity; views use {@link Person#addressFor(boolean)}.
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
        boolean mayViewProtected,
        boolean holdingUnit) {

    /** A change of status with its reason. */
    public record StatusChange(CaseStatus from, CaseStatus to, String reason, Instant at, String byName) {
    }

    /** The viewer's unit holds the case and it is not closed: the viewer may work on it. */
    public boolean editable() {
        return holdingUnit && status.active();
    }

    public String visibleAddress() {
        return person.addressFor(mayViewProtected);
    }
}
