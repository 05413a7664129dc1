package se.lotsen.cases;

import com.fasterxml.jackson.annotation.JsonAlias;

/** How the case came in. */
public enum IntakeChannel {
    /**
     * The police brought a child they had taken into temporary custody under 12 § polislagen (1984:387): someone who
     * can be assumed to be under 18 found where there is an imminent and serious risk to their health or development,
     * handed over to the guardians or the social services. Stored as {@code POLICE_PL13} before V18; the API still
     * accepts that old name.
     */
    @JsonAlias("POLICE_PL13")
    POLICE_PL12,
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
        return this == POLICE_PL12 || this == POLICE_OTHER;
    }
}
