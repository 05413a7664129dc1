package se.lotsen.routines;

/** The type of a field to fill in when a step is done. */
public enum FieldType {
    TEXT, TEXTAREA, DATE
}
