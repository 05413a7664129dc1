package se.lotsen.access.web;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import se.lotsen.access.Account;
import se.lotsen.access.AccountForm;
import se.lotsen.access.Accounts;
import se.lotsen.access.CurrentUser;
import se.lotsen.access.Role;
import se.lotsen.audit.AuditAction;
import se.lotsen.audit.AuditContext;
import se.lotsen.audit.Audited;
import se.lotsen.common.FieldProblems;
import se.lotsen.common.NotFoundException;

/**
 * Administration over the API: create and change accounts, end an account's sessions and tokens. The same rules as
 * the pages, because both go through {@link Accounts}.
 */
@RestController
@RequestMapping("/api/v1/admin/accounts")
@Tag(name = "Administration")
class AccountAdminApiController {

    private final Accounts accounts;

    AccountAdminApiController(Accounts accounts) {
        this.accounts = accounts;
    }

    /** A new account. Never printed with its password. */
    record NewAccount(@NotBlank @Pattern(regexp = "^[a-z0-9][a-z0-9._-]{1,63}$") String username,
                      @NotBlank @Size(max = 200) String displayName,
                      @Size(max = 320) String email,
                      @Size(max = 64) String unit,
                      @NotEmpty Set<Role> roles,
                      @NotBlank @Size(max = 128) String password) {
        @Override
        public String toString() {
            return "NewAccount[username=" + username + ", roles=" + roles + ", password=***]";
        }
    }

    /** A change: every field is optional; what is absent stays as it is. */
    record AccountChange(Boolean enabled, Set<Role> roles, @Size(max = 64) String unit,
                         @Size(min = 1, max = 200) String displayName) {
    }

    record AccountJson(String id, String username, String displayName, String email, String unit,
                       List<Role> roles, boolean enabled) {
        static AccountJson of(Account a) {
            return new AccountJson(a.id().toString(), a.username(), a.displayName(), a.email(),
                    a.unit() == null ? null : a.unit().code(), a.roles().stream().sorted().toList(), a.enabled());
        }
    }

    @PostMapping
    @Operation(summary = "Create an account")
    @Audited(action = AuditAction.CREATE, recordType = "ACCOUNT")
    ResponseEntity<AccountJson> create(@Valid @RequestBody NewAccount request) {
        Account account = inApiTerms(() -> accounts.create(new AccountForm(request.username(), request.displayName(),
                request.email(), request.unit(), request.roles(), true, request.password())));
        AuditContext.recordId(account.id());
        return ResponseEntity.status(HttpStatus.CREATED).body(AccountJson.of(account));
    }

    @PatchMapping("/{username}")
    @Operation(summary = "Change an account: enabled, roles, unit, display name")
    @Audited(action = AuditAction.UPDATE, recordType = "ACCOUNT")
    AccountJson change(@PathVariable String username, @Valid @RequestBody AccountChange request,
                       @AuthenticationPrincipal CurrentUser admin) {
        Account account = byUsername(username);
        AuditContext.recordId(account.id());
        AccountForm form = new AccountForm(account.username(),
                request.displayName() == null ? account.displayName() : request.displayName(), account.email(),
                request.unit() == null ? (account.unit() == null ? "" : account.unit().code()) : request.unit(),
                request.roles() == null ? account.roles() : request.roles(),
                request.enabled() == null ? account.enabled() : request.enabled(), "");
        return AccountJson.of(inApiTerms(() -> accounts.update(account.id(), form, admin.id())));
    }

    @DeleteMapping("/{username}/tokens")
    @Operation(summary = "Revoke every API token of an account")
    @Audited(action = AuditAction.TOKEN_REVOKED, recordType = "ACCOUNT")
    Map<String, Integer> revokeTokens(@PathVariable String username) {
        Account account = byUsername(username);
        AuditContext.recordId(account.id());
        return Map.of("revoked", accounts.revokeTokensOf(account.id(), "REVOKED_BY_ADMIN"));
    }

    @DeleteMapping("/{username}/sessions")
    @Operation(summary = "Sign an account out everywhere: end every page session and API token")
    @Audited(action = AuditAction.SIGN_OUT, recordType = "ACCOUNT")
    Map<String, Integer> signOutEverywhere(@PathVariable String username) {
        Account account = byUsername(username);
        AuditContext.recordId(account.id());
        return Map.of("ended", accounts.signOutEverywhere(account.id(), "SIGNED_OUT_BY_ADMIN", null, null));
    }

    /** The account rules name the page form's fields; the API calls the unit {@code unit}. */
    private static Account inApiTerms(java.util.function.Supplier<Account> change) {
        try {
            return change.get();
        } catch (FieldProblems problems) {
            throw problems.renamed("unitCode", "unit");
        }
    }

    private Account byUsername(String username) {
        return accounts.findByUsername(username).orElseThrow(() -> new NotFoundException("account"));
    }
}
