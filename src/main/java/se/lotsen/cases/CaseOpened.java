package se.lotsen.cases;

import java.time.Instant;
import java.util.UUID;

/** A case was opened at intake. */
public record CaseOpened(UUID caseId, SubjectType subjectType, Instant receivedAt) {
}
