package se.lotsen.cases;

import java.time.Instant;
import java.util.UUID;

/**
 * A signed journal entry: when it happened, when and by whom it was signed, and the entry it corrects, if any.
 */
public record JournalEntry(UUID id, int number, Instant occurredAt, Instant signedAt, String authorName, String text,
                           UUID corrects, Integer correctsNumber) {
}
