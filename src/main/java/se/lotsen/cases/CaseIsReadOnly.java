package se.lotsen.cases;

import org.springframework.security.access.AccessDeniedException;

/**
 * A change refused because the user's unit handed the case on: it reads the case during the follow-up period, and
 * only the holding unit changes it (403, with that explanation rather than "your role").
 */
public class CaseIsReadOnly extends AccessDeniedException {

    CaseIsReadOnly() {
        super("read-only access after handover");
    }
}
