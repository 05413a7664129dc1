package se.lotsen.review.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.MessageSource;
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
import se.lotsen.common.BarChart;
import se.lotsen.common.DateInput;
import se.lotsen.common.FieldProblems;
import se.lotsen.common.FormErrors;
import se.lotsen.common.Paging;
import se.lotsen.review.Review;
import se.lotsen.review.ReviewAnswer;
import se.lotsen.review.ReviewArea;
import se.lotsen.review.Reviews;
import se.lotsen.routines.RoutineVersion;
import se.lotsen.routines.Routines;

/**
 * Case reviews: the list, defining a review and its template (method developer), starting it, the cases of a review,
 * one case under review (the reviewers: pseudonymised, pre-filled answers with evidence, the identity on request),
 * and the results with findings (method developers and auditors).
 */
@Controller
@RequestMapping("/reviews")
class ReviewController {

    private final Reviews reviews;
    private final Routines routines;
    private final MessageSource messages;

    ReviewController(Reviews reviews, Routines routines, MessageSource messages) {
        this.reviews = reviews;
        this.routines = routines;
        this.messages = messages;
    }

    /** A review's definition as typed. */
    public record ReviewForm(String name, String purpose, String openedFrom, String openedTo, String subject,
                             String traffickingOnly, String custodyOnly, List<String> units, String workFrom,
                             String workUntil, List<String> reviewers) {
        static ReviewForm of(Review r) {
            return new ReviewForm(r.name(), r.purpose(), r.openedFrom().toString(), r.openedTo().toString(),
                    r.subject(), String.valueOf(r.traffickingOnly()), String.valueOf(r.custodyOnly()),
                    r.units().stream().map(u -> u.id().toString()).toList(), r.workFrom().toString(),
                    r.workUntil().toString(), r.reviewers().stream().map(u -> u.id().toString()).toList());
        }

        public boolean checked(String value) {
            return "true".equalsIgnoreCase(value) || "on".equalsIgnoreCase(value);
        }

        public boolean hasUnit(UUID id) {
            return units != null && units.contains(id.toString());
        }

        public boolean hasReviewer(UUID id) {
            return reviewers != null && reviewers.contains(id.toString());
        }
    }

    public record QuestionForm(String area, String text) {
    }

    public record AnswerForm(String questionId, String value, String comment, String reason) {
    }

    public record RevealForm(String reason) {
    }

    public record FindingForm(String area, String text, String routineVersionId) {
    }

    // -- the list --

