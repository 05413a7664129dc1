package se.lotsen.notifications;

import java.util.List;
import java.util.UUID;

/** Notifications whose e-mail is to be sent were made; {@link MailDelivery} sends them, and again until delivered. */
record NotificationsCreated(List<UUID> notifications) {
}
