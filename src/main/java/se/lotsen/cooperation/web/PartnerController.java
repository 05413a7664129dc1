package se.lotsen.cooperation.web;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import se.lotsen.access.CurrentUser;
import se.lotsen.access.Role;
import se.lotsen.audit.NotAudited;
import se.lotsen.common.FieldProblems;
import se.lotsen.common.FormErrors;
import se.lotsen.common.NotFoundException;
import se.lotsen.common.Paging;
import se.lotsen.cooperation.Partner;
import se.lotsen.cooperation.PartnerKind;
import se.lotsen.cooperation.Partners;

/**
 * The partner directory: search and filter by kind for everyone; adding and changing partners for administrators
 * and the method developer. Partners are organisations with switchboards and functional addresses, never private
 * persons, so nothing here is personal data.
 */
@Controller
@RequestMapping("/partners")
class PartnerController {

    private static final String NO_PERSONAL_DATA =
            "the partner directory is organisational data: switchboards and functional addresses, no personal data";

    private final Partners partners;

    PartnerController(Partners partners) {
        this.partners = partners;
    }

    /**
     * A partner as typed in the form, every value as text so that nothing typed is lost; opening hours as HH:mm.
     * {@code active} is a checkbox.
     */
    public record PartnerFormData(
            @Size(max = 200, message = "{validation.size.max}") String name,
            String kind,
            @Size(max = 2, message = "{validation.size.max}") String country,
            @Size(max = 60, message = "{validation.size.max}") String phone,
            @Size(max = 200, message = "{validation.size.max}") String email,
            @Size(max = 1000, message = "{validation.size.max}") String notes,
            String hours,
            String opens,
            String closes,
            String active) {

        static PartnerFormData of(Partner p) {
            return new PartnerFormData(p.name(), p.kind().name(), p.country() == null ? "" : p.country(),
                    p.phone() == null ? "" : p.phone(), p.email() == null ? "" : p.email(),
                    p.notes() == null ? "" : p.notes(), p.hours().name(), time(p.opens()), time(p.closes()),
                    Boolean.toString(p.active()));
        }

        static PartnerFormData empty() {
            return new PartnerFormData("", "", "SE", "", "", "", Partner.Hours.OFFICE_HOURS.name(), "08:00", "17:00",
                    "true");
        }

        public boolean activeChecked() {
            return ContactForms.checked(active);
        }

        /**
         * The form for the service; a value that cannot be read is left out ({@code null}) and the result says which,
         * so that the service's rules still run on the rest (all problems at once).
         */
        Partners.PartnerForm toForm(BindingResult result) {
            PartnerKind k = parse(PartnerKind.class, kind, "kind", result);
            Partner.Hours h = parse(Partner.Hours.class, hours, "hours", result);
            LocalTime o = parseTime(opens, "opens", result);
            LocalTime c = parseTime(closes, "closes", result);
            return new Partners.PartnerForm(name, k, country, phone, email, notes, h, o, c, activeChecked());
        }

        private static String time(LocalTime t) {
            return t == null ? "" : TIME.format(t);
        }

        private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, BindingResult result) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return Enum.valueOf(type, value.trim());
            } catch (IllegalArgumentException e) {
                FormErrors.reject(result, field, "validation.invalid");
                return null;
            }
        }

        private static LocalTime parseTime(String value, String field, BindingResult result) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return LocalTime.parse(value.trim());
            } catch (DateTimeParseException e) {
                FormErrors.reject(result, field, "validation.time");
                return null;
            }
        }
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    @GetMapping
    @NotAudited(NO_PERSONAL_DATA)
    String directory(@RequestParam(required = false) String q, @RequestParam(required = false) String kind,
                     @RequestParam(required = false) Integer page, @AuthenticationPrincipal CurrentUser user,
                     Model model) {
        PartnerKind chosen = parseKind(kind);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("kind", chosen);
        model.addAttribute("kinds", PartnerKind.values());
        model.addAttribute("result", partners.search(q, chosen, Paging.of(page, null)));
        model.addAttribute("mayEdit", mayEdit(user));
        model.addAttribute("baseUrl", UriComponentsBuilder.fromPath("/partners")
                .queryParamIfPresent("q", Optional.ofNullable(q).filter(s -> !s.isBlank()))
                .queryParamIfPresent("kind", Optional.ofNullable(chosen))
                .encode().toUriString());
        return "cooperation/partners";
    }

    @GetMapping("/new")
    @NotAudited(NO_PERSONAL_DATA)
    String newPartner(@AuthenticationPrincipal CurrentUser user, Model model) {
        requireEditor(user);
        model.addAttribute("partnerForm", PartnerFormData.empty());
        return formView(null, model);
    }

    @PostMapping("/new")
    @NotAudited(NO_PERSONAL_DATA)
    String create(@Valid @ModelAttribute("partnerForm") PartnerFormData form, BindingResult result,
                  @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        requireEditor(user);
        return save(null, form, result, model, redirect);
    }

    @GetMapping("/{id}")
    @NotAudited(NO_PERSONAL_DATA)
    String edit(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, Model model) {
        requireEditor(user);
        Partner partner = partners.find(id).orElseThrow(() -> new NotFoundException("partner"));
        model.addAttribute("partnerForm", PartnerFormData.of(partner));
        return formView(partner, model);
    }

    @PostMapping("/{id}")
    @NotAudited(NO_PERSONAL_DATA)
    String update(@PathVariable UUID id, @Valid @ModelAttribute("partnerForm") PartnerFormData form,
                  BindingResult result, @AuthenticationPrincipal CurrentUser user, Model model,
                  RedirectAttributes redirect) {
        requireEditor(user);
        Partner partner = partners.find(id).orElseThrow(() -> new NotFoundException("partner"));
        return save(partner, form, result, model, redirect);
    }

    private String save(Partner existing, PartnerFormData form, BindingResult result, Model model,
                        RedirectAttributes redirect) {
        Partners.PartnerForm toSave = form.toForm(result);
        if (result.hasErrors()) {
            ContactForms.check(result, PartnerFormData.class, "name", () -> partners.check(toSave));
        } else {
            try {
                Partner saved = partners.save(existing == null ? null : existing.id(), toSave);
                redirect.addFlashAttribute("flash", "flash.partner.saved");
                redirect.addFlashAttribute("flashArg", saved.name());
                return "redirect:" + UriComponentsBuilder.fromPath("/partners").queryParam("q", saved.name())
                        .encode().toUriString();
            } catch (FieldProblems problems) {
                ContactForms.apply(problems, result, PartnerFormData.class, "name");
            }
        }
        FormErrors.inOrder(model, result, form);
        return formView(existing, model);
    }

    private String formView(Partner existing, Model model) {
        model.addAttribute("partner", existing);
        model.addAttribute("kinds", PartnerKind.values());
        model.addAttribute("hoursChoices", Partner.Hours.values());
        return "cooperation/partner";
    }

    static boolean mayEdit(CurrentUser user) {
        return user.has(Role.ADMIN) || user.has(Role.METHOD_DEVELOPER);
    }

    private static void requireEditor(CurrentUser user) {
        if (!mayEdit(user)) {
            throw new AccessDeniedException("administrators and method developers edit the partner directory");
        }
    }

    private static PartnerKind parseKind(String kind) {
        return Arrays.stream(PartnerKind.values()).filter(k -> k.name().equals(kind)).findFirst().orElse(null);
    }
}
