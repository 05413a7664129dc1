package se.lotsen.cases;

/** The outcome of the immediate protection assessment of a child (omedelbar skyddsbedömning). */
public enum ProtectionOutcome {
    /** No need of immediate protection. */
    NO_IMMEDIATE_NEED,
    /** Protection arranged with consent (e.g. a voluntary placement). */
    PROTECTION_WITH_CONSENT,
    /** A need of protection; the decision-maker has been contacted and a decision is awaited. */
    DECISION_PENDING,
    /** Immediate custody was decided under 6 § or 6 a § LVU. */
    CUSTODY_DECIDED
}
