package se.lotsen.consultation.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
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

import se.lotsen.access.Role;
import se.lotsen.audit.AuditAction;
import se.lotsen.audit.AuditContext;
import se.lotsen.audit.AuditOutcome;
import se.lotsen.audit.Audited;
import se.lotsen.cases.CaseAccess;
import se.lotsen.cases.CaseHeader;
import se.lotsen.cases.CaseId;
import se.lotsen.cases.CaseRight;
import se.lotsen.cases.WriteGrant;
import se.lotsen.common.Deliveries;
import se.lotsen.common.FieldProblems;
import se.lotsen.common.FormErrors;
import se.lotsen.common.PageResult;
import se.lotsen.common.Paging;
import se.lotsen.consultation.Question;
import se.lotsen.consultation.Questions;

/**
 * Questions to the method developer: asking (about a case or in general), the method developer's queue with the age
 * of what waits, everyone else's own questions, a question with its answer, and answering.
 */
@Controller
@RequestMapping("/questions")
class QuestionController {

    private final Questions questions;
    private final CaseAccess access;
    private final Deliveries deliveries;
    private final MessageSource messages;
    private final Clock clock;

    QuestionController(Questions questions, CaseAccess access, Deliveries deliveries, MessageSource messages,
                       Clock clock) {
        this.questions = questions;
        this.access = access;
        this.deliveries = deliveries;
        this.messages = messages;
        this.clock = clock;
    }

