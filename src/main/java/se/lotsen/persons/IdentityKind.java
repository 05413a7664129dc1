package se.lotsen.persons;

/** What kind of identity number a person has. */
public enum IdentityKind {
    /** Personnummer (Skatteverket), 12 digits YYYYMMDDNNNC with a Luhn check digit. */
    PERSONNUMMER,
    /** Samordningsnummer: like a personnummer with the day plus 60. */
    SAMORDNINGSNUMMER,
    /** A reserve number issued locally; by construction never a valid personnummer. */
    RESERVNUMMER,
    /** No identity number is known. */
    UNKNOWN
}
