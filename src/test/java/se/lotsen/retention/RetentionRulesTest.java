package se.lotsen.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import se.lotsen.retention.RetentionRules.Facts;
import se.lotsen.retention.RetentionRules.Outcome;

import static org.assertj.core.api.Assertions.assertThat;

/** The judgement of one file under the rules of V31, on chosen days. */
class RetentionRulesTest {

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    /** The rules as V31 stores them. */
    static final List<RetentionRule> V31 = List.of(
            new RetentionRule("FIVE_YEARS_AFTER_LAST_NOTE", RetentionRule.Kind.ERASE_AFTER, "12 kap. 1 § SoL (2001:453)",
                    "§5.5", "", 5, null, null, null, LocalDate.of(2003, 7, 1), LocalDate.of(2025, 6, 30)),
            new RetentionRule("FIVE_YEARS_AFTER_LAST_NOTE", RetentionRule.Kind.ERASE_AFTER, "16 kap. 1 § SoL (2025:400)",
                    "§10.1 (e)", "", 5, null, null, null, LocalDate.of(2025, 7, 1), null),
            new RetentionRule("PLACEMENT_AND_CUSTODY_KEPT", RetentionRule.Kind.KEEP, "16 kap. 2 § SoL (2025:400)",
                    "§5.5", "", null, List.of("LVU\\_%"), null, null, LocalDate.of(2025, 7, 1), null),
            new RetentionRule("CHILD_INVESTIGATION_UNTIL_30", RetentionRule.Kind.KEEP_UNTIL_AGE,
                    "16 kap. 2 a § SoL (2025:400)", "§10.1 (e)", "", 30, null, null, LocalDate.of(2026, 1, 15),
                    LocalDate.of(2026, 1, 15), null),
            new RetentionRule("RESEARCH_SAMPLE", RetentionRule.Kind.RESEARCH, "7 kap. 2 § SoF", "§5.5", "", null, null,
                    List.of(5, 15, 25), null, LocalDate.of(2003, 7, 1), null));

    private static Instant at(int year, int month, int day) {
        return LocalDate.of(year, month, day).atTime(14, 30).atZone(SWEDEN).toInstant();
    }

    private static Facts adult(Instant lastNote, LocalDate born) {
        return new Facts(lastNote, false, false, Optional.ofNullable(born));
    }

    @Test
    void theRuleInForceOnTheDayIsUsedAndTheOldLawsRuleBeforeTheNewOnesDay() {
        RetentionRules before = RetentionRules.of(V31, LocalDate.of(2025, 6, 30));
        assertThat(before.eraseAfter().orElseThrow().legalBasis()).isEqualTo("12 kap. 1 § SoL (2001:453)");
        assertThat(before.keep()).as("16 kap. 2 § of the new law is not yet in force").isEmpty();
        assertThat(before.untilAge()).isEmpty();
        RetentionRules after = RetentionRules.of(V31, LocalDate.of(2026, 1, 15));
        assertThat(after.eraseAfter().orElseThrow().legalBasis()).isEqualTo("16 kap. 1 § SoL (2025:400)");
        assertThat(after.untilAge()).isPresent();
        assertThat(RetentionRules.of(V31, LocalDate.of(2026, 1, 14)).untilAge()).isEmpty();
        assertThat(RetentionRules.of(List.of(), LocalDate.of(2026, 1, 14)).lastNoteBefore())
                .as("without a rule nothing is ever due").isEmpty();
    }

    @Test
    void aFileIsDueTheDayAfterFiveYearsFromItsLastNoteAndMustBeGoneByTheEndOfTheNextYear() {
        RetentionRules onDueDay = RetentionRules.of(V31, LocalDate.of(2031, 3, 11));
        Instant lastNote = at(2026, 3, 10);
        assertThat(onDueDay.lastNoteBefore().orElseThrow()).isAfter(lastNote);
        assertThat(RetentionRules.of(V31, LocalDate.of(2031, 3, 10)).lastNoteBefore().orElseThrow())
                .as("five years to the day: not yet").isBefore(lastNote);
        assertThat(onDueDay.dueOn(lastNote)).isEqualTo(LocalDate.of(2031, 3, 11));
        assertThat(RetentionRules.latestOn(LocalDate.of(2031, 3, 11))).isEqualTo(LocalDate.of(2032, 12, 31));
        // A last note on 29 February: due on 1 March five years on, the same day the cut-off passes it.
        Instant leap = at(2028, 2, 29);
        assertThat(onDueDay.dueOn(leap)).isEqualTo(LocalDate.of(2033, 3, 1));
        assertThat(RetentionRules.of(V31, LocalDate.of(2033, 3, 1)).lastNoteBefore().orElseThrow()).isAfter(leap);
        assertThat(RetentionRules.of(V31, LocalDate.of(2033, 2, 28)).lastNoteBefore().orElseThrow()).isBefore(leap);
    }

    @Test
    void lvuFilesAndTheResearchSampleAreKeptAndOtherAdultFilesAreDue() {
        RetentionRules rules = RetentionRules.of(V31, LocalDate.of(2033, 1, 1));
        Instant old = at(2026, 6, 1);
        assertThat(rules.judge(adult(old, LocalDate.of(1990, 4, 7)))).isEqualTo(Outcome.DUE);
        assertThat(rules.judge(adult(old, null))).as("no birth date: no research day").isEqualTo(Outcome.DUE);
        for (int day : new int[] {5, 15, 25}) {
            assertThat(rules.judge(adult(old, LocalDate.of(1990, 4, day)))).isEqualTo(Outcome.KEPT_RESEARCH);
        }
        assertThat(rules.judge(adult(old, LocalDate.of(1990, 4, 6)))).isEqualTo(Outcome.DUE);
        assertThat(rules.judge(new Facts(old, true, true, Optional.of(LocalDate.of(1990, 4, 6)))))
                .isEqualTo(Outcome.KEPT_PLACEMENT);
        assertThat(rules.keptDecisionTypes()).containsExactly("LVU\\_%");
    }

    @Test
    void aChildFileClosedUnderTheNewRuleIsKeptUntilThirtyAndWhileTheBirthDateIsUnknown() {
        Instant old = at(2026, 6, 1);
        LocalDate born = LocalDate.of(2010, 3, 7);
        Facts child = new Facts(old, false, true, Optional.of(born));
        assertThat(RetentionRules.of(V31, LocalDate.of(2040, 3, 6)).judge(child)).isEqualTo(Outcome.KEPT_UNTIL_AGE);
        assertThat(RetentionRules.of(V31, LocalDate.of(2040, 3, 7)).judge(child)).isEqualTo(Outcome.DUE);
        assertThat(RetentionRules.of(V31, LocalDate.of(2033, 1, 1))
                .judge(new Facts(old, false, true, Optional.empty()))).isEqualTo(Outcome.KEPT_BIRTH_UNKNOWN);
        // A child file without the new rule's case (closed before 2026-01-15) follows the five years.
        assertThat(RetentionRules.of(V31, LocalDate.of(2033, 1, 1))
                .judge(new Facts(old, false, false, Optional.of(born)))).isEqualTo(Outcome.DUE);
    }
}
