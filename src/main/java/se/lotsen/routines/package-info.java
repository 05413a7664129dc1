/**
 * The handling routine as versioned, living data (the method handbook of SEED-SUMMARY points 4 and 6): routine
 * versions made of phases and steps with guidance, legal references, performer, conditions and fields; publishing
 * with a change note; differences between versions; and each case's checklist, built from the version the case
 * started with and re-evaluated when the case's facts change.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Routines")
package se.lotsen.routines;
