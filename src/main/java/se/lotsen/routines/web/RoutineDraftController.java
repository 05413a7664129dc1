package se.lotsen.routines.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

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

import se.lotsen.access.CurrentUser;
import se.lotsen.audit.NotAudited;
import se.lotsen.common.FieldProblems;
import se.lotsen.common.FormErrors;
import se.lotsen.common.NotFoundException;
import se.lotsen.routines.Condition;
import se.lotsen.routines.FieldType;
import se.lotsen.routines.Performer;
import se.lotsen.routines.LinkedStep;
import se.lotsen.routines.RoutineDocument;
import se.lotsen.routines.RoutineEditing;
import se.lotsen.routines.RoutineVersion;
import se.lotsen.routines.Routines;

/**
 * The method developer's draft of a routine: create it as a copy of the published version, add, change, move and
 * remove steps, preview it with the differences, and publish it with a change note (or discard it). Open cases keep
 * the version they started with; only new cases get the published draft.
 */
@Controller
@RequestMapping("/routines/{key}/draft")
class RoutineDraftController {

    /** A step key that would collide with the address of the new-step form. */
    static final String RESERVED_KEY = "new";

    private final Routines routines;
    private final RoutineViews views;
    private final Flash flash;

    RoutineDraftController(Routines routines, RoutineViews views, Flash flash) {
        this.routines = routines;
        this.views = views;
        this.flash = flash;
    }

    @ModelAttribute("performers")
    Performer[] performers() {
        return Performer.values();
    }

    @ModelAttribute("fieldTypes")
    FieldType[] fieldTypes() {
        return FieldType.values();
    }

    @ModelAttribute("allConditions")
    Condition[] allConditions() {
        return Condition.values();
    }

    @PostMapping
    @NotAudited("routines are not personal data")
    String create(@PathVariable String key, @AuthenticationPrincipal CurrentUser user, Locale locale,
                  RedirectAttributes redirect) {
        RoutineAccess.requireMethodDeveloper(user);
        views.versions(key);
        boolean existed = routines.draft(key).isPresent();
        RoutineVersion draft = routines.createDraft(key, user.accountId());
        if (!existed) {
            flash.put(redirect, locale, "routines.flash.draftCreated", draft.number(), draft.number() - 1);
        }
        return redirectToDraft(key, null);
    }

    @GetMapping
    @NotAudited("routines are not personal data")
    String editor(@PathVariable String key, @AuthenticationPrincipal CurrentUser user, Locale locale, Model model,
                  RedirectAttributes redirect) {
        RoutineAccess.requireMethodDeveloper(user);
        Optional<RoutineVersion> draft = routines.draft(key);
        if (draft.isEmpty()) {
            views.versions(key);
            flash.put(redirect, locale, "routines.flash.noDraft");
            return "redirect:/routines";
        }
        List<RoutineDocument.Step> steps = draft.get().document().allSteps();
        model.addAttribute("draft", draft.get());
        model.addAttribute("differences", views.differences(draft.get()));
        model.addAttribute("firstKey", steps.isEmpty() ? null : steps.get(0).key());
        model.addAttribute("lastKey", steps.isEmpty() ? null : steps.get(steps.size() - 1).key());
        return "routines/draft";
    }

    // -- steps --

    @GetMapping("/steps/new")
    @NotAudited("an empty form")
    String newStep(@PathVariable String key, @RequestParam String phase, @AuthenticationPrincipal CurrentUser user,
                   Model model) {
        RoutineAccess.requireMethodDeveloper(user);
        RoutineVersion draft = draft(key);
        model.addAttribute("stepForm", StepForm.empty());
        return stepView(draft, phase(draft, phase), null, model);
    }

