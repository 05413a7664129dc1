package se.lotsen.routines;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which steps apply to which case: a step applies when every one of its conditions holds for the case's facts.
 */
class StepAppliesToTest {

    /**
     * The facts from a compact spec: any of child, custody, foreign, protected, noid, interpreter, police
     * (space-separated); a case without "child" is an adult's.
     */
    static CaseFacts facts(String spec) {
        Set<String> f = Arrays.stream(spec.trim().split("\\s+")).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        return new CaseFacts(f.contains("child"), f.contains("custody"), f.contains("foreign"),
                f.contains("protected"), f.contains("noid"), f.contains("interpreter"), f.contains("police"));
    }

    static Set<Condition> conditions(String spec) {
        EnumSet<Condition> set = EnumSet.noneOf(Condition.class);
        Arrays.stream(spec.trim().split("\\s+")).filter(s -> !s.isEmpty()).map(Condition::valueOf).forEach(set::add);
        return set;
    }

    @ParameterizedTest(name = "step [{0}] for case [{1}] applies: {2}")
    @CsvSource(delimiter = ';', value = {
            // no conditions: every case
            " ;                              ; true",
            " ; child custody foreign protected ; true",
            // child / adult
            "CHILD ; child                   ; true",
            "CHILD ;                         ; false",
            "ADULT ;                         ; true",
            "ADULT ; child                   ; false",
            // the custody decision (6 § LVU) only for children
            "CHILD CUSTODY_DECIDED ; child custody ; true",
            "CHILD CUSTODY_DECIDED ; child         ; false",
            "CHILD CUSTODY_DECIDED ; custody       ; false",
            // foreign nationals
            "FOREIGN_NATIONAL ; foreign      ; true",
            "FOREIGN_NATIONAL ; child        ; false",
            "CHILD FOREIGN_NATIONAL ; child foreign ; true",
            "CHILD FOREIGN_NATIONAL ; foreign       ; false",
            "ADULT FOREIGN_NATIONAL ; foreign       ; true",
            "ADULT FOREIGN_NATIONAL ; child foreign ; false",
            // protected identity
            "PROTECTED_IDENTITY ; protected        ; true",
            "PROTECTED_IDENTITY ; child foreign    ; false",
            "CHILD PROTECTED_IDENTITY ; child protected ; true",
            // the other facts
            "NO_IDENTITY_NUMBER ; noid        ; true",
            "NO_IDENTITY_NUMBER ; foreign     ; false",
            "INTERPRETER_NEEDED ; interpreter ; true",
            "INTERPRETER_NEEDED ;             ; false",
            "BROUGHT_BY_POLICE ; police       ; true",
            "BROUGHT_BY_POLICE ; child        ; false",
            // contradictory conditions never apply
            "CHILD ADULT ; child ; false",
            "CHILD ADULT ;       ; false"})
    void aStepAppliesWhenAllItsConditionsHold(String stepConditions, String caseFacts, boolean expected) {
        RoutineDocument.Step step = new RoutineDocument.Step("s", "Steg", "Tänk på", null, Performer.JOUR,
                conditions(stepConditions == null ? "" : stepConditions), null);

        assertThat(step.appliesTo(facts(caseFacts == null ? "" : caseFacts))).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(Condition.class)
    void everyConditionHoldsForExactlyTheMatchingFact(Condition condition) {
        String fact = switch (condition) {
            case CHILD -> "child";
            case ADULT -> "";
            case CUSTODY_DECIDED -> "custody";
            case FOREIGN_NATIONAL -> "foreign";
            case PROTECTED_IDENTITY -> "protected";
            case NO_IDENTITY_NUMBER -> "noid";
            case INTERPRETER_NEEDED -> "interpreter";
            case BROUGHT_BY_POLICE -> "police";
        };
        String opposite = condition == Condition.ADULT ? "child" : "";

        assertThat(condition.holds(facts(fact))).isTrue();
        assertThat(condition.holds(facts(opposite))).isFalse();
    }

    @Test
    void adultIsTheOppositeOfChild() {
        assertThat(facts("child").adult()).isFalse();
        assertThat(facts("").adult()).isTrue();
    }
}
