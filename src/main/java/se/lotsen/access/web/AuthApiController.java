package se.lotsen.access.web;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import se.lotsen.access.ApiTokens;
import se.lotsen.access.CurrentUser;
import se.lotsen.access.Role;
import se.lotsen.access.TooManyAttempts;
import se.lotsen.audit.AuditAction;
import se.lotsen.audit.AuditContext;
import se.lotsen.audit.Audited;
import se.lotsen.common.DatabaseUnavailable;
import se.lotsen.organisation.Unit;

/**
 * API sign-in: exchange a username and password for a bearer token, revoke it, and say who the caller is.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Authentication")
class AuthApiController {

    private final AuthenticationManager authenticationManager;
    private final ApiTokens tokens;

    AuthApiController(AuthenticationManager authenticationManager, ApiTokens tokens) {
        this.authenticationManager = authenticationManager;
        this.tokens = tokens;
    }

    /** Never printed with its password: frameworks log request bodies at debug level. */
    record TokenRequest(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 128) String password) {
        @Override
        public String toString() {
            return "TokenRequest[password=***]";
        }
    }

    /** Never printed with its token. */
    record TokenResponse(String token, Instant expiresAt) {
        @Override
        public String toString() {
            return "TokenResponse[token=***, expiresAt=" + expiresAt + "]";
        }
    }

    @PostMapping("/auth/token")
    @Operation(summary = "Get a bearer token for a local account")
    @Audited(action = AuditAction.TOKEN_ISSUED, recordType = "ACCOUNT")
    ResponseEntity<?> token(@Valid @RequestBody TokenRequest request) {
        Authentication authentication;
        try {
            authentication = authenticationManager.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated(request.username(), request.password()));
        } catch (TooManyAttempts e) {
            return tooManyAttempts(e);
        } catch (AuthenticationException e) {
            if (DatabaseUnavailable.isCause(e)) {
                throw e; // not a wrong password: answered 503 "temporarily unavailable"
            }
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                    "Wrong username or password, or the account is locked or disabled.");
            problem.setTitle("Unauthorized");
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem);
        }
        CurrentUser user = (CurrentUser) authentication.getPrincipal();
        // For this request only (the API chain is stateless), so the audit entry names the actor.
        SecurityContextHolder.getContext().setAuthentication(authentication);
        ApiTokens.IssuedToken issued = tokens.issue(user.id());
        AuditContext.recordId(user.id());
        return ResponseEntity.ok(new TokenResponse(issued.token(), issued.expiresAt()));
    }

    /** 429 with {@code Retry-After}, in whole seconds. */
    static ResponseEntity<ProblemDetail> tooManyAttempts(TooManyAttempts e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "Too many wrong passwords. Try again in " + e.minutes() + " minutes.");
        problem.setTitle("Too Many Requests");
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header("Retry-After", Long.toString(Math.max(1, e.retryAfter().toSeconds())))
                .body(problem);
    }

    @DeleteMapping("/auth/token")
    @Operation(summary = "Sign out: revoke the bearer token used for this request")
    @Audited(action = AuditAction.TOKEN_REVOKED, recordType = "ACCOUNT")
    ResponseEntity<Void> revoke(HttpServletRequest request, @AuthenticationPrincipal CurrentUser user) {
        String token = ApiTokens.bearerToken(request);
        if (token != null) {
            tokens.revoke(token, "SIGNED_OUT");
        }
        AuditContext.recordId(user.id());
        return ResponseEntity.noContent().build();
    }

    record UnitJson(String id, String code, String name, String kind) {
        static UnitJson of(Unit unit) {
            return unit == null ? null : new UnitJson(unit.id().toString(), unit.code(), unit.name(),
                    unit.kind().name());
        }
    }

    record MeResponse(String id, String username, String displayName, UnitJson unit, List<Role> roles) {
    }

    @GetMapping("/me")
    @Operation(summary = "The calling account, its unit and roles")
    @Audited(action = AuditAction.READ, recordType = "ACCOUNT")
    MeResponse me(@AuthenticationPrincipal CurrentUser user) {
        AuditContext.recordId(user.id());
        return new MeResponse(user.id().toString(), user.username(), user.displayName(), UnitJson.of(user.unit()),
                user.sortedRoles());
    }
}
