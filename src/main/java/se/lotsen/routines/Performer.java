package se.lotsen.routines;

/** Who carries out a step. */
public enum Performer {
    /** The social emergency service (socialjouren). */
    JOUR,
    /** The responsible district office (stadsdelsförvaltningen). */
    DISTRICT,
    /** The method developer. */
    METHOD_DEVELOPER
}
