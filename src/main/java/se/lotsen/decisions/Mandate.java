package se.lotsen.decisions;

/**
 * Who decided an LVU matter: the committee, its chair, or a member the committee appointed. An official never decides
 * a custody or a travel ban (JO 956-2008); an official the committee appointed ({@link #APPOINTED_OFFICIAL}) may only
 * request police assistance under 43 § LVU, as the delegation order says (LEGAL-AND-PRACTICE §11.9).
 */
public enum Mandate {
    COMMITTEE, CHAIR, APPOINTED_MEMBER, APPOINTED_OFFICIAL;

    /**
     * A decision by one member must be reported at the committee's next meeting (6 § andra stycket, 31 d § LVU).
     * A 43 § request is not a decision of that kind.
     */
    public boolean mustBeReported() {
        return this == CHAIR || this == APPOINTED_MEMBER;
    }

    /** Whether this mandate may make a decision of the type. */
    public boolean allowedFor(DecisionType type) {
        return this != APPOINTED_OFFICIAL || type == DecisionType.LVU_43_POLICE_ASSISTANCE;
    }
}
