package se.lotsen.decisions;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import se.lotsen.cases.SubjectType;
import se.lotsen.persons.IdentityKind;
import se.lotsen.persons.IdentityNumber;
import se.lotsen.persons.Person;
import se.lotsen.persons.PersonId;
import se.lotsen.persons.ProtectedIdentity;
import se.lotsen.persons.Sex;

import static org.assertj.core.api.Assertions.assertThat;

/** Whom LVU covers on a day (1 § tredje stycket LVU; directive 2011/36/EU art. 13.2), worked out by hand. */
class LvuAgeTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 3);

    private static Person person(IdentityNumber identity, LocalDate born, Integer statedAge, boolean assessed) {
        return new Person(new PersonId(java.util.UUID.randomUUID()), identity, "Testperson", List.of(), born,
                statedAge, assessed, Sex.UNKNOWN, "RO", "", false, "", "", ProtectedIdentity.NONE, "", null, null, 0);
    }

    @Test
    void theBirthDayDecidesTheCoverage() {
        assertThat(LvuAge.of(person(null, LocalDate.of(2008, 12, 4), null, false), SubjectType.CHILD, DAY).coverage())
                .as("17 the day before the 18th birthday").isEqualTo(LvuAge.Coverage.CHILD);
        assertThat(LvuAge.of(person(null, LocalDate.of(2008, 12, 3), null, false), SubjectType.CHILD, DAY).coverage())
                .as("18 on the birthday: a child case becomes a young adult's").isEqualTo(LvuAge.Coverage.YOUNG_ADULT);
        LvuAge nineteen = LvuAge.of(person(null, LocalDate.of(2006, 12, 4), null, false), SubjectType.ADULT, DAY);
        assertThat(nineteen.coverage()).isEqualTo(LvuAge.Coverage.YOUNG_ADULT);
        assertThat(nineteen.turns20()).isEqualTo(LocalDate.of(2026, 12, 4));
        assertThat(LvuAge.of(person(null, LocalDate.of(2006, 12, 3), null, false), SubjectType.ADULT, DAY).coverage())
                .as("20 on the birthday").isEqualTo(LvuAge.Coverage.NOT_COVERED);
    }

    @Test
    void aSamordningsnummerCarriesTheDayPlusSixty() {
        // 2007-05-10 as a samordningsnummer: day 70.
        Person p = person(new IdentityNumber(IdentityKind.SAMORDNINGSNUMMER, "200705702384"), null, null, false);
        LvuAge age = LvuAge.of(p, SubjectType.ADULT, DAY);
        assertThat(age.basis()).isEqualTo(LvuAge.Basis.IDENTITY_NUMBER);
        assertThat(age.years()).isEqualTo(19);
        assertThat(age.turns20()).isEqualTo(LocalDate.of(2027, 5, 10));
    }

    @Test
    void aStatedBirthDateOverridesTheNumber() {
        Person p = person(new IdentityNumber(IdentityKind.PERSONNUMMER, "200005102384"), LocalDate.of(2010, 1, 1),
                null, false);
        LvuAge age = LvuAge.of(p, SubjectType.ADULT, DAY);
        assertThat(age.basis()).isEqualTo(LvuAge.Basis.BIRTH_DATE);
        assertThat(age.coverage()).isEqualTo(LvuAge.Coverage.CHILD);
    }

    @Test
    void anUncertainAgeThatMayBeAChildsIsPresumedAChilds() {
        assertThat(LvuAge.of(person(null, null, 16, true), SubjectType.ADULT, DAY).coverage())
                .isEqualTo(LvuAge.Coverage.PRESUMED_CHILD);
        assertThat(LvuAge.of(person(null, null, 22, false), SubjectType.CHILD, DAY).coverage())
                .as("registered as a child by the worker").isEqualTo(LvuAge.Coverage.PRESUMED_CHILD);
        assertThat(LvuAge.of(person(null, null, 19, false), SubjectType.ADULT, DAY).coverage())
                .isEqualTo(LvuAge.Coverage.YOUNG_ADULT);
        assertThat(LvuAge.of(person(null, null, 25, false), SubjectType.ADULT, DAY).coverage())
                .isEqualTo(LvuAge.Coverage.NOT_COVERED);
        assertThat(LvuAge.of(person(null, null, null, false), SubjectType.CHILD, DAY).coverage())
                .isEqualTo(LvuAge.Coverage.PRESUMED_CHILD);
        assertThat(LvuAge.of(person(null, null, null, false), SubjectType.ADULT, DAY).coverage())
                .isEqualTo(LvuAge.Coverage.UNKNOWN);
    }

    @Test
    void youngAdultsGetSixSectionAndWhatIsLinkedButNotSixAOrTravelBans() {
        LvuAge young = new LvuAge(LvuAge.Coverage.YOUNG_ADULT, LvuAge.Basis.BIRTH_DATE, 19, null);
        assertThat(young.allows(DecisionType.LVU_6)).isTrue();
        assertThat(young.allows(DecisionType.LVU_11_PLACEMENT)).isTrue();
        assertThat(young.allows(DecisionType.LVU_6A)).isFalse();
        assertThat(young.allows(DecisionType.LVU_31D_TEMPORARY_TRAVEL_BAN)).isFalse();
        assertThat(young.allows(DecisionType.LVU_31A_TRAVEL_BAN)).isFalse();
        assertThat(young.allowsHomeGrounds()).isFalse();
        assertThat(young.refusal(DecisionType.LVU_6A)).isEqualTo("validation.decision.under18Only");
        assertThat(young.allows(DecisionType.ADULT_REFLECTION_PERIOD)).isTrue();
        LvuAge over = new LvuAge(LvuAge.Coverage.NOT_COVERED, LvuAge.Basis.BIRTH_DATE, 20, null);
        assertThat(over.refusal(DecisionType.LVU_6)).isEqualTo("validation.decision.over20");
    }
}
