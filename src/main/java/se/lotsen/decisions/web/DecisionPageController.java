package se.lotsen.decisions.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.context.i18n.LocaleContextHolder;
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
import se.lotsen.audit.AuditAction;
import se.lotsen.audit.AuditContext;
import se.lotsen.audit.AuditOutcome;
import se.lotsen.audit.Audited;
import se.lotsen.cases.CaseAccess;
import se.lotsen.cases.CaseId;
import se.lotsen.cases.CaseView;
import se.lotsen.cases.Cases;
import se.lotsen.cases.WriteGrant;
import se.lotsen.cases.SubjectType;
import se.lotsen.common.FieldProblems;
import se.lotsen.common.FormErrors;
import se.lotsen.common.NotFoundException;
import se.lotsen.decisions.CourtRulings;
import se.lotsen.decisions.CustodyEnd;
import se.lotsen.decisions.RulingKind;
import se.lotsen.decisions.Deadline;
import se.lotsen.decisions.Decision;
import se.lotsen.decisions.DecisionId;
import se.lotsen.decisions.DecisionType;
import se.lotsen.decisions.Decisions;
import se.lotsen.decisions.LvuAge;
import se.lotsen.decisions.Mandate;
import se.lotsen.decisions.web.DecisionForms.DecisionForm;
import se.lotsen.decisions.web.DecisionForms.EndForm;
import se.lotsen.decisions.web.DecisionForms.ExecutionForm;
import se.lotsen.decisions.web.DecisionForms.RulingForm;
import se.lotsen.organisation.Committee;
import se.lotsen.organisation.Organisation;
import se.lotsen.organisation.Unit;
import se.lotsen.organisation.UnitKind;

/**
 * Recording a decision (the form, then the case page with the deadlines that started), and the decision page with
 * its deadlines, where the execution and the end of a custody are recorded.
 */
@Controller
@RequestMapping("/cases/{id}/decisions")
class DecisionPageController {

    /** The grounds of a custody, in the order shown. */
    static final List<String> GROUNDS = List.of("LVU_2", "LVU_3");
    /** The bases of jurisdiction for 6 a §, in the order shown. */
    static final List<String> JURISDICTION_BASES = List.of("BRUSSELS_IIB", "HAGUE_1996", "OTHER");
    /** The service's error when a decision or execution time needs the worker's confirmation. */
    static final String CONFIRM_UNUSUAL_TIME = "validation.decision.confirmUnusualTime";

    private final Decisions decisions;
    private final CourtRulings courtRulings;
    private final Cases cases;
    private final CaseAccess access;
    private final Organisation organisation;
    private final DeadlineViews views;
    private final Clock clock;

    DecisionPageController(Decisions decisions, CourtRulings courtRulings, Cases cases, CaseAccess access,
                           Organisation organisation, DeadlineViews views, Clock clock) {
        this.decisions = decisions;
        this.courtRulings = courtRulings;
        this.cases = cases;
        this.access = access;
        this.organisation = organisation;
        this.views = views;
        this.clock = clock;
    }

    /** A committee to choose: the district unit's code and what to call it. */
    public record CommitteeChoice(String code, String name) {
    }

    /** The decision types of one group (custody, linked, adult measures). */
    public record TypeGroup(DecisionType.Kind kind, List<DecisionType> types) {
    }

    // -- recording a decision --

    @GetMapping("/new")
    @Audited(action = AuditAction.READ, recordType = "CASE", idParam = "id")
    String newDecision(@PathVariable UUID id, @RequestParam(required = false) String type,
                       @AuthenticationPrincipal CurrentUser user, Model model) {
        CaseView view = cases.view(access.write(new CaseId(id), user).grant());
        String committee = user.unit() != null && user.unit().kind() == UnitKind.DISTRICT ? user.unit().code() : null;
        model.addAttribute("decisionForm", DecisionForm.start(parseType(type), committee));
        return formView(view, parseType(type), model, false);
    }

