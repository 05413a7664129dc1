package se.lotsen.audit;

import java.util.UUID;

/**
 * Who acts. The signed-in principal implements this, so the audit trail can name the actor without depending on
 * the access module.
 */
public interface AuditActor {

    UUID accountId();

    String username();

    /** The code of the actor's unit, or {@code null}. */
    String unitCode();

    /** The actor's name as people know it (a registered log review names its reviewer); the username by default. */
    default String displayName() {
        return username();
    }

    /**
     * Whether the actor's unit keeps office hours (a district office), so that a read of a case outside them is
     * flagged for log review ({@link ReviewFlag#ODD_HOURS}); units working around the clock (the jours) do not.
     */
    default boolean keepsOfficeHours() {
        return false;
    }
}
