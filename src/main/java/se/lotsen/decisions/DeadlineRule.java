package se.lotsen.decisions;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A deadline rule as stored: what it is counted from, how long, whether the last day moves to the next working day
 * (lag 1930:173 2 §), the legal basis, what follows when it is missed, and when the rule is valid.
 */
public record DeadlineRule(UUID id, DeadlineKind kind, String legalBasis, String description, String anchor,
                           Unit unit, int amount, boolean moves, String consequence, LocalDate validFrom,
                           LocalDate validTo) {

    public enum Unit { DAYS, WEEKS, MONTHS, NEXT_MEETING }

    public boolean validOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }
}
