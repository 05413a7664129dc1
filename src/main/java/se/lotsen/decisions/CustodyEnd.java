package se.lotsen.decisions;

/** Why an immediate custody ended. */
public enum CustodyEnd {
    /** The administrative court set the decision aside (7 §). */
    COURT_SET_ASIDE,
    /** The court granted care under LVU; the custody turned into care. */
    CARE_GRANTED,
    /** The committee decided that the grounds had ceased (9 § last paragraph). */
    GROUNDS_CEASED,
    /** A deadline was missed and the custody lapsed by law. */
    LAPSED,
    /** Another reason, described in the note. */
    OTHER
}
