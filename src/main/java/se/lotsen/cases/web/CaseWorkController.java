package se.lotsen.cases.web;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.lotsen.access.CurrentUser;
import se.lotsen.audit.AuditAction;
import se.lotsen.audit.AuditContext;
import se.lotsen.audit.AuditOutcome;
import se.lotsen.audit.Audited;
import se.lotsen.cases.CaseAccess;
import se.lotsen.cases.CaseGrant;
import se.lotsen.cases.CaseId;
import se.lotsen.cases.CaseView;
import se.lotsen.cases.Cases;
import se.lotsen.cases.StepActions;
import se.lotsen.cases.StepNotOffered;
import se.lotsen.cases.WriteGrant;
import se.lotsen.common.ConcurrentChangeException;
import se.lotsen.common.FieldProblems;
import se.lotsen.common.FormErrors;
import se.lotsen.common.NotFoundException;
import se.lotsen.persons.Countries;
import se.lotsen.persons.IdentityKind;
import se.lotsen.persons.Person;
import se.lotsen.persons.PersonDetails;
import se.lotsen.persons.ProtectedIdentity;
import se.lotsen.persons.Sex;
import se.lotsen.routines.Checklist;
import se.lotsen.routines.ChecklistItem;
import se.lotsen.routines.LinkedStep;

/** Working a case: a checklist step, the journal, and the person's details. */
@Controller
@RequestMapping("/cases/{id}")
class CaseWorkController {

    private final Cases cases;
    private final CaseAccess access;
    private final Clock clock;

    CaseWorkController(Cases cases, CaseAccess access, Clock clock) {
        this.cases = cases;
        this.access = access;
        this.clock = clock;
    }

    @GetMapping("/steps/{key}")
    @Audited(action = AuditAction.READ, recordType = "CASE", idParam = "id")
    String step(@PathVariable UUID id, @PathVariable String key, @AuthenticationPrincipal CurrentUser user,
                Model model) {
        CaseGrant grant = access.read(new CaseId(id), user);
        CaseView view = cases.view(grant);
        Checklist checklist = cases.checklist(grant);
        ChecklistItem item = checklist.item(key).filter(ChecklistItem::visible)
                .orElseThrow(() -> new NotFoundException("step"));
        model.addAttribute("stepForm", new StepForm(null, item.reason() == null ? "" : item.reason(),
                new LinkedHashMap<>(item.fieldValues()), item.version()));
        return stepView(view, checklist, item, model);
    }

    @PostMapping("/steps/{key}")
    @Audited(action = AuditAction.UPDATE, recordType = "CASE", idParam = "id")
    String saveStep(@PathVariable UUID id, @PathVariable String key, @Valid @ModelAttribute("stepForm") StepForm form,
                    BindingResult result, @AuthenticationPrincipal CurrentUser user, Model model,
                    RedirectAttributes redirect) {
        WriteGrant grant = access.write(new CaseId(id), user);
        CaseView view = cases.view(grant.grant());
        Checklist checklist = cases.checklist(grant.grant());
        ChecklistItem item = checklist.item(key).filter(ChecklistItem::visible)
                .orElseThrow(() -> new NotFoundException("step"));
        if (form.status() == null) {
            FormErrors.reject(result, "status", "validation.required");
        } else if (!result.hasErrors()) {
            try {
                // StepActions decides (in Cases): a linked step is never ticked done by hand; a stale click (someone
                // else closed the step) is refused, never a contradiction.
                cases.changeStep(grant, key, form.status(), form.reason(), form.fields(), form.version());
                AuditContext.detail("step " + key + " " + form.status());
                redirect.addFlashAttribute("flash", "flash.step." + form.status());
                redirect.addFlashAttribute("flashArg", item.step().title());
                // Back to the step's phase of the checklist, kept open, so the worker keeps their place.
                redirect.addFlashAttribute(CaseController.SECTION, CaseController.CHECKLIST);
                redirect.addFlashAttribute(CaseController.PHASE, item.phaseKey());
                return "redirect:/cases/" + id + "#" + CaseController.phaseAnchor(item.phaseKey());
            } catch (ConcurrentChangeException changed) {
                // Someone else changed the step: the page shows it as it is now (their status, fields, reason) beside
                // what this worker sent, which stays in the form; the form takes the new version for a second try.
                FormErrors.apply(changed, result);
                AuditContext.outcome(AuditOutcome.FAILED);
                CaseView now = cases.view(access.read(new CaseId(id), user));
                Checklist current = cases.checklist(now.grant());
                ChecklistItem currentItem = current.item(key).filter(ChecklistItem::visible)
                        .orElseThrow(() -> new NotFoundException("step"));
                model.addAttribute("conflict", form);
                return stepView(now, current, currentItem, model);
            } catch (FieldProblems problems) {
                FormErrors.apply(problems, result);
            }
        }
        AuditContext.outcome(AuditOutcome.FAILED);
        return stepView(view, checklist, item, model);
    }

