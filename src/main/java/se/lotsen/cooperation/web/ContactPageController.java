package se.lotsen.cooperation.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.lotsen.access.CurrentUser;
import se.lotsen.audit.AuditAction;
import se.lotsen.audit.AuditContext;
import se.lotsen.audit.AuditOutcome;
import se.lotsen.audit.Audited;
import se.lotsen.cases.CaseAccess;
import se.lotsen.cases.CaseId;
import se.lotsen.cases.CaseView;
import se.lotsen.cases.Cases;
import se.lotsen.cases.WriteGrant;
import se.lotsen.common.FieldProblems;
import se.lotsen.common.FormErrors;
import se.lotsen.common.NotFoundException;
import se.lotsen.cooperation.Contact;
import se.lotsen.cooperation.ContactCommand;
import se.lotsen.cooperation.ContactStatus;
import se.lotsen.cooperation.ContactType;
import se.lotsen.cooperation.Cooperation;
import se.lotsen.cooperation.Partners;
import se.lotsen.cooperation.web.ContactForms.ContactForm;
import se.lotsen.cooperation.web.ContactForms.StatusForm;
import se.lotsen.routines.Checklist;
import se.lotsen.routines.ChecklistItem;

/**
 * The case's cooperation log: recording a contact (typed by what it is about, with the fields of its type), changing
 * a queued or awaiting contact's status the morning after, and the day's queued contacts of the user's unit.
 */
@Controller
class ContactPageController {

    private final Cooperation cooperation;
    private final Partners partners;
    private final Cases cases;
    private final CaseAccess access;
    private final Clock clock;

    ContactPageController(Cooperation cooperation, Partners partners, Cases cases, CaseAccess access, Clock clock) {
        this.cooperation = cooperation;
        this.partners = partners;
        this.cases = cases;
        this.access = access;
        this.clock = clock;
    }

    // -- recording a contact --

    @GetMapping("/cases/{id}/contacts/new")
    @Audited(action = AuditAction.READ, recordType = "CASE", idParam = "id")
    String newContact(@PathVariable UUID id, @RequestParam(required = false) String type,
                      @AuthenticationPrincipal CurrentUser user, Model model) {
        CaseView view = cases.view(access.write(new CaseId(id), user).grant());
        model.addAttribute("contactForm", ContactForm.start(ContactForms.parseType(type), now()));
        return formView(view, model);
    }

    @PostMapping("/cases/{id}/contacts/new")
    @Audited(action = AuditAction.UPDATE, recordType = "CASE", idParam = "id")
    String record(@PathVariable UUID id, @Valid @ModelAttribute("contactForm") ContactForm form, BindingResult result,
                  @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect,
                  HttpServletRequest request) {
        WriteGrant grant = access.write(new CaseId(id), user);
        CaseView view = cases.view(grant.grant());
        // All problems at once: the service's rules run also when a value could not be read or was too long.
        ContactCommand command = form.toCommand(result);
        if (result.hasErrors()) {
            // Values refused already are left out of the check: nothing refused reaches the service.
            ContactCommand checked = FormErrors.lenient(ContactForm.class, result, request)
                    .toCommand(new org.springframework.validation.MapBindingResult(new java.util.HashMap<>(),
                            "contactForm"));
            ContactForms.check(result, ContactForm.class, "summary", () -> cooperation.check(grant, checked));
        } else {
            try {
                Contact c = cooperation.record(grant, command);
                AuditContext.detail("contact " + c.id() + " " + c.type() + " " + c.status());
                redirect.addFlashAttribute("flash", "flash.contact." + c.status());
                redirect.addFlashAttribute("flashArg", partnerName(c, view));
                redirect.addFlashAttribute("section", "cooperation"); // the case page marks the section as current
                return "redirect:/cases/" + id + "#cooperation";
            } catch (FieldProblems problems) {
                ContactForms.apply(problems, result, ContactForm.class, "summary");
            }
        }
        AuditContext.outcome(AuditOutcome.FAILED);
        FormErrors.inOrder(model, result, form);
        return formView(view, model);
    }

    /** Whom the contact was with, for the confirmation; a placement of a protected person is not named. */
    private static String partnerName(Contact c, CaseView view) {
        return c.placement() && !view.mayViewProtected() ? "–" : c.partner().name();
    }