    @PostMapping("/new")
    @Audited(action = AuditAction.CREATE, recordType = "DECISION")
    String record(@PathVariable UUID id, @Valid @ModelAttribute("decisionForm") DecisionForm form, BindingResult result,
                  @RequestParam(name = "type", required = false) String type,
                  @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect,
                  HttpServletRequest request) {
        WriteGrant grant = access.write(new CaseId(id), user);
        CaseView view = cases.view(grant.grant());
        AuditContext.detail("case " + id);
        // All problems at once: the service's rules run also when a value did not convert or was too long.
        DecisionForm sent = form != null ? form : FormErrors.lenient(DecisionForm.class, result, request);
        if (result.hasErrors()) {
            // Values refused already are left out of the check: nothing refused reaches the service.
            DecisionForm checked = FormErrors.lenient(DecisionForm.class, result, request);
            DecisionForms.check(result, DecisionForm.class, "type", () -> decisions.check(grant, checked.toCommand()));
        } else {
            try {
                Decision d = decisions.record(grant, form.toCommand());
                AuditContext.recordId(d.id());
                List<Deadline> started = decisions.deadlines(grant.grant()).stream()
                        .filter(x -> d.id().equals(x.decisionId())).toList();
                if (started.isEmpty()) {
                    redirect.addFlashAttribute("flash", "flash.decision.recorded");
                } else {
                    redirect.addFlashAttribute("flash", "flash.decision.recordedWithDeadlines");
                    redirect.addFlashAttribute("flashArg", views.describeStarted(started, LocaleContextHolder.getLocale()));
                }
                redirect.addFlashAttribute("section", "deadlines"); // the case page marks the section as current
                return "redirect:/cases/" + id + "#deadlines";
            } catch (FieldProblems problems) {
                DecisionForms.apply(problems, result, DecisionForm.class, "type");
            }
        }
        AuditContext.outcome(AuditOutcome.FAILED);
        FormErrors.inOrder(model, result, sent);
        return formView(view, parseType(type), model, asksToConfirmTheTime(result));
    }

    /**
     * Whether the service asks the worker to confirm the decision or execution time (in the future, or more than a
     * week back): then the form shows the checkbox "Jag har kontrollerat tiden".
     */
    static boolean asksToConfirmTheTime(BindingResult result) {
        return result.getFieldErrors().stream().anyMatch(e -> CONFIRM_UNUSUAL_TIME.equals(e.getCode()));
    }

    /**
     * The form page. The chosen type comes from the request, not the bound form: when a typed value cannot be
     * converted (a date that is not a date) there is no form object, only the typed values and their errors.
     */
    private String formView(CaseView view, DecisionType chosenType, Model model, boolean askTimeConfirmation) {
        model.addAttribute("c", view);
        model.addAttribute("askTimeConfirmation", askTimeConfirmation);
        model.addAttribute("chosenType", chosenType);
        model.addAttribute("editable", view.editable());
        LvuAge age = decisions.ageOn(view.grant().header(), LocalDate.now(clock.withZone(DecisionForms.SWEDEN)));
        model.addAttribute("typeGroups", typeGroups(view.subjectType(), age));
        model.addAttribute("age", age);
        model.addAttribute("mandates", Mandate.values());
        model.addAttribute("committees", committees());
        // 18- and 19-year-olds: only the 3 § grounds (1 § tredje stycket LVU); the service refuses 2 § too.
        model.addAttribute("grounds", age.allowsHomeGrounds() ? GROUNDS : List.of("LVU_3"));
        model.addAttribute("groundsHint", age.allowsHomeGrounds() ? "decision.grounds.hint"
                : "decision.grounds.hint.youngAdult");
        model.addAttribute("jurisdictionBases", JURISDICTION_BASES);
        model.addAttribute("activeCustody", decisions.activeCustody(view.id().value()).orElse(null));
        return "decisions/new";
    }

    private static DecisionType parseType(String type) {
        return Arrays.stream(DecisionType.values()).filter(t -> t.name().equals(type)).findFirst().orElse(null);
    }

    /**
     * The types that can be recorded for the case's person, grouped: custody, linked to a custody, other measures. LVU
     * types follow the person's age ({@link LvuAge}): a 19-year-old registered as an adult gets 6 § and what is linked
     * to it; a child whose age is known to be 20 gets none.
     */
    static List<TypeGroup> typeGroups(SubjectType subject, LvuAge age) {
        List<TypeGroup> groups = new ArrayList<>();
        for (DecisionType.Kind kind : DecisionType.Kind.values()) {
            List<DecisionType> types = Arrays.stream(DecisionType.values())
                    .filter(t -> t.kind() == kind && t.offered())
                    .filter(t -> switch (t.subject()) {
                        case ANY -> true;
                        case ADULT -> subject == SubjectType.ADULT;
                        case CHILD -> age.allows(t);
                    }).toList();
            if (!types.isEmpty()) {
                groups.add(new TypeGroup(kind, types));
            }
        }
        return groups;
    }

