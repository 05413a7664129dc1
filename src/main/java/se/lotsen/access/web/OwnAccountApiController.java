package se.lotsen.access.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import se.lotsen.access.ApiTokens;
import se.lotsen.access.CurrentUser;
import se.lotsen.access.OwnPassword;
import se.lotsen.access.TooManyAttempts;
import se.lotsen.audit.AuditAction;
import se.lotsen.audit.AuditContext;
import se.lotsen.audit.Audited;

/** The caller's own account over the API: change the password. */
@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "Authentication")
class OwnAccountApiController {

    private final OwnPassword ownPassword;

    OwnAccountApiController(OwnPassword ownPassword) {
        this.ownPassword = ownPassword;
    }

    /** Never printed with a password. */
    record PasswordChange(@NotBlank @Size(max = 128) String currentPassword,
                          @NotBlank @Size(max = 128) String newPassword) {
        @Override
        public String toString() {
            return "PasswordChange[***]";
        }
    }

    @PostMapping("/password")
    @Operation(summary = "Change the caller's password; every other session and token of the account ends")
    @Audited(action = AuditAction.UPDATE, recordType = "ACCOUNT")
    ResponseEntity<?> changePassword(@Valid @RequestBody PasswordChange request, HttpServletRequest http,
                                        @AuthenticationPrincipal CurrentUser user) {
        AuditContext.recordId(user.id());
        AuditContext.detail("password change");
        try {
            ownPassword.change(user, request.currentPassword(), request.newPassword(), null, null,
                    ApiTokens.bearerToken(http));
        } catch (TooManyAttempts e) {
            return AuthApiController.tooManyAttempts(e);
        }
        return ResponseEntity.noContent().build();
    }
}
