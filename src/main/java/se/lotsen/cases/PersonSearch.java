package se.lotsen.cases;

import java.util.List;

import se.lotsen.persons.Persons;

/**
 * What search-before-create found: people of the user's own unit's register, and (for a jour only) other units'
 * open cases about a matching person, with nothing about the person.
 */
public record PersonSearch(List<Persons.Match> own, List<KnownElsewhere> elsewhere) {

    public PersonSearch {
        own = List.copyOf(own);
        elsewhere = List.copyOf(elsewhere);
    }

    /**
     * Another unit holds an open case about a person who matches: which unit, the case number, whether a custody is
     * in force, and whom to contact.
     */
    public record KnownElsewhere(CaseId caseId, String caseNumber, CaseStatus status, boolean custodyInForce,
                                 String unitName, String unitContact, String assignedToName) {
    }
}
