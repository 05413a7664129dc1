package se.lotsen.audit.internal;

import java.util.Optional;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import se.lotsen.audit.AuditAction;
import se.lotsen.audit.AuditCheckpoint;
import se.lotsen.audit.AuditCheckpoints;
import se.lotsen.audit.AuditContext;
import se.lotsen.audit.Audited;

/**
 * Writes a checkpoint of the audit chain on an auditor's request ("Skriv kontrollpunkt nu") and shows it on the page
 * of the log check. Auditors only ({@code /audit/**}).
 */
@Controller
@RequestMapping("/audit")
class AuditIntegrityController {

    private final AuditCheckpoints checkpoints;

    AuditIntegrityController(AuditCheckpoints checkpoints) {
        this.checkpoints = checkpoints;
    }

    @PostMapping("/checkpoints")
    @Audited(action = AuditAction.CREATE, recordType = "AUDIT_CHECKPOINT")
    String writeCheckpoint(Model model) {
        Optional<AuditCheckpoint> written = checkpoints.write();
        written.ifPresent(c -> AuditContext.recordId(Long.toString(c.seq())));
        model.addAttribute("checkpointWritten", true);
        model.addAttribute("checkpoint", written.orElse(null));
        model.addAttribute("checkpointDirectory", checkpoints.directory().isPresent());
        return "audit/verify";
    }
}
