package se.lotsen.decisions;

import java.time.LocalDate;
import java.time.Period;

import se.lotsen.cases.SubjectType;
import se.lotsen.persons.Person;

/**
 * Whom LVU covers on a day, and on what basis the age is known (LEGAL-AND-PRACTICE §11.3, §11.14): under 18 on 2 §
 * or 3 § grounds; 18 and 19 on 3 § grounds only (LVU 1 § tredje stycket); 6 a § and the travel bans only under 18.
 * Where the age is uncertain (stated or assessed, or unknown) and the person may be a child, the person is presumed a
 * child (EU directive 2011/36/EU art. 13.2), and the decision records that choice.
 *
 * @param coverage what LVU allows on the day
 * @param basis    where the age comes from
 * @param years    the age in years, when known or stated
 * @param turns20  the 20th birthday, when the birth date is known
 */
public record LvuAge(Coverage coverage, Basis basis, Integer years, LocalDate turns20) {

    /** The limits, with their source: LVU 1 § tredje stycket. */
    public static final int ADULT_AGE = 18;
    public static final int LVU_AGE_LIMIT = 20;
    public static final String SOURCE = "1 § tredje stycket LVU (1990:52); direktiv 2011/36/EU art. 13.2";

    /** What LVU allows for the person on the day. */
    public enum Coverage {
        /** Under 18 by a known birth date or a stated age: every LVU decision, 2 § and 3 § grounds. */
        CHILD,
        /** Age uncertain and the person may be a child: treated as a child (the presumption). */
        PRESUMED_CHILD,
        /** 18 or 19: 6 § on 3 § grounds only, and what is linked to that custody. */
        YOUNG_ADULT,
        /** 20 or older: no LVU decision. */
        NOT_COVERED,
        /** Registered as an adult and no age is known: LVU needs the age first. */
        UNKNOWN
    }

    /** Where the age comes from. */
    public enum Basis { BIRTH_DATE, IDENTITY_NUMBER, STATED_AGE, ASSESSED_AGE, NONE }

    /** Whether a decision of the type may concern the person, and on which grounds. */
    public boolean allows(DecisionType type) {
        if (type.subject() != DecisionType.Subject.CHILD) {
            return true;
        }
        return switch (coverage) {
            case CHILD, PRESUMED_CHILD -> true;
            case YOUNG_ADULT -> !type.under18Only();
            case NOT_COVERED, UNKNOWN -> false;
        };
    }

    /** Whether custody may rest on the 2 § grounds (the home environment): only under 18. */
    public boolean allowsHomeGrounds() {
        return coverage == Coverage.CHILD || coverage == Coverage.PRESUMED_CHILD;
    }

    /** The message key that explains a refusal for the type, or {@code null} when it is allowed. */
    public String refusal(DecisionType type) {
        if (allows(type)) {
            return null;
        }
        return switch (coverage) {
            case YOUNG_ADULT -> "validation.decision.under18Only";
            case NOT_COVERED -> "validation.decision.over20";
            default -> "validation.decision.ageUnknown";
        };
    }

    /** The age on the day, from the person's record and the case's subject type (the worker's choice at intake). */
    public static LvuAge of(Person person, SubjectType subject, LocalDate day) {
        LocalDate born = person == null ? null : birthDate(person);
        if (born != null && !born.isAfter(day)) {
            int years = Period.between(born, day).getYears();
            Basis basis = person.statedBirthDate() != null ? Basis.BIRTH_DATE : Basis.IDENTITY_NUMBER;
            return new LvuAge(years < ADULT_AGE ? Coverage.CHILD : years < LVU_AGE_LIMIT ? Coverage.YOUNG_ADULT
                    : Coverage.NOT_COVERED, basis, years, born.plusYears(LVU_AGE_LIMIT));
        }
        Integer stated = person == null ? null : person.statedAge();
        if (stated != null) {
            Basis basis = person.ageAssessed() ? Basis.ASSESSED_AGE : Basis.STATED_AGE;
            // Uncertain: registered as a child, or stated under 18, the person may be a child and is presumed one
            // (directive 2011/36/EU art. 13.2).
            Coverage coverage = subject == SubjectType.CHILD || stated < ADULT_AGE ? Coverage.PRESUMED_CHILD
                    : stated < LVU_AGE_LIMIT ? Coverage.YOUNG_ADULT : Coverage.NOT_COVERED;
            return new LvuAge(coverage, basis, stated, null);
        }
        return new LvuAge(subject == SubjectType.CHILD ? Coverage.PRESUMED_CHILD : Coverage.UNKNOWN, Basis.NONE, null,
                null);
    }

    /** The birth date: stated, or the one a personnummer or samordningsnummer carries. */
    static LocalDate birthDate(Person person) {
        if (person.statedBirthDate() != null) {
            return person.statedBirthDate();
        }
        return person.identity() == null ? null : person.identity().dateOfBirth().orElse(null);
    }
}
