package se.lotsen.routines;

import java.util.List;
import java.util.UUID;

/**
 * Links that other modules add to a routine version's page, so that this module shows them without depending on
 * theirs: knowledge articles next to the step they explain, review findings next to the change note of the version
 * they led to. Every implementation is asked; each answers for what it knows.
 */
public interface RoutineLinks {

    /**
     * Links for one routine version: for the version as a whole ({@code stepKey == null}, shown with its change note)
     * and for one step ({@code stepKey} set, shown under the step).
     */
    List<Link> links(UUID versionId, String routineKey, String stepKey);

    /**
     * A link: the message key of the group heading it is listed under (e.g. "Kunskapsbank"), the text and where it
     * goes.
     */
    record Link(String groupKey, String text, String href) {
    }
}
