package se.lotsen.cases;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import se.lotsen.persons.PersonDetails;

/**
 * Everything intake records when a case is opened. Either {@code existingPersonId} names a person of the unit's
 * register found by search-before-create, or {@code person} describes a new one. {@code knownElsewhereCaseId} is
 * another unit's case the jour found about a matching person: its holder is told.
 */
public record Intake(
        SubjectType subjectType,
        Instant receivedAt,
        IntakeChannel channel,
        String reporter,
        String reporterContact,
        String summary,
        Set<ExploitationForm> exploitationForms,
        String exploitationOther,
        UUID existingPersonId,
        PersonDetails person,
        UUID knownElsewhereCaseId) {

    public Intake {
        exploitationForms = exploitationForms == null ? Set.of() : Set.copyOf(exploitationForms);
    }
}
