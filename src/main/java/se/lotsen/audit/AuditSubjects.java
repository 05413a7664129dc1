package se.lotsen.audit;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What audit entries are about, for log review: the module that owns cases and persons implements this, so that the
 * audit module can show an auditor the case number and the person's name of an entry, and search by them, without
 * depending on that module.
 *
 * <p>Only auditors are shown what this returns. Implementations read a whole page of entries in one statement.
 */
public interface AuditSubjects {

    /**
     * The record types whose ids this describes: cases and persons, and the records that belong to one case
     * (decisions, deadlines, questions), which are described by their case.
     */
    Set<String> RECORD_TYPES = Set.of("CASE", "PERSON", "DECISION", "DEADLINE", "QUESTION");

    /** At most this many records match a search; a broader search is refused as too broad. */
    int MAX_MATCHES = 1000;

    /**
     * What each record id is about, for the ids of entries whose record type is in {@link #RECORD_TYPES} (case ids,
     * person ids and the ids of a case's decisions, deadlines and questions are UUIDs; anything else is ignored; a
     * decision, deadline or question is described by its case). An id that names nothing (a case that does not exist) is
     * not in the answer. One statement, whatever the number of ids.
     */
    Map<String, Subject> describe(Set<String> recordIds);

    /**
     * The record ids (cases and persons) that a search by case number and person names: cases whose number contains
     * {@code caseNumber}, and, for {@code person}, the persons whose name or alias contains it and their cases; both
     * given: the cases that match both. Contains, case-insensitive; blank means "not searched by". At most
     * {@link #MAX_MATCHES} + 1 ids, so that the caller can tell a search that is too broad.
     */
    Set<String> recordIdsMatching(String caseNumber, String person);

    /** Every unit (active or not), by name, for the review's unit filter. */
    List<UnitChoice> units();

    /**
     * What an entry's record is about.
     *
     * @param caseNumber        the case number, or {@code null} for a person
     * @param personName        the person's current name
     * @param protectedIdentity whether the person has protected identity (sekretessmarkering, skyddad folkbokföring)
     * @param unitCode          the code of the unit that holds the case (or keeps the person's register)
     */
    record Subject(String caseNumber, String personName, boolean protectedIdentity, String unitCode) {
    }

    /** A unit in the unit filter. */
    record UnitChoice(String code, String name) {
    }
}
