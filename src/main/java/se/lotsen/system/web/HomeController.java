package se.lotsen.system.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import se.lotsen.access.CurrentUser;
import se.lotsen.audit.NotAudited;

/** The sign-in page and the start page. */
@Controller
class HomeController {

    @GetMapping("/login")
    @NotAudited("the sign-in form shows no personal data; sign-ins are audited from authentication events")
    String login(@AuthenticationPrincipal CurrentUser user) {
        return user == null ? "login" : "redirect:/";
    }

    @GetMapping("/")
    @NotAudited("the start page shows only the user's own work areas")
    String home(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("areas", WorkAreas.forUser(user));
        return "home";
    }
}
