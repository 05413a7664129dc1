package se.lotsen.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A case review as defined by the method developer.
 *
 * @param subject          {@code CHILD}, {@code ADULT} or {@code ANY}
 * @param traffickingOnly  only cases with suspected trafficking (a form of exploitation or an indicator recorded)
 * @param custodyOnly      only cases where a custody (6 § or 6 a § LVU) was decided
 * @param workFrom         the first day of the reviewers' access
 * @param workUntil        the last day of the reviewers' access
 */
public record Review(UUID id, String name, String purpose, Status status, LocalDate openedFrom, LocalDate openedTo,
                     String subject, boolean traffickingOnly, boolean custodyOnly, List<Ref> units,
                     LocalDate workFrom, LocalDate workUntil, List<Ref> reviewers, List<Question> questions,
                     String createdByName, Instant createdAt, Instant startedAt, long caseCount, int version) {

    public enum Status { DRAFT, STARTED }

    /** A unit or reviewer by id and name. */
    public record Ref(UUID id, String name) {
    }

    /** A question of the review's template. */
    public record Question(UUID id, int position, ReviewArea area, String text, Derivation derivation) {
    }

    public boolean draft() {
        return status == Status.DRAFT;
    }

    public boolean reviewer(UUID accountId) {
        return reviewers.stream().anyMatch(r -> r.id().equals(accountId));
    }

    /** Whether the working period includes the day. */
    public boolean inWorkingPeriod(LocalDate day) {
        return !day.isBefore(workFrom) && !day.isAfter(workUntil);
    }
}
