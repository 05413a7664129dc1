package se.lotsen.notifications.web;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.lotsen.access.CurrentUser;
import se.lotsen.audit.AuditAction;
import se.lotsen.audit.Audited;
import se.lotsen.common.PageResult;
import se.lotsen.common.Paging;
import se.lotsen.notifications.Notification;
import se.lotsen.notifications.Notifications;

/** The caller's notifications over the API, newest first, in English. */
@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "Notifications")
class NotificationApiController {

    private final Notifications notifications;
    private final MessageSource messages;

    NotificationApiController(Notifications notifications, MessageSource messages) {
        this.notifications = notifications;
        this.messages = messages;
    }

    /** A notification: its text, the case it concerns (number and id) and whether it was read. */
    record NotificationJson(UUID id, Instant createdAt, String text, UUID caseId, String caseNumber, boolean read) {
    }

    @GetMapping
    @Operation(summary = "The caller's notifications, newest first (paginated)")
    @Audited(action = AuditAction.SEARCH, recordType = "NOTIFICATION")
    PageResult<NotificationJson> list(@RequestParam(required = false) Integer page,
                                      @RequestParam(required = false) Integer size,
                                      @AuthenticationPrincipal CurrentUser user) {
        return notifications.forAccount(user.accountId(), Paging.of(page, size)).map(this::json);
    }

    private NotificationJson json(Notification n) {
        String text = messages.getMessage(n.messageKey(),
                Notifications.forMessage(n.arguments().toArray()), n.messageKey(), Locale.ENGLISH);
        return new NotificationJson(n.id(), n.createdAt(), text, n.caseId(), n.caseNumber(), !n.unread());
    }
}
