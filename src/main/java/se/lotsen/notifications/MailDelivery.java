package se.lotsen.notifications;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import se.lotsen.common.TryAgainLater;
import se.lotsen.common.SwedishDates;

/**
 * Sends the e-mails of new notifications after they were saved. Each e-mail's outcome is saved on its own, at once:
 * a sent one is never sent again, a failed one is marked as retrying and the event stays incomplete in the event
 * publication registry, so the system's event retries deliver it again until the mail server takes it.
 */
@Component
class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);
    private static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");

    private final JdbcClient jdbc;
    private final ObjectProvider<JavaMailSender> mail;
    private final MessageSource messages;
    private final NotificationProperties properties;
    private final TransactionTemplate tx;
    private final SwedishDates dates;

    MailDelivery(JdbcClient jdbc, ObjectProvider<JavaMailSender> mail, MessageSource messages,
                 NotificationProperties properties, PlatformTransactionManager transactionManager,
                 SwedishDates dates) {
        this.dates = dates;
        this.jdbc = jdbc;
        this.mail = mail;
        this.messages = messages;
        this.properties = properties;
        this.tx = new TransactionTemplate(transactionManager);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** An e-mail to send: the recipient's address and the notification's message. */
    private record Outgoing(UUID id, String to, String messageKey, Object[] args, String link) {
    }

    @ApplicationModuleListener
    void on(NotificationsCreated event) {
        JavaMailSender sender = mail.getIfAvailable();
        List<UUID> failed = new ArrayList<>();
        for (UUID id : event.notifications()) {
            Outgoing out = outgoing(id);
            if (out == null) {
                continue; // sent, cancelled or gone: nothing to do
            }
            if (sender == null) {
                tx.executeWithoutResult(s -> status(id, "NOT_CONFIGURED", null));
                continue;
            }
            try {
                sender.send(message(out));
                tx.executeWithoutResult(s -> jdbc.sql("""
                                UPDATE notification SET email_status = 'SENT', emailed_at = now(),
                                    email_attempts = email_attempts + 1, email_error = NULL WHERE id = :id""")
                        .param("id", id).update());
            } catch (MailException e) {
                log.warn("E-mail of notification {} not sent; it is tried again: {}", id, e.getMessage());
                tx.executeWithoutResult(s -> status(id, "RETRYING", e.getClass().getSimpleName()));
                failed.add(id);
            }
        }
        if (!failed.isEmpty()) {
            // The publication stays incomplete and is delivered again by EventRetries.
            throw new MailNotDelivered(failed);
        }
    }

    private Outgoing outgoing(UUID id) {
        return jdbc.sql("""
                        SELECT n.id, a.email, n.message_key, n.arguments, n.link FROM notification n
                        JOIN account a ON a.id = n.account_id
                        WHERE n.id = :id AND n.email_status IN ('PENDING', 'RETRYING')""")
                .param("id", id)
                .query((rs, n) -> {
                    return new Outgoing(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            Notifications.forMessage(dates.arguments(Notifications.arguments(rs.getString(4)), SWEDISH)),
                            rs.getString(5) == null ? "" : rs.getString(5));
                })
                .optional().filter(o -> o.to() != null && !o.to().isBlank()).orElse(null);
    }

    private void status(UUID id, String status, String error) {
        jdbc.sql("""
                        UPDATE notification SET email_status = :s, email_attempts = email_attempts + 1, email_error = :e
                        WHERE id = :id AND email_status IN ('PENDING', 'RETRYING')""")
                .param("s", status).param("e", error).param("id", id).update();
    }

    private SimpleMailMessage message(Outgoing out) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.from());
        message.setTo(out.to());
        message.setSubject("Lotsen: " + messages.getMessage(out.messageKey() + ".subject", out.args(), SWEDISH));
        message.setText(messages.getMessage(out.messageKey(), out.args(), SWEDISH) + "\n\n"
                + properties.baseUrl() + out.link() + "\n\n"
                + messages.getMessage("notification.mail.footer", null, SWEDISH));
        return message;
    }

    /** Some e-mails could not be delivered; the event is delivered again later. */
    static class MailNotDelivered extends TryAgainLater {
        MailNotDelivered(List<UUID> ids) {
            super(ids.size() + " e-mail(s) not delivered");
        }
    }
}
