package se.lotsen.audit.internal;

import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.lotsen.audit.AuditAction;
import se.lotsen.audit.AuditActor;
import se.lotsen.audit.AuditContext;
import se.lotsen.audit.AuditOutcome;
import se.lotsen.audit.Audited;
import se.lotsen.common.FieldProblems;
import se.lotsen.common.FormErrors;
import se.lotsen.common.Paging;

/**
 * The record of periodic log reviews (loggkontroll): the reviews done, newest first, and the form that registers one.
 * Auditors only ({@code /audit/**}).
 */
@Controller
@RequestMapping("/audit/reviews")
class AuditReviewController {

    static final String RECORD_TYPE = "AUDIT_REVIEW";

    private final AuditReviews reviews;

    AuditReviewController(AuditReviews reviews) {
        this.reviews = reviews;
    }

    @GetMapping
    @Audited(action = AuditAction.SEARCH, recordType = RECORD_TYPE)
    String list(@RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("result", reviews.list(Paging.of(page, null)));
        model.addAttribute("baseUrl", "/audit/reviews");
        return "audit/reviews";
    }

    @GetMapping("/new")
    @Audited(action = AuditAction.READ, recordType = RECORD_TYPE)
    String newForm(Model model) {
        AuditReviewForm form = reviews.blankForm();
        model.addAttribute("reviewForm", form);
        return formView(form, model);
    }

    @PostMapping
    @Audited(action = AuditAction.CREATE, recordType = RECORD_TYPE)
    String register(@Valid @ModelAttribute("reviewForm") AuditReviewForm form, BindingResult result,
                    @AuthenticationPrincipal AuditActor reviewer, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                AuditReviews.AuditReview review = reviews.register(form, reviewer);
                AuditContext.recordId(review.id());
                redirect.addFlashAttribute("flash", "auditReview.flash.registered");
                return "redirect:/audit/reviews";
            } catch (FieldProblems problems) {
                FormErrors.apply(problems, result);
            }
        } else {
            try {
                reviews.check(form);
            } catch (FieldProblems problems) {
                // Show every problem at once, not the date rules only after the fields are filled in.
                problems.problems().stream().filter(p -> !result.hasFieldErrors(p.field()))
                        .forEach(p -> result.rejectValue(p.field(), p.messageKey(), p.args(), p.messageKey()));
            }
        }
        AuditContext.outcome(AuditOutcome.FAILED);
        return formView(form, model);
    }

    private String formView(AuditReviewForm form, Model model) {
        boolean periodKnown = form.periodFrom() != null && form.periodTo() != null
                && !form.periodFrom().isAfter(form.periodTo());
        model.addAttribute("flaggedInPeriod", periodKnown ? reviews.flaggedIn(form.periodFrom(), form.periodTo())
                : null);
        model.addAttribute("today", reviews.today());
        return "audit/review-form";
    }
}
