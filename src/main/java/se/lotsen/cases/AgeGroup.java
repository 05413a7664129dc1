package se.lotsen.cases;

import java.time.LocalDate;
import java.time.Period;

import se.lotsen.persons.Person;

/**
 * A person's age group on a day, for statistics: never the birth date or the identity number itself. The age comes
 * from the stated birth date, else the date a personnummer or samordningsnummer carries, else the stated (or
 * assessed) age; {@link #UNKNOWN} when none is known.
 */
public enum AgeGroup {
    UNDER_13, FROM_13_TO_15, FROM_16_TO_17, FROM_18_TO_20, FROM_21_TO_29, FROM_30, UNKNOWN;

    /** The group of an age in whole years. */
    public static AgeGroup ofYears(Integer years) {
        if (years == null || years < 0) {
            return UNKNOWN;
        }
        return years < 13 ? UNDER_13 : years < 16 ? FROM_13_TO_15 : years < 18 ? FROM_16_TO_17
                : years < 21 ? FROM_18_TO_20 : years < 30 ? FROM_21_TO_29 : FROM_30;
    }

    /** The person's group on the day ({@link #UNKNOWN} for no person or no known age). */
    public static AgeGroup of(Person person, LocalDate day) {
        if (person == null) {
            return UNKNOWN;
        }
        LocalDate born = person.statedBirthDate() != null ? person.statedBirthDate()
                : person.identity() == null ? null : person.identity().dateOfBirth().orElse(null);
        if (born != null && !born.isAfter(day)) {
            return ofYears(Period.between(born, day).getYears());
        }
        return ofYears(person.statedAge());
    }
}
