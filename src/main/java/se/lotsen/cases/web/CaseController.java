package se.lotsen.cases.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
import se.lotsen.audit.AuditAction;
import se.lotsen.audit.AuditContext;
import se.lotsen.audit.AuditOutcome;
import se.lotsen.audit.Audited;
import se.lotsen.access.AccountId;
import se.lotsen.cases.CaseAccess;
import se.lotsen.cases.CaseCannotBeClosed;
import se.lotsen.cases.CaseGrant;
import se.lotsen.cases.CaseId;
import se.lotsen.cases.CasePanel;
import se.lotsen.cases.NextStep;
import se.lotsen.cases.PersonSearch;
import se.lotsen.cases.WriteGrant;
import se.lotsen.cases.CaseQuery;
import se.lotsen.cases.CaseStatus;
import se.lotsen.cases.CaseView;
import se.lotsen.cases.Cases;
import se.lotsen.cases.ProtectedViewer;
import se.lotsen.cases.ExploitationForm;
import se.lotsen.cases.Indicator;
import se.lotsen.cases.IntakeChannel;
import se.lotsen.cases.ProtectionOutcome;
import se.lotsen.cases.SubjectType;
import se.lotsen.common.DateInput;
import se.lotsen.common.FieldProblems;
import se.lotsen.common.FormErrors;
import se.lotsen.common.Paging;
import se.lotsen.persons.Countries;
import se.lotsen.common.NotFoundException;
import se.lotsen.persons.IdentityKind;
import se.lotsen.persons.PersonId;
import se.lotsen.persons.ProtectedIdentity;
import se.lotsen.persons.Sex;
import se.lotsen.routines.Checklist;
import se.lotsen.routines.RoutineDiff;
import se.lotsen.routines.RoutineVersion;
import se.lotsen.routines.Routines;

/**
 * The case pages: lists and search, intake (search before create, then the intake form), the case page with the
 * next step first, and the indicator and protection assessments.
 */
@Controller
@RequestMapping("/cases")
class CaseController {

    static final ZoneId SWEDEN = se.lotsen.common.SwedishDates.ZONE;

    private final Cases cases;
    private final CaseAccess access;
    private final Routines routines;
    private final Clock clock;
    private final List<CasePanel> panels;

    CaseController(Cases cases, CaseAccess access, Routines routines, Clock clock, List<CasePanel> panels) {
        this.cases = cases;
        this.access = access;
        this.routines = routines;
        this.clock = clock;
        this.panels = panels.stream().sorted(java.util.Comparator.comparingInt((CasePanel p) -> p.slot().order()))
                .toList();
    }

    /** A rendered panel for the template: its fragment, model and the section it is (or {@code null}). */
    public record PanelView(String template, String selector, Map<String, Object> model, CasePanel.Section section) {
    }

    /** A link of the case page's in-page navigation: the id of the section and the message key of its name. */
    public record NavLink(String anchor, String titleKey) {
    }

    /** The case page's own sections (the panels add theirs between them): the summary comes first. */
    static final String SUMMARY = "summary";
    static final String CHECKLIST = "checklist";
    static final String FACTS = "facts";
    static final String JOURNAL = "journal";
    static final String STATUS = "status";
    static final String CLOSE = "close";

    /**
     * The flash attribute a redirect to the case page sets to the section the change was made in: the navigation
     * marks that section as current ({@code aria-current}), and the redirect's fragment takes the worker back there.
     */
    static final String SECTION = "section";

    /** The flash attribute with the phase of the step just changed: its group of the checklist stays open. */
    static final String PHASE = "phase";

    /** The fragment of the case page for a phase of its checklist. */
    static String phaseAnchor(String phaseKey) {
        return "phase-" + phaseKey;
    }

