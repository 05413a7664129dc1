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
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import jakarta.servlet.http.HttpSession;
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

    private final org.springframework.context.MessageSource messageSource;
    private final se.lotsen.common.SwedishDates dates;

    CaseController(Cases cases, CaseAccess access, Routines routines, Clock clock, List<CasePanel> panels,
                   org.springframework.context.MessageSource messageSource, se.lotsen.common.SwedishDates dates) {
        this.messageSource = messageSource;
        this.dates = dates;
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
        model.addAttribute("shortestPart", CaseQuery.SHORTEST_PART);
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

    /**
     * Step 2 of intake: the form, for a new person or one found in step 1; with {@code draft}, the answers already
     * given (an "Ändra" link of the check page), kept in the session and never in the address.
     */
    @GetMapping("/new/intake")
    @Audited(action = AuditAction.READ, recordType = "PERSON")
    String intakeForm(@RequestParam(required = false) UUID personId, @RequestParam(required = false) String name,
                      @RequestParam(required = false) String identityNumber,
                      @RequestParam(required = false) UUID knownElsewhere,
                      @RequestParam(required = false) UUID draft,
                      @AuthenticationPrincipal CurrentUser user, Model model, HttpSession session) {
        access.requireCaseWork(user);
        IntakeForm kept = draft == null ? null : IntakeDrafts.find(session, draft).orElse(null);
        if (kept != null) {
            personId = kept.existingPersonId();
            model.addAttribute("draft", draft);
        }
        if (personId != null) {
            AuditContext.recordId(personId);
            cases.personInRegister(user, new PersonId(personId)).orElseThrow(() -> new NotFoundException("person"));
        }
        LocalDateTime now = LocalDateTime.now(clock.withZone(SWEDEN)).withSecond(0).withNano(0);
        model.addAttribute("intakeForm", kept != null ? kept
                : IntakeForm.start(now, name, identityNumber, personId, knownElsewhere));
        return intakeView(personId, user, model);
    }

    /**
     * The intake form is sent: every problem is shown at once, or, when there is none, the answers are kept in the
     * session and the check page is shown. Nothing is opened here, so pressing Enter in a field can never open a case.
     */
    @PostMapping("/new/intake")
    @Audited(action = AuditAction.READ, recordType = "PERSON")
    String checkIntake(@Valid @ModelAttribute("intakeForm") IntakeForm form, BindingResult result,
                       @RequestParam(required = false) UUID draft, @AuthenticationPrincipal CurrentUser user,
                       Model model, HttpSession session, jakarta.servlet.http.HttpServletRequest request) {
        access.requireCaseWork(user);
        if (form == null) {
            // A value did not convert (a letter in the date): check the rest too, all problems at once.
            form = FormErrors.lenient(IntakeForm.class, result, request);
        }
        if (form != null && form.existingPersonId() != null) {
            AuditContext.recordId(form.existingPersonId());
        }
        try {
            cases.checkIntake(form.toIntake(SWEDEN), user);
        } catch (FieldProblems problems) {
            FormErrors.applyNew(problems, result);
        }
        if (result.hasErrors()) {
            AuditContext.outcome(AuditOutcome.FAILED);
            BindingResult ordered = FormErrors.inOrder(result, form);
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "intakeForm", ordered);
            if (ordered.getTarget() != null) {
                model.addAttribute("intakeForm", ordered.getTarget());
            }
            if (draft != null) {
                model.addAttribute("draft", draft);
            }
            return intakeView(form == null ? null : form.existingPersonId(), user, model);
        }
        UUID token = IntakeDrafts.keep(session, draft, form);
        return "redirect:/cases/new/check?draft=" + token;
    }

    /** Step 3 of intake: check the answers; only the button on this page opens the case. */
    @GetMapping("/new/check")
    @Audited(action = AuditAction.READ, recordType = "PERSON")
    String checkPage(@RequestParam(required = false) UUID draft, @AuthenticationPrincipal CurrentUser user,
                     Model model, HttpSession session) {
        access.requireCaseWork(user);
        IntakeForm form = draft == null ? null : IntakeDrafts.find(session, draft).orElse(null);
        if (form == null) {
            return "redirect:/cases/new/intake";
        }
        if (form.existingPersonId() != null) {
            AuditContext.recordId(form.existingPersonId());
        }
        model.addAttribute("draft", draft);
        model.addAttribute("answers", form);
        model.addAttribute("existingPerson", form.existingPersonId() == null ? null
                : cases.personInRegister(user, new PersonId(form.existingPersonId())).orElse(null));
        Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        String country = form.nationality() == null || form.nationality().isBlank() ? null
                : Countries.all(locale).stream().filter(c -> c.code().equals(form.nationality()))
                        .map(c -> c.name()).findFirst().orElse(form.nationality());
        model.addAttribute("receivedAt", form.receivedAt() == null ? null : form.receivedAt().atZone(SWEDEN).toInstant());
        model.addAttribute("forms", ExploitationForm.values());
        model.addAttribute("personRows", List.of(
                CheckRow.text("name", "person.name", form.name()),
                CheckRow.text("aliases", "person.aliases", form.aliases()),
                CheckRow.key("identityKind", "person.identityKind", "identityKind." + form.identityKind()),
                CheckRow.text("identityNumber", "person.identityNumber", form.identityNumber()),
                CheckRow.text("statedBirthDate", "person.statedBirthDate", form.statedBirthDate() == null ? null
                        : form.statedBirthDate().toString()),
                CheckRow.text("statedAge", "person.statedAge", form.statedAge() == null ? null
                        : form.statedAge() + (form.ageAssessed() ? " (" + messages(locale, "person.ageAssessed.short") + ")" : "")),
                CheckRow.key("sex", "person.sex", "sex." + form.sex()),
                CheckRow.text("nationality", "person.nationality", country),
                CheckRow.text("languages", "person.languages", form.languages()),
                CheckRow.key("interpreterNeeded", "person.interpreterNeeded",
                        form.interpreterNeeded() ? "intake.check.yes" : "intake.check.no"),
                CheckRow.text("interpreterLanguage", "person.interpreterLanguage", form.interpreterLanguage()),
                CheckRow.text("documents", "person.documents", form.documents()),
                CheckRow.key("protectedIdentity", "person.protectedIdentity", "protectedIdentity." + form.protectedIdentity()),
                CheckRow.text("address", "person.address", form.address())));
        return "cases/intake-check";
    }

    /**
     * The check page's "Öppna ärendet": opens the case from the answers kept in the session, once per draft token. A
     * second confirm of the same draft (a double click, a reload) opens nothing and goes to the case already opened.
     */
    @PostMapping
    @Audited(action = AuditAction.CREATE, recordType = "CASE")
    String open(@RequestParam(required = false) UUID draft, @AuthenticationPrincipal CurrentUser user,
                Model model, HttpSession session, RedirectAttributes redirect) {
        // Who may open a case first: the form is not even shown again to a role without case work.
        access.requireCaseWork(user);
        IntakeForm form = draft == null ? null : IntakeDrafts.find(session, draft).orElse(null);
        if (form == null) {
            Optional<CaseId> opened = draft == null ? Optional.empty() : cases.openedBy(draft, user);
            if (opened.isPresent()) {
                AuditContext.recordId(opened.get());
                return "redirect:/cases/" + opened.get();
            }
            AuditContext.outcome(AuditOutcome.FAILED);
            redirect.addFlashAttribute("flash", "flash.intake.expired");
            return "redirect:/cases/new/intake";
        }
        try {
            CaseId id = cases.openOnce(draft, form.toIntake(SWEDEN), user);
            AuditContext.recordId(id);
            IntakeDrafts.forget(session, draft);
            redirect.addFlashAttribute("flash", "flash.case.opened");
            return "redirect:/cases/" + id;
        } catch (FieldProblems problems) {
            // Something changed since the check (the person was merged away): back to the form, with the answers.
            AuditContext.outcome(AuditOutcome.FAILED);
            BindingResult result = new org.springframework.validation.BeanPropertyBindingResult(form, "intakeForm");
            FormErrors.apply(problems, result);
            model.addAttribute("intakeForm", form);
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "intakeForm", result);
            model.addAttribute("draft", draft);
            return intakeView(form.existingPersonId(), user, model);
        }
    }

    /** One answer on the intake's check page: the field to go back to, its label, and the answer or its message key. */
    record CheckRow(String field, String labelKey, String value, boolean valueKey) {
        static CheckRow text(String field, String labelKey, String value) {
            return new CheckRow(field, labelKey, value == null || value.isBlank() ? null : value, false);
        }

        static CheckRow key(String field, String labelKey, String key) {
            return new CheckRow(field, labelKey, key, true);
        }
    }

    private String messages(Locale locale, String key) {
        return messageSource.getMessage(key, null, key, locale);
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
    // The page's reads (the grant, the case, its checklist, every module's panel) share one read-only transaction: one
    // connection from the pool and one commit instead of one per read (QueryBudgetIT).
    @Transactional(readOnly = true)
    String show(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, Model model,
                jakarta.servlet.http.HttpServletRequest request) {
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
        List<String> openPhases = new java.util.ArrayList<>();
        next.next().or(checklist::next).ifPresent(i -> openPhases.add(i.phaseKey()));
        if (model.getAttribute(PHASE) instanceof String changed) {
            openPhases.add(changed);
        }
        model.addAttribute("checklistView", ChecklistView.of(checklist, id, request.getContextPath(), view.editable(),
                openPhases, org.springframework.context.i18n.LocaleContextHolder.getLocale(), messageSource, dates));
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
                          RedirectAttributes redirect, jakarta.servlet.http.HttpServletRequest request) {
        WriteGrant grant = access.write(new CaseId(id), user);
        CaseView view = cases.view(grant.grant());
        // All problems at once: the assessment's rules run also when a ticked sign could not be read.
        IndicatorForm sent = form != null ? form : FormErrors.lenient(IndicatorForm.class, result, request);
        if (result.hasErrors()) {
            // Values refused already are left out of the check: nothing refused reaches the service.
            IndicatorForm checked = FormErrors.lenient(IndicatorForm.class, result, request);
            FormErrors.check(result, () -> cases.checkIndicators(grant, checked.observed(), checked.overallAssessment()));
        } else {
            try {
                cases.recordIndicators(grant, form.observed(), form.overallAssessment(), form.version());
                redirect.addFlashAttribute("flash", "flash.case.indicators");
                return backTo(id, FACTS, redirect);
            } catch (FieldProblems problems) {
                FormErrors.apply(problems, result);
            }
        }
        AuditContext.outcome(AuditOutcome.FAILED);
        FormErrors.inOrder(model, result, sent);
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
                          RedirectAttributes redirect, jakarta.servlet.http.HttpServletRequest request) {
        WriteGrant grant = access.write(new CaseId(id), user);
        CaseView view = cases.view(grant.grant());
        // All problems at once: the assessment's rules run also when the outcome could not be read.
        ProtectionForm sent = form != null ? form : FormErrors.lenient(ProtectionForm.class, result, request);
        if (result.hasErrors()) {
            // Values refused already are left out of the check: nothing refused reaches the service.
            ProtectionForm checked = FormErrors.lenient(ProtectionForm.class, result, request);
            FormErrors.check(result, () -> cases.checkProtection(grant, checked.outcome(), checked.notes()));
        } else {
            try {
                cases.recordProtection(grant, form.outcome(), form.notes(), form.version());
                redirect.addFlashAttribute("flash", "flash.case.protection");
                return backTo(id, FACTS, redirect);
            } catch (FieldProblems problems) {
                FormErrors.apply(problems, result);
            }
        }
        AuditContext.outcome(AuditOutcome.FAILED);
        FormErrors.inOrder(model, result, sent);
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
