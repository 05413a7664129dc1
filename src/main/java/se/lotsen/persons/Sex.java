package se.lotsen.persons;

/** Sex or gender as stated or observed; never derived from an identity number. */
public enum Sex {
    FEMALE, MALE, OTHER, UNKNOWN
}
