package se.lotsen.system.web;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import se.lotsen.access.CurrentUser;
import se.lotsen.audit.NotAudited;
import se.lotsen.common.StartPagePanel;

/**
 * The sign-in page and the start page. Other modules add panels to the start page ({@link StartPagePanel}) without
 * this module depending on them.
 */
@Controller
class HomeController {

    private final List<StartPagePanel> panels;

    HomeController(List<StartPagePanel> panels) {
        this.panels = panels.stream().sorted(Comparator.comparingInt(StartPagePanel::order)).toList();
    }

    /** A panel to render: {@code ~{template :: fragment(model)}}. */
    record PanelView(String template, String fragment, Object model) {
    }

    @GetMapping("/login")
    @NotAudited("the sign-in form shows no personal data; sign-ins are audited from authentication events")
    String login(@AuthenticationPrincipal CurrentUser user) {
        return user == null ? "login" : "redirect:/";
    }

    @GetMapping("/")
    @NotAudited("the start page shows the user's own work areas and panels without personal data (upcoming events)")
    String home(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("areas", WorkAreas.forUser(user));
        Set<String> roles = user.roles().stream().map(Enum::name).collect(Collectors.toSet());
        model.addAttribute("panels", panels.stream()
                .filter(p -> p.roles().stream().anyMatch(roles::contains))
                .map(p -> new PanelView(p.template(), p.fragment(), p.model()))
                .toList());
        return "home";
    }
}
