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

    /** The other units' cases with a custody in force: the search page warns about these first. */
    public List<KnownElsewhere> custodiesElsewhere() {
        return elsewhere.stream().filter(KnownElsewhere::custodyInForce).toList();
    }

    /**
     * Another unit holds an open case about a person who matches: which unit, the case number, the custody in force
     * (its decision type and since when; {@code null} when there is none), and whom to contact: the unit's phone or
     * mailbox and the case's assigned worker. Nothing about the person.
     */
    public record KnownElsewhere(CaseId caseId, String caseNumber, CaseStatus status, CustodyLookup.Custody custody,
                                 String unitName, String unitContact, String assignedToName) {

        public boolean custodyInForce() {
            return custody != null;
        }
    }
}
