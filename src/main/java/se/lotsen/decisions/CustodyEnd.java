package se.lotsen.decisions;

/** Why an immediate custody (or a travel ban) ended. */
public enum CustodyEnd {
    /** The administrative court set the decision aside (7 §, 31 e §). */
    COURT_SET_ASIDE,
    /** The court granted care under LVU; the custody turned into care. */
    CARE_GRANTED,
    /** The court refused care or continued custody (9 § 2 LVU): the custody ends with the court's decision. */
    CARE_REFUSED,
    /** The committee decided that the grounds had ceased (9 § last paragraph). */
    GROUNDS_CEASED,
    /** A deadline was missed and the decision lapsed by law. */
    LAPSED,
    /** Another reason, described in the note. */
    OTHER;

    /**
     * The reasons that can end a decision of the type: care is granted only after a 6 § custody (a 6 a § custody
     * continues or ends, 9 a §); a travel ban is set aside, ceases, lapses or ends otherwise.
     */
    public static java.util.List<CustodyEnd> forType(DecisionType type) {
        if (type.travelBan()) {
            return java.util.List.of(COURT_SET_ASIDE, GROUNDS_CEASED, LAPSED, OTHER);
        }
        if (type == DecisionType.LVU_6A) {
            return java.util.List.of(COURT_SET_ASIDE, CARE_REFUSED, GROUNDS_CEASED, LAPSED, OTHER);
        }
        return java.util.List.of(values());
    }
}
