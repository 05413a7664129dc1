package se.lotsen.audit;

/** Through which channel it was done. */
public enum AuditChannel {
    /** A page in the browser. */
    PAGE,
    /** The JSON API under {@code /api}. */
    API,
    /** Lotsen itself (scheduled jobs, start-up). */
    SYSTEM
}
