package se.lotsen.decisions;

/**
 * The decisions Lotsen records, each with its legal basis (LEGAL-AND-PRACTICE §1, corrected by §11). Types that are
 * no longer {@link #offered()} stay readable for decisions recorded before the correction.
 */
public enum DecisionType {
    /** Immediate custody, 6 § LVU: under 18 on 2 § or 3 § grounds, 18–19 on 3 § grounds only (1 § tredje stycket). */
    LVU_6(Subject.CHILD, Kind.CUSTODY, "6 § LVU", true, true),
    /** Immediate custody, 6 a § LVU (Swedish courts not competent: habitual residence abroad); under 18 only. */
    LVU_6A(Subject.CHILD, Kind.CUSTODY, "6 a § LVU", true, true),
    /**
     * Replaced: a continuation is the court's ruling ({@link RulingKind#CONTINUATION_GRANTED}), counted from its day,
     * not a decision chained from the previous period.
     */
    LVU_6A_CONTINUATION(Subject.CHILD, Kind.LINKED, "9 a § LVU", false, false),
    /** Placement: where the child stays (11 § LVU). */
    LVU_11_PLACEMENT(Subject.CHILD, Kind.LINKED, "11 § LVU", true, false),
    /** Replaced by the two separate decisions {@link #LVU_14_CONTACT} and {@link #LVU_14_WHEREABOUTS}. */
    LVU_14_RESTRICTIONS(Subject.CHILD, Kind.LINKED, "14 § LVU", false, false),
    /** How contact with guardians and parents is to take place (14 § andra stycket 1 LVU). */
    LVU_14_CONTACT(Subject.CHILD, Kind.LINKED, "14 § andra stycket 1 LVU", true, false),
    /** The child's whereabouts are not to be disclosed to parents or guardians (14 § andra stycket 2 LVU). */
    LVU_14_WHEREABOUTS(Subject.CHILD, Kind.LINKED, "14 § andra stycket 2 LVU", true, false),
    /** Travel ban decided by the administrative court on the committee's application (31 a § LVU). */
    LVU_31A_TRAVEL_BAN(Subject.CHILD, Kind.MEASURE, "31 a § LVU", true, true),
    /** Temporary travel ban decided by the committee, its chair or an appointed member (31 d § LVU). */
    LVU_31D_TEMPORARY_TRAVEL_BAN(Subject.CHILD, Kind.MEASURE, "31 d § LVU", true, true),
    /** Medical examination (32 § LVU). */
    LVU_32_MEDICAL(Subject.CHILD, Kind.LINKED, "32 § LVU", true, false),
    /** Request for police assistance (43 § LVU); only when a decision to carry out exists. */
    LVU_43_POLICE_ASSISTANCE(Subject.CHILD, Kind.LINKED, "43 § LVU", true, false),
    /** Protected housing for an adult (9 kap. 5–6 §§ SoL). */
    ADULT_PROTECTED_HOUSING(Subject.ADULT, Kind.MEASURE, "9 kap. 5–6 §§ SoL", true, false),
    /**
     * The committee's application for a reflection period (utlänningslagen 5 kap. 15 § andra stycket): since
     * 2022-08-01 the socialnämnd may apply, for children too (§11.7).
     */
    ADULT_REFLECTION_PERIOD(Subject.ANY, Kind.MEASURE, "5 kap. 15 § UtlL", true, false),
    /** Another support measure for an adult. */
    ADULT_OTHER_SUPPORT(Subject.ADULT, Kind.MEASURE, "SoL", true, false);

    /** Whom the decision can concern: LVU decisions a child or young person under 20, SoL measures an adult. */
    public enum Subject { CHILD, ADULT, ANY }

    /** A custody itself, a decision linked to a custody, or a measure of its own. */
    public enum Kind { CUSTODY, LINKED, MEASURE }

    private final Subject subject;
    private final Kind kind;
    private final String legalBasis;
    private final boolean offered;
    private final boolean lasting;

    DecisionType(Subject subject, Kind kind, String legalBasis, boolean offered, boolean lasting) {
        this.subject = subject;
        this.kind = kind;
        this.legalBasis = legalBasis;
        this.offered = offered;
        this.lasting = lasting;
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

    /** Whether it can be recorded now; a replaced type is kept for what was recorded before. */
    public boolean offered() {
        return offered;
    }

    public boolean custody() {
        return kind == Kind.CUSTODY;
    }

    /** A travel ban (31 a § or temporary 31 d §): the police are told when it starts and when it ends. */
    public boolean travelBan() {
        return this == LVU_31A_TRAVEL_BAN || this == LVU_31D_TEMPORARY_TRAVEL_BAN;
    }

    /** A decision in force until it ends (a custody or a travel ban): it has a status and can be ended. */
    public boolean lasting() {
        return lasting;
    }

    /** Only for those under 18: the 2 § grounds, 6 a § and the travel bans (LVU 1 § tredje stycket, 31 a §). */
    public boolean under18Only() {
        return this == LVU_6A || travelBan();
    }

    /**
     * LVU decisions are made by elected members (or, for 43 §, an official the committee appointed): a mandate is
     * required. A 31 a § ban is the court's decision and needs none.
     */
    public boolean needsMandate() {
        return subject == Subject.CHILD && this != LVU_6A_CONTINUATION && this != LVU_31A_TRAVEL_BAN;
    }
}
