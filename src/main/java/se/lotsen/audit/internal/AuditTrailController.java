package se.lotsen.audit.internal;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import se.lotsen.audit.AuditAction;
import se.lotsen.audit.AuditLog;
import se.lotsen.audit.AuditTrail;
import se.lotsen.audit.Audited;
import se.lotsen.common.Paging;

/** Log review for auditors: the audit trail, filtered and paginated, and a check that the chain is unbroken. */
@Controller
@RequestMapping("/audit")
class AuditTrailController {

    private final AuditTrail trail;
    private final AuditLog auditLog;

    AuditTrailController(AuditTrail trail, AuditLog auditLog) {
        this.trail = trail;
        this.auditLog = auditLog;
    }

    @GetMapping
    @Audited(action = AuditAction.SEARCH, recordType = "AUDIT_LOG")
    String list(@RequestParam(required = false) String user,
                @RequestParam(required = false) AuditAction action,
                @RequestParam(required = false) String recordType,
                @RequestParam(required = false) String recordId,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(required = false) Boolean flagged,
                @RequestParam(required = false) Integer page, Model model) {
        AuditTrail.Filter filter = new AuditTrail.Filter(user, action, recordType, recordId, from, to,
                Boolean.TRUE.equals(flagged));
        model.addAttribute("filter", filter);
        model.addAttribute("actions", AuditAction.values());
        model.addAttribute("result", trail.search(filter, Paging.of(page, 50)));
        model.addAttribute("baseUrl", UriComponentsBuilder.fromPath("/audit")
                .queryParamIfPresent("user", java.util.Optional.ofNullable(blankToNull(user)))
                .queryParamIfPresent("action", java.util.Optional.ofNullable(action))
                .queryParamIfPresent("recordType", java.util.Optional.ofNullable(blankToNull(recordType)))
                .queryParamIfPresent("recordId", java.util.Optional.ofNullable(blankToNull(recordId)))
                .queryParamIfPresent("from", java.util.Optional.ofNullable(from))
                .queryParamIfPresent("to", java.util.Optional.ofNullable(to))
                .queryParamIfPresent("flagged", Boolean.TRUE.equals(flagged) ? java.util.Optional.of(true)
                        : java.util.Optional.empty())
                .encode().toUriString());
        return "audit/list";
    }

    @PostMapping("/verify")
    @Audited(action = AuditAction.READ, recordType = "AUDIT_LOG")
    String verify(Model model) {
        model.addAttribute("verification", auditLog.verifyChain());
        return "audit/verify";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
