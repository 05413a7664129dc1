package se.lotsen.system.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import se.lotsen.access.CurrentUser;
import se.lotsen.notifications.Notifications;

/** What the layout needs on every page: the user, their navigation, their unread notifications and the current path. */
@ControllerAdvice(annotations = Controller.class)
class LayoutModelAdvice {

    private final Notifications notifications;

    LayoutModelAdvice(Notifications notifications) {
        this.notifications = notifications;
    }

    @ModelAttribute("currentUser")
    CurrentUser currentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof CurrentUser user ? user : null;
    }

    @ModelAttribute("navigation")
    List<WorkArea> navigation() {
        CurrentUser user = currentUser();
        return user == null ? List.of() : WorkAreas.navigation(user);
    }

    @ModelAttribute("unreadNotifications")
    long unreadNotifications() {
        CurrentUser user = currentUser();
        return user == null ? 0 : notifications.unreadCount(user.accountId());
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }

    /** The key of the one navigation link that is current: the longest link path the current path starts with. */
    @ModelAttribute("currentNavKey")
    String currentNavKey(HttpServletRequest request) {
        String path = request.getRequestURI();
        String best = null;
        int bestLength = -1;
        for (WorkArea area : navigation()) {
            String href = area.href().contains("?") ? area.href().substring(0, area.href().indexOf('?')) : area.href();
            boolean matches = path.equals(href) || path.startsWith(href + "/");
            if (matches && href.length() > bestLength) {
                best = area.key();
                bestLength = href.length();
            }
        }
        return best;
    }
}
