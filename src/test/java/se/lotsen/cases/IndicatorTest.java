package se.lotsen.cases;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The indicator catalogue: which indicators are shown for a child and for an adult. */
class IndicatorTest {

    /** The child-specific lists (Migrationsverket, UNODC, the Norwegian list), written out independently. */
    static final Set<Indicator> CHILD_ONLY = EnumSet.of(
            Indicator.ENTERED_ILLEGALLY, Indicator.INSTRUCTED_PHONE_NUMBER, Indicator.NO_ACCESS_TO_GUARDIANS,
            Indicator.INTIMIDATED_NOT_CHILDLIKE, Indicator.NO_SCHOOL_NO_PLAY, Indicator.TRAVELS_WITH_NON_RELATIVES,
            Indicator.FIXER_ADULT_NEARBY, Indicator.UNDOCUMENTED_RELATION_TO_ADULT, Indicator.LEARNED_STORY,
            Indicator.CLAIMED_AGE_DOES_NOT_MATCH, Indicator.KNOWN_IN_SEVERAL_CITIES,
            Indicator.NOT_ALLOWED_ALONE_WITH_HELPERS);

    @Test
    void adultsAreNotShownChildOnlyIndicators() {
        List<Indicator> adult = Indicator.forSubject(SubjectType.ADULT);

        assertThat(adult).doesNotContainAnyElementsOf(CHILD_ONLY);
        assertThat(adult).noneMatch(i -> i.element() == Indicator.Element.CHILD);
        Set<Indicator> expected = EnumSet.complementOf(EnumSet.copyOf(CHILD_ONLY));
        assertThat(adult).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(adult).contains(Indicator.CONTROLLED_BY_CALLER, Indicator.DOCUMENTS_CONFISCATED,
                Indicator.DECEIVED_ABOUT_WORK, Indicator.FEAR_OF_AUTHORITIES);
    }

    @Test
    void childrenAreShownEveryIndicatorInCatalogueOrder() {
        assertThat(Indicator.forSubject(SubjectType.CHILD)).containsExactly(Indicator.values());
    }

    @Test
    void adultListKeepsCatalogueOrder() {
        List<Indicator> adult = Indicator.forSubject(SubjectType.ADULT);
        assertThat(adult).isSortedAccordingTo(Enum::compareTo);
    }

    @ParameterizedTest
    @EnumSource(Indicator.class)
    void appliesToMatchesForSubject(Indicator indicator) {
        assertThat(indicator.appliesTo(SubjectType.CHILD)).isTrue();
        assertThat(indicator.appliesTo(SubjectType.ADULT)).isEqualTo(!CHILD_ONLY.contains(indicator));
        assertThat(indicator.messageKey()).isEqualTo("indicator." + indicator.name());
    }

    @Test
    void weightsGivePoints() {
        assertThat(Indicator.Weight.STRONG.points()).isEqualTo(3);
        assertThat(Indicator.Weight.MEDIUM.points()).isEqualTo(2);
        assertThat(Indicator.Weight.WEAK.points()).isEqualTo(1);
    }
}
