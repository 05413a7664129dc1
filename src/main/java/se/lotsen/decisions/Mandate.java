package se.lotsen.decisions;

/**
 * Who decided an LVU matter: the committee, its chair, or a member the committee appointed. Never an official
 * (JO 956-2008): there is deliberately no such value.
 */
public enum Mandate {
    COMMITTEE, CHAIR, APPOINTED_MEMBER;

    /** A decision by one member must be reported at the committee's next meeting (6 § andra stycket LVU). */
    public boolean mustBeReported() {
        return this != COMMITTEE;
    }
}
