package se.lotsen.routines;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import se.lotsen.common.FieldProblems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.lotsen.routines.RoutineTestData.keys;
import static se.lotsen.routines.RoutineTestData.step;
import static se.lotsen.routines.RoutineTestData.threePhases;

class RoutineEditingTest {

    private final RoutineDocument doc = threePhases();

    @Test
    void addStepAppendsToTheNamedPhaseAndLeavesTheOriginalUntouched() {
        RoutineDocument result = RoutineEditing.addStep(doc, "b", step("ny"));

        assertThat(keys(result)).containsExactly(List.of("a1", "a2", "a3"), List.of("b1", "b2", "ny"), List.of());
        assertThat(keys(doc)).containsExactly(List.of("a1", "a2", "a3"), List.of("b1", "b2"), List.of());
    }

    @Test
    void addStepToAnEmptyPhase() {
        assertThat(keys(RoutineEditing.addStep(doc, "c", step("c1"))).get(2)).containsExactly("c1");
    }

    @Test
    void addStepRefusesADuplicateKeyEvenInAnotherPhase() {
        assertThatThrownBy(() -> RoutineEditing.addStep(doc, "c", step("a2")))
                .isInstanceOfSatisfying(FieldProblems.class, p -> assertThat(p.problems())
                        .extracting(FieldProblems.Problem::field, FieldProblems.Problem::messageKey)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("key", "validation.routine.stepKey.taken")));
    }

    @Test
    void addStepRefusesAnUnknownPhase() {
        assertThatThrownBy(() -> RoutineEditing.addStep(doc, "x", step("ny")))
                .isInstanceOfSatisfying(FieldProblems.class, p -> assertThat(p.problems().get(0).field())
                        .isEqualTo("phase"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Stor", "med mellanslag", "-inledande", "avslutande-", "dubbla--streck", "å-ä-ö",
            "under_streck", "punkt.i"})
    void invalidKeysAreRefused(String key) {
        assertThatThrownBy(() -> RoutineEditing.addStep(doc, "a", step(key)))
                .isInstanceOfSatisfying(FieldProblems.class, p -> assertThat(p.problems())
                        .extracting(FieldProblems.Problem::field).contains("key"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "polisanmalan", "umgange-vistelseort", "steg-2", "x1-y2-z3"})
    void validKeysAreAccepted(String key) {
        assertThat(RoutineEditing.addStep(doc, "a", step(key)).step(key)).isPresent();
    }

    @Test
    void aKeyLongerThan64CharactersIsRefused() {
        String tooLong = "a".repeat(65);
        assertThatThrownBy(() -> RoutineEditing.addStep(doc, "a", step(tooLong))).isInstanceOf(FieldProblems.class);
        assertThat(RoutineEditing.addStep(doc, "a", step("a".repeat(64))).step("a".repeat(64))).isPresent();
    }

    @Test
    void aStepNeedsATitleAndAPerformer() {
        RoutineDocument.Step noTitle = new RoutineDocument.Step("ny", " ", "g", List.of(), null, Set.of(), List.of());

        assertThatThrownBy(() -> RoutineEditing.addStep(doc, "a", noTitle))
                .isInstanceOfSatisfying(FieldProblems.class, p -> assertThat(p.problems())
                        .extracting(FieldProblems.Problem::field).containsExactlyInAnyOrder("title", "performer"));
    }

    @Test
    void changeStepReplacesTheStepInPlace() {
        RoutineDocument.Step changed = new RoutineDocument.Step("a2", "Ny rubrik", "Ny vägledning", List.of(),
                Performer.DISTRICT, Set.of(Condition.CHILD), List.of());

        RoutineDocument result = RoutineEditing.changeStep(doc, changed);

        assertThat(keys(result)).isEqualTo(keys(doc));
        assertThat(result.step("a2")).contains(changed);
        assertThat(result.step("a1")).isEqualTo(doc.step("a1"));
    }

    @Test
    void changeStepRefusesAnUnknownKey() {
        assertThatThrownBy(() -> RoutineEditing.changeStep(doc, step("finns-inte")))
                .isInstanceOfSatisfying(FieldProblems.class, p -> assertThat(p.problems().get(0).messageKey())
                        .isEqualTo("validation.routine.stepKey.unknown"));
    }

    @Test
    void removeStepTakesOnlyThatStep() {
        assertThat(keys(RoutineEditing.removeStep(doc, "a2")))
                .containsExactly(List.of("a1", "a3"), List.of("b1", "b2"), List.of());
    }

    @Test
    void moveWithinAPhase() {
        assertThat(keys(RoutineEditing.moveStep(doc, "a2", true)).get(0)).containsExactly("a2", "a1", "a3");
        assertThat(keys(RoutineEditing.moveStep(doc, "a2", false)).get(0)).containsExactly("a1", "a3", "a2");
    }

    @Test
    void movingUpFromTheTopOfAPhaseGoesToTheEndOfThePreviousPhase() {
        assertThat(keys(RoutineEditing.moveStep(doc, "b1", true)))
                .containsExactly(List.of("a1", "a2", "a3", "b1"), List.of("b2"), List.of());
    }

    @Test
    void movingDownFromTheBottomOfAPhaseGoesToTheTopOfTheNextPhase() {
        assertThat(keys(RoutineEditing.moveStep(doc, "a3", false)))
                .containsExactly(List.of("a1", "a2"), List.of("a3", "b1", "b2"), List.of());
        assertThat(keys(RoutineEditing.moveStep(doc, "b2", false)))
                .containsExactly(List.of("a1", "a2", "a3"), List.of("b1"), List.of("b2"));
    }

    @Test
    void movingPastTheEndsOfTheRoutineChangesNothing() {
        assertThat(keys(RoutineEditing.moveStep(doc, "a1", true))).isEqualTo(keys(doc));
        RoutineDocument last = RoutineEditing.moveStep(doc, "b2", false);
        assertThat(keys(RoutineEditing.moveStep(last, "b2", false))).isEqualTo(keys(last));
    }

    @Test
    void moveUpThenDownRestoresTheOrder() {
        for (RoutineDocument.Step s : doc.allSteps()) {
            RoutineDocument there = RoutineEditing.moveStep(doc, s.key(), true);
            if (!keys(there).equals(keys(doc))) {
                assertThat(keys(RoutineEditing.moveStep(there, s.key(), false))).as(s.key()).isEqualTo(keys(doc));
            }
        }
    }

    @Test
    void movingAnUnknownStepIsRefused() {
        assertThatThrownBy(() -> RoutineEditing.moveStep(doc, "x", true)).isInstanceOf(FieldProblems.class);
    }
}
