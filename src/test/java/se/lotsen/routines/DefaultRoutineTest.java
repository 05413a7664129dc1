package se.lotsen.routines;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The routine Lotsen ships ({@code routines/akut-manniskohandel.json}). */
class DefaultRoutineTest {

    private final RoutineDocument routine = new Routines(null, JsonMapper.builder().build()).readDefault();

    @Test
    void hasThePhasesAToGInOrder() {
        assertThat(routine.phases()).extracting(p -> p.title().substring(0, 2))
                .containsExactly("A.", "B.", "C.", "D.", "E.", "F.", "G.");
        assertThat(routine.phases()).allSatisfy(p -> assertThat(p.steps()).as(p.title()).isNotEmpty());
    }

    @Test
    void stepKeysAreUniqueAndValid() {
        Set<String> seen = new HashSet<>();
        for (RoutineDocument.Step step : routine.allSteps()) {
            assertThat(seen.add(step.key())).as("duplicate key " + step.key()).isTrue();
            assertThat(step.key()).matches(RoutineEditing.KEY_PATTERN).hasSizeLessThanOrEqualTo(64);
        }
        Set<String> phaseKeys = new HashSet<>();
        routine.phases().forEach(p -> assertThat(phaseKeys.add(p.key())).as("duplicate phase " + p.key()).isTrue());
    }

    @Test
    void coversTheStepsTheRoutineMustHave() {
        assertThat(routine.allSteps()).extracting(RoutineDocument.Step::key).contains(
                "identitet", "indikatorer", "skyddsbedomning", "ordforande", "beslut-dokumenterat", "placering",
                "umgange-vistelseort", "tidsfrister", "polisanmalan", "regionkoordinator", "skyddat-boende",
                "betanketid", "riskbedomning-hemland", "ud-rapport", "utredning-hem", "overlamning");
    }

    @Test
    void everyStepHasATitleGuidanceAndPerformer() {
        assertThat(routine.allSteps()).allSatisfy(step -> {
            assertThat(step.title()).as(step.key() + " title").isNotBlank();
            assertThat(step.guidance()).as(step.key() + " guidance").isNotBlank();
            assertThat(step.performer()).as(step.key() + " performer").isNotNull();
        });
    }

    @Test
    void everyLegalReferenceNamesALawAndExplainsIt() {
        for (RoutineDocument.Step step : routine.allSteps()) {
            for (RoutineDocument.LegalReference ref : step.legalReferences()) {
                assertThat(ref.law()).as(step.key()).isNotBlank();
                assertThat(ref.text()).as(step.key() + " " + ref.shortName()).isNotBlank();
                if (ref.validFrom() != null && ref.validTo() != null) {
                    assertThat(ref.validTo()).isAfterOrEqualTo(ref.validFrom());
                }
            }
            Set<String> fieldKeys = new HashSet<>();
            step.fields().forEach(f -> assertThat(fieldKeys.add(f.key())).as(step.key() + " field " + f.key()).isTrue());
        }
    }

    @Test
    void childProtectionStepsApplyToChildrenAndAdultSupportToAdults() {
        for (String key : List.of("skyddsbedomning", "ordforande", "beslut-dokumenterat", "placering",
                "umgange-vistelseort", "tidsfrister", "riskbedomning-hemland", "ud-rapport", "utredning-hem")) {
            assertThat(routine.step(key).orElseThrow().conditions()).as(key).contains(Condition.CHILD);
        }
        for (String key : List.of("placering", "umgange-vistelseort", "tidsfrister", "beslut-dokumenterat")) {
            assertThat(routine.step(key).orElseThrow().conditions()).as(key).contains(Condition.CUSTODY_DECIDED);
        }
        for (String key : List.of("skyddat-boende", "betanketid")) {
            assertThat(routine.step(key).orElseThrow().conditions()).as(key).contains(Condition.ADULT);
        }
        for (String key : List.of("identitet", "indikatorer", "polisanmalan", "regionkoordinator", "overlamning")) {
            assertThat(routine.step(key).orElseThrow().conditions()).as(key).isEmpty();
        }
    }

    @Test
    void theStepsOfTheHomeCountryPhaseAreInTheRightPhase() {
        assertThat(routine.phaseOf("riskbedomning-hemland").orElseThrow().key()).startsWith("e-");
        assertThat(routine.phaseOf("overlamning").orElseThrow().key()).startsWith("g-");
        assertThat(routine.phaseOf("skyddsbedomning").orElseThrow().key()).startsWith("a-");
    }
}
