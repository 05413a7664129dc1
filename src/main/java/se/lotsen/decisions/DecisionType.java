package se.lotsen.decisions;

/** The decisions Lotsen records. */
public enum DecisionType {
    /** Immediate custody, 6 § LVU (the child has habitual residence in Sweden). */
    LVU_6(Subject.CHILD, Kind.CUSTODY, "6 § LVU"),
    /** Immediate custody, 6 a § LVU (Swedish courts not competent: habitual residence abroad). */
    LVU_6A(Subject.CHILD, Kind.CUSTODY, "6 a § LVU"),
    /** The court allowed continued custody for temporary care, at most two months (9 b § LVU). */
    LVU_6A_CONTINUATION(Subject.CHILD, Kind.LINKED, "9 b § LVU"),
    /** Placement: where the child stays (11 § LVU). */
    LVU_11_PLACEMENT(Subject.CHILD, Kind.LINKED, "11 § LVU"),
    /** Restricted contact and secret whereabouts (14 § LVU). */
    LVU_14_RESTRICTIONS(Subject.CHILD, Kind.LINKED, "14 § LVU"),
    /** Travel ban (31 a § LVU). */
    LVU_31A_TRAVEL_BAN(Subject.CHILD, Kind.LINKED, "31 a § LVU"),
    /** Medical examination (32 § LVU). */
    LVU_32_MEDICAL(Subject.CHILD, Kind.LINKED, "32 § LVU"),
    /** Request for police assistance (43 § LVU); only when a decision to carry out exists. */
    LVU_43_POLICE_ASSISTANCE(Subject.CHILD, Kind.LINKED, "43 § LVU"),
    /** Protected housing for an adult (9 kap. 5–6 §§ SoL). */
    ADULT_PROTECTED_HOUSING(Subject.ADULT, Kind.MEASURE, "9 kap. 5–6 §§ SoL"),
    /** Application for a reflection period (utlänningslagen 5 kap. 15 § andra stycket). */
    ADULT_REFLECTION_PERIOD(Subject.ADULT, Kind.MEASURE, "5 kap. 15 § UtlL"),
    /** Another support measure for an adult. */
    ADULT_OTHER_SUPPORT(Subject.ADULT, Kind.MEASURE, "SoL");

    /** Whom the decision can concern. */
    public enum Subject { CHILD, ADULT }

    /** A custody itself, a decision linked to a custody, or a measure of its own. */
    public enum Kind { CUSTODY, LINKED, MEASURE }

    private final Subject subject;
    private final Kind kind;
    private final String legalBasis;

    DecisionType(Subject subject, Kind kind, String legalBasis) {
        this.subject = subject;
        this.kind = kind;
        this.legalBasis = legalBasis;
    }

    public Subject subject() {
        return subject;
    }

    public Kind kind() {
        return kind;
    }

    public String legalBasis() {
        return legalBasis;
    }

    public boolean custody() {
        return kind == Kind.CUSTODY;
    }

    /** LVU decisions are made by elected members only: a mandate is required. */
    public boolean needsMandate() {
        return subject == Subject.CHILD && this != LVU_6A_CONTINUATION;
    }
}
