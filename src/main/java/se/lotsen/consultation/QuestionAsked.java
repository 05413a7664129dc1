package se.lotsen.consultation;

import java.time.Instant;

import se.lotsen.access.AccountId;
import se.lotsen.cases.CaseId;

/**
 * A question was asked of the method developers (about a case, or a general one when {@code caseId} is null). An
 * urgent one is e-mailed as well. Carries no question text: notifications name the case number and the asker only.
 * {@code askedAt}: when it was asked (for the statistics).
 */
public record QuestionAsked(QuestionId question, CaseId caseId, String caseNumber, AccountId askedBy,
                            String askedByName, boolean urgent, Instant askedAt) {
}
