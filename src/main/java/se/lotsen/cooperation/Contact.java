package se.lotsen.cooperation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * A contact in a case's cooperation log.
 *
 * @param placement whether it concerns where the person stays (a placement or shelter, or marked so)
 * @param masked    whether the partner, summary and fields were hidden from this reader: a placement of a person with
 *                  protected identity is shown only to those with the right
 */
public record Contact(UUID id, UUID caseId, Partner partner, ContactType type, Instant at, String channel,
                      String summary, LocalDate followUpOn, ContactStatus status, Instant queuedFor,
                      Map<String, String> fields, String recordedByName, boolean placement, boolean masked) {

    public Contact {
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }

    /** The contact as someone without the right to see placement sees it: when and what kind, not with whom or what. */
    Contact withPlacementHidden() {
        if (!placement) {
            return this;
        }
        return new Contact(id, caseId, null, type, at, channel, null, followUpOn, status, queuedFor, Map.of(),
                recordedByName, true, true);
    }
}
