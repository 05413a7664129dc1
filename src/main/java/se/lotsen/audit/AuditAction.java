package se.lotsen.audit;

/** What was done. */
public enum AuditAction {
    SIGN_IN,
    SIGN_IN_FAILED,
    SIGN_OUT,
    TOKEN_ISSUED,
    TOKEN_REVOKED,
    READ,
    SEARCH,
    CREATE,
    UPDATE,
    EXPORT,
    /** Gallring: a personakt erased under the retention rules (a run of the retention job). */
    ERASE
}
