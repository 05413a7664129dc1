package se.lotsen.audit.internal;

import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import se.lotsen.audit.AuditAction;
import se.lotsen.audit.AuditCheckpoint;
import se.lotsen.audit.AuditCheckpoints;
import se.lotsen.audit.AuditContext;
import se.lotsen.audit.AuditLog;
import se.lotsen.audit.Audited;
import se.lotsen.audit.ChainProblem;

/**
 * The integrity of the audit trail over the API, for auditors only ({@code /api/v1/audit/**} requires the auditor
 * role): write a checkpoint now, and verify the chain against the checkpoints.
 */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit")
class AuditIntegrityApiController {

    private final AuditCheckpoints checkpoints;
    private final AuditLog auditLog;

    AuditIntegrityApiController(AuditCheckpoints checkpoints, AuditLog auditLog) {
        this.checkpoints = checkpoints;
        this.auditLog = auditLog;
    }

    /** A checkpoint as the API shows it. */
    record CheckpointView(long seq, long entryId, String chainValue, Instant writtenAt, String mac,
                          boolean storedInDirectory) {
    }

    /** The verification as the API shows it; {@code firstBrokenId}, {@code brokenSeq} and {@code reason} are
     *  {@code null} when the log is intact (and shown as null, not left out). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record VerificationView(boolean intact, long checkedEntries, Long firstBrokenId, Long brokenSeq,
                            ChainProblem reason, int checkpoints, Instant latestCheckpointAt) {
    }

    @PostMapping("/checkpoints")
    @Operation(summary = "Write a checkpoint of the audit chain's head now (auditors only)")
    @Audited(action = AuditAction.CREATE, recordType = "AUDIT_CHECKPOINT")
    ResponseEntity<?> writeCheckpoint() {
        Optional<AuditCheckpoint> written = checkpoints.write();
        if (written.isEmpty()) {
            return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                            "The audit log has no entries yet, so there is nothing to checkpoint."));
        }
        AuditCheckpoint c = written.get();
        AuditContext.recordId(Long.toString(c.seq()));
        return ResponseEntity.ok(new CheckpointView(c.seq(), c.entryId(), c.chainValue(), c.writtenAt(), c.mac(),
                checkpoints.directory().isPresent()));
    }

    @GetMapping("/verification")
    @Operation(summary = "Verify the audit chain and the checkpoints (auditors only)")
    @Audited(action = AuditAction.READ, recordType = "AUDIT_LOG")
    VerificationView verification() {
        AuditLog.ChainVerification v = auditLog.verifyChain();
        return new VerificationView(v.intact(), v.entries(), v.firstBrokenEntryId(), v.brokenSeq(), v.problem(),
                v.checkpoints(), v.latestCheckpointAt());
    }
}
