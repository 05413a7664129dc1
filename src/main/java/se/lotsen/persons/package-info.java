/**
 * The people a case is about: identity numbers (personnummer, samordningsnummer, reservnummer, or none), stated
 * names and aliases, uncertain age, protected identity, search-before-create with phonetic name matching, and the
 * merge of duplicates.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Persons")
package se.lotsen.persons;
