package se.lotsen.consultation.web;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import se.lotsen.access.CurrentUser;
import se.lotsen.audit.AuditAction;
import se.lotsen.audit.AuditContext;
import se.lotsen.audit.Audited;
import se.lotsen.cases.CaseAccess;
import se.lotsen.cases.CaseId;
import se.lotsen.common.Deliveries;
import se.lotsen.consultation.Question;
import se.lotsen.consultation.Questions;

/**
 * Asking the method developer about a case over the API. Asking writes the question into the case's journal, so it
 * takes the right to change the case: a unit that only follows a handed-over case up gets 403.
 */
@RestController
@RequestMapping("/api/v1/cases/{id}/questions")
@Tag(name = "Consultation")
class QuestionApiController {

    private final Questions questions;
    private final CaseAccess access;
    private final Deliveries deliveries;

    QuestionApiController(Questions questions, CaseAccess access, Deliveries deliveries) {
        this.questions = questions;
        this.access = access;
        this.deliveries = deliveries;
    }

    record QuestionRequest(@Size(max = 20000) String text, Boolean urgent) {
    }

    /** A question as asked; {@code notification} says what became of the notifications so far. */
    record QuestionJson(UUID id, UUID caseId, String caseNumber, String text, boolean urgent, Instant askedAt,
                        String askedBy, String notification) {
    }

    @PostMapping
    @Operation(summary = "Ask the method developer a question about the case (urgent ones are also e-mailed)")
    @Audited(action = AuditAction.CREATE, recordType = "QUESTION")
    ResponseEntity<QuestionJson> ask(@PathVariable UUID id, @Valid @RequestBody QuestionRequest request,
                                     @AuthenticationPrincipal CurrentUser user) {
        Question q = questions.ask(access.write(new CaseId(id), user), request.text(),
                Boolean.TRUE.equals(request.urgent()), user);
        AuditContext.recordId(q.id());
        AuditContext.detail("question about case " + id);
        return ResponseEntity.created(URI.create("/questions/" + q.id())).body(new QuestionJson(q.id(), q.caseId(),
                q.caseNumber(), q.text(), q.urgent(), q.askedAt(), q.askedByName(),
                deliveries.of("question:" + q.id()).summary()));
    }
}
