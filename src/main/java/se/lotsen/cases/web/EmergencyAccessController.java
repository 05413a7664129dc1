package se.lotsen.cases.web;

import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
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
import org.springframework.web.util.UriComponentsBuilder;

import se.lotsen.access.CurrentUser;
import se.lotsen.audit.AuditAction;
import se.lotsen.audit.AuditContext;
import se.lotsen.audit.AuditOutcome;
import se.lotsen.audit.Audited;
import se.lotsen.audit.NotAudited;
import se.lotsen.cases.CaseAccess;
import se.lotsen.cases.EmergencyAccessProperties;
import se.lotsen.common.FieldProblems;
import se.lotsen.common.FormErrors;
import se.lotsen.common.Paging;

/**
 * Emergency access (nödåtkomst): the form where a case worker opens a case outside their rights by giving a reason,
 * and the list of emergency accesses with their reasons for the leads of the holding unit and the auditors. The
 * decision is {@link CaseAccess#requestEmergencyAccess}'s.
 */
@Controller
@RequestMapping("/cases/emergency-access")
class EmergencyAccessController {

    private final CaseAccess access;
    private final EmergencyAccessProperties properties;

    EmergencyAccessController(CaseAccess access, EmergencyAccessProperties properties) {
        this.access = access;
        this.properties = properties;
    }

    /** The request form; {@code caseNumber} comes from the link of a "known at another unit" notice. */
    @GetMapping
    @NotAudited("an empty request form: no case is read until the form is sent with a reason")
    String form(@RequestParam(required = false) String caseNumber, @AuthenticationPrincipal CurrentUser user,
                Model model) {
        access.requireEmergencyAccess(user);
        model.addAttribute("emergencyForm", new EmergencyAccessForm(
                caseNumber == null || caseNumber.length() > 80 ? "" : caseNumber.strip(), ""));
        return formView(model);
    }

    @PostMapping
    @Audited(action = AuditAction.READ, recordType = "CASE")
    String request(@Valid @ModelAttribute("emergencyForm") EmergencyAccessForm form, BindingResult result,
                   @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect,
                   HttpServletRequest request) {
        access.requireEmergencyAccess(user);
        if (result.hasErrors()) {
            // All problems at once: the request's own rules run too, on the values not refused already (nothing
            // refused reaches the database).
            EmergencyAccessForm checked = FormErrors.lenient(EmergencyAccessForm.class, result, request);
            FormErrors.check(result, () -> access.checkEmergencyAccess(checked.caseNumber(), checked.reason(), user));
        } else {
            try {
                CaseAccess.EmergencyAccessOutcome outcome = access.requestEmergencyAccess(form.caseNumber(),
                        form.reason(), user);
                if (outcome.granted()) {
                    redirect.addFlashAttribute("flash", "flash.emergencyAccess.granted");
                }
                return "redirect:/cases/" + outcome.caseId();
            } catch (FieldProblems problems) {
                FormErrors.apply(problems, result);
            }
        }
        AuditContext.outcome(AuditOutcome.FAILED);
        FormErrors.inOrder(model, result, form);
        return formView(model);
    }

    private String formView(Model model) {
        Duration duration = properties.duration();
        boolean wholeHours = duration.toMinutesPart() == 0 && duration.toSecondsPart() == 0;
        model.addAttribute("durationKey", wholeHours ? "emergency.duration.hours" : "emergency.duration.minutes");
        model.addAttribute("durationValue", wholeHours ? duration.toHours() : duration.toMinutes());
        model.addAttribute("reasonMin", CaseAccess.EMERGENCY_REASON_MIN);
        return "cases/emergency-access";
    }

    /** The emergency accesses with their reasons: all for an auditor, the unit's cases for a lead; 403 for others. */
    @GetMapping("/log")
    @Audited(action = AuditAction.SEARCH, recordType = "EMERGENCY_ACCESS")
    String log(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
               @AuthenticationPrincipal CurrentUser user, Model model) {
        String query = q == null || q.length() > 80 ? "" : q.strip();
        model.addAttribute("q", query);
        model.addAttribute("result", access.emergencyAccesses(user, query, Paging.of(page, null)));
        model.addAttribute("mayOpenCases", access.handlesCases(user));
        model.addAttribute("baseUrl", UriComponentsBuilder.fromPath("/cases/emergency-access/log")
                .queryParamIfPresent("q", Optional.of(query).filter(s -> !s.isBlank())).encode().toUriString());
        return "cases/emergency-access-log";
    }

    /** The request: the case's number and why the user must read it now. */
    public record EmergencyAccessForm(@Size(max = 80, message = "{validation.size.max}") String caseNumber,
                                      @Size(max = CaseAccess.EMERGENCY_REASON_MAX, message = "{validation.size.max}")
                                      String reason) {
    }
}
