package se.lotsen.cooperation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** A contact in a case's cooperation log. */
public record Contact(UUID id, UUID caseId, Partner partner, ContactType type, Instant at, String channel,
                      String summary, LocalDate followUpOn, ContactStatus status, Instant queuedFor,
                      Map<String, String> fields, String recordedByName) {

    public Contact {
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }
}
