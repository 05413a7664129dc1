package se.lotsen.cases;

/** Whether the case is about a child (under 18) or an adult. */
public enum SubjectType {
    CHILD, ADULT
}
