package se.lotsen.decisions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A ruling recorded on a decision: its kind, the day it was given, the end date it set (a continuation, an
 * extension, a reflection period) and the court's case number.
 */
public record CourtRuling(UUID id, UUID caseId, UUID decisionId, RulingKind kind, LocalDate decidedOn, LocalDate until,
                          String courtCaseNumber, String recordedByName, Instant recordedAt) {
}