    /**
     * Performs the step "Tilldela reservnummer": the person gets a reservnummer and the step is done, with the number
     * as its recorded text. A second press (or a person who already has a number) is refused on the step page.
     */
    @PostMapping("/steps/reservnummer/assign")
    @Audited(action = AuditAction.UPDATE, recordType = "CASE", idParam = "id")
    String assignReservnummer(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, Model model,
                              RedirectAttributes redirect) {
        WriteGrant grant = access.write(new CaseId(id), user);
        try {
            String number = cases.assignReservnummer(grant);
            AuditContext.detail("step reservnummer DONE: reservnummer assigned");
            redirect.addFlashAttribute("flash", "flash.step.reservnummer");
            redirect.addFlashAttribute("flashArg", number);
            return "redirect:/cases/" + id + "/steps/" + LinkedStep.RESERVNUMMER.key();
        } catch (StepNotOffered refused) {
            AuditContext.outcome(AuditOutcome.FAILED);
            // Read again: the step and the person are as they are now (e.g. the number from the first press).
            CaseGrant now = access.read(new CaseId(id), user);
            CaseView view = cases.view(now);
            Checklist checklist = cases.checklist(now);
            ChecklistItem item = checklist.item(LinkedStep.RESERVNUMMER.key()).filter(ChecklistItem::visible)
                    .orElseThrow(() -> new NotFoundException("step"));
            StepForm form = new StepForm(null, "", new LinkedHashMap<>(), item.version());
            BindingResult result = new BeanPropertyBindingResult(form, "stepForm");
            FormErrors.reject(result, "status", refused.messageKey());
            model.addAttribute("stepForm", form);
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "stepForm", result);
            return stepView(view, checklist, item, model);
        }
    }

    private String stepView(CaseView view, Checklist checklist, ChecklistItem item, Model model) {
        model.addAttribute("c", view);
        model.addAttribute("checklist", checklist);
        model.addAttribute("item", item);
        model.addAttribute("actions", StepActions.of(item, view.grant()));
        model.addAttribute("stepLink", StepLinks.of(view.id().value(), item.key()).orElse(null));
        model.addAttribute("today", java.time.LocalDate.now(clock));
        return "cases/step";
    }

    @PostMapping("/journal")
    @Audited(action = AuditAction.UPDATE, recordType = "CASE", idParam = "id")
    String addJournalEntry(@PathVariable UUID id, @Valid @ModelAttribute("journalForm") JournalForm form,
                           BindingResult result, @AuthenticationPrincipal CurrentUser user, Model model,
                           RedirectAttributes redirect, HttpServletRequest request) {
        WriteGrant grant = access.write(new CaseId(id), user);
        CaseView view = cases.view(grant.grant());
        // All problems at once: the journal's rules run also when the time did not convert or the text is missing.
        JournalForm sent = form != null ? form : FormErrors.lenient(JournalForm.class, result, request);
        if (result.hasErrors()) {
            // Values refused already are left out of the check: nothing refused reaches the service.
            JournalForm checked = FormErrors.lenient(JournalForm.class, result, request);
            FormErrors.check(result, () -> cases.checkJournalEntry(grant, checked.occurredAt() == null ? null
                    : checked.occurredAt().atZone(CaseController.SWEDEN).toInstant(), checked.text(), checked.corrects()));
        } else {
            try {
                cases.addJournalEntry(grant, form.occurredAt().atZone(CaseController.SWEDEN).toInstant(),
                        form.text(), form.corrects());
                AuditContext.detail(form.corrects() == null ? "journal entry" : "journal correction");
                redirect.addFlashAttribute("flash", "flash.journal.signed");
                return CaseController.backTo(id, CaseController.JOURNAL, redirect);
            } catch (FieldProblems problems) {
                FormErrors.apply(problems, result);
            }
        }
        AuditContext.outcome(AuditOutcome.FAILED);
        FormErrors.inOrder(model, result, sent);
        model.addAttribute("c", view);
        return "cases/journal";
    }

    @GetMapping("/journal/new")
    @Audited(action = AuditAction.READ, recordType = "CASE", idParam = "id")
    String journalForm(@PathVariable UUID id, @RequestParam(required = false) UUID corrects,
                       @AuthenticationPrincipal CurrentUser user, Model model) {
        CaseView view = cases.view(access.write(new CaseId(id), user).grant());
        if (corrects != null && view.journal().stream().noneMatch(e -> e.id().equals(corrects))) {
            throw new NotFoundException("journal entry");
        }
        model.addAttribute("c", view);
        model.addAttribute("journalForm", new JournalForm(
                LocalDateTime.now(clock.withZone(CaseController.SWEDEN)).withSecond(0).withNano(0), "", corrects));
        return "cases/journal";
    }

    @GetMapping("/person")
    @Audited(action = AuditAction.READ, recordType = "CASE", idParam = "id")
    String personForm(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, Model model) {
        CaseView view = cases.view(access.write(new CaseId(id), user).grant());
        model.addAttribute("personDetails", PersonForm.of(view.person(), view.visibleAddress()));
        return personView(view, model);
    }

    @PostMapping("/person")
    @Audited(action = AuditAction.UPDATE, recordType = "CASE", idParam = "id")
    String savePerson(@PathVariable UUID id, @Valid @ModelAttribute("personDetails") PersonForm form,
                      BindingResult result, @AuthenticationPrincipal CurrentUser user, Model model,
                      RedirectAttributes redirect, HttpServletRequest request) {
        WriteGrant grant = access.write(new CaseId(id), user);
        CaseView view = cases.view(grant.grant());
        // All problems at once: the person's rules (the identity number, lowering a protection) run too.
        PersonForm sent = form != null ? form : FormErrors.lenient(PersonForm.class, result, request);
        if (result.hasErrors()) {
            // Values refused already are left out of the check: nothing refused reaches the service.
            PersonForm checked = FormErrors.lenient(PersonForm.class, result, request);
            FormErrors.check(result, () -> cases.checkPerson(grant, checked.details(), checked.protectionReason()));
        } else {
            try {
                // Without the right to see it, the address was never shown and stays as it is (Cases decides).
                cases.updatePerson(grant, form.details(), form.version(), form.protectionReason());
                redirect.addFlashAttribute("flash", "flash.case.person");
                redirect.addFlashAttribute(CaseController.SECTION, CaseController.FACTS);
                return "redirect:/cases/" + id + "#person";
            } catch (FieldProblems problems) {
                FormErrors.apply(problems, result);
            }
        }
        AuditContext.outcome(AuditOutcome.FAILED);
        FormErrors.inOrder(model, result, sent);
        return personView(view, model);
    }

    private String personView(CaseView view, Model model) {
        model.addAttribute("c", view);
        model.addAttribute("identityKinds", IdentityKind.values());
        model.addAttribute("sexes", Sex.values());
        model.addAttribute("protectionLevels", ProtectedIdentity.values());
        model.addAttribute("countries", Countries.all(CaseController.locale()));
        return "cases/person";
    }

    /**
     * Setting a step's status, with a reason and the step's fields; {@code version} is the step's version the form
     * showed (its optimistic lock; absent from an old page: the step is taken as it is).
     */
    public record StepForm(ChecklistItem.Status status, String reason, Map<String, String> fields, Integer version) {
        public StepForm {
            fields = fields == null ? new LinkedHashMap<>() : fields;
        }
    }

    /** A journal entry; {@code corrects} when it corrects an earlier one. */
    public record JournalForm(
            @NotNull(message = "{validation.required}") LocalDateTime occurredAt,
            @jakarta.validation.constraints.NotBlank(message = "{validation.required}")
            @Size(max = 20000, message = "{validation.size.max}") String text,
            UUID corrects) {
    }
}
