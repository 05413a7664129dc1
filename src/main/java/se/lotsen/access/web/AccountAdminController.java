package se.lotsen.access.web;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
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

import se.lotsen.access.Account;
import se.lotsen.access.AccountForm;
import se.lotsen.access.AccountId;
import se.lotsen.access.Accounts;
import se.lotsen.access.CurrentUser;
import se.lotsen.access.Role;
import se.lotsen.audit.AuditAction;
import se.lotsen.audit.AuditContext;
import se.lotsen.audit.AuditOutcome;
import se.lotsen.audit.Audited;
import se.lotsen.audit.NotAudited;
import se.lotsen.common.FieldProblems;
import se.lotsen.common.FormErrors;
import se.lotsen.common.NotFoundException;
import se.lotsen.common.Paging;
import se.lotsen.organisation.Organisation;
import se.lotsen.organisation.Unit;

/**
 * Administration of accounts: list and search, create, change roles and unit, disable, unlock, set a new password
 * and revoke API tokens. Staff data is personal data: every read and change is audited.
 */
@Controller
@RequestMapping("/admin/accounts")
class AccountAdminController {

    private final Accounts accounts;
    private final Organisation organisation;
    private final java.time.Clock clock;

    AccountAdminController(Accounts accounts, Organisation organisation, java.time.Clock clock) {
        this.accounts = accounts;
        this.organisation = organisation;
        this.clock = clock;
    }

    @ModelAttribute("allRoles")
    Role[] roles() {
        return Role.values();
    }

    @ModelAttribute("units")
    List<Unit> units() {
        return organisation.activeUnits();
    }

    @GetMapping
    @Audited(action = AuditAction.SEARCH, recordType = "ACCOUNT")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page, Model model) {
        String query = q == null ? "" : q.trim();
        model.addAttribute("q", query);
        model.addAttribute("result", accounts.search(query, Paging.of(page, null)));
        model.addAttribute("now", clock.instant());
        model.addAttribute("baseUrl", UriComponentsBuilder.fromPath("/admin/accounts").queryParam("q", query)
                .encode().toUriString());
        return "admin/accounts/list";
    }

    @GetMapping("/new")
    @NotAudited("an empty form")
    String newForm(Model model) {
        model.addAttribute("accountForm", AccountForm.empty());
        model.addAttribute("creating", true);
        return "admin/accounts/form";
    }

    @PostMapping
    @Audited(action = AuditAction.CREATE, recordType = "ACCOUNT")
    String create(@Valid @ModelAttribute("accountForm") AccountForm form, BindingResult result, Model model,
                  RedirectAttributes redirect, HttpServletRequest request) {
        if (result.hasErrors()) {
            // All problems at once: a taken username, the roles, the unit and the password policy too.
            // Values refused already are left out of the check: nothing refused reaches the service.
            AccountForm sent = FormErrors.lenient(AccountForm.class, result, request);
            FormErrors.check(result, () -> accounts.check(sent));
        } else {
            try {
                Account account = accounts.create(form);
                AuditContext.recordId(account.id());
                redirect.addFlashAttribute("flash", "flash.saved");
                return "redirect:/admin/accounts/" + account.id();
            } catch (FieldProblems problems) {
                FormErrors.apply(problems, result);
            }
        }
        AuditContext.outcome(AuditOutcome.FAILED);
        FormErrors.inOrder(model, result, form);
        model.addAttribute("creating", true);
        return "admin/accounts/form";
    }

    @GetMapping("/{id}")
    @Audited(action = AuditAction.READ, recordType = "ACCOUNT", idParam = "id")
    String edit(@PathVariable UUID id, Model model) {
        Account account = account(id);
        model.addAttribute("accountForm", new AccountForm(account.username(), account.displayName(),
                account.email(), account.unit() == null ? "" : account.unit().code(), account.roles(),
                account.enabled(), ""));
        return editView(account, model);
    }

    @PostMapping("/{id}")
    @Audited(action = AuditAction.UPDATE, recordType = "ACCOUNT", idParam = "id")
    String update(@PathVariable UUID id, @Valid @ModelAttribute("accountForm") AccountForm form, BindingResult result,
                  @AuthenticationPrincipal CurrentUser admin, Model model, RedirectAttributes redirect,
                  HttpServletRequest request) {
        Account account = account(id);
        if (result.hasErrors()) {
            // Values refused already are left out of the check: nothing refused reaches the service.
            AccountForm sent = FormErrors.lenient(AccountForm.class, result, request);
            FormErrors.check(result, () -> accounts.checkUpdate(account.id(), sent, admin.id()));
        } else {
            try {
                accounts.update(account.id(), form, admin.id());
                redirect.addFlashAttribute("flash", "flash.saved");
                return "redirect:/admin/accounts/" + id;
            } catch (FieldProblems problems) {
                FormErrors.apply(problems, result);
            }
        }
        AuditContext.outcome(AuditOutcome.FAILED);
        FormErrors.inOrder(model, result, form);
        return editView(account, model);
    }

    @PostMapping("/{id}/unlock")
    @Audited(action = AuditAction.UPDATE, recordType = "ACCOUNT", idParam = "id")
    String unlock(@PathVariable UUID id, RedirectAttributes redirect) {
        accounts.unlock(account(id).id());
        redirect.addFlashAttribute("flash", "flash.unlocked");
        return "redirect:/admin/accounts/" + id;
    }

    @PostMapping("/{id}/revoke-tokens")
    @Audited(action = AuditAction.TOKEN_REVOKED, recordType = "ACCOUNT", idParam = "id")
    String revokeTokens(@PathVariable UUID id, RedirectAttributes redirect) {
        accounts.revokeTokensOf(account(id).id(), "REVOKED_BY_ADMIN");
        redirect.addFlashAttribute("flash", "flash.tokensRevoked");
        return "redirect:/admin/accounts/" + id;
    }

    @PostMapping("/{id}/sign-out-everywhere")
    @Audited(action = AuditAction.SIGN_OUT, recordType = "ACCOUNT", idParam = "id")
    String signOutEverywhere(@PathVariable UUID id, RedirectAttributes redirect) {
        int ended = accounts.signOutEverywhere(account(id).id(), "SIGNED_OUT_BY_ADMIN", null, null);
        redirect.addFlashAttribute("flash", "flash.signedOutEverywhere");
        redirect.addFlashAttribute("flashArg", ended);
        return "redirect:/admin/accounts/" + id;
    }

    private String editView(Account account, Model model) {
        model.addAttribute("account", account);
        model.addAttribute("locked", account.lockedAt(clock.instant()));
        model.addAttribute("creating", false);
        return "admin/accounts/form";
    }

    private Account account(UUID id) {
        return accounts.find(new AccountId(id)).orElseThrow(() -> new NotFoundException("account"));
    }
}
