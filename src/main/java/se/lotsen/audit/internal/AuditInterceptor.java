package se.lotsen.audit.internal;

import java.time.Clock;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import se.lotsen.audit.AuditAction;
import se.lotsen.audit.AuditActor;
import se.lotsen.audit.AuditContext;
import se.lotsen.audit.AuditLog;
import se.lotsen.audit.AuditOutcome;
import se.lotsen.audit.AuditRecord;
import se.lotsen.audit.Audited;
import se.lotsen.audit.NotAudited;
import se.lotsen.audit.ReviewFlag;

/**
 * Writes one audit entry for every request to a handler marked {@link Audited}, and refuses every Lotsen handler
 * that declares neither {@link Audited} nor {@link NotAudited}: forgetting to audit a new page or endpoint fails
 * closed instead of leaking unlogged access. Before the entry is written, reads of cases are flagged for log review
 * when they follow an unusual pattern ({@link ReviewFlagger}), besides the flags the handler set.
 */
@Component
class AuditInterceptor implements HandlerInterceptor {

    private static final String LOTSEN_PACKAGE = "se.lotsen.";

    private final AuditLog auditLog;
    private final ReviewFlagger flagger;
    private final Clock clock;

    AuditInterceptor(AuditLog auditLog, ReviewFlagger flagger, Clock clock) {
        this.auditLog = auditLog;
        this.flagger = flagger;
        this.clock = clock;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method && isLotsenHandler(method) && declaration(method) == null) {
            throw new UndeclaredAuditException(method);
        }
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                Exception ex) {
        if (!(handler instanceof HandlerMethod method)) {
            return;
        }
        Audited audited = method.getMethodAnnotation(Audited.class);
        if (audited == null) {
            return;
        }
        String recordId = AuditContext.currentRecordId();
        if (recordId == null && !audited.idParam().isEmpty()) {
            @SuppressWarnings("unchecked")
            Map<String, String> vars = (Map<String, String>) request.getAttribute(
                    HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
            recordId = vars == null ? null : vars.get(audited.idParam());
        }
        AuditOutcome outcome = AuditContext.currentOutcome();
        if (outcome == null) {
            outcome = outcomeOf(response.getStatus(), ex);
        }
        String detail = AuditContext.currentDetail();
        if (detail == null && audited.action() == AuditAction.SEARCH && request.getQueryString() != null) {
            detail = request.getQueryString();
        }
        Set<ReviewFlag> flags = AuditContext.currentFlags();
        flags.addAll(flagger.flagsFor(audited.action(), audited.recordType(), recordId, currentActor(),
                clock.instant()));
        auditLog.record(AuditRecord.of(audited.action(), audited.recordType(), recordId)
                .withOutcome(outcome).withDetail(detail).withFlags(flags));
    }

    private static AuditActor currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof AuditActor actor ? actor : null;
    }

    /** A refusal (no access, or nothing the user may see) is DENIED however it surfaced; other errors FAILED. */
    static AuditOutcome outcomeOf(int status, Exception ex) {
        if (ex instanceof org.springframework.security.access.AccessDeniedException
                || ex instanceof se.lotsen.common.NotFoundException) {
            return AuditOutcome.DENIED;
        }
        if (status == 401 || status == 403 || status == 404) {
            return AuditOutcome.DENIED;
        }
        if (ex != null || status >= 400) {
            return AuditOutcome.FAILED;
        }
        return AuditOutcome.SUCCESS;
    }

    static boolean isLotsenHandler(HandlerMethod method) {
        return method.getBeanType().getName().startsWith(LOTSEN_PACKAGE);
    }

    /** The method's audit declaration, or {@code null} when it has none. */
    static Object declaration(HandlerMethod method) {
        Audited audited = method.getMethodAnnotation(Audited.class);
        if (audited != null) {
            return audited;
        }
        NotAudited notAudited = method.getMethodAnnotation(NotAudited.class);
        if (notAudited != null) {
            return notAudited;
        }
        return method.getBeanType().getAnnotation(NotAudited.class);
    }

    /** A Lotsen handler without an audit declaration: a programming error, refused at run time. */
    static class UndeclaredAuditException extends IllegalStateException {
        UndeclaredAuditException(HandlerMethod method) {
            super("Handler " + method.getShortLogMessage() + " declares neither @Audited nor @NotAudited");
        }
    }
}
