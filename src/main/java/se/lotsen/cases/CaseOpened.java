package se.lotsen.cases;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import se.lotsen.organisation.UnitId;
import se.lotsen.persons.Sex;

/**
 * A case was opened at intake. Besides the case, what the statistics count, and nothing that identifies the person:
 * the unit that opened it, the age group on the day it came in (never the birth date or the identity number), the
 * stated sex, the country of origin (the person's nationality as recorded at intake, ISO 3166 alpha-2, {@code null}
 * when unknown), the forms of exploitation and how the case came in.
 */
public record CaseOpened(UUID caseId, SubjectType subjectType, Instant receivedAt, UnitId unit, AgeGroup ageGroup,
                         Sex sex, String countryOfOrigin, Set<ExploitationForm> exploitationForms,
                         IntakeChannel channel) {

    public CaseOpened {
        exploitationForms = exploitationForms == null ? Set.of() : Set.copyOf(exploitationForms);
    }
}
