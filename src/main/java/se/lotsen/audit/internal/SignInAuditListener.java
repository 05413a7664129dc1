package se.lotsen.audit.internal;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;

import se.lotsen.audit.AuditAction;
import se.lotsen.audit.AuditActor;
import se.lotsen.audit.AuditLog;
import se.lotsen.audit.AuditOutcome;
import se.lotsen.audit.AuditRecord;

/**
 * Records every sign-in, failed sign-in and sign-out, from the page and from the API, as Spring Security
 * publishes them.
 */
@Component
class SignInAuditListener {

    static final String RECORD_TYPE = "ACCOUNT";

    private final AuditLog auditLog;

    SignInAuditListener(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof AuditActor actor) {
            auditLog.record(AuditRecord.of(AuditAction.SIGN_IN, RECORD_TYPE, actor.accountId()).withActor(actor));
        }
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        String attempted = event.getAuthentication().getName();
        auditLog.record(AuditRecord.of(AuditAction.SIGN_IN_FAILED, RECORD_TYPE, null)
                .withAttemptedUsername(attempted)
                .withOutcome(AuditOutcome.DENIED)
                .withDetail(event.getException().getClass().getSimpleName()));
    }

    @EventListener
    void onLogout(LogoutSuccessEvent event) {
        if (event.getAuthentication() != null && event.getAuthentication().getPrincipal() instanceof AuditActor a) {
            auditLog.record(AuditRecord.of(AuditAction.SIGN_OUT, RECORD_TYPE, a.accountId()).withActor(a));
        }
    }
}
