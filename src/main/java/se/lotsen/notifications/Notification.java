package se.lotsen.notifications;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An in-app notification: a message key with arguments, optionally about a case, and what became of its e-mail
 * ({@code NONE}, {@code NOT_CONFIGURED}, {@code NO_ADDRESS}, {@code PENDING}, {@code SENT}, {@code RETRYING},
 * {@code CANCELLED}).
 */
public record Notification(UUID id, UUID caseId, String caseNumber, String messageKey, List<String> arguments,
                           Instant createdAt, Instant readAt, String emailStatus) {

    public boolean unread() {
        return readAt == null;
    }
}
