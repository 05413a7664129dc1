package se.lotsen.audit;

/** How it ended. */
public enum AuditOutcome {
    SUCCESS,
    /** Refused: not signed in, no right, or not found for this user. */
    DENIED,
    /** Attempted but failed (invalid input, error). */
    FAILED
}
