package se.lotsen.consultation;

import java.time.Instant;
import java.util.UUID;

/** A question to the method developer and its answer. */
public record Question(UUID id, UUID caseId, String caseNumber, UUID askedBy, String askedByName, String unitName,
                       String text, boolean urgent, Instant askedAt, String answer, Instant answeredAt,
                       String answeredByName) {

    public boolean answered() {
        return answeredAt != null;
    }
}
