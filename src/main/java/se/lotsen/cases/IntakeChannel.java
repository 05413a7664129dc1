package se.lotsen.cases;

/** How the case came in. */
public enum IntakeChannel {
    /** The police brought the person after a temporary custody under 13 § polislagen. */
    POLICE_PL13,
    /** The police, otherwise. */
    POLICE_OTHER,
    ANONYMOUS_CALL,
    OTHER_AUTHORITY,
    HEALTH_CARE,
    SCHOOL,
    ORGANISATION,
    THE_PERSON_THEMSELF,
    RELATIVE_OR_PRIVATE_PERSON,
    OTHER;

    public boolean police() {
        return this == POLICE_PL13 || this == POLICE_OTHER;
    }
}
