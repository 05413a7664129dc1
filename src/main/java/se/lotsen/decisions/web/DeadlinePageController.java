package se.lotsen.decisions.web;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import se.lotsen.access.CurrentUser;
import se.lotsen.audit.AuditAction;
import se.lotsen.audit.AuditContext;
import se.lotsen.audit.AuditOutcome;
import se.lotsen.audit.Audited;
import se.lotsen.audit.NotAudited;
import se.lotsen.cases.CaseAccess;
import se.lotsen.cases.CaseGrant;
import se.lotsen.cases.CaseId;
import se.lotsen.cases.CaseView;
import se.lotsen.cases.Cases;
import se.lotsen.cases.WriteGrant;
import se.lotsen.common.FieldProblems;
import se.lotsen.common.FormErrors;
import se.lotsen.common.NotFoundException;
import se.lotsen.common.Paging;
import se.lotsen.common.SwedishDates;
import se.lotsen.calendar.DaysLeft;
import se.lotsen.decisions.BoardItemSource;
import se.lotsen.decisions.Deadline;
import se.lotsen.decisions.DeadlineId;
import se.lotsen.decisions.DeadlineKind;
import se.lotsen.decisions.DeadlineStatus;
import se.lotsen.decisions.DeadlineRule;
import se.lotsen.decisions.Deadlines;
import se.lotsen.decisions.Decision;
import se.lotsen.decisions.Decisions;
import se.lotsen.decisions.web.DecisionForms.ExtensionRequestForm;
import se.lotsen.decisions.web.DecisionForms.MetForm;

/**
 * The deadline page (what the rule says, how the last day was counted, marking it met or recording the court's
 * extension), the deadline board of the viewer's units, and the versioned rules.
 */
@Controller
class DeadlinePageController {

    private final se.lotsen.cooperation.Cooperation cooperation;

    /** The board's look-ahead choices, in days. */
    static final List<Integer> BOARD_DAYS = List.of(7, 14, 30);
    static final int DEFAULT_BOARD_DAYS = 14;

    private final Deadlines deadlines;
    private final Decisions decisions;
    private final Cases cases;
    private final CaseAccess access;
    private final DeadlineViews views;
    private final SwedishDates dates;
    private final List<BoardItemSource> itemSources;
    private final DaysLeft daysLeft;

    DeadlinePageController(Deadlines deadlines, Decisions decisions, Cases cases, CaseAccess access,
                           DeadlineViews views, SwedishDates dates, se.lotsen.cooperation.Cooperation cooperation,
                           List<BoardItemSource> itemSources, DaysLeft daysLeft) {
        this.cooperation = cooperation;
        this.itemSources = itemSources;
        this.daysLeft = daysLeft;
        this.deadlines = deadlines;
        this.decisions = decisions;
        this.cases = cases;
        this.access = access;
        this.views = views;
        this.dates = dates;
    }

    // -- one deadline --

    @GetMapping("/cases/{id}/deadlines/{deadlineId}")
    @Audited(action = AuditAction.READ, recordType = "CASE", idParam = "id")
    String show(@PathVariable UUID id, @PathVariable UUID deadlineId, @AuthenticationPrincipal CurrentUser user,
                Model model) {
        CaseGrant grant = access.read(new CaseId(id), user);
        CaseView view = cases.view(grant);
        AuditContext.detail("deadline " + deadlineId);
        Deadline d = deadlines.forRead(grant, new DeadlineId(deadlineId));
        // For a lapsed deadline the day it was actually done must be given; today would be refused as too late.
        model.addAttribute("metForm", new MetForm(d.status() == DeadlineStatus.LAPSED ? null
                : views.today(), "", false));
        return deadlineView(view, d, model, null);
    }