    @GetMapping
    @Audited(action = AuditAction.SEARCH, recordType = "REVIEW")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
                @AuthenticationPrincipal CurrentUser user, Model model) {
        String query = q == null ? "" : q.strip();
        model.addAttribute("result", reviews.list(query, user, Paging.of(page, null)));
        model.addAttribute("q", query);
        model.addAttribute("baseUrl", query.isEmpty() ? "/reviews" : "/reviews?q=" + java.net.URLEncoder.encode(query,
                java.nio.charset.StandardCharsets.UTF_8));
        model.addAttribute("mayDefine", reviews.defines(user));
        return "review/list";
    }

    // -- defining --

    @GetMapping("/new")
    @Audited(action = AuditAction.READ, recordType = "REVIEW")
    String newReview(@AuthenticationPrincipal CurrentUser user, Model model) {
        reviews.requireDefines(user);
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Stockholm"));
        model.addAttribute("reviewForm", new ReviewForm("", "", today.minusMonths(6).toString(), today.toString(),
                "CHILD", "true", "true", List.of(), today.toString(), today.plusMonths(1).toString(),
                List.of(user.accountId().toString())));
        return formView(null, model);
    }

    @PostMapping("/new")
    @Audited(action = AuditAction.CREATE, recordType = "REVIEW")
    String create(@jakarta.validation.Valid @ModelAttribute("reviewForm") ReviewForm form, BindingResult result,
                  @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        reviews.requireDefines(user);
        Reviews.Definition d = definition(form, result);
        if (d != null) {
            try {
                UUID id = reviews.create(d, user, LocaleContextHolder.getLocale());
                AuditContext.recordId(id);
                redirect.addFlashAttribute("flash", "flash.review.created");
                return "redirect:/reviews/" + id;
            } catch (FieldProblems problems) {
                FormErrors.apply(problems, result);
            }
        }
        AuditContext.outcome(AuditOutcome.FAILED);
        return formView(null, model);
    }

    @GetMapping("/{id}/edit")
    @Audited(action = AuditAction.READ, recordType = "REVIEW", idParam = "id")
    String edit(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, Model model,
                RedirectAttributes redirect) {
        reviews.requireDefines(user);
        Review review = reviews.get(id, user);
        if (!review.draft()) {
            return startedAlready(id, redirect);
        }
        model.addAttribute("reviewForm", ReviewForm.of(review));
        return formView(review, model);
    }

    @PostMapping("/{id}/edit")
    @Audited(action = AuditAction.UPDATE, recordType = "REVIEW", idParam = "id")
    String update(@PathVariable UUID id, @jakarta.validation.Valid @ModelAttribute("reviewForm") ReviewForm form, BindingResult result,
                  @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        reviews.requireDefines(user);
        Review review = reviews.get(id, user);
        if (!review.draft()) {
            AuditContext.outcome(AuditOutcome.FAILED);
            return startedAlready(id, redirect);
        }
        Reviews.Definition d = definition(form, result);
        if (d != null) {
            try {
                reviews.update(id, d, user);
                redirect.addFlashAttribute("flash", "flash.review.saved");
                return "redirect:/reviews/" + id;
            } catch (FieldProblems problems) {
                FormErrors.apply(problems, result);
            }
        }
        AuditContext.outcome(AuditOutcome.FAILED);
        return formView(review, model);
    }

    /** A change to a started review: refused, said so on the review's page. */
    private static String startedAlready(UUID id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("flash", "validation.review.started");
        return "redirect:/reviews/" + id;
    }

    private String formView(Review review, Model model) {
        model.addAttribute("review", review);
        model.addAttribute("unitChoices", reviews.units());
        model.addAttribute("reviewerChoices", reviews.reviewerCandidates());
        return "review/form";
    }

    /** The definition, or {@code null} with field errors when a date cannot be read or a rule is broken. */
    private Reviews.Definition definition(ReviewForm form, BindingResult result) {
        LocalDate openedFrom = date(form.openedFrom(), "openedFrom", result);
        LocalDate openedTo = date(form.openedTo(), "openedTo", result);
        LocalDate workFrom = date(form.workFrom(), "workFrom", result);
        LocalDate workUntil = date(form.workUntil(), "workUntil", result);
        Set<UUID> units = uuids(form.units(), "units", result);
        Set<UUID> reviewers = uuids(form.reviewers(), "reviewers", result);
        Reviews.Definition d = new Reviews.Definition(form.name(), form.purpose(), openedFrom, openedTo,
                form.subject(), form.checked(form.traffickingOnly()), form.checked(form.custodyOnly()), units,
                workFrom, workUntil, reviewers);
        try {
            reviews.check(d);
        } catch (FieldProblems problems) {
            for (FieldProblems.Problem p : problems.problems()) {
                if (!result.hasFieldErrors(p.field())) {
                    FormErrors.apply(FieldProblems.of(p.field(), p.messageKey(), p.args()), result);
                }
            }
        }
        return result.hasErrors() ? null : d;
    }

    private static LocalDate date(String text, String field, BindingResult result) {
        if (result.hasFieldErrors(field)) {
            return null;
        }
        try {
            return DateInput.parseDate(text);
        } catch (IllegalArgumentException e) {
            FormErrors.reject(result, field, "typeMismatch.java.time.LocalDate");
            return null;
        }
    }

    private static Set<UUID> uuids(List<String> values, String field, BindingResult result) {
        Set<UUID> ids = new LinkedHashSet<>();
        if (result.hasFieldErrors(field)) {
            return ids;
        }
        for (String v : values == null ? List.<String>of() : values) {
            try {
                ids.add(UUID.fromString(v.strip()));
            } catch (IllegalArgumentException e) {
                FormErrors.reject(result, field, "validation.invalid");
                return Set.of();
            }
        }
        return ids;
    }

    // -- one review: its definition, template and cases --

    @GetMapping("/{id}")
    @Audited(action = AuditAction.READ, recordType = "REVIEW", idParam = "id")
    String show(@PathVariable UUID id, @RequestParam(required = false) String q,
                @RequestParam(required = false) Integer page, @AuthenticationPrincipal CurrentUser user, Model model) {
        Review review = reviews.get(id, user);
        model.addAttribute("questionForm", new QuestionForm("", ""));
        return showView(review, q, page, user, model);
    }

    private String showView(Review review, String q, Integer page, CurrentUser user, Model model) {
        String query = q == null ? "" : q.strip();
        model.addAttribute("review", review);
        model.addAttribute("mayDefine", reviews.defines(user) && review.draft());
        model.addAttribute("mayResults", reviews.readsAll(user) && !review.draft());
        model.addAttribute("areas", ReviewArea.values());
        model.addAttribute("q", query);
        boolean reviewing = !review.draft() && reviews.reviewing(review.id(), user);
        model.addAttribute("reviewing", reviewing);
        if (reviewing) {
            model.addAttribute("result", reviews.cases(review.id(), query, user, Paging.of(page, null)));
            model.addAttribute("baseUrl", "/reviews/" + review.id() + (query.isEmpty() ? "" : "?q="
                    + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8)));
        } else if (review.draft()) {
            model.addAttribute("preview", reviews.select(review).size());
        }
        model.addAttribute("isReviewer", review.reviewer(user.accountId()));
        return "review/show";
    }

    @PostMapping("/{id}/questions")
    @Audited(action = AuditAction.UPDATE, recordType = "REVIEW", idParam = "id")
    String addQuestion(@PathVariable UUID id, @jakarta.validation.Valid @ModelAttribute("questionForm") QuestionForm form, BindingResult result,
                       @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        reviews.requireDefines(user);
        Review review = reviews.get(id, user);
        if (!review.draft()) {
            AuditContext.outcome(AuditOutcome.FAILED);
            return startedAlready(id, redirect);
        }
        if (!result.hasErrors()) {
            try {
                reviews.addQuestion(id, form.area(), form.text(), user);
                redirect.addFlashAttribute("flash", "flash.review.questionAdded");
                return "redirect:/reviews/" + id + "#questions";
            } catch (FieldProblems problems) {
                FormErrors.apply(problems, result);
            }
        }
        AuditContext.outcome(AuditOutcome.FAILED);
        return showView(review, null, null, user, model);
    }

    @PostMapping("/{id}/questions/{questionId}")
    @Audited(action = AuditAction.UPDATE, recordType = "REVIEW", idParam = "id")
    String updateQuestion(@PathVariable UUID id, @PathVariable UUID questionId,
                          @jakarta.validation.Valid @ModelAttribute("questionForm") QuestionForm form, BindingResult result,
                          @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        reviews.requireDefines(user);
        Review review = reviews.get(id, user);
        if (!review.draft()) {
            AuditContext.outcome(AuditOutcome.FAILED);
            return startedAlready(id, redirect);
        }
        if (!result.hasErrors()) {
            try {
                reviews.updateQuestion(id, questionId, form.area(), form.text(), user);
                redirect.addFlashAttribute("flash", "flash.review.questionSaved");
                return "redirect:/reviews/" + id + "#questions";
            } catch (FieldProblems problems) {
                FormErrors.apply(problems, result);
            }
        }
        AuditContext.outcome(AuditOutcome.FAILED);
        model.addAttribute("editedQuestion", questionId);
        return showView(review, null, null, user, model);
    }

    @PostMapping("/{id}/questions/{questionId}/remove")
    @Audited(action = AuditAction.UPDATE, recordType = "REVIEW", idParam = "id")
    String removeQuestion(@PathVariable UUID id, @PathVariable UUID questionId,
                          @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        reviews.requireDefines(user);
        reviews.get(id, user);
        try {
            reviews.removeQuestion(id, questionId, user);
            redirect.addFlashAttribute("flash", "flash.review.questionRemoved");
        } catch (FieldProblems problems) {
            AuditContext.outcome(AuditOutcome.FAILED);
            redirect.addFlashAttribute("flash", "flash.review.lastQuestion");
        }
        return "redirect:/reviews/" + id + "#questions";
    }

    @PostMapping("/{id}/start")
    @Audited(action = AuditAction.UPDATE, recordType = "REVIEW", idParam = "id")
    String start(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, Model model,
                 RedirectAttributes redirect) {
        reviews.requireDefines(user);
        Review review = reviews.get(id, user);
        try {
            int n = reviews.start(id, user);
            AuditContext.detail("review started with " + n + " cases");
            redirect.addFlashAttribute("flash", "flash.review.started");
            redirect.addFlashAttribute("flashArg", n);
            return "redirect:/reviews/" + id;
        } catch (FieldProblems problems) {
            AuditContext.outcome(AuditOutcome.FAILED);
            model.addAttribute("startProblem", problems.problems().get(0).messageKey());
        }
        model.addAttribute("questionForm", new QuestionForm("", ""));
        return showView(review, null, null, user, model);
    }

    // -- one case under review --

    @GetMapping("/{id}/cases/{caseId}")
    @Audited(action = AuditAction.READ, recordType = "CASE", idParam = "caseId")
    String reviewCase(@PathVariable UUID id, @PathVariable UUID caseId, @AuthenticationPrincipal CurrentUser user,
                      Model model) {
        Reviews.CaseReview cr = reviews.caseReview(id, caseId, user, LocaleContextHolder.getLocale());
        model.addAttribute("revealForm", new RevealForm(""));
        return caseView(cr, model);
    }

    private String caseView(Reviews.CaseReview cr, Model model) {
        model.addAttribute("cr", cr);
        model.addAttribute("answers", ReviewAnswer.values());
        if (!model.containsAttribute("answerForm")) {
            model.addAttribute("answerForm", new AnswerForm("", "", "", ""));
        }
        return "review/case";
    }

    @PostMapping("/{id}/cases/{caseId}/answers")
    @Audited(action = AuditAction.UPDATE, recordType = "CASE", idParam = "caseId")
    String answer(@PathVariable UUID id, @PathVariable UUID caseId, @jakarta.validation.Valid @ModelAttribute("answerForm") AnswerForm form,
                  BindingResult result, @AuthenticationPrincipal CurrentUser user, Model model,
                  RedirectAttributes redirect) {
        Locale locale = LocaleContextHolder.getLocale();
        Reviews.CaseReview cr = reviews.caseReview(id, caseId, user, locale);
        UUID questionId = null;
        try {
            questionId = UUID.fromString(form.questionId() == null ? "" : form.questionId().strip());
        } catch (IllegalArgumentException e) {
            FormErrors.reject(result, "value", "validation.invalid");
        }
        if (questionId != null && !result.hasErrors()) {
            try {
                reviews.answer(id, caseId, new Reviews.AnswerCommand(questionId, form.value(), form.comment(),
                        form.reason()), user, locale);
                redirect.addFlashAttribute("flash", "flash.review.answered");
                return "redirect:/reviews/" + id + "/cases/" + caseId + "#q-" + questionId;
            } catch (FieldProblems problems) {
                FormErrors.apply(problems, result);
            }
        }
        AuditContext.outcome(AuditOutcome.FAILED);
        model.addAttribute("revealForm", new RevealForm(""));
        model.addAttribute("answerQuestion", questionId);
        java.util.Map<String, String> errors = new java.util.LinkedHashMap<>();
        result.getFieldErrors().forEach(e -> errors.putIfAbsent(e.getField(), messages.getMessage(e, locale)));
        model.addAttribute("answerErrors", errors);
        return caseView(cr, model);
    }

    @PostMapping("/{id}/cases/{caseId}/confirm")
    @Audited(action = AuditAction.UPDATE, recordType = "CASE", idParam = "caseId")
    String confirmAll(@PathVariable UUID id, @PathVariable UUID caseId, @AuthenticationPrincipal CurrentUser user,
                      RedirectAttributes redirect) {
        int n = reviews.confirmSuggestions(id, caseId, user, LocaleContextHolder.getLocale());
        AuditContext.detail(n + " pre-filled answers confirmed");
        redirect.addFlashAttribute("flash", "flash.review.confirmed");
        redirect.addFlashAttribute("flashArg", n);
        return "redirect:/reviews/" + id + "/cases/" + caseId;
    }

    @PostMapping("/{id}/cases/{caseId}/identity")
    @Audited(action = AuditAction.READ, recordType = "CASE", idParam = "caseId")
    String reveal(@PathVariable UUID id, @PathVariable UUID caseId, @jakarta.validation.Valid @ModelAttribute("revealForm") RevealForm form,
                  BindingResult result, @AuthenticationPrincipal CurrentUser user, Model model) {
        Locale locale = LocaleContextHolder.getLocale();
        if (!result.hasErrors()) {
            try {
                return caseView(reviews.revealIdentity(id, caseId, form.reason(), user, locale), model);
            } catch (FieldProblems problems) {
                FormErrors.apply(problems, result);
            }
        }
        AuditContext.outcome(AuditOutcome.FAILED);
        model.addAttribute("revealFailed", true);
        return caseView(reviews.caseReview(id, caseId, user, locale), model);
    }

    // -- results and findings --

    @GetMapping("/{id}/results")
    @Audited(action = AuditAction.READ, recordType = "REVIEW", idParam = "id")
    String results(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("findingForm", new FindingForm("", "", ""));
        return resultsView(id, user, model);
    }

    private String resultsView(UUID id, CurrentUser user, Model model) {
        Locale locale = LocaleContextHolder.getLocale();
        Review review = reviews.get(id, user);
        Reviews.Results results = reviews.results(id, user, locale);
        String unit = messages.getMessage("review.results.rateUnit", null, locale);
        model.addAttribute("review", review);
        model.addAttribute("results", results);
        model.addAttribute("byArea", chart("review.results.byArea", unit, results.byArea(), locale));
        model.addAttribute("byUnit", chart("review.results.byUnit", unit, results.byUnit(), locale));
        model.addAttribute("byQuarter", chart("review.results.byQuarter", unit, results.byQuarter(), locale));
        model.addAttribute("findings", reviews.findings(id, user));
        model.addAttribute("mayAddFinding", reviews.defines(user));
        model.addAttribute("areas", ReviewArea.values());
        List<RoutineVersion> versions = new ArrayList<>(routines.versions(Routines.ACUTE).stream()
                .filter(v -> v.status() == RoutineVersion.Status.PUBLISHED).toList());
        model.addAttribute("versions", versions);
        return "review/results";
    }

    private BarChart chart(String titleKey, String unit, List<Reviews.Rate> rates, Locale locale) {
        return new BarChart(messages.getMessage(titleKey, null, locale), unit, rates.stream()
                .map(r -> new BarChart.Bar(r.label(), r.percent(), r.percent() == null
                        ? messages.getMessage("review.results.noJudged", null, locale)
                        : messages.getMessage("review.results.rate", new Object[] {Math.round(r.percent()),
                        r.deficient(), r.judged()}, locale)))
                .toList());
    }

    @PostMapping("/{id}/findings")
    @Audited(action = AuditAction.CREATE, recordType = "REVIEW", idParam = "id")
    String addFinding(@PathVariable UUID id, @jakarta.validation.Valid @ModelAttribute("findingForm") FindingForm form, BindingResult result,
                      @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        reviews.requireDefines(user);
        reviews.get(id, user);
        UUID versionId = null;
        if (form.routineVersionId() != null && !form.routineVersionId().isBlank()) {
            versionId = routines.version(parseOrNull(form.routineVersionId()) == null ? new UUID(0, 0)
                            : parseOrNull(form.routineVersionId()))
                    .filter(v -> v.status() == RoutineVersion.Status.PUBLISHED).map(RoutineVersion::id).orElse(null);
            if (versionId == null) {
                FormErrors.reject(result, "routineVersionId", "validation.invalid");
            }
        }
        if (!result.hasErrors()) {
            try {
                reviews.addFinding(id, form.area(), form.text(), Routines.ACUTE, versionId, user);
                redirect.addFlashAttribute("flash", "flash.review.findingAdded");
                return "redirect:/reviews/" + id + "/results#findings";
            } catch (FieldProblems problems) {
                FormErrors.apply(problems, result);
            }
        }
        AuditContext.outcome(AuditOutcome.FAILED);
        return resultsView(id, user, model);
    }

    private static UUID parseOrNull(String s) {
        try {
            return UUID.fromString(s.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
