package se.lotsen.consultation;

import java.time.Instant;

import se.lotsen.access.AccountId;
import se.lotsen.cases.CaseId;

/** The method developer answered a question ({@code answeredAt}); the asker is told. */
public record QuestionAnswered(QuestionId question, CaseId caseId, String caseNumber, AccountId askedBy,
                               String answeredByName, Instant answeredAt) {
}
