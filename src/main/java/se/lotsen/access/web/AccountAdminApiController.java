package se.lotsen.access.web;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import se.lotsen.access.Account;
import se.lotsen.access.Accounts;
import se.lotsen.audit.AuditAction;
import se.lotsen.audit.AuditContext;
import se.lotsen.audit.Audited;
import se.lotsen.common.NotFoundException;

/** Administration over the API: revoke an account's tokens. */
@RestController
@RequestMapping("/api/v1/admin/accounts")
@Tag(name = "Administration")
class AccountAdminApiController {

    private final Accounts accounts;

    AccountAdminApiController(Accounts accounts) {
        this.accounts = accounts;
    }

    @DeleteMapping("/{username}/tokens")
    @Operation(summary = "Revoke every API token of an account")
    @Audited(action = AuditAction.TOKEN_REVOKED, recordType = "ACCOUNT")
    Map<String, Integer> revokeTokens(@PathVariable String username) {
        Account account = accounts.findByUsername(username).orElseThrow(() -> new NotFoundException("account"));
        AuditContext.recordId(account.id());
        return Map.of("revoked", accounts.revokeTokensOf(account.id(), "REVOKED_BY_ADMIN"));
    }
}