    /** The committees of the active district units, named by the committee when it has one. */
    private List<CommitteeChoice> committees() {
        return organisation.activeUnits().stream().filter(u -> u.kind() == UnitKind.DISTRICT)
                .map(u -> new CommitteeChoice(u.code(), organisation.committeeOf(u.id()).map(Committee::name)
                        .filter(n -> !n.isBlank()).orElse(u.name())))
                .toList();
    }

    // -- the decision page --

    @GetMapping("/{decisionId}")
    @Audited(action = AuditAction.READ, recordType = "CASE", idParam = "id")
    String show(@PathVariable UUID id, @PathVariable UUID decisionId, @AuthenticationPrincipal CurrentUser user,
                Model model) {
        CaseView view = cases.view(access.read(new CaseId(id), user));
        AuditContext.detail("decision " + decisionId);
        // The execution and end times are entered, never defaulted to now.
        return decisionView(view, decisionId, model, null);
    }

    @PostMapping("/{decisionId}/execution")
    @Audited(action = AuditAction.UPDATE, recordType = "DECISION", idParam = "decisionId")
    String recordExecution(@PathVariable UUID id, @PathVariable UUID decisionId,
                           @Valid @ModelAttribute("executionForm") ExecutionForm form, BindingResult result,
                           @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect,
                           HttpServletRequest request) {
        WriteGrant grant = access.write(new CaseId(id), user);
        CaseView view = cases.view(grant.grant());
        AuditContext.detail("case " + id + " execution");
        ExecutionForm sent = form != null ? form : FormErrors.lenient(ExecutionForm.class, result, request);
        if (result.hasErrors()) {
            // Values refused already are left out of the check: nothing refused reaches the service.
            ExecutionForm checked = FormErrors.lenient(ExecutionForm.class, result, request);
            DecisionForms.check(result, ExecutionForm.class, "executedAt", () -> decisions.checkExecution(grant,
                    new DecisionId(decisionId), DecisionForms.instant(checked.executedAt())));
        } else {
            try {
                decisions.recordExecution(grant, new DecisionId(decisionId), DecisionForms.instant(form.executedAt()));
                redirect.addFlashAttribute("flash", "flash.decision.executed");
                return "redirect:/cases/" + id + "/decisions/" + decisionId;
            } catch (FieldProblems problems) {
                DecisionForms.apply(problems, result, ExecutionForm.class, "executedAt");
            }
        }
        AuditContext.outcome(AuditOutcome.FAILED);
        FormErrors.inOrder(model, result, sent);
        return decisionView(view, decisionId, model, "execution");
    }

    @PostMapping("/{decisionId}/end")
    @Audited(action = AuditAction.UPDATE, recordType = "DECISION", idParam = "decisionId")
    String endCustody(@PathVariable UUID id, @PathVariable UUID decisionId, @Valid @ModelAttribute("endForm") EndForm form,
                      BindingResult result, @AuthenticationPrincipal CurrentUser user, Model model,
                      RedirectAttributes redirect, HttpServletRequest request) {
        WriteGrant grant = access.write(new CaseId(id), user);
        CaseView view = cases.view(grant.grant());
        AuditContext.detail("case " + id + " custody ended");
        EndForm sent = form != null ? form : FormErrors.lenient(EndForm.class, result, request);
        if (result.hasErrors()) {
            // Values refused already are left out of the check: nothing refused reaches the service.
            EndForm checked = FormErrors.lenient(EndForm.class, result, request);
            DecisionForms.check(result, EndForm.class, "reason", () -> decisions.checkEnd(grant,
                    new DecisionId(decisionId), checked.reason(), DecisionForms.instant(checked.endedAt()), checked.note()));
        } else {
            try {
                decisions.endCustody(grant, new DecisionId(decisionId), form.reason(),
                        DecisionForms.instant(form.endedAt()), form.note());
                redirect.addFlashAttribute("flash", "flash.decision.ended");
                return "redirect:/cases/" + id + "/decisions/" + decisionId;
            } catch (FieldProblems problems) {
                DecisionForms.apply(problems, result, EndForm.class, "reason");
            }
        }
        AuditContext.outcome(AuditOutcome.FAILED);
        FormErrors.inOrder(model, result, sent);
        return decisionView(view, decisionId, model, "end");
    }

