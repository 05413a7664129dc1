package se.lotsen.access;

/**
 * The roles of Lotsen. An account may hold several.
 */
public enum Role {
    /** Duty social worker at a jour (socialsekreterare i jour). */
    DUTY_WORKER(true),
    /** Duty team lead at a jour (jourchef / arbetsledare). */
    DUTY_LEAD(true),
    /** Method developer (metodutvecklare): owns the routines, answers colleagues' questions, reviews cases. */
    METHOD_DEVELOPER(true),
    /** Case worker at a district office (socialsekreterare). */
    CASE_WORKER(true),
    /** Unit manager at a district office (enhetschef). */
    UNIT_MANAGER(true),
    /** Auditor (granskare): reads the audit trail and case reviews. */
    AUDITOR(false),
    /** Administrator: manages accounts and units, sees no case content. */
    ADMIN(false);

    private final boolean needsUnit;

    Role(boolean needsUnit) {
        this.needsUnit = needsUnit;
    }

    /** Whether an account with this role must belong to a unit. */
    public boolean needsUnit() {
        return needsUnit;
    }

    /** Whether the role works with cases (and so with personal data about the people in them). */
    public boolean isCaseRole() {
        return needsUnit;
    }

    /**
     * Separation of duties: whoever administers accounts holds no other role, so no administrator can give
     * themselves or a fellow administrator case data or the audit trail in the same account.
     */
    public static boolean compatible(java.util.Collection<Role> roles) {
        return !roles.contains(ADMIN) || roles.size() == 1;
    }

    /** The Spring Security authority, {@code ROLE_<name>}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