    @PostMapping("/steps/new")
    @NotAudited("routines are not personal data")
    String addStep(@PathVariable String key, @RequestParam String phase,
                   @Valid @ModelAttribute("stepForm") StepForm form, BindingResult result,
                   @RequestParam(name = "row", required = false) String row,
                   @AuthenticationPrincipal CurrentUser user, Locale locale, Model model,
                   RedirectAttributes redirect) {
        RoutineAccess.requireMethodDeveloper(user);
        RoutineVersion draft = draft(key);
        RoutineDocument.Phase target = phase(draft, phase);
        if (changedRows(row, form, result, model)) {
            return stepView(draft, target, null, model);
        }
        String stepKey = form.key() == null ? "" : form.key().strip();
        if (stepKey.isEmpty()) {
            FormErrors.reject(result, "key", "validation.required");
        } else if (!stepKey.matches(RoutineEditing.KEY_PATTERN) || stepKey.length() > 64) {
            FormErrors.reject(result, "key", "validation.routine.stepKey");
        } else if (RESERVED_KEY.equals(stepKey)) {
            FormErrors.reject(result, "key", "validation.routine.stepKey.reserved");
        } else if (draft.document().step(stepKey).isPresent()) {
            FormErrors.reject(result, "key", "validation.routine.stepKey.taken");
        }
        RoutineDocument.Step step = toStep(stepKey, form, result);
        if (!result.hasErrors()) {
            try {
                routines.editDraft(key, doc -> RoutineEditing.addStep(doc, target.key(), step));
                flash.put(redirect, locale, "routines.flash.stepAdded", step.title(), target.title());
                return redirectToDraft(key, stepKey);
            } catch (FieldProblems problems) {
                FormErrors.apply(problems, result);
            }
        }
        return stepView(draft, target, null, model);
    }

    @GetMapping("/steps/{stepKey}")
    @NotAudited("routines are not personal data")
    String editStep(@PathVariable String key, @PathVariable String stepKey,
                    @AuthenticationPrincipal CurrentUser user, Locale locale, Model model) {
        RoutineAccess.requireMethodDeveloper(user);
        RoutineVersion draft = draft(key);
        RoutineDocument.Step step = step(draft, stepKey);
        model.addAttribute("stepForm", new StepForm(step.key(), step.title(), step.guidance(), step.performer(),
                step.conditions(), StepRows.referenceRows(step.legalReferences()),
                StepRows.fieldRows(step.fields())));
        return stepView(draft, draft.document().phaseOf(stepKey).orElseThrow(), step, model);
    }

    @PostMapping("/steps/{stepKey}")
    @NotAudited("routines are not personal data")
    String saveStep(@PathVariable String key, @PathVariable String stepKey,
                    @Valid @ModelAttribute("stepForm") StepForm form, BindingResult result,
                    @RequestParam(name = "row", required = false) String row,
                    @AuthenticationPrincipal CurrentUser user, Locale locale, Model model,
                    RedirectAttributes redirect) {
        RoutineAccess.requireMethodDeveloper(user);
        RoutineVersion draft = draft(key);
        RoutineDocument.Step existing = step(draft, stepKey);
        if (changedRows(row, form, result, model)) {
            return stepView(draft, draft.document().phaseOf(stepKey).orElseThrow(), existing, model);
        }
        RoutineDocument.Step step = toStep(stepKey, form, result);
        if (step != null && result.hasErrors()) {
            // The routine's own rules (a linked step's fields) in the same round as the form's problems.
            FormErrors.check(result, () -> RoutineEditing.checkChange(draft.document(), step));
        }
        if (!result.hasErrors()) {
            try {
                routines.editDraft(key, doc -> RoutineEditing.changeStep(doc, step));
                flash.put(redirect, locale, "routines.flash.stepSaved", step.title());
                return redirectToDraft(key, stepKey);
            } catch (FieldProblems problems) {
                FormErrors.apply(problems, result);
            }
        }
        return stepView(draft, draft.document().phaseOf(stepKey).orElseThrow(), existing, model);
    }