    @PostMapping("/cases/{id}/deadlines/{deadlineId}/met")
    @Audited(action = AuditAction.UPDATE, recordType = "DEADLINE", idParam = "deadlineId")
    String markMet(@PathVariable UUID id, @PathVariable UUID deadlineId, @Valid @ModelAttribute("metForm") MetForm form,
                   BindingResult result, @AuthenticationPrincipal CurrentUser user, Model model,
                   RedirectAttributes redirect, HttpServletRequest request) {
        WriteGrant grant = access.write(new CaseId(id), user);
        CaseView view = cases.view(grant.grant());
        AuditContext.detail("case " + id + " deadline met");
        Deadline d = deadlines.forRead(grant.grant(), new DeadlineId(deadlineId));
        // All problems at once: the deadline's rules run also when the evidence is too long or the day did not convert.
        MetForm sent = form != null ? form : FormErrors.lenient(MetForm.class, result, request);
        if (result.hasErrors()) {
            // Values refused already are left out of the check: nothing refused reaches the service.
            MetForm checked = FormErrors.lenient(MetForm.class, result, request);
            DecisionForms.check(result, MetForm.class, "metOn",
                    () -> deadlines.checkMet(grant, d.deadlineId(), checked.metOn(), checked.evidence()));
        } else {
            try {
                Set<UUID> before = deadlines.forCase(id).stream().map(Deadline::id).collect(Collectors.toSet());
                deadlines.markMet(grant, d.deadlineId(), form.metOn(), form.evidence(), form.investigationOpened());
                List<Deadline> started = deadlines.forCase(id).stream().filter(x -> !before.contains(x.id())).toList();
                Locale locale = LocaleContextHolder.getLocale();
                if (started.isEmpty()) {
                    redirect.addFlashAttribute("flash", "flash.deadline.met");
                    redirect.addFlashAttribute("flashArg", views.kindName(d.kind(), locale));
                } else {
                    redirect.addFlashAttribute("flash", "flash.deadline.metStarted");
                    redirect.addFlashAttribute("flashArg", views.describeStarted(started, locale));
                }
                redirect.addFlashAttribute("section", "deadlines"); // the case page marks the section as current
                return "redirect:/cases/" + id + "#deadlines";
            } catch (FieldProblems problems) {
                DecisionForms.apply(problems, result, MetForm.class, "metOn");
            }
        }
        AuditContext.outcome(AuditOutcome.FAILED);
        FormErrors.inOrder(model, result, sent);
        return deadlineView(view, d, model, "met");
    }

    @PostMapping("/cases/{id}/deadlines/{deadlineId}/extension-requested")
    @Audited(action = AuditAction.UPDATE, recordType = "DEADLINE", idParam = "deadlineId")
    String extensionRequested(@PathVariable UUID id, @PathVariable UUID deadlineId,
                              @Valid @ModelAttribute("extensionRequestForm") ExtensionRequestForm form,
                              BindingResult result, @AuthenticationPrincipal CurrentUser user, Model model,
                              RedirectAttributes redirect) {
        WriteGrant grant = access.write(new CaseId(id), user);
        CaseView view = cases.view(grant.grant());
        AuditContext.detail("case " + id + " extension requested");
        Deadline d = deadlines.forRead(grant.grant(), new DeadlineId(deadlineId));
        if (!result.hasErrors()) {
            try {
                Deadline requested = deadlines.requestExtension(grant, d.deadlineId(), form.requestedOn());
                redirect.addFlashAttribute("flash", "flash.deadline.extensionRequested");
                redirect.addFlashAttribute("flashArg",
                        dates.date(requested.extensionRequestedOn(), LocaleContextHolder.getLocale()));
                return "redirect:/cases/" + id + "/deadlines/" + deadlineId;
            } catch (FieldProblems problems) {
                DecisionForms.apply(problems, result, ExtensionRequestForm.class, "requestedOn");
            }
        }
        AuditContext.outcome(AuditOutcome.FAILED);
        return deadlineView(view, d, model, "extensionRequest");
    }

    /**
     * The deadline page. {@code failedForm} names the form just sent with errors ("met", "extensionRequest"); it is shown with
     * its errors even when it no longer applies (e.g. sent twice).
     */
    private String deadlineView(CaseView view, Deadline d, Model model, String failedForm) {
        // The page's forms that were not just sent start empty (the one sent keeps what was typed).
        if (!model.containsAttribute("metForm")) {
            model.addAttribute("metForm", new MetForm(views.today(), "", false));
        }
        if (!model.containsAttribute("extensionRequestForm")) {
            model.addAttribute("extensionRequestForm", new ExtensionRequestForm(null));
        }
        boolean editable = view.editable();
        DeadlineView v = views.view(d, LocaleContextHolder.getLocale());
        Decision decision = d.decisionId() == null ? null : decisions.forCase(view.grant()).stream()
                .filter(x -> x.id().equals(d.decisionId())).findFirst().orElse(null);
        model.addAttribute("c", view);
        model.addAttribute("v", v);
        model.addAttribute("d", d);
        model.addAttribute("decision", decision);
        model.addAttribute("mayMarkMet", "met".equals(failedForm) || editable && d.status().open());
        // The court's extension is recorded as its ruling on the custody (one record of it): a link there.
        model.addAttribute("mayExtend", editable && d.status().open() && d.kind().extendable()
                && d.decisionId() != null);
        model.addAttribute("mayRequestExtension", "extensionRequest".equals(failedForm)
                || editable && d.extensionMayBeRequested());
        model.addAttribute("courtCaseNumberAsked", d.kind() == DeadlineKind.LVU_7_SUBMISSION);
        model.addAttribute("investigationChoice", d.kind() == DeadlineKind.CHILD_INVESTIGATION_DECISION);
        return "decisions/deadline";
    }

