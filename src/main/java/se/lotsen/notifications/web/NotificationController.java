package se.lotsen.notifications.web;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.lotsen.access.CurrentUser;
import se.lotsen.audit.AuditAction;
import se.lotsen.audit.Audited;
import se.lotsen.common.PageResult;
import se.lotsen.common.Paging;
import se.lotsen.common.SwedishDates;
import se.lotsen.notifications.Notification;
import se.lotsen.notifications.Notifications;

/** The signed-in user's notifications, newest first, and marking them all as read. */
@Controller
@RequestMapping("/notifications")
class NotificationController {


    private final Notifications notifications;
    private final MessageSource messages;
    private final SwedishDates dates;

    NotificationController(Notifications notifications, MessageSource messages, SwedishDates dates) {
        this.notifications = notifications;
        this.messages = messages;
        this.dates = dates;
    }

    /** A notification as shown: its text in the viewer's language, with dates for people. */
    public record NotificationView(UUID id, UUID caseId, String text, Instant createdAt, boolean unread) {
    }

    @GetMapping
    @Audited(action = AuditAction.SEARCH, recordType = "NOTIFICATION")
    String list(@RequestParam(required = false) String page, @AuthenticationPrincipal CurrentUser user, Model model) {
        Locale locale = LocaleContextHolder.getLocale();
        PageResult<NotificationView> result = notifications.forAccount(user.accountId(), Paging.of(parsePage(page), null))
                .map(n -> view(n, locale));
        model.addAttribute("result", result);
        model.addAttribute("unread", notifications.unreadCount(user.accountId()));
        model.addAttribute("baseUrl", "/notifications");
        return "notifications/list";
    }

    @PostMapping("/read")
    @Audited(action = AuditAction.UPDATE, recordType = "NOTIFICATION")
    String markAllRead(@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        notifications.markAllRead(user.accountId());
        redirect.addFlashAttribute("flash", "flash.notifications.read");
        return "redirect:/notifications";
    }

    private NotificationView view(Notification n, Locale locale) {
        Object[] args = se.lotsen.notifications.Notifications.forMessage(dates.arguments(n.arguments(), locale));
        String text = messages.getMessage(n.messageKey(), args, n.messageKey(), locale);
        return new NotificationView(n.id(), n.caseId(), text, n.createdAt(), n.unread());
    }

    private static Integer parsePage(String page) {
        try {
            return page == null ? null : Integer.valueOf(page.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
