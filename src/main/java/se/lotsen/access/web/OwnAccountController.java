package se.lotsen.access.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.lotsen.access.OwnPassword;
import se.lotsen.access.TooManyAttempts;
import se.lotsen.access.CurrentUser;
import se.lotsen.access.PasswordChangeForm;
import se.lotsen.audit.AuditAction;
import se.lotsen.audit.AuditContext;
import se.lotsen.audit.AuditOutcome;
import se.lotsen.audit.Audited;
import se.lotsen.common.FieldProblems;
import se.lotsen.common.FormErrors;

/** The signed-in user's own account: who they are, their roles, and changing their password. */
@Controller
@RequestMapping("/account")
class OwnAccountController {

    private final OwnPassword ownPassword;

    OwnAccountController(OwnPassword ownPassword) {
        this.ownPassword = ownPassword;
    }

    @GetMapping
    @Audited(action = AuditAction.READ, recordType = "ACCOUNT")
    String show(@AuthenticationPrincipal CurrentUser user, Model model) {
        AuditContext.recordId(user.id());
        model.addAttribute("passwordChangeForm", PasswordChangeForm.empty());
        return "account";
    }

    @PostMapping("/password")
    @Audited(action = AuditAction.UPDATE, recordType = "ACCOUNT")
    String changePassword(@AuthenticationPrincipal CurrentUser user,
                          @Valid @ModelAttribute("passwordChangeForm") PasswordChangeForm form, BindingResult result,
                          HttpServletRequest request, RedirectAttributes redirect, Model model) {
        AuditContext.recordId(user.id());
        AuditContext.detail("password change");
        if (result.hasErrors()) {
            // All problems at once: the new password's policy too (the current one is tried only when sent).
            PasswordChangeForm checked = FormErrors.lenient(PasswordChangeForm.class, result, request);
            FormErrors.check(result, () -> ownPassword.checkNew(user, checked.newPassword(), checked.repeatPassword()));
        } else {
            try {
                ownPassword.change(user, form.currentPassword(), form.newPassword(), form.repeatPassword(),
                        request.getSession().getId(), null);
                redirect.addFlashAttribute("flash", "flash.passwordChanged");
                return "redirect:/account";
            } catch (FieldProblems problems) {
                FormErrors.apply(problems, result);
            } catch (TooManyAttempts e) {
                result.rejectValue("currentPassword", "validation.account.password.throttled",
                        new Object[] {e.minutes()}, null);
            }
        }
        AuditContext.outcome(AuditOutcome.FAILED);
        FormErrors.inOrder(model, result, form);
        return "account";
    }
}
