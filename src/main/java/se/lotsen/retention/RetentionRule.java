package se.lotsen.retention;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * One retention rule as stored in {@code retention_rule}: its legal basis, where LEGAL-AND-PRACTICE describes it, and
 * the days it is valid.
 *
 * @param years         {@link Kind#ERASE_AFTER}: years after the last note; {@link Kind#KEEP_UNTIL_AGE}: the age
 * @param decisionTypes {@link Kind#KEEP}: the decision types (SQL LIKE patterns) whose files are never erased
 * @param birthDays     {@link Kind#RESEARCH}: the days of the month of birth whose files are kept
 * @param closedFrom    {@link Kind#KEEP_UNTIL_AGE}: applies to child cases closed on or after this day
 */
public record RetentionRule(String key, Kind kind, String legalBasis, String source, String description,
                            Integer years, List<String> decisionTypes, List<Integer> birthDays, LocalDate closedFrom,
                            LocalDate validFrom, LocalDate validTo) {

    /** What a rule does. */
    public enum Kind { ERASE_AFTER, KEEP_UNTIL_AGE, KEEP, RESEARCH }

    public RetentionRule {
        decisionTypes = decisionTypes == null ? List.of() : List.copyOf(decisionTypes);
        birthDays = birthDays == null ? List.of() : List.copyOf(birthDays);
    }

    /** Whether the rule is in force on the day. */
    public boolean validOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }

    static List<String> split(String value) {
        return value == null ? List.of() : Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .toList();
    }
}
