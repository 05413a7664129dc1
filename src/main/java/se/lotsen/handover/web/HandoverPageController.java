package se.lotsen.handover.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
import se.lotsen.calendar.SwedishCalendar;
import se.lotsen.access.AccountId;
import se.lotsen.cases.CaseAccess;
import se.lotsen.cases.CaseId;
import se.lotsen.cases.WriteGrant;
import se.lotsen.cases.CaseStatus;
import se.lotsen.cases.CaseView;
import se.lotsen.cases.Cases;
import se.lotsen.common.FieldProblems;
import se.lotsen.common.FormErrors;
import se.lotsen.handover.Handover;
import se.lotsen.handover.HandoverPackage;
import se.lotsen.handover.HandoverPackages;
import se.lotsen.handover.Handovers;
import se.lotsen.organisation.Organisation;
import se.lotsen.organisation.Unit;
import se.lotsen.organisation.UnitKind;

/**
 * Handing a case over (to a district, back to a jour, or on), the handover package as a page and as PDF, the
 * receiving unit's acknowledgement and assignment, and the unit's queue of incoming handovers.
 */
@Controller
class HandoverPageController {

    private final Handovers handovers;
    private final HandoverPackages packages;
    private final HandoverPdf pdf;
    private final HandoverViews views;
    private final Cases cases;
    private final CaseAccess access;
    private final Organisation organisation;

    HandoverPageController(Handovers handovers, HandoverPackages packages, HandoverPdf pdf, HandoverViews views,
                           Cases cases, CaseAccess access, Organisation organisation) {
        this.access = access;
        this.handovers = handovers;
        this.packages = packages;
        this.pdf = pdf;
        this.views = views;
        this.cases = cases;
        this.organisation = organisation;
    }

    /** The handover form: to which unit, and why. */
    public record HandoverForm(String toUnit, @Size(max = 2000, message = "{validation.size.max}") String reason) {
    }

    /** The units a case can be handed to: the districts, and the jours (for handing back). */
    public record UnitChoices(List<Unit> districts, List<Unit> jours) {
    }

    /** A row of the unit's queue: the handover, how long ago, and whether receipt is late. */
    public record QueueRow(Handover handover, String age, boolean late) {
    }

    // -- the handover page: receipt, assignment, who held the case when --

    @GetMapping("/cases/{id}/handover")
    @Audited(action = AuditAction.READ, recordType = "CASE", idParam = "id")
    String show(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, Model model) {
        return showView(cases.view(access.read(new CaseId(id), user)), user, model);
    }

    private String showView(CaseView view, CurrentUser user, Model model) {
        model.addAttribute("c", view);
        model.addAttribute("pm", views.model(view, user));
        return "handover/show";
    }

    @PostMapping("/cases/{id}/handover/acknowledge")
    @Audited(action = AuditAction.UPDATE, recordType = "CASE", idParam = "id")
    String acknowledge(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, Model model,
                       RedirectAttributes redirect) {
        WriteGrant grant = access.write(new CaseId(id), user);
        CaseView view = cases.view(grant.grant());
        try {
            Handover h = handovers.acknowledge(grant);
            AuditContext.detail("handover acknowledged");
            redirect.addFlashAttribute("flash", "flash.handover.acknowledged");
            redirect.addFlashAttribute("flashArg", h.to().name());
            redirect.addFlashAttribute("section", "handover"); // the case page marks the section as current
            return "redirect:/cases/" + id + "#handover";
        } catch (FieldProblems problems) {
            AuditContext.outcome(AuditOutcome.FAILED);
            model.addAttribute("acknowledgeError", problems.problems().get(0).messageKey());
            return showView(view, user, model);
        }
    }

    @PostMapping("/cases/{id}/handover/assign")
    @Audited(action = AuditAction.UPDATE, recordType = "CASE", idParam = "id")
    String assign(@PathVariable UUID id, @RequestParam(required = false) String caseWorker,
                  @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        WriteGrant grant = access.write(new CaseId(id), user);
        CaseView view = cases.view(grant.grant());
        try {
            UUID worker = parseId(caseWorker);
            Handover h = handovers.assign(grant, worker == null ? null : new AccountId(worker));
            AuditContext.detail("assigned " + h.assignedTo());
            redirect.addFlashAttribute("flash", "flash.handover.assigned");
            redirect.addFlashAttribute("flashArg", h.assignedToName());
            redirect.addFlashAttribute("section", "handover"); // the case page marks the section as current
            return "redirect:/cases/" + id + "#handover";
        } catch (FieldProblems problems) {
            AuditContext.outcome(AuditOutcome.FAILED);
            model.addAttribute("assignError", problems.problems().get(0).messageKey());
            return showView(view, user, model);
        }
    }

