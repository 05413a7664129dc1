package se.lotsen.grants.web;

import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;
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
import se.lotsen.audit.NotAudited;
import se.lotsen.common.FormErrors;
import se.lotsen.common.NotFoundException;
import se.lotsen.common.Paging;
import se.lotsen.grants.Deliverable;
import se.lotsen.grants.Grant;
import se.lotsen.grants.GrantAccess;
import se.lotsen.grants.GrantReports;
import se.lotsen.grants.Grants;
import se.lotsen.grants.Payment;
import se.lotsen.grants.web.GrantForms.ConfirmFormData;
import se.lotsen.grants.web.GrantForms.DeliverableFormData;
import se.lotsen.grants.web.GrantForms.GrantFormData;
import se.lotsen.grants.web.GrantForms.PaymentFormData;
import se.lotsen.grants.web.GrantForms.ReportStatusFormData;

/**
 * Grants: the list, a grant with its deliverables, payments and the report's status, and the forms that change them.
 * The method developer manages grants; unit managers, duty leads and auditors read them ({@link GrantAccess}).
 */
@Controller
@RequestMapping("/grants")
class GrantController {

    static final String NO_PERSONAL_DATA = "grants are organisational data: funders, amounts, deliverables and the "
            + "report to the funder; no case or person data";

    private final Grants grants;
    private final GrantReports reports;

    GrantController(Grants grants, GrantReports reports) {
        this.grants = grants;
        this.reports = reports;
    }

    // -- the list --

