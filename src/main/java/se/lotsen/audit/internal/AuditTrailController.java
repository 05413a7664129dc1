package se.lotsen.audit.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import se.lotsen.audit.AuditAction;
import se.lotsen.audit.AuditLog;
import se.lotsen.audit.Audited;

/** A check that the audit chain is unbroken (the log itself is listed by {@link LogReviewController}). */
@Controller
@RequestMapping("/audit")
class AuditTrailController {

    private final AuditLog auditLog;

    AuditTrailController(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @PostMapping("/verify")
    @Audited(action = AuditAction.READ, recordType = "AUDIT_LOG")
    String verify(Model model) {
        model.addAttribute("verification", auditLog.verifyChain());
        return "audit/verify";
    }
}