    // -- handing over --

    @GetMapping("/cases/{id}/handover/new")
    @Audited(action = AuditAction.READ, recordType = "CASE", idParam = "id")
    String newHandover(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, Model model) {
        CaseView view = cases.view(access.write(new CaseId(id), user).grant());
        model.addAttribute("handoverForm", new HandoverForm("", ""));
        return formView(view, model);
    }

    @PostMapping("/cases/{id}/handover/new")
    @Audited(action = AuditAction.UPDATE, recordType = "CASE", idParam = "id")
    String handOver(@PathVariable UUID id, @Valid @ModelAttribute("handoverForm") HandoverForm form,
                    BindingResult result, @AuthenticationPrincipal CurrentUser user, Model model,
                    RedirectAttributes redirect, HttpServletRequest request) {
        WriteGrant grant = access.write(new CaseId(id), user);
        CaseView view = cases.view(grant.grant());
        if (result.hasErrors()) {
            // All problems at once: the service's rules (the unit, the reason) run too, on the values not refused
            // already (nothing refused reaches the database).
            HandoverForm checked = FormErrors.lenient(HandoverForm.class, result, request);
            FormErrors.check(result, () -> {
                try {
                    handovers.checkHandOver(grant, checked.toUnit(), checked.reason());
                } catch (FieldProblems problems) {
                    throw atForm(problems);
                }
            });
        } else {
            try {
                Handover h = handovers.handOver(grant, form.toUnit(), form.reason());
                AuditContext.detail("handed over to " + h.to().code());
                redirect.addFlashAttribute("flash", "flash.handover.done");
                redirect.addFlashAttribute("flashArg", h.to().name());
                return "redirect:/cases/" + id + "/handover/package";
            } catch (FieldProblems problems) {
                FormErrors.apply(atForm(problems), result);
            }
        }
        AuditContext.outcome(AuditOutcome.FAILED);
        FormErrors.inOrder(model, result, form);
        return formView(view, model);
    }

    /** The problems at the form's fields: one about something the form has no field for is shown at the unit. */
    private static FieldProblems atForm(FieldProblems problems) {
        return new FieldProblems(problems.problems().stream()
                .map(p -> p.field().equals("reason") ? p
                        : new FieldProblems.Problem("toUnit", p.messageKey(), p.args())).toList());
    }

    private String formView(CaseView view, Model model) {
        List<Unit> units = organisation.activeUnits().stream()
                .filter(u -> !u.id().equals(view.unit().id())).toList();
        model.addAttribute("c", view);
        model.addAttribute("mayHandOver", view.holdingUnit()
                && (view.status() == CaseStatus.OPEN || view.status() == CaseStatus.HANDED_OVER));
        model.addAttribute("units", new UnitChoices(
                units.stream().filter(u -> u.kind() == UnitKind.DISTRICT).toList(),
                units.stream().filter(u -> u.kind() == UnitKind.JOUR).toList()));
        return "handover/new";
    }

    // -- the package --

    @GetMapping("/cases/{id}/handover/package")
    @Audited(action = AuditAction.READ, recordType = "CASE", idParam = "id")
    String packagePage(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, Model model) {
        HandoverPackage p = packages.build(access.read(new CaseId(id), user));
        model.addAttribute("p", p);
        model.addAttribute("c", p.caseView());
        model.addAttribute("today", SwedishCalendar.swedishDate(p.generatedAt()));
        return "handover/handover-package"; // not package.html: the jar plugin leaves such files out
    }

    @GetMapping(value = "/cases/{id}/handover/package.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Audited(action = AuditAction.EXPORT, recordType = "CASE", idParam = "id")
    ResponseEntity<byte[]> packagePdf(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
        HandoverPdf.Rendered rendered = pdf.render(access.read(new CaseId(id), user));
        AuditContext.detail("handover package PDF");
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(rendered.filename()).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(rendered.bytes());
    }

    // -- the unit's queue --

    @GetMapping("/handovers")
    @Audited(action = AuditAction.SEARCH, recordType = "CASE")
    String queue(@AuthenticationPrincipal CurrentUser user, Model model) {
        Locale locale = LocaleContextHolder.getLocale();
        List<QueueRow> rows = handovers.incoming(access.scope(user)).stream()
                .map(h -> new QueueRow(h, views.age(h.handedOverAt(), locale), h.late(views.now()))).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("unit", user.unit());
        model.addAttribute("waiting", rows.stream().filter(r -> !r.handover().acknowledged()).count());
        model.addAttribute("lateCount", rows.stream().filter(QueueRow::late).count());
        return "handover/queue";
    }

    private static UUID parseId(String id) {
        try {
            return id == null || id.isBlank() ? null : UUID.fromString(id.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