    @GetMapping
    @NotAudited(NO_PERSONAL_DATA)
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
                @AuthenticationPrincipal CurrentUser user, Model model) {
        GrantAccess.requireReader(user);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("result", grants.search(q, Paging.of(page, null)));
        model.addAttribute("mayManage", GrantAccess.mayManage(user));
        model.addAttribute("baseUrl", UriComponentsBuilder.fromPath("/grants")
                .queryParamIfPresent("q", Optional.ofNullable(q).filter(s -> !s.isBlank())).encode().toUriString());
        return "grants/list";
    }

    // -- a grant --

    @GetMapping("/new")
    @NotAudited(NO_PERSONAL_DATA)
    String newGrant(@AuthenticationPrincipal CurrentUser user, Model model) {
        GrantAccess.requireManager(user);
        model.addAttribute("grantForm", GrantFormData.empty());
        return formView(null, model);
    }

    @PostMapping("/new")
    @NotAudited(NO_PERSONAL_DATA)
    String create(@Valid @ModelAttribute("grantForm") GrantFormData form, BindingResult result,
                  @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        GrantAccess.requireManager(user);
        Grants.GrantForm toSave = form.toForm(result);
        Grant saved = GrantForms.saveOrCheck(result, () -> grants.check(toSave, null),
                () -> grants.create(toSave, user.displayName()));
        if (saved != null) {
            redirect.addFlashAttribute("flash", "flash.grant.created");
            redirect.addFlashAttribute("flashArg", saved.name());
            return "redirect:/grants/" + saved.id();
        }
        FormErrors.inOrder(model, result, form);
        return formView(null, model);
    }

    @GetMapping("/{id}")
    @NotAudited(NO_PERSONAL_DATA)
    String show(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, Model model) {
        GrantAccess.requireReader(user);
        return showView(grants.get(id), user, model);
    }

    @GetMapping("/{id}/edit")
    @NotAudited(NO_PERSONAL_DATA)
    String edit(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, Model model) {
        GrantAccess.requireManager(user);
        Grant grant = grants.get(id);
        model.addAttribute("grantForm", GrantFormData.of(grant));
        return formView(grant, model);
    }

    @PostMapping("/{id}/edit")
    @NotAudited(NO_PERSONAL_DATA)
    String update(@PathVariable UUID id, @Valid @ModelAttribute("grantForm") GrantFormData form, BindingResult result,
                  @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        GrantAccess.requireManager(user);
        Grant grant = grants.get(id);
        Grants.GrantForm toSave = form.toForm(result);
        Grant saved = GrantForms.saveOrCheck(result, () -> grants.check(toSave, grant),
                () -> grants.update(id, GrantForms.version(form.version()), toSave, user.displayName()));
        if (saved != null) {
            redirect.addFlashAttribute("flash", "flash.grant.saved");
            redirect.addFlashAttribute("flashArg", saved.name());
            return "redirect:/grants/" + id;
        }
        GrantForms.freshVersion(model, result, grants.get(id).version());
        FormErrors.inOrder(model, result, form);
        return formView(grant, model);
    }

    private String formView(Grant grant, Model model) {
        model.addAttribute("grant", grant);
        model.addAttribute("heldBackKinds", Grant.HeldBackKind.values());
        return "grants/form";
    }

    private String showView(Grant grant, CurrentUser user, Model model) {
        model.addAttribute("grant", grant);
        model.addAttribute("deliverables", grants.deliverables(grant.id()));
        model.addAttribute("payments", grants.payments(grant.id()));
        model.addAttribute("drafted", !reports.sections(grant.id()).isEmpty());
        model.addAttribute("mayManage", GrantAccess.mayManage(user));
        String version = Integer.toString(grant.version());
        if (!model.containsAttribute("submittedForm")) {
            model.addAttribute("submittedForm", new ReportStatusFormData("", version));
        }
        if (!model.containsAttribute("approvedForm")) {
            model.addAttribute("approvedForm", new ReportStatusFormData("", version));
        }
        return "grants/show";
    }

    // -- the report's status --

    @PostMapping("/{id}/report/submitted")
    @NotAudited(NO_PERSONAL_DATA)
    String reportSubmitted(@PathVariable UUID id, @Valid @ModelAttribute("submittedForm") ReportStatusFormData form,
                           BindingResult result, @AuthenticationPrincipal CurrentUser user, Model model,
                           RedirectAttributes redirect) {
        return reportStatus(id, form, result, user, model, redirect,
                (version, on) -> grants.reportSubmitted(id, version, on, user.displayName()),
                "flash.grant.reportSubmitted", Grant::name);
    }

    @PostMapping("/{id}/report/approved")
    @NotAudited(NO_PERSONAL_DATA)
    String reportApproved(@PathVariable UUID id, @Valid @ModelAttribute("approvedForm") ReportStatusFormData form,
                          BindingResult result, @AuthenticationPrincipal CurrentUser user, Model model,
                          RedirectAttributes redirect) {
        return reportStatus(id, form, result, user, model, redirect,
                (version, on) -> grants.reportApproved(id, version, on, user.displayName()),
                "flash.grant.reportApproved", saved -> se.lotsen.grants.SekAmount.format(saved.heldBackRemaining()));
    }

    /** A step of the report's status (submitted, approved) on a day: the same form, check and answer for each. */
    private String reportStatus(UUID id, ReportStatusFormData form, BindingResult result, CurrentUser user, Model model,
                                RedirectAttributes redirect,
                                java.util.function.BiFunction<Integer, java.time.LocalDate, Grant> step, String flash,
                                java.util.function.Function<Grant, String> flashArg) {
        GrantAccess.requireManager(user);
        Grant grant = grants.get(id);
        java.time.LocalDate on = GrantForms.date(form.on(), "on", result);
        Grant saved = result.hasErrors() ? null : GrantForms.saveOrCheck(result, () -> { },
                () -> step.apply(GrantForms.version(form.version()), on));
        if (saved != null) {
            redirect.addFlashAttribute("flash", flash);
            redirect.addFlashAttribute("flashArg", flashArg.apply(saved));
            return "redirect:/grants/" + id + "#report";
        }
        return showView(grant, user, model);
    }

    // -- deliverables --

    @GetMapping("/{id}/deliverables/new")
    @NotAudited(NO_PERSONAL_DATA)
    String newDeliverable(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, Model model) {
        GrantAccess.requireManager(user);
        model.addAttribute("deliverableForm", DeliverableFormData.empty());
        return deliverableView(grants.get(id), null, model);
    }

    @PostMapping("/{id}/deliverables/new")
    @NotAudited(NO_PERSONAL_DATA)
    String addDeliverable(@PathVariable UUID id, @Valid @ModelAttribute("deliverableForm") DeliverableFormData form,
                          BindingResult result, @AuthenticationPrincipal CurrentUser user, Model model,
                          RedirectAttributes redirect) {
        GrantAccess.requireManager(user);
        Grant grant = grants.get(id);
        Grants.DeliverableForm toSave = form.toForm(result);
        Deliverable saved = GrantForms.saveOrCheck(result, () -> grants.check(toSave),
                () -> grants.addDeliverable(id, toSave, user.displayName()));
        if (saved != null) {
            redirect.addFlashAttribute("flash", "flash.grant.deliverableAdded");
            redirect.addFlashAttribute("flashArg", saved.description());
            return "redirect:/grants/" + id + "#deliverables";
        }
        FormErrors.inOrder(model, result, form);
        return deliverableView(grant, null, model);
    }

    @GetMapping("/{id}/deliverables/{deliverableId}")
    @NotAudited(NO_PERSONAL_DATA)
    String editDeliverable(@PathVariable UUID id, @PathVariable UUID deliverableId,
                           @AuthenticationPrincipal CurrentUser user, Model model) {
        GrantAccess.requireManager(user);
        Grant grant = grants.get(id);
        Deliverable d = grants.deliverable(id, deliverableId).orElseThrow(() -> new NotFoundException("deliverable"));
        model.addAttribute("deliverableForm", DeliverableFormData.of(d));
        return deliverableView(grant, d, model);
    }

    @PostMapping("/{id}/deliverables/{deliverableId}")
    @NotAudited(NO_PERSONAL_DATA)
    String updateDeliverable(@PathVariable UUID id, @PathVariable UUID deliverableId,
                             @Valid @ModelAttribute("deliverableForm") DeliverableFormData form, BindingResult result,
                             @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        GrantAccess.requireManager(user);
        Grant grant = grants.get(id);
        Deliverable d = grants.deliverable(id, deliverableId).orElseThrow(() -> new NotFoundException("deliverable"));
        Grants.DeliverableForm toSave = form.toForm(result);
        Deliverable saved = GrantForms.saveOrCheck(result, () -> grants.check(toSave),
                () -> grants.updateDeliverable(id, deliverableId, GrantForms.version(form.version()), toSave,
                        user.displayName()));
        if (saved != null) {
            redirect.addFlashAttribute("flash", "flash.grant.deliverableSaved");
            redirect.addFlashAttribute("flashArg", saved.description());
            return "redirect:/grants/" + id + "#deliverables";
        }
        grants.deliverable(id, deliverableId).ifPresent(fresh -> GrantForms.freshVersion(model, result, fresh.version()));
        FormErrors.inOrder(model, result, form);
        return deliverableView(grant, d, model);
    }

    private String deliverableView(Grant grant, Deliverable deliverable, Model model) {
        model.addAttribute("grant", grant);
        model.addAttribute("deliverable", deliverable);
        model.addAttribute("kinds", Deliverable.Kind.values());
        model.addAttribute("statuses", Deliverable.Status.values());
        return "grants/deliverable";
    }

    // -- payments --

    @GetMapping("/{id}/payments/new")
    @NotAudited(NO_PERSONAL_DATA)
    String newPayment(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, Model model) {
        GrantAccess.requireManager(user);
        model.addAttribute("paymentForm", new PaymentFormData("", "", ""));
        return paymentView(grants.get(id), model);
    }

    @PostMapping("/{id}/payments/new")
    @NotAudited(NO_PERSONAL_DATA)
    String addPayment(@PathVariable UUID id, @Valid @ModelAttribute("paymentForm") PaymentFormData form, BindingResult result,
                      @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        GrantAccess.requireManager(user);
        Grant grant = grants.get(id);
        Grants.PaymentForm toSave = form.toForm(result);
        Payment saved = GrantForms.saveOrCheck(result, () -> grants.check(grant, toSave),
                () -> grants.addPayment(id, toSave, user.displayName()));
        if (saved != null) {
            redirect.addFlashAttribute("flash", "flash.grant.paymentAdded");
            redirect.addFlashAttribute("flashArg", se.lotsen.grants.SekAmount.format(saved.amount()));
            return "redirect:/grants/" + id + "#payments";
        }
        FormErrors.inOrder(model, result, form);
        return paymentView(grant, model);
    }

    private String paymentView(Grant grant, Model model) {
        model.addAttribute("grant", grant);
        return "grants/payment";
    }

    @GetMapping("/{id}/payments/{paymentId}/remove")
    @NotAudited(NO_PERSONAL_DATA)
    String confirmRemovePayment(@PathVariable UUID id, @PathVariable UUID paymentId,
                                @AuthenticationPrincipal CurrentUser user, Model model) {
        GrantAccess.requireManager(user);
        Grant grant = grants.get(id);
        model.addAttribute("confirmForm", new ConfirmFormData(Integer.toString(grant.version())));
        return removePaymentView(grant, payment(id, paymentId), model);
    }

    @PostMapping("/{id}/payments/{paymentId}/remove")
    @NotAudited(NO_PERSONAL_DATA)
    String removePayment(@PathVariable UUID id, @PathVariable UUID paymentId,
                         @Valid @ModelAttribute("confirmForm") ConfirmFormData form, BindingResult result,
                         @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        GrantAccess.requireManager(user);
        Grant grant = grants.get(id);
        Payment payment = payment(id, paymentId);
        Boolean removed = GrantForms.saveOrCheck(result, () -> { }, () -> {
            grants.removePayment(id, paymentId, GrantForms.version(form.version()), user.displayName());
            return Boolean.TRUE;
        });
        if (removed != null) {
            redirect.addFlashAttribute("flash", "flash.grant.paymentRemoved");
            redirect.addFlashAttribute("flashArg", se.lotsen.grants.SekAmount.format(payment.amount()));
            return "redirect:/grants/" + id + "#payments";
        }
        GrantForms.freshVersion(model, result, grants.get(id).version());
        return removePaymentView(grants.get(id), payment, model);
    }

    private Payment payment(UUID grantId, UUID paymentId) {
        return grants.payments(grantId).stream().filter(p -> p.id().equals(paymentId)).findFirst()
                .orElseThrow(() -> new NotFoundException("payment"));
    }

    private String removePaymentView(Grant grant, Payment payment, Model model) {
        model.addAttribute("grant", grant);
        model.addAttribute("payment", payment);
        return "grants/remove-payment";
    }
}
