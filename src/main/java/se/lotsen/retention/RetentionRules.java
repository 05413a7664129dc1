package se.lotsen.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The retention rules in force on one day, and the judgement of one personakt under them. Pure: the rules come from
 * {@code retention_rule}, the facts of the file from the database.
 *
 * <p>A file with an LVU decision or a custody is kept ({@link RetentionRule.Kind#KEEP}); so is the file of a person
 * born on a research day ({@link RetentionRule.Kind#RESEARCH}). A file with a child case closed since the
 * transitional day is kept until the person has reached the rule's age, and kept while the birth date is unknown
 * ({@link RetentionRule.Kind#KEEP_UNTIL_AGE}). Otherwise the file is due five years after its last note
 * ({@link RetentionRule.Kind#ERASE_AFTER}), and the law wants it erased by the end of the next calendar year.
 */
public record RetentionRules(LocalDate on, Optional<RetentionRule> eraseAfter, Optional<RetentionRule> keep,
                             Optional<RetentionRule> untilAge, Optional<RetentionRule> research) {

    static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    /** What becomes of a file. */
    public enum Outcome { DUE, KEPT_PLACEMENT, KEPT_RESEARCH, KEPT_UNTIL_AGE, KEPT_BIRTH_UNKNOWN }

    /** The facts of a file that the rules look at. */
    record Facts(Instant lastNoteAt, boolean placement, boolean childCaseUnderAgeRule, Optional<LocalDate> born) {
    }

    /** Of each kind, the rule in force on the day (the most recent, should two overlap). */
    static RetentionRules of(List<RetentionRule> all, LocalDate on) {
        return new RetentionRules(on, valid(all, on, RetentionRule.Kind.ERASE_AFTER),
                valid(all, on, RetentionRule.Kind.KEEP), valid(all, on, RetentionRule.Kind.KEEP_UNTIL_AGE),
                valid(all, on, RetentionRule.Kind.RESEARCH));
    }

    private static Optional<RetentionRule> valid(List<RetentionRule> all, LocalDate on, RetentionRule.Kind kind) {
        return all.stream().filter(r -> r.kind() == kind && r.validOn(on))
                .max(Comparator.comparing(RetentionRule::validFrom));
    }

    /** Files whose last note is before this instant may be due: the start of the day, the rule's years ago. */
    Optional<Instant> lastNoteBefore() {
        return eraseAfter.map(r -> on.minusYears(r.years()).atStartOfDay(SWEDEN).toInstant());
    }

    /** The day a file with this last note became due. */
    LocalDate dueOn(Instant lastNoteAt) {
        return lastNoteAt.atZone(SWEDEN).toLocalDate().plusYears(eraseAfter.orElseThrow().years()).plusDays(1);
    }

    /** The last day the law allows for erasing it: the end of the calendar year after the year it became due. */
    static LocalDate latestOn(LocalDate dueOn) {
        return LocalDate.of(dueOn.getYear() + 1, 12, 31);
    }

    /** The decision types whose files are kept, as SQL LIKE patterns; none when no such rule is in force. */
    List<String> keptDecisionTypes() {
        return keep.map(RetentionRule::decisionTypes).orElse(List.of());
    }

    /** Judges a file whose last note is old enough (see {@link #lastNoteBefore()}). */
    Outcome judge(Facts file) {
        if (file.placement() && keep.isPresent()) {
            return Outcome.KEPT_PLACEMENT;
        }
        if (research.isPresent() && file.born().isPresent()
                && research.get().birthDays().contains(file.born().get().getDayOfMonth())) {
            return Outcome.KEPT_RESEARCH;
        }
        if (file.childCaseUnderAgeRule() && untilAge.isPresent()) {
            if (file.born().isEmpty()) {
                return Outcome.KEPT_BIRTH_UNKNOWN;
            }
            if (on.isBefore(file.born().get().plusYears(untilAge.get().years()))) {
                return Outcome.KEPT_UNTIL_AGE;
            }
        }
        return Outcome.DUE;
    }
}
