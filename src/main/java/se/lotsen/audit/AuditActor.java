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
}