    @GetMapping
    @Audited(action = AuditAction.SEARCH, recordType = "CASE")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) CaseStatus status,
                @RequestParam(required = false) Boolean mine,
                @RequestParam(name = "from", required = false) String fromText,
                @RequestParam(name = "to", required = false) String toText,
                @RequestParam(required = false) Integer page, @AuthenticationPrincipal CurrentUser user, Model model) {
        boolean onlyMine = mine != null && mine;
        // Typed by hand (ÅÅÅÅ-MM-DD): a date that cannot be read is shown as typed with the error at the field, and
        // the list is not narrowed by it.
        LocalDate from = filterDate(fromText, "from", model);
        LocalDate to = filterDate(toText, "to", model);
        CaseQuery query = new CaseQuery(q, status, onlyMine, from, to);
        model.addAttribute("query", query);
        model.addAttribute("statuses", CaseStatus.values());
        model.addAttribute("result", cases.search(query, user, Paging.of(page, null)));
        model.addAttribute("mayOpen", access.handlesCases(user));
        model.addAttribute("mayRequestEmergency", access.mayRequestEmergencyAccess(user));
        model.addAttribute("baseUrl", UriComponentsBuilder.fromPath("/cases")
                .queryParamIfPresent("q", Optional.ofNullable(q).filter(s -> !s.isBlank()))
                .queryParamIfPresent("status", Optional.ofNullable(status))
                .queryParamIfPresent("mine", onlyMine ? Optional.of(true) : Optional.empty())
                .queryParamIfPresent("from", Optional.ofNullable(from))
                .queryParamIfPresent("to", Optional.ofNullable(to))
                .encode().toUriString());
        return "cases/list";
    }

    /** A date filter as typed: the date, or null (nothing typed, or unreadable: then the page says so). */
    private static LocalDate filterDate(String text, String name, Model model) {
        LocalDate date = null;
        boolean invalid = false;
        try {
            date = DateInput.parseDate(text);
        } catch (IllegalArgumentException e) {
            invalid = true;
        }
        model.addAttribute(name + "Text", invalid ? text : DateInput.format(date));
        model.addAttribute(name + "Invalid", invalid);
        return date;
    }

    /** Step 1 of intake: search before create. */
    @GetMapping("/new")
    @Audited(action = AuditAction.SEARCH, recordType = "PERSON")
    String searchBeforeCreate(@RequestParam(required = false) String identityNumber,
                              @RequestParam(required = false) String name,
                              @RequestParam(required = false) String birthYear,
                              @AuthenticationPrincipal CurrentUser user, Model model) {
        access.requireCaseWork(user);
        boolean searched = (identityNumber != null && !identityNumber.isBlank()) || (name != null && !name.isBlank());
        Integer year = parseYear(birthYear);
        model.addAttribute("identityNumber", identityNumber == null ? "" : identityNumber);
        model.addAttribute("name", name == null ? "" : name);
        model.addAttribute("birthYear", birthYear == null ? "" : birthYear);
        model.addAttribute("birthYearInvalid", birthYear != null && !birthYear.isBlank() && year == null);
        model.addAttribute("searched", searched);
        PersonSearch found = searched ? cases.searchBeforeCreate(user, identityNumber, name, year)
                : new PersonSearch(List.of(), List.of());
        model.addAttribute("matches", found.own());
        model.addAttribute("elsewhere", found.elsewhere());
        model.addAttribute("custodies", found.custodiesElsewhere());
        model.addAttribute("mayRequestEmergency", access.mayRequestEmergencyAccess(user));
        model.addAttribute("currentYear", LocalDate.now(clock.withZone(SWEDEN)).getYear());
        model.addAttribute("newUrl", UriComponentsBuilder.fromPath("/cases/new/intake")
                .queryParamIfPresent("name", Optional.ofNullable(name).filter(s -> !s.isBlank()))
                .queryParamIfPresent("identityNumber", Optional.ofNullable(identityNumber).filter(s -> !s.isBlank()))
                .encode().toUriString());
        return "cases/new";
    }

    /** Step 2 of intake: the form, for a new person or one found in step 1. */
    @GetMapping("/new/intake")
    @Audited(action = AuditAction.READ, recordType = "PERSON")
    String intakeForm(@RequestParam(required = false) UUID personId, @RequestParam(required = false) String name,
                      @RequestParam(required = false) String identityNumber,
                      @RequestParam(required = false) UUID knownElsewhere,
                      @AuthenticationPrincipal CurrentUser user, Model model) {
        access.requireCaseWork(user);
        if (personId != null) {
            AuditContext.recordId(personId);
            cases.personInRegister(user, new PersonId(personId)).orElseThrow(() -> new NotFoundException("person"));
        }
        LocalDateTime now = LocalDateTime.now(clock.withZone(SWEDEN)).withSecond(0).withNano(0);
        model.addAttribute("intakeForm", IntakeForm.start(now, name, identityNumber, personId, knownElsewhere));
        return intakeView(personId, user, model);
    }

    @PostMapping
    @Audited(action = AuditAction.CREATE, recordType = "CASE")
    String open(@Valid @ModelAttribute("intakeForm") IntakeForm form, BindingResult result,
                @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        // Who may open a case first: the form is not even shown again to a role without case work.
        access.requireCaseWork(user);
        if (!result.hasErrors()) {
            try {
                CaseId id = cases.open(form.toIntake(SWEDEN), user);
                AuditContext.recordId(id);
                redirect.addFlashAttribute("flash", "flash.case.opened");
                return "redirect:/cases/" + id;
            } catch (FieldProblems problems) {
                FormErrors.apply(problems, result);
            }
        }
        AuditContext.outcome(AuditOutcome.FAILED);
        return intakeView(form.existingPersonId(), user, model);
    }

    private String intakeView(UUID personId, CurrentUser user, Model model) {
        model.addAttribute("existingPerson", personId == null ? null
                : cases.personInRegister(user, new PersonId(personId)).orElse(null));
        model.addAttribute("subjectTypes", SubjectType.values());
        model.addAttribute("channels", IntakeChannel.values());
        model.addAttribute("forms", ExploitationForm.values());
        model.addAttribute("identityKinds", IdentityKind.values());
        model.addAttribute("sexes", Sex.values());
        model.addAttribute("protectionLevels", ProtectedIdentity.values());
        model.addAttribute("countries", Countries.all(org.springframework.context.i18n.LocaleContextHolder.getLocale()));
        return "cases/intake";
    }

    @GetMapping("/{id}")
    @Audited(action = AuditAction.READ, recordType = "CASE", idParam = "id")
    String show(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, Model model) {
        CaseGrant grant = access.read(new CaseId(id), user);
        CaseView view = cases.view(grant);
        Checklist checklist = cases.checklist(grant);
        model.addAttribute("c", view);
        model.addAttribute("checklist", checklist);
        model.addAttribute("nationalityName", Countries.name(view.person().nationality(),
                org.springframework.context.i18n.LocaleContextHolder.getLocale()));
        model.addAttribute("newerVersion", checklist.newerVersionExists() ? checklist.newestPublished() : null);
        model.addAttribute("transitions", view.status().next());
        NextStep next = NextStep.of(grant, checklist);
        model.addAttribute("nextStep", next);
        // The phase that holds the next step is open; so is the one the worker just changed a step in (flash).
        model.addAttribute("openPhase", next.next().or(checklist::next).map(i -> i.phaseKey()).orElse(null));
        List<PanelView> top = panels(CasePanel.Position.TOP, grant);
        List<PanelView> body = panels(CasePanel.Position.BODY, grant);
        model.addAttribute("summaryPanels", panels(CasePanel.Position.SUMMARY, grant));
        model.addAttribute("topPanels", top);
        model.addAttribute("bodyPanels", body);
        model.addAttribute("closingPanels", panels(CasePanel.Position.CLOSING, grant));
        model.addAttribute("nav", navigation(view, top, body));
        if (!model.containsAttribute(SECTION)) {
            model.addAttribute(SECTION, SUMMARY);
        }
        if (view.mayNameProtectedViewers() && view.person().isProtected()) {
            List<ProtectedViewer> viewers = cases.protectedViewers(grant);
            model.addAttribute("protectedViewers", viewers);
            // The case workers a lead may still name: not the leads (who see it anyway), not those already named.
            model.addAttribute("workers", cases.workersOfHoldingUnit(grant).stream()
                    .filter(w -> !w.lead() && viewers.stream().noneMatch(v -> v.account().equals(w.id()))).toList());
        }
        return "cases/show";
    }

    private List<PanelView> panels(CasePanel.Position position, CaseGrant grant) {
        return panels.stream().filter(p -> p.slot().position() == position)
                .map(p -> new PanelView(p.slot().template(), p.slot().selector(), p.model(grant), p.section()))
                .toList();
    }

    /** The in-page navigation, in the order of the page: summary, top panels, checklist, body panels, the rest. */
    private static List<NavLink> navigation(CaseView view, List<PanelView> top, List<PanelView> body) {
        List<NavLink> links = new java.util.ArrayList<>();
        links.add(new NavLink(SUMMARY, "case.nav.summary"));
        top.stream().map(PanelView::section).filter(java.util.Objects::nonNull)
                .forEach(s -> links.add(new NavLink(s.anchor(), s.titleKey())));
        links.add(new NavLink(CHECKLIST, "case.nav.checklist"));
        body.stream().map(PanelView::section).filter(java.util.Objects::nonNull)
                .forEach(s -> links.add(new NavLink(s.anchor(), s.titleKey())));
        links.add(new NavLink(FACTS, "case.nav.facts"));
        links.add(new NavLink(JOURNAL, "case.nav.journal"));
        if (view.holdingUnit()) {
            links.add(new NavLink(STATUS, view.status().active() ? "case.nav.close" : "case.nav.status"));
        }
        return links;
    }

    /** A redirect to the case page at one of its sections, marked as current there. */
    static String backTo(UUID id, String section, RedirectAttributes redirect) {
        redirect.addFlashAttribute(SECTION, section);
        return "redirect:/cases/" + id + "#" + section;
    }

    /** What changed in the routine since the version this case uses. */
    @GetMapping("/{id}/routine-changes")
    @Audited(action = AuditAction.READ, recordType = "CASE", idParam = "id")
    String routineChanges(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, Model model) {
        CaseGrant grant = access.read(new CaseId(id), user);
        CaseView view = cases.view(grant);
        Checklist checklist = cases.checklist(grant);
        RoutineVersion newest = routines.currentPublished(Routines.ACUTE).orElseThrow();
        model.addAttribute("c", view);
        model.addAttribute("caseVersion", checklist.version());
        model.addAttribute("newest", newest);
        model.addAttribute("changes", RoutineDiff.between(checklist.version().document(), newest.document()));
        return "cases/routine-changes";
    }

    @GetMapping("/{id}/indicators")
    @Audited(action = AuditAction.READ, recordType = "CASE", idParam = "id")
    String indicators(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, Model model) {
        CaseView view = cases.view(access.read(new CaseId(id), user));
        model.addAttribute("indicatorForm", new IndicatorForm(view.indicators().observed(),
                view.indicators().overallAssessment(), view.version()));
        return indicatorView(view, model);
    }

    @PostMapping("/{id}/indicators")
    @Audited(action = AuditAction.UPDATE, recordType = "CASE", idParam = "id")
    String saveIndicators(@PathVariable UUID id, @Valid @ModelAttribute("indicatorForm") IndicatorForm form,
                          BindingResult result, @AuthenticationPrincipal CurrentUser user, Model model,
                          RedirectAttributes redirect) {
        WriteGrant grant = access.write(new CaseId(id), user);
        CaseView view = cases.view(grant.grant());
        if (!result.hasErrors()) {
            try {
                cases.recordIndicators(grant, form.observed(), form.overallAssessment(), form.version());
                redirect.addFlashAttribute("flash", "flash.case.indicators");
                return backTo(id, FACTS, redirect);
            } catch (FieldProblems problems) {
                FormErrors.apply(problems, result);
            }
        }
        AuditContext.outcome(AuditOutcome.FAILED);
        return indicatorView(view, model);
    }

    private String indicatorView(CaseView view, Model model) {
        model.addAttribute("c", view);
        Map<Indicator.Element, List<Indicator>> grouped = new java.util.LinkedHashMap<>();
        for (Indicator i : Indicator.forSubject(view.subjectType())) {
            grouped.computeIfAbsent(i.element(), e -> new java.util.ArrayList<>()).add(i);
        }
        model.addAttribute("grouped", grouped);
        return "cases/indicators";
    }

    @GetMapping("/{id}/protection")
    @Audited(action = AuditAction.READ, recordType = "CASE", idParam = "id")
    String protection(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, Model model) {
        CaseView view = cases.view(access.read(new CaseId(id), user));
        model.addAttribute("protectionForm", new ProtectionForm(view.protectionOutcome(),
                view.protectionNotes() == null ? "" : view.protectionNotes(), view.version()));
        model.addAttribute("c", view);
        model.addAttribute("outcomes", ProtectionOutcome.values());
        return "cases/protection";
    }

    @PostMapping("/{id}/protection")
    @Audited(action = AuditAction.UPDATE, recordType = "CASE", idParam = "id")
    String saveProtection(@PathVariable UUID id, @Valid @ModelAttribute("protectionForm") ProtectionForm form,
                          BindingResult result, @AuthenticationPrincipal CurrentUser user, Model model,
                          RedirectAttributes redirect) {
        WriteGrant grant = access.write(new CaseId(id), user);
        CaseView view = cases.view(grant.grant());
        if (!result.hasErrors()) {
            try {
                cases.recordProtection(grant, form.outcome(), form.notes(), form.version());
                redirect.addFlashAttribute("flash", "flash.case.protection");
                return backTo(id, FACTS, redirect);
            } catch (FieldProblems problems) {
                FormErrors.apply(problems, result);
            }
        }
        AuditContext.outcome(AuditOutcome.FAILED);
        model.addAttribute("c", view);
        model.addAttribute("outcomes", ProtectionOutcome.values());
        return "cases/protection";
    }

    @PostMapping("/{id}/assign")
    @Audited(action = AuditAction.UPDATE, recordType = "CASE", idParam = "id")
    String assignToMe(@PathVariable UUID id, @RequestParam(required = false) String version,
                      @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        try {
            cases.assignToMe(access.write(new CaseId(id), user), parseVersion(version));
            redirect.addFlashAttribute("flash", "flash.case.assigned");
        } catch (FieldProblems problems) {
            AuditContext.outcome(AuditOutcome.FAILED);
            redirect.addFlashAttribute("statusProblems", problems.problems());
        }
        return backTo(id, STATUS, redirect);
    }

    /**
     * Closes or reopens the case. A case with a custody in force or an open deadline is not closed: the page lists
     * what must be finished first.
     */
    @PostMapping("/{id}/status")
    @Audited(action = AuditAction.UPDATE, recordType = "CASE", idParam = "id")
    String changeStatus(@PathVariable UUID id, @RequestParam(required = false) String target,
                        @RequestParam(required = false) String reason, @RequestParam(required = false) String version,
                        @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        WriteGrant grant = access.write(new CaseId(id), user);
        try {
            if ("CLOSED".equals(target)) {
                cases.close(grant, reason, parseVersion(version));
            } else if ("OPEN".equals(target)) {
                cases.reopen(grant, reason, parseVersion(version));
            } else {
                throw FieldProblems.of("status", "validation.case.status.transition");
            }
            AuditContext.detail("status " + target);
            redirect.addFlashAttribute("flash", "flash.case.status");
        } catch (CaseCannotBeClosed blocked) {
            AuditContext.outcome(AuditOutcome.FAILED);
            redirect.addFlashAttribute("closeBlockers", blocked.blockers());
            redirect.addFlashAttribute("statusReason", reason);
        } catch (FieldProblems problems) {
            AuditContext.outcome(AuditOutcome.FAILED);
            redirect.addFlashAttribute("statusProblems", problems.problems());
            redirect.addFlashAttribute("statusReason", reason);
        }
        return backTo(id, STATUS, redirect);
    }

    /** A lead names a worker of the unit who may see the protected person's address and placement. */
    @PostMapping("/{id}/protected-viewers")
    @Audited(action = AuditAction.UPDATE, recordType = "CASE", idParam = "id")
    String nameProtectedViewer(@PathVariable UUID id, @RequestParam(required = false) String account,
                               @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        WriteGrant grant = access.write(new CaseId(id), user);
        try {
            cases.nameProtectedViewer(grant, parseAccount(account));
            AuditContext.detail("protected data viewer named " + account);
            redirect.addFlashAttribute("flash", "flash.case.protectedViewer.named");
        } catch (FieldProblems problems) {
            AuditContext.outcome(AuditOutcome.FAILED);
            redirect.addFlashAttribute("viewerProblems", problems.problems());
        }
        redirect.addFlashAttribute(SECTION, FACTS);
        return "redirect:/cases/" + id + "#protected-viewers";
    }

    @PostMapping("/{id}/protected-viewers/{account}/remove")
    @Audited(action = AuditAction.UPDATE, recordType = "CASE", idParam = "id")
    String removeProtectedViewer(@PathVariable UUID id, @PathVariable UUID account,
                                 @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        cases.removeProtectedViewer(access.write(new CaseId(id), user), new AccountId(account));
        AuditContext.detail("protected data viewer removed " + account);
        redirect.addFlashAttribute("flash", "flash.case.protectedViewer.removed");
        redirect.addFlashAttribute(SECTION, FACTS);
        return "redirect:/cases/" + id + "#protected-viewers";
    }

    private static AccountId parseAccount(String text) {
        try {
            return text == null || text.isBlank() ? null : new AccountId(UUID.fromString(text.trim()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The version a form was rendered with; an unreadable one counts as none. */
    static Integer parseVersion(String text) {
        try {
            return text == null || text.isBlank() ? null : Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Integer parseYear(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            int year = Integer.parseInt(text.trim());
            return year >= 1890 && year <= 2200 ? year : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The indicator form: what was observed and the overall assessment; the case version it was shown with. */
    public record IndicatorForm(Set<Indicator> observed,
                                @jakarta.validation.constraints.Size(max = 20000, message = "{validation.size.max}")
                                String overallAssessment, Integer version) {
        public IndicatorForm {
            observed = observed == null ? EnumSet.noneOf(Indicator.class) : observed;
        }
    }

    /** The protection assessment form; the case version it was shown with. */
    public record ProtectionForm(ProtectionOutcome outcome,
                                 @jakarta.validation.constraints.Size(max = 20000, message = "{validation.size.max}")
                                 String notes, Integer version) {
    }

    static Locale locale() {
        return org.springframework.context.i18n.LocaleContextHolder.getLocale();
    }
}