    @PostMapping("/{decisionId}/court-rulings")
    @Audited(action = AuditAction.UPDATE, recordType = "DECISION", idParam = "decisionId")
    String recordRuling(@PathVariable UUID id, @PathVariable UUID decisionId,
                        @Valid @ModelAttribute("rulingForm") RulingForm form, BindingResult result,
                        @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect,
                        HttpServletRequest request) {
        WriteGrant grant = access.write(new CaseId(id), user);
        CaseView view = cases.view(grant.grant());
        AuditContext.detail("case " + id + " court ruling");
        RulingForm sent = form != null ? form : FormErrors.lenient(RulingForm.class, result, request);
        if (result.hasErrors()) {
            // Values refused already are left out of the check: nothing refused reaches the service.
            RulingForm checked = FormErrors.lenient(RulingForm.class, result, request);
            DecisionForms.check(result, RulingForm.class, "kind", () -> courtRulings.check(grant,
                    new DecisionId(decisionId), new CourtRulings.RulingCommand(checked.kind(), checked.decidedOn(),
                            checked.until(), checked.courtCaseNumber())));
        } else {
            try {
                courtRulings.record(grant, new DecisionId(decisionId), new CourtRulings.RulingCommand(form.kind(),
                        form.decidedOn(), form.until(), form.courtCaseNumber()));
                redirect.addFlashAttribute("flash", "flash.decision.ruling");
                return "redirect:/cases/" + id + "/decisions/" + decisionId;
            } catch (FieldProblems problems) {
                DecisionForms.apply(problems, result, RulingForm.class, "kind");
            }
        }
        AuditContext.outcome(AuditOutcome.FAILED);
        FormErrors.inOrder(model, result, sent);
        return decisionView(view, decisionId, model, "ruling");
    }

    /**
     * The decision page. {@code failedForm} names the form that was just sent with errors ("execution", "end"): it
     * is shown with its errors even when it no longer applies (e.g. sent twice), so that nothing is silently lost.
     */
    private String decisionView(CaseView view, UUID decisionId, Model model, String failedForm) {
        // The page's forms that were not just sent start empty (the one sent keeps what was typed).
        if (!model.containsAttribute("executionForm")) {
            model.addAttribute("executionForm", new ExecutionForm(null));
        }
        if (!model.containsAttribute("endForm")) {
            model.addAttribute("endForm", new EndForm(null, null, ""));
        }
        if (!model.containsAttribute("rulingForm")) {
            model.addAttribute("rulingForm", new RulingForm(null, null, null, ""));
        }
        List<Decision> all = decisions.forCase(view.grant());
        Decision decision = all.stream().filter(d -> d.id().equals(decisionId)).findFirst()
                .orElseThrow(() -> new NotFoundException("decision"));
        Locale locale = LocaleContextHolder.getLocale();
        boolean editable = view.editable();
        model.addAttribute("c", view);
        model.addAttribute("d", decision);
        model.addAttribute("editable", editable);
        model.addAttribute("custody", decision.custodyId() == null ? null
                : all.stream().filter(x -> x.id().equals(decision.custodyId())).findFirst().orElse(null));
        model.addAttribute("linked", all.stream().filter(x -> decisionId.equals(x.custodyId())).toList());
        List<DeadlineView> own = views.sorted(decisions.deadlines(view.grant()).stream()
                .filter(x -> decisionId.equals(x.decisionId())).toList(), locale);
        model.addAttribute("deadlines", own);
        model.addAttribute("lapsed", decision.active() && own.stream().anyMatch(DeadlineView::lapsed));
        model.addAttribute("committeeName", decision.committeeUnitCode() == null ? null
                : organisation.unitByCode(decision.committeeUnitCode()).map(this::committeeName).orElse(null));
        model.addAttribute("mayRecordExecution", "execution".equals(failedForm)
                || editable && decision.type().custody() && decision.active() && decision.executedAt() == null);
        model.addAttribute("mayEnd", "end".equals(failedForm) || editable && decision.type().lasting() && decision.active());
        List<RulingKind> rulingKinds = RulingKind.forType(decision.type());
        model.addAttribute("status", decision.status(decisions.deadlines(view.grant()).stream()
                .filter(x -> decisionId.equals(x.decisionId())).toList()));
        model.addAttribute("rulings", courtRulings.forCase(view.grant()).stream()
                .filter(r -> r.decisionId().equals(decisionId)).toList());
        model.addAttribute("rulingKinds", rulingKinds);
        model.addAttribute("mayRecordRuling", "ruling".equals(failedForm)
                || editable && decision.active() && !rulingKinds.isEmpty());
        model.addAttribute("endReasons", CustodyEnd.forType(decision.type()));
        return "decisions/show";
    }

    private String committeeName(Unit unit) {
        return organisation.committeeOf(unit.id()).map(Committee::name).filter(n -> !n.isBlank()).orElse(unit.name());
    }
}
