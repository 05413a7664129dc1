package se.lotsen.cooperation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * A contact to record. {@code status} may be left out: it is QUEUED when the partner is closed at {@code at}, else
 * DONE. {@code completeStep} completes the matching routine step when the contact is done. {@code placement} marks a
 * contact that concerns where the person stays (always so for a placement or shelter contact).
 */
public record ContactCommand(UUID partnerId, ContactType type, Instant at, String channel, String summary,
                             LocalDate followUpOn, ContactStatus status, Map<String, String> fields,
                             boolean completeStep, boolean placement) {

    public ContactCommand {
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }
}
