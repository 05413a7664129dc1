package se.lotsen.review;

/**
 * The rules by which Lotsen pre-fills an answer from case data ({@link Derivations}); a question without one is
 * answered by the reviewer alone.
 */
public enum Derivation {
    /** Was a police report recorded, and when (days after the case came in). */
    POLICE_REPORT,
    /** Was the home-country risk assessment made before any contact with home-country authorities. */
    HOME_COUNTRY_RISK_FIRST,
    /** Was a home investigation recorded. */
    HOME_INVESTIGATION,
    /** Was each statutory deadline met by its last day. */
    DEADLINES_KEPT,
    /** Was the indicator assessment documented. */
    INDICATORS_ASSESSED,
    /** Was the handover acknowledged by its deadline. */
    HANDOVER_ACKNOWLEDGED
}
