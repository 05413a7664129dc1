package se.lotsen.knowledge;

import java.time.Instant;
import java.util.UUID;

/** An uploaded material of an event (without its content). */
public record Material(UUID id, UUID eventId, String filename, MaterialType type, long size, Instant uploadedAt,
                       String uploadedBy) {
}