    @PostMapping("/steps/{stepKey}/move")
    @NotAudited("routines are not personal data")
    String moveStep(@PathVariable String key, @PathVariable String stepKey, @RequestParam String direction,
                    @AuthenticationPrincipal CurrentUser user, Locale locale, RedirectAttributes redirect) {
        RoutineAccess.requireMethodDeveloper(user);
        RoutineVersion draft = draft(key);
        RoutineDocument.Step step = step(draft, stepKey);
        boolean up = switch (direction) {
            case "up" -> true;
            case "down" -> false;
            default -> throw new NotFoundException("direction");
        };
        RoutineDocument moved = routines.editDraft(key, doc -> RoutineEditing.moveStep(doc, stepKey, up));
        RoutineDocument.Phase phase = moved.phaseOf(stepKey).orElseThrow();
        int place = phase.steps().stream().map(RoutineDocument.Step::key).toList().indexOf(stepKey) + 1;
        flash.put(redirect, locale, "routines.flash.stepMoved", step.title(), phase.title(), place);
        return redirectToDraft(key, stepKey);
    }

    @GetMapping("/steps/{stepKey}/remove")
    @NotAudited("routines are not personal data")
    String confirmRemoveStep(@PathVariable String key, @PathVariable String stepKey,
                             @AuthenticationPrincipal CurrentUser user, Model model) {
        RoutineAccess.requireMethodDeveloper(user);
        RoutineVersion draft = draft(key);
        model.addAttribute("draft", draft);
        model.addAttribute("step", step(draft, stepKey));
        model.addAttribute("phase", draft.document().phaseOf(stepKey).orElseThrow());
        model.addAttribute("linked", LinkedStep.of(stepKey).isPresent());
        return "routines/remove-step";
    }

    @PostMapping("/steps/{stepKey}/remove")
    @NotAudited("routines are not personal data")
    String removeStep(@PathVariable String key, @PathVariable String stepKey,
                      @AuthenticationPrincipal CurrentUser user, Locale locale, RedirectAttributes redirect) {
        RoutineAccess.requireMethodDeveloper(user);
        RoutineVersion draft = draft(key);
        RoutineDocument.Step step = step(draft, stepKey);
        try {
            routines.editDraft(key, doc -> RoutineEditing.removeStep(doc, stepKey));
        } catch (FieldProblems linkedStep) {
            // A step Lotsen completes by itself: the page says why; a forged request is sent back to it.
            return "redirect:/routines/" + key + "/draft/steps/" + stepKey + "/remove";
        }
        flash.put(redirect, locale, "routines.flash.stepRemoved", step.title());
        return redirectToDraft(key, null);
    }

    // -- preview, publish, discard --

    @GetMapping("/preview")
    @NotAudited("routines are not personal data")
    String preview(@PathVariable String key, @AuthenticationPrincipal CurrentUser user, Model model) {
        RoutineAccess.requireMethodDeveloper(user);
        model.addAttribute("publishForm", PublishForm.empty());
        return previewView(draft(key), model);
    }

    @PostMapping("/publish")
    @NotAudited("routines are not personal data")
    String publish(@PathVariable String key, @Valid @ModelAttribute("publishForm") PublishForm form,
                   BindingResult result, @AuthenticationPrincipal CurrentUser user, Locale locale, Model model,
                   RedirectAttributes redirect) {
        RoutineAccess.requireMethodDeveloper(user);
        RoutineVersion draft = draft(key);
        if (!result.hasErrors()) {
            try {
                RoutineVersion published = routines.publish(key, StepRows.normaliseNewlines(form.changeNote()),
                        user.accountId(), user.displayName());
                flash.put(redirect, locale, "routines.flash.published", published.number());
                return "redirect:/routines/versions/" + published.id();
            } catch (FieldProblems problems) {
                FormErrors.apply(problems, result);
            }
        }
        return previewView(draft, model);
    }