    /** A question as typed: the case it is about (or none), the text, and whether it is urgent. */
    public record QuestionForm(String caseId, @Size(max = 20000, message = "{validation.size.max}") String text,
                               String urgent) {

        public boolean urgentChecked() {
            return "true".equalsIgnoreCase(urgent) || "on".equalsIgnoreCase(urgent);
        }

        /** The case the question is about, or {@code null} for a general question or an unreadable id. */
        UUID caseUuid() {
            try {
                return caseId == null || caseId.isBlank() ? null : UUID.fromString(caseId.trim());
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    /** An answer as typed. */
    public record AnswerForm(@Size(max = 20000, message = "{validation.size.max}") String answer) {
    }

    /** A question as listed: with how long it has waited, in words. */
    public record QuestionRow(Question question, String waited) {
    }

    // -- asking --

    @GetMapping("/new")
    @Audited(action = AuditAction.READ, recordType = "CASE")
    String newQuestion(@RequestParam(required = false) UUID caseId, @AuthenticationPrincipal CurrentUser user,
                       Model model) {
        model.addAttribute("questionForm", new QuestionForm(caseId == null ? "" : caseId.toString(), "", ""));
        return formView(caseId, user, model);
    }

    @PostMapping("/new")
    @Audited(action = AuditAction.CREATE, recordType = "QUESTION")
    String ask(@Valid @ModelAttribute("questionForm") QuestionForm form, BindingResult result,
               @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        questions.requireMayAsk(user);
        if (form.caseUuid() == null && form.caseId() != null && !form.caseId().isBlank()) {
            FormErrors.reject(result, "caseId", "validation.invalid");
        }
        if (!result.hasErrors()) {
            try {
                WriteGrant grant = form.caseUuid() == null ? null : access.write(new CaseId(form.caseUuid()), user);
                Question q = questions.ask(grant, form.text(), form.urgentChecked(), user);
                AuditContext.recordId(q.id());
                AuditContext.detail(q.caseId() == null ? "general question" : "question about case " + q.caseId());
                redirect.addFlashAttribute("flash", q.urgent() ? "flash.question.askedUrgent" : "flash.question.asked");
                return "redirect:/questions/" + q.id();
            } catch (FieldProblems problems) {
                FormErrors.apply(problems, result);
            }
        }
        AuditContext.outcome(AuditOutcome.FAILED);
        return formView(form.caseUuid(), user, model);
    }

    private String formView(UUID caseId, CurrentUser user, Model model) {
        questions.requireMayAsk(user);
        CaseHeader header = null;
        if (caseId != null) {
            AuditContext.recordId(caseId);
            header = access.write(new CaseId(caseId), user).header();
        }
        model.addAttribute("caseHolder", header);
        return "consultation/new";
    }

    // -- the queue and one's own questions --

    @GetMapping
    @Audited(action = AuditAction.SEARCH, recordType = "QUESTION")
    String list(@RequestParam(required = false) Boolean unanswered, @RequestParam(required = false) Integer page,
                @AuthenticationPrincipal CurrentUser user, Model model) {
        boolean methodDeveloper = user.has(Role.METHOD_DEVELOPER);
        boolean onlyUnanswered = methodDeveloper && Boolean.TRUE.equals(unanswered);
        Paging paging = Paging.of(page, null);
        PageResult<Question> result = methodDeveloper ? questions.queue(onlyUnanswered, user, paging)
                : questions.asked(user, paging);
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("result", result.map(q -> new QuestionRow(q, waited(q, locale))));
        model.addAttribute("methodDeveloper", methodDeveloper);
        model.addAttribute("unanswered", onlyUnanswered);
        model.addAttribute("baseUrl", onlyUnanswered ? "/questions?unanswered=true" : "/questions");
        return "consultation/list";
    }

    // -- one question, and answering it --

    @GetMapping("/{id}")
    @Audited(action = AuditAction.READ, recordType = "QUESTION", idParam = "id")
    String show(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("answerForm", new AnswerForm(""));
        return showView(questions.get(id, user), user, model, false);
    }

    /** What became of the question's notifications and e-mails, for the asker's page (polled until settled). */
    @GetMapping("/{id}/delivery")
    @Audited(action = AuditAction.READ, recordType = "QUESTION", idParam = "id")
    String delivery(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, Model model) {
        Question q = questions.get(id, user);
        model.addAttribute("q", q);
        addDelivery(q, model);
        return "consultation/show :: delivery";
    }

    @PostMapping("/{id}/answer")
    @Audited(action = AuditAction.UPDATE, recordType = "QUESTION", idParam = "id")
    String answer(@PathVariable UUID id, @Valid @ModelAttribute("answerForm") AnswerForm form, BindingResult result,
                  @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        Question q = questions.get(id, user);
        if (!result.hasErrors()) {
            try {
                questions.answer(id, form.answer(), user);
                redirect.addFlashAttribute("flash", "flash.question.answered");
                return "redirect:/questions/" + id;
            } catch (FieldProblems problems) {
                FormErrors.apply(problems, result);
            }
        }
        AuditContext.outcome(AuditOutcome.FAILED);
        return showView(q, user, model, true);
    }

    /** {@code withErrors}: the answer form stays with its errors, also when someone answered in the meantime. */
    private String showView(Question q, CurrentUser user, Model model, boolean withErrors) {
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("q", q);
        model.addAttribute("waited", waited(q, locale));
        addDelivery(q, model);
        model.addAttribute("mayAnswer", user.has(Role.METHOD_DEVELOPER) && (!q.answered() || withErrors));
        model.addAttribute("mayOpenCase", q.caseId() != null && access.find(new CaseId(q.caseId()), user)
                .filter(g -> g.may(CaseRight.READ)).isPresent());
        return "consultation/show";
    }

    /**
     * What became of the question's notifications. Nobody notified two minutes after asking means there was nobody to
     * notify (no method developer has an account): said so, and not asked again.
     */
    private void addDelivery(Question q, Model model) {
        Deliveries.Delivery delivery = deliveries.of("question:" + q.id());
        model.addAttribute("delivery", delivery);
        model.addAttribute("deliveryStale", delivery.underway()
                && q.askedAt().isBefore(clock.instant().minus(Duration.ofMinutes(2))));
    }

    /** How long the question waited (or has waited so far), in words: "3 timmar", "2 dagar". */
    private String waited(Question q, Locale locale) {
        Instant until = q.answered() ? q.answeredAt() : clock.instant();
        Duration d = Duration.between(q.askedAt(), until);
        if (d.isNegative()) {
            d = Duration.ZERO;
        }
        if (d.toHours() < 1) {
            return messages.getMessage("age.minutes", new Object[] {d.toMinutes()}, locale);
        }
        if (d.toHours() < 48) {
            return messages.getMessage("age.hours", new Object[] {d.toHours()}, locale);
        }
        return messages.getMessage("age.days", new Object[] {d.toDays()}, locale);
    }
}
