package se.lotsen.organisation;

/** What kind of unit. */
public enum UnitKind {
    /** A social emergency service (socialjour) working nights and weekends. */
    JOUR,
    /** A district office (stadsdelsförvaltning) responsible for the case after the acute phase. */
    DISTRICT,
    /** Any other unit. */
    OTHER
}
