package se.lotsen.handover.web;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import se.lotsen.access.CurrentUser;
import se.lotsen.audit.AuditAction;
import se.lotsen.audit.Audited;
import se.lotsen.cases.CaseAccess;
import se.lotsen.cases.CaseId;
import se.lotsen.handover.Handover;
import se.lotsen.handover.Handovers;

/** Handover over the API: hand over, the package as PDF, acknowledge receipt. */
@RestController
@RequestMapping("/api/v1/cases/{id}/handover")
@Tag(name = "Handover")
class HandoverApiController {

    private final Handovers handovers;
    private final HandoverPdf pdf;
    private final CaseAccess access;

    HandoverApiController(Handovers handovers, HandoverPdf pdf, CaseAccess access) {
        this.handovers = handovers;
        this.pdf = pdf;
        this.access = access;
    }

    record HandoverRequest(@NotBlank @Size(max = 64) String toUnit, @NotBlank @Size(max = 2000) String reason) {
    }

    record HandoverJson(UUID id, UUID caseId, String caseNumber, String fromUnit, String toUnit, String reason,
                        Instant handedOverAt, Instant acknowledgeBy, Instant acknowledgedAt, String acknowledgedBy,
                        String assignedTo) {
        static HandoverJson of(Handover h) {
            return new HandoverJson(h.id(), h.caseId(), h.caseNumber(), h.from().code(), h.to().code(), h.reason(),
                    h.handedOverAt(), h.escalateAt(), h.acknowledgedAt(), h.acknowledgedByName(), h.assignedToName());
        }
    }

    @PostMapping
    @Operation(summary = "Hand the case over to another unit (by unit code)")
    @Audited(action = AuditAction.UPDATE, recordType = "CASE", idParam = "id")
    ResponseEntity<HandoverJson> handOver(@PathVariable UUID id, @Valid @RequestBody HandoverRequest request,
                                          @AuthenticationPrincipal CurrentUser user) {
        Handover h = handovers.handOver(access.write(new CaseId(id), user), request.toUnit(), request.reason());
        return ResponseEntity.created(URI.create("/api/v1/cases/" + id + "/handover")).body(HandoverJson.of(h));
    }

    @GetMapping(value = "/package.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The handover package with the handling manual, as PDF")
    @Audited(action = AuditAction.EXPORT, recordType = "CASE", idParam = "id")
    ResponseEntity<byte[]> packagePdf(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
        HandoverPdf.Rendered rendered = pdf.render(access.read(new CaseId(id), user));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(rendered.filename()).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(rendered.bytes());
    }

    @PostMapping("/acknowledge")
    @Operation(summary = "Acknowledge receipt (a case worker or manager of the receiving unit)")
    @Audited(action = AuditAction.UPDATE, recordType = "CASE", idParam = "id")
    HandoverJson acknowledge(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
        return HandoverJson.of(handovers.acknowledge(access.write(new CaseId(id), user)));
    }
}