    @GetMapping("/discard")
    @NotAudited("routines are not personal data")
    String confirmDiscard(@PathVariable String key, @AuthenticationPrincipal CurrentUser user, Model model) {
        RoutineAccess.requireMethodDeveloper(user);
        RoutineVersion draft = draft(key);
        model.addAttribute("draft", draft);
        model.addAttribute("differences", views.differences(draft));
        return "routines/discard";
    }

    @PostMapping("/discard")
    @NotAudited("routines are not personal data")
    String discard(@PathVariable String key, @AuthenticationPrincipal CurrentUser user, Locale locale,
                   RedirectAttributes redirect) {
        RoutineAccess.requireMethodDeveloper(user);
        RoutineVersion draft = draft(key);
        routines.discardDraft(key);
        flash.put(redirect, locale, "routines.flash.discarded", draft.number());
        return "redirect:/routines";
    }

    // -- helpers --

    /**
     * The step the form describes, with the rows of references and fields read; problems go next to their
     * inputs. Returns {@code null} when a row could not be read.
     */
    private static RoutineDocument.Step toStep(String stepKey, StepForm form, BindingResult result) {
        FieldProblems.Collector collector = new FieldProblems.Collector();
        if (form == null || result.getTarget() == null) {
            return null;
        }
        List<RoutineDocument.LegalReference> references = StepRows.references(form.references(), collector);
        List<RoutineDocument.StepField> fields = StepRows.fields(form.fields(), collector);
        try {
            collector.throwIfAny();
        } catch (FieldProblems problems) {
            FormErrors.apply(problems, result);
            return null;
        }
        return new RoutineDocument.Step(stepKey, strip(form.title()),
                StepRows.normaliseNewlines(strip(form.guidance())), references, form.performer(),
                form.conditions(), fields);
    }

    /**
     * A row button (add, move, remove a legal reference or a field) was pressed: the form comes back with the rows
     * changed and every value as typed, nothing saved and no errors shown yet. A value Lotsen refuses outright (control
     * characters, a value that does not convert) is not carried into the rows: the form comes back with that error,
     * as after "Spara".
     */
    private static boolean changedRows(String row, StepForm form, BindingResult result, Model model) {
        Optional<StepRows.RowAction> action = StepRows.action(row);
        if (action.isEmpty() || result.getTarget() == null || result.getFieldErrors().stream()
                .anyMatch(e -> e.isBindingFailure() || "validation.text.controlCharacter".equals(e.getCode()))) {
            return false;
        }
        StepForm changed = StepRows.apply(action.get(), form);
        model.asMap().remove(BindingResult.MODEL_KEY_PREFIX + "stepForm");
        model.addAttribute("stepForm", changed);
        model.addAttribute("focusId", action.get().focusId(changed));
        return true;
    }

    private String stepView(RoutineVersion draft, RoutineDocument.Phase phase, RoutineDocument.Step step,
                            Model model) {
        model.addAttribute("draft", draft);
        model.addAttribute("phase", phase);
        model.addAttribute("step", step);
        model.addAttribute("creating", step == null);
        return "routines/step";
    }

    private String previewView(RoutineVersion draft, Model model) {
        model.addAttribute("version", draft);
        model.addAttribute("differences", views.differences(draft));
        return "routines/preview";
    }

    private RoutineVersion draft(String key) {
        return routines.draft(key).orElseThrow(() -> new NotFoundException("draft"));
    }

    private static RoutineDocument.Phase phase(RoutineVersion draft, String phaseKey) {
        return draft.document().phases().stream().filter(p -> p.key().equals(phaseKey)).findFirst()
                .orElseThrow(() -> new NotFoundException("phase"));
    }

    private static RoutineDocument.Step step(RoutineVersion draft, String stepKey) {
        return draft.document().step(stepKey).orElseThrow(() -> new NotFoundException("step"));
    }

    private static String redirectToDraft(String key, String stepKey) {
        return "redirect:/routines/" + key + "/draft" + (stepKey == null ? "" : "#step-" + stepKey);
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }
}
