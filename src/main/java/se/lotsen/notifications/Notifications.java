package se.lotsen.notifications;

import java.time.OffsetDateTime;
import java.util.Arrays;
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
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.lotsen.access.Account;
import se.lotsen.common.PageResult;
import se.lotsen.common.Paging;

/**
 * Sends notifications: one in-app row per recipient, and an e-mail to each recipient with an address when mail is
 * configured. Arguments must not contain personal data of the person a case is about (case numbers and dates only).
 */
@Service
public class Notifications {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);
    private static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");
    private static final String SEPARATOR = "\u001f";

    private final JdbcClient jdbc;
    private final ObjectProvider<JavaMailSender> mail;
    private final MessageSource messages;
    private final NotificationProperties properties;

    public Notifications(JdbcClient jdbc, ObjectProvider<JavaMailSender> mail, MessageSource messages,
                         NotificationProperties properties) {
        this.jdbc = jdbc;
        this.mail = mail;
        this.messages = messages;
        this.properties = properties;
    }

    /**
     * Notifies each recipient once (duplicates in the list are ignored). E-mail failures are logged and do not undo the
     * in-app notification; the exception is rethrown so a caller that must not lose the e-mail can retry.
     */
    @Transactional
    public int notify(List<Account> recipients, UUID caseId, UUID deadlineId, String messageKey, List<String> args,
                      String link) {
        return notify(recipients, caseId, deadlineId, messageKey, args, link, true);
    }

    /** As above; {@code email} false keeps it in the app only. */
    @Transactional
    public int notify(List<Account> recipients, UUID caseId, UUID deadlineId, String messageKey, List<String> args,
                      String link, boolean email) {
        JavaMailSender sender = email ? mail.getIfAvailable() : null;
        int sent = 0;
        for (Account account : recipients.stream().distinct().toList()) {
            UUID id = UUID.randomUUID();
            jdbc.sql("""
                            INSERT INTO notification (id, account_id, case_id, deadline_id, message_key, arguments)
                            VALUES (:id, :a, :c, :d, :k, :args)""")
                    .param("id", id).param("a", account.id().value()).param("c", caseId).param("d", deadlineId)
                    .param("k", messageKey).param("args", String.join(SEPARATOR, args)).update();
            if (sender != null && account.email() != null && !account.email().isBlank()) {
                SimpleMailMessage message = new SimpleMailMessage();
                message.setFrom(properties.from());
                message.setTo(account.email());
                message.setSubject("Lotsen: " + messages.getMessage(messageKey + ".subject", args.toArray(), SWEDISH));
                message.setText(messages.getMessage(messageKey, args.toArray(), SWEDISH) + "\n\n"
                        + properties.baseUrl() + link + "\n\n"
                        + messages.getMessage("notification.mail.footer", null, SWEDISH));
                try {
                    sender.send(message);
                    jdbc.sql("UPDATE notification SET emailed_at = now() WHERE id = :id").param("id", id).update();
                    sent++;
                } catch (MailException e) {
                    log.error("E-mail notification {} could not be sent: {}", id, e.getMessage());
                    throw e;
                }
            }
        }
        return sent;
    }

    public PageResult<Notification> forAccount(UUID accountId, Paging paging) {
        long total = jdbc.sql("SELECT count(*) FROM notification WHERE account_id = :a").param("a", accountId)
                .query(Long.class).single();
        List<Notification> items = jdbc.sql("""
                        SELECT * FROM notification WHERE account_id = :a ORDER BY created_at DESC LIMIT :l OFFSET :o""")
                .param("a", accountId).param("l", paging.size()).param("o", paging.offset())
                .query((rs, n) -> {
                    OffsetDateTime read = rs.getObject("read_at", OffsetDateTime.class);
                    String args = rs.getString("arguments");
                    return new Notification(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class),
                            rs.getString("message_key"), args.isEmpty() ? List.of() : Arrays.asList(args.split(SEPARATOR)),
                            rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                            read == null ? null : read.toInstant());
                }).list();
        return new PageResult<>(items, paging.page(), paging.size(), total);
    }

    public long unreadCount(UUID accountId) {
        return jdbc.sql("SELECT count(*) FROM notification WHERE account_id = :a AND read_at IS NULL")
                .param("a", accountId).query(Long.class).single();
    }

    @Transactional
    public void markAllRead(UUID accountId) {
        jdbc.sql("UPDATE notification SET read_at = now() WHERE account_id = :a AND read_at IS NULL")
                .param("a", accountId).update();
    }
}
