package se.lotsen.notifications;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An in-app notification: a message key with arguments, optionally about a case. */
public record Notification(UUID id, UUID caseId, String messageKey, List<String> arguments, Instant createdAt,
                           Instant readAt) {

    public boolean unread() {
        return readAt == null;
    }
}
