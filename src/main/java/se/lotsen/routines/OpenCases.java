package se.lotsen.routines;

import java.util.List;
import java.util.UUID;

/**
 * How many open cases follow which routine version, per unit. Implemented by the cases module (which knows whether
 * a case is open), so that the method developer can see the spread of versions without this module depending on
 * cases, and without seeing which cases they are: the method developer has no access to case content.
 */
public interface OpenCases {

    /** The open cases of a unit that follow a version. */
    record VersionUse(UUID versionId, String unitCode, String unitName, long cases) {
    }

    /** Open cases by routine version and unit. */
    List<VersionUse> byRoutineVersion();
}