    // -- the board --

    @GetMapping("/deadlines")
    @Audited(action = AuditAction.SEARCH, recordType = "DEADLINE")
    String board(@RequestParam(required = false) String days, @RequestParam(required = false) String q,
                 @RequestParam(required = false) String page, @AuthenticationPrincipal CurrentUser user, Model model) {
        int ahead = parseDays(days);
        String query = q == null ? "" : q.trim();
        Locale locale = LocaleContextHolder.getLocale();
        // In the order the query gave (urgent first, then by last day): no sorting here.
        Deadlines.Board board = deadlines.board(access.scope(user), ahead, query, Paging.of(parsePage(page), null));
        model.addAttribute("result", board.rows().map(r -> new BoardEntry(r, views.view(r.deadline(), locale))));
        model.addAttribute("q", query);
        model.addAttribute("days", ahead);
        model.addAttribute("dayChoices", BOARD_DAYS);
        model.addAttribute("urgentCount", board.urgent());
        model.addAttribute("baseUrl", UriComponentsBuilder.fromPath("/deadlines")
                .queryParam("days", ahead)
                .queryParamIfPresent("q", Optional.of(query).filter(s -> !s.isEmpty()))
                .encode().toUriString());
        // Contacts queued for a partner's opening appear on the board of the day they are due.
        model.addAttribute("queued", cooperation.queued(access.scope(user), views.today()));
        // Dated items of other modules (a grant's final report): in date order, overdue first, with what is left.
        LocalDate today = views.today();
        model.addAttribute("items", itemSources.stream()
                .flatMap(source -> source.items(user, today.plusDays(ahead)).stream())
                .sorted(Comparator.comparing(BoardItemSource.BoardItem::date)
                        .thenComparing(BoardItemSource.BoardItem::title))
                .map(item -> new ItemEntry(item, daysLeft.left(item.date(), today, locale),
                        item.date().isBefore(today)))
                .toList());
        return "decisions/board";
    }

    /** One dated item of another module on the board, with the working days left (or how long ago it was due). */
    public record ItemEntry(BoardItemSource.BoardItem item, String left, boolean overdue) {
    }

    /** One row of the board: the case it concerns and the deadline as shown. */
    public record BoardEntry(Deadlines.BoardRow row, DeadlineView view) {
    }

    /** The page asked for; anything that is not a number is the first page ({@link Paging} clamps the rest). */
    static Integer parsePage(String page) {
        try {
            return page == null ? null : Integer.valueOf(page.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static int parseDays(String days) {
        try {
            int n = days == null ? DEFAULT_BOARD_DAYS : Integer.parseInt(days.trim());
            return BOARD_DAYS.contains(n) ? n : DEFAULT_BOARD_DAYS;
        } catch (NumberFormatException e) {
            return DEFAULT_BOARD_DAYS;
        }
    }

    // -- the rules --

    @GetMapping("/deadlines/rules")
    @NotAudited("the deadline rules are law, not personal data")
    String rules(Model model) {
        Map<DeadlineKind, List<DeadlineRule>> byKind = new LinkedHashMap<>();
        for (DeadlineKind kind : DeadlineKind.values()) {
            byKind.put(kind, new java.util.ArrayList<>());
        }
        for (DeadlineRule rule : deadlines.rules()) {
            byKind.get(rule.kind()).add(rule);
        }
        byKind.values().removeIf(List::isEmpty);
        model.addAttribute("rulesByKind", byKind);
        return "decisions/rules";
    }
}
