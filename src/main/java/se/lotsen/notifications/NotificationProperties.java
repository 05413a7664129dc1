package se.lotsen.notifications;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param from    the sender of e-mails ({@code LOTSEN_MAIL_FROM})
 * @param baseUrl the address of Lotsen used in links in e-mails ({@code LOTSEN_BASE_URL})
 */
@ConfigurationProperties("lotsen.notifications")
public record NotificationProperties(
        @DefaultValue("lotsen@localhost") String from,
        @DefaultValue("http://localhost:8080") String baseUrl) {
}