    private String formView(CaseView view, Model model) {
        ContactForm form = (ContactForm) model.getAttribute("contactForm");
        ContactType type = form == null ? null : form.chosenType();
        Checklist checklist = cases.checklist(view.grant());
        ChecklistItem step = type == null || type.stepKey() == null ? null
                : checklist.item(type.stepKey()).filter(ChecklistItem::visible).orElse(null);
        model.addAttribute("c", view);
        model.addAttribute("editable", view.editable());
        model.addAttribute("types", ContactType.values());
        model.addAttribute("type", type);
        model.addAttribute("step", step);
        model.addAttribute("partnerChoices", ContactForms.partnerChoices(type, partners.active()));
        model.addAttribute("channels", ContactForms.CHANNELS);
        model.addAttribute("statuses", ContactForms.CHOSEN_STATUSES);
        return "cooperation/contact-new";
    }

    // -- changing a contact's status --

    @GetMapping("/cases/{id}/contacts/{contactId}/status")
    @Audited(action = AuditAction.READ, recordType = "CASE", idParam = "id")
    String statusForm(@PathVariable UUID id, @PathVariable UUID contactId, @AuthenticationPrincipal CurrentUser user,
                      Model model) {
        CaseView view = cases.view(access.write(new CaseId(id), user).grant());
        Contact contact = contact(view, contactId);
        model.addAttribute("statusForm", new StatusForm("", "", "true"));
        return statusView(view, contact, model);
    }

    @PostMapping("/cases/{id}/contacts/{contactId}/status")
    @Audited(action = AuditAction.UPDATE, recordType = "CASE", idParam = "id")
    String changeStatus(@PathVariable UUID id, @PathVariable UUID contactId,
                        @Valid @ModelAttribute("statusForm") StatusForm form, BindingResult result,
                        @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        WriteGrant grant = access.write(new CaseId(id), user);
        CaseView view = cases.view(grant.grant());
        Contact contact = contact(view, contactId);
        ContactStatus status = ContactForms.parseStatus(form.status(), "status", result);
        if (result.hasErrors()) {
            // All problems at once: the service's rules (the endangering contact among them) run too.
            ContactForms.check(result, StatusForm.class, "status",
                    () -> cooperation.checkStatus(grant, contactId, status,
                            result.hasFieldErrors("note") ? null : form.note()));
        } else {
            try {
                Contact changed = cooperation.changeStatus(grant, contactId, status, form.note(),
                        form.completeStepChecked());
                AuditContext.detail("contact " + contactId + " " + changed.status());
                redirect.addFlashAttribute("flash", "flash.contact.status");
                redirect.addFlashAttribute("flashArg", partnerName(changed, view));
                redirect.addFlashAttribute("section", "cooperation"); // the case page marks the section as current
                return "redirect:/cases/" + id + "#cooperation";
            } catch (FieldProblems problems) {
                ContactForms.apply(problems, result, StatusForm.class, "status");
            }
        }
        AuditContext.outcome(AuditOutcome.FAILED);
        FormErrors.inOrder(model, result, form);
        model.addAttribute("attempted", true);
        return statusView(view, contact, model);
    }

    private Contact contact(CaseView view, UUID contactId) {
        return cooperation.forCase(view.grant()).stream().filter(c -> c.id().equals(contactId)).findFirst()
                .orElseThrow(() -> new NotFoundException("contact"));
    }

    private String statusView(CaseView view, Contact contact, Model model) {
        model.addAttribute("c", view);
        model.addAttribute("contact", contact);
        model.addAttribute("editable", view.editable());
        model.addAttribute("statuses", ContactForms.CHOSEN_STATUSES);
        model.addAttribute("stepKey", contact.type().stepKey());
        model.addAttribute("endangers", endangers(contact));
        return "cooperation/contact-status";
    }

    /** A home-country contact assessed as one that could put the child or a family member in danger. */
    static boolean endangers(Contact contact) {
        return contact.type() == ContactType.HOME_COUNTRY_UD && "YES".equals(contact.fields().get("contactMayEndanger"));
    }

    // -- the day's queued contacts --

    @GetMapping("/contacts/queued")
    @Audited(action = AuditAction.SEARCH, recordType = "CASE")
    String queued(@AuthenticationPrincipal CurrentUser user, Model model) {
        LocalDate today = LocalDate.now(clock.withZone(ContactForms.SWEDEN));
        List<Cooperation.QueuedContact> queued = cooperation.queued(access.scope(user), today);
        model.addAttribute("queued", queued);
        model.addAttribute("today", today);
        model.addAttribute("now", clock.instant());
        return "cooperation/queued";
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ContactForms.SWEDEN)).withSecond(0).withNano(0);
    }
}
