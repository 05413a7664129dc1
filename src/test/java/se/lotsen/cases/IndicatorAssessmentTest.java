package se.lotsen.cases;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import se.lotsen.cases.Indicator.Element;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The advisory reading of observed indicators: points by weight (strong 3, medium 2, weak 1) and the ILO/EC
 * combination rule per element (at least two strong, or one strong plus one medium or weak, in the same element).
 */
class IndicatorAssessmentTest {

    private static Set<Indicator> indicators(String names) {
        if (names == null || names.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(names.trim().split("\\s+")).map(Indicator::valueOf).collect(Collectors.toSet());
    }

    private static Set<Element> elements(String names) {
        if (names == null || names.isBlank()) {
            return EnumSet.noneOf(Element.class);
        }
        return Arrays.stream(names.trim().split("\\s+")).map(Element::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Element.class)));
    }

    @ParameterizedTest(name = "[{0}] -> {1} points, {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "-                                                      | 0  | -",
            // two strong in one element
            "DOCUMENTS_CONFISCATED VIOLENCE_OR_THREATS              | 6  | COERCION_AT_DESTINATION",
            "ABDUCTED_OR_SOLD DEBT_BONDAGE_AT_RECRUITMENT           | 6  | COERCIVE_RECRUITMENT",
            // one strong plus one medium
            "DOCUMENTS_CONFISCATED DEBT_AT_DESTINATION              | 5  | COERCION_AT_DESTINATION",
            "DECEIVED_ABOUT_WORK DECEIVED_ABOUT_CONDITIONS          | 5  | DECEPTIVE_RECRUITMENT",
            // one strong plus one weak
            "SEXUAL_SERVICES_DEMANDED BAD_LIVING_CONDITIONS         | 4  | EXPLOITATIVE_CONDITIONS",
            // one strong alone
            "DOCUMENTS_CONFISCATED                                  | 3  | -",
            "SEXUAL_SERVICES_DEMANDED                               | 3  | -",
            // weak plus medium, no strong
            "DEPENDENT_ON_EXPLOITER NO_LANGUAGE_NO_NETWORK          | 3  | -",
            "EXCESSIVE_HOURS BAD_LIVING_CONDITIONS                  | 3  | -",
            // many medium and weak, still no strong
            "EXCESSIVE_HOURS NO_OR_LOW_PAY BAD_LIVING_CONDITIONS    | 5  | -",
            "DEPENDENT_ON_EXPLOITER NO_LANGUAGE_NO_NETWORK FEAR_OF_AUTHORITIES | 4 | -",
            // strong and medium in different elements do not combine
            "DOCUMENTS_CONFISCATED EXCESSIVE_HOURS                  | 5  | -",
            "DECEIVED_ABOUT_WORK ABUSE_OF_DIFFICULT_SITUATION       | 5  | -",
            "ABDUCTED_OR_SOLD DECEIVED_ABOUT_WORK                   | 6  | -",
            // several elements at once
            "DECEIVED_ABOUT_WORK DECEIVED_ABOUT_CONDITIONS ABDUCTED_OR_SOLD DEBT_BONDAGE_AT_RECRUITMENT | 11 | DECEPTIVE_RECRUITMENT COERCIVE_RECRUITMENT",
            "ISOLATED_OR_CONFINED VIOLENCE_OR_THREATS DOCUMENTS_CONFISCATED DEBT_AT_DESTINATION SEXUAL_SERVICES_DEMANDED FEAR_OF_AUTHORITIES | 15 | COERCION_AT_DESTINATION",
            "SEXUAL_SERVICES_DEMANDED NO_OR_LOW_PAY VIOLENCE_OR_THREATS DEBT_AT_DESTINATION DEPENDENT_ON_EXPLOITER | 12 | EXPLOITATIVE_CONDITIONS COERCION_AT_DESTINATION",
    })
    void pointsAndCombinationRule(String observed, int points, String indicatedElements) {
        IndicatorAssessment assessment = new IndicatorAssessment(indicators(observed), "bedömning");

        assertThat(assessment.points()).isEqualTo(points);
        assertThat(assessment.elementsIndicated()).isEqualTo(elements(indicatedElements));
    }

    @Test
    void pointsAreTheSumOfWeights() {
        Set<Indicator> all = EnumSet.allOf(Indicator.class);
        int expected = 0;
        for (Indicator i : all) {
            expected += switch (i.weight()) {
                case STRONG -> 3;
                case MEDIUM -> 2;
                case WEAK -> 1;
            };
        }
        assertThat(new IndicatorAssessment(all, "").points()).isEqualTo(expected);
    }

    /**
     * The combination rule is about the elements of the trafficking definition (ILO/EC); the general signs (NSPM)
     * and the child-specific lists are no such elements, so they never count as an "element" where the rule is met.
     */
    @Test
    void generalAndChildListsAreNoIloElements() {
        IndicatorAssessment general = new IndicatorAssessment(
                Set.of(Indicator.CONTROLLED_BY_CALLER, Indicator.NO_ID_OR_FALSE_ID), "");
        IndicatorAssessment child = new IndicatorAssessment(
                Set.of(Indicator.FIXER_ADULT_NEARBY, Indicator.INSTRUCTED_PHONE_NUMBER), "");

        assertThat(general.points()).isEqualTo(5);
        assertThat(child.points()).isEqualTo(6);
        assertThat(general.elementsIndicated()).as("GENERAL is a list, not an ILO/EC element").isEmpty();
        assertThat(child.elementsIndicated()).as("CHILD is a list, not an ILO/EC element").isEmpty();
    }

    @Test
    void observedIsCopiedAndListedInCatalogueOrder() {
        Set<Indicator> observed = new HashSet<>(Set.of(Indicator.FEAR_OF_AUTHORITIES, Indicator.NO_ID_OR_FALSE_ID,
                Indicator.DOCUMENTS_CONFISCATED));
        IndicatorAssessment assessment = new IndicatorAssessment(observed, "x");
        observed.add(Indicator.VIOLENCE_OR_THREATS);

        assertThat(assessment.observed()).hasSize(3).doesNotContain(Indicator.VIOLENCE_OR_THREATS);
        assertThat(assessment.observedInOrder()).containsExactly(Indicator.NO_ID_OR_FALSE_ID,
                Indicator.DOCUMENTS_CONFISCATED, Indicator.FEAR_OF_AUTHORITIES);
        assertThat(new IndicatorAssessment(Set.of(), "").observedInOrder()).isEmpty();
        assertThat(new IndicatorAssessment(Set.of(), "").elementsIndicated()).isEmpty();
    }
}
