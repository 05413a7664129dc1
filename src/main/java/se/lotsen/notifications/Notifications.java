package se.lotsen.notifications;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.lotsen.access.Account;
import se.lotsen.common.Deliveries;
import se.lotsen.common.PageResult;
import se.lotsen.common.Paging;

/**
 * In-app notifications and what became of their e-mails. Notifications are made by this module's listeners of the
 * other modules' events, after the change that caused them was saved; e-mail is sent by {@link MailDelivery} and
 * retried until delivered. Arguments never contain personal data of the person a case is about (case numbers, dates,
 * names of staff and units only).
 */
@Service
public class Notifications implements Deliveries {

    static final String SEPARATOR = "\u001f";

    private final JdbcClient jdbc;
    private final ObjectProvider<JavaMailSender> mail;

    public Notifications(JdbcClient jdbc, ObjectProvider<JavaMailSender> mail) {
        this.jdbc = jdbc;
        this.mail = mail;
    }

    /** The arguments of a notification as stored (joined by {@link #SEPARATOR}). */
    static List<String> arguments(String stored) {
        return stored == null || stored.isEmpty() ? List.of() : List.of(stored.split(SEPARATOR));
    }

    /** An argument that names a message (e.g. a deadline's task), read in the reader's language: {@code msg:key}. */
    static final String MESSAGE_ARGUMENT = "msg:";

    /** An argument that is shown as the message with this key, in the language of whoever reads the notification. */
    static String messageArgument(String key) {
        return MESSAGE_ARGUMENT + key;
    }

    /**
     * The arguments for a {@link org.springframework.context.MessageSource}: an argument stored as {@code msg:key} is
     * resolved as that message in the same language, so that an English notification has no Swedish words in it.
     */
    public static Object[] forMessage(Object[] args) {
        Object[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof String s && s.startsWith(MESSAGE_ARGUMENT)) {
                String key = s.substring(MESSAGE_ARGUMENT.length());
                out[i] = new org.springframework.context.support.DefaultMessageSourceResolvable(
                        new String[] {key}, key);
            }
        }
        return out;
    }

    /** What to notify: the message and its arguments, the case and deadline it concerns, where it links to. */
    record Message(String sourceKey, String messageKey, List<String> args, UUID caseId, String caseNumber,
                   UUID deadlineId, String link, boolean email) {
    }

    /**
     * Notifies each recipient once: a recipient already notified of the same source is skipped, so a listener run
     * again after a failure never notifies anyone twice. Returns the new notifications whose e-mail is to be sent.
     */
    @Transactional
    List<UUID> create(List<Account> recipients, Message m) {
        boolean mailConfigured = mail.getIfAvailable() != null;
        List<UUID> toMail = new ArrayList<>();
        for (Account account : recipients.stream().filter(Account::enabled).distinct().toList()) {
            String status;
            if (!m.email()) {
                status = "NONE";
            } else if (!mailConfigured) {
                status = "NOT_CONFIGURED";
            } else if (account.email() == null || account.email().isBlank()) {
                status = "NO_ADDRESS";
            } else {
                status = "PENDING";
            }
            List<UUID> inserted = jdbc.sql("""
                            INSERT INTO notification (id, account_id, case_id, case_number, deadline_id, message_key,
                                arguments, email_status, source_key, link)
                            VALUES (:id, :a, :c, :number, :d, :k, :args, :status, :source, :link)
                            ON CONFLICT (source_key, account_id) WHERE source_key IS NOT NULL DO NOTHING
                            RETURNING id""")
                    .param("id", UUID.randomUUID()).param("a", account.id().value()).param("c", m.caseId())
                    .param("number", m.caseNumber()).param("d", m.deadlineId()).param("k", m.messageKey())
                    .param("args", String.join(SEPARATOR, m.args())).param("status", status)
                    .param("source", m.sourceKey()).param("link", m.link())
                    .query(UUID.class).list();
            if ("PENDING".equals(status)) {
                toMail.addAll(inserted);
            }
        }
        return toMail;
    }

    @Override
    public Delivery of(String sourceKey) {
        return jdbc.sql("""
                        SELECT count(*),
                               count(*) FILTER (WHERE email_status = 'SENT'),
                               count(*) FILTER (WHERE email_status = 'PENDING'),
                               count(*) FILTER (WHERE email_status = 'RETRYING'),
                               count(*) FILTER (WHERE email_status = 'NOT_CONFIGURED'),
                               count(*) FILTER (WHERE email_status = 'NO_ADDRESS')
                        FROM notification WHERE source_key = :s""")
                .param("s", sourceKey)
                .query((rs, n) -> new Delivery(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                        rs.getInt(6)))
                .single();
    }

    public PageResult<Notification> forAccount(UUID accountId, Paging paging) {
        long total = jdbc.sql("SELECT count(*) FROM notification WHERE account_id = :a").param("a", accountId)
                .query(Long.class).single();
        List<Notification> items = jdbc.sql("""
                        SELECT * FROM notification WHERE account_id = :a ORDER BY created_at DESC, id LIMIT :l OFFSET :o""")
                .param("a", accountId).param("l", paging.size()).param("o", paging.offset())
                .query((rs, n) -> {
                    OffsetDateTime read = rs.getObject("read_at", OffsetDateTime.class);
                    return new Notification(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class),
                            rs.getString("case_number"), rs.getString("message_key"),
                            arguments(rs.getString("arguments")),
                            rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                            read == null ? null : read.toInstant(), rs.getString("email_status"));
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
