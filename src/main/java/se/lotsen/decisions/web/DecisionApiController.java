package se.lotsen.decisions.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import se.lotsen.audit.AuditContext;
import se.lotsen.audit.Audited;
import se.lotsen.cases.CaseId;
import se.lotsen.cases.CaseAccess;
import se.lotsen.cases.CaseGrant;
import se.lotsen.cases.WriteGrant;
import se.lotsen.common.NotFoundException;
import se.lotsen.decisions.CourtRuling;
import se.lotsen.decisions.CourtRulings;
import se.lotsen.decisions.CustodyEnd;
import se.lotsen.decisions.DeadlineStatus;
import se.lotsen.decisions.DecisionStatus;
import se.lotsen.decisions.RulingKind;
import se.lotsen.decisions.Deadline;
import se.lotsen.decisions.DeadlineId;
import se.lotsen.decisions.Deadlines;
import se.lotsen.decisions.Decision;
import se.lotsen.decisions.DecisionCommand;
import se.lotsen.decisions.DecisionId;
import se.lotsen.decisions.DecisionType;
import se.lotsen.decisions.Decisions;
import se.lotsen.decisions.Mandate;

/** Decisions and deadlines over the API. */
@RestController
@RequestMapping("/api/v1/cases/{id}")
@Tag(name = "Decisions and deadlines")
class DecisionApiController {

    private final Decisions decisions;
    private final Deadlines deadlines;
    private final CourtRulings courtRulings;
    private final CaseAccess access;

    DecisionApiController(Decisions decisions, Deadlines deadlines, CourtRulings courtRulings, CaseAccess access) {
        this.decisions = decisions;
        this.deadlines = deadlines;
        this.courtRulings = courtRulings;
        this.access = access;
    }

    record DecidedBy(@NotNull @Size(max = 200) String name, Mandate mandate) {
    }

    record DecisionRequest(
            @NotNull DecisionType type,
            @NotNull OffsetDateTime decidedAt,
            OffsetDateTime executedAt,
            @NotNull @Valid DecidedBy decidedBy,
            @Size(max = 64) String committee,
            Set<String> grounds,
            @Size(max = 20000) String urgencyReason,
            @Size(max = 200) String habitualResidence,
            String jurisdictionBasis,
            @Size(max = 20000) String jurisdictionNotes,
            @Size(max = 20000) String details,
            UUID custodyId,
            Boolean placement,
            Boolean unusualTimeConfirmed) {
    }

    record DeadlineJson(UUID id, String kind, LocalDate anchorDate, LocalDate nominalDate, LocalDate dueDate,
                        String status, String legalBasis, String description, String consequence, LocalDate metOn,
                        String evidence, String warning, LocalDate extensionRequestedOn, UUID decisionId) {
        static DeadlineJson of(Deadline d) {
            return new DeadlineJson(d.id(), d.kind().name(), d.anchorDate(), d.nominalDate(), d.dueDate(),
                    d.status().name(), d.legalBasis(), d.rule().description(),
                    d.status() == DeadlineStatus.LAPSED ? d.rule().consequence() : null, d.metOn(), d.evidence(),
                    d.warning(), d.extensionRequestedOn(), d.decisionId());
        }
    }

    /** A ruling of the court (or Migrationsverket) on the decision. */
    record RulingJson(UUID id, RulingKind kind, String legalBasis, LocalDate decidedOn, LocalDate until,
                      String courtCaseNumber) {
        static RulingJson of(CourtRuling r) {
            return new RulingJson(r.id(), r.kind(), r.kind().legalBasis(), r.decidedOn(), r.until(),
                    r.courtCaseNumber());
        }
    }

    /**
     * A decision with its {@code status} ({@code IN_FORCE}, {@code LAPSED}, {@code ENDED}), its deadlines and the
     * court's rulings on it. {@code details} and the other free texts of a placement decision about a person with
     * protected identity are left out for those without the right ({@code placementHidden} true). {@code ageBasis}
     * records on which age LVU was applied (e.g. {@code PRESUMED_CHILD:ASSESSED_AGE}, {@code YOUNG_ADULT:IDENTITY_NUMBER}).
     */
    record DecisionJson(UUID id, String type, String legalBasis, DecisionStatus status, Instant decidedAt,
                        Instant executedAt, String decidedBy, Mandate mandate, String committee, Set<String> grounds,
                        Instant endedAt, CustodyEnd endReason, UUID custodyId, String details, String urgencyReason,
                        boolean placement, boolean placementHidden, String ageBasis, List<DeadlineJson> deadlines,
                        List<RulingJson> courtRulings) {
    }

    record RulingRequest(@NotNull RulingKind kind, @NotNull LocalDate decidedOn, LocalDate until,
                         @Size(max = 100) String courtCaseNumber) {
    }

    record ExtensionRequestedRequest(@NotNull LocalDate requestedOn) {
    }

    record MetRequest(@NotNull LocalDate on, @Size(max = 500) String evidence, Boolean investigationOpened) {
    }

    record ExtendRequest(@NotNull LocalDate newDate, @NotNull @Size(max = 500) String note) {
    }

    record ExecutionRequest(@NotNull OffsetDateTime executedAt) {
    }

    record EndRequest(@NotNull CustodyEnd reason, @NotNull OffsetDateTime endedAt, @Size(max = 2000) String note) {
    }

    @PostMapping("/decisions")
    @Operation(summary = "Record a decision; returns it with the deadlines it started")
    @Audited(action = AuditAction.CREATE, recordType = "DECISION")
    ResponseEntity<DecisionJson> record(@PathVariable UUID id, @Valid @RequestBody DecisionRequest r,
                                        @AuthenticationPrincipal CurrentUser user) {
        WriteGrant grant = access.write(new CaseId(id), user);
        Decision d = decisions.record(grant, new DecisionCommand(r.type(), r.decidedAt().toInstant(),
                r.executedAt() == null ? null : r.executedAt().toInstant(), r.decidedBy().name(),
                r.decidedBy().mandate(), r.committee(), r.grounds(), r.urgencyReason(), r.habitualResidence(),
                r.jurisdictionBasis(), r.jurisdictionNotes(), r.details(), r.custodyId(),
                Boolean.TRUE.equals(r.placement()), Boolean.TRUE.equals(r.unusualTimeConfirmed())));
        AuditContext.recordId(d.id());
        return ResponseEntity.created(URI.create("/api/v1/cases/" + id + "/decisions/" + d.id()))
                .body(json(d.id(), grant.grant()));
    }

    @GetMapping("/decisions")
    @Operation(summary = "The case's decisions")
    @Audited(action = AuditAction.READ, recordType = "CASE", idParam = "id")
    List<DecisionJson> list(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
        CaseGrant grant = access.read(new CaseId(id), user);
        List<Deadline> all = decisions.deadlines(grant);
        List<CourtRuling> rulings = courtRulings.forCase(grant);
        return decisions.forCase(grant).stream().map(d -> json(d, all, rulings)).toList();
    }

    @PostMapping("/decisions/{decisionId}/execution")
    @Operation(summary = "Record when a custody was carried out (starts the 8 § time)")
    @Audited(action = AuditAction.UPDATE, recordType = "DECISION", idParam = "decisionId")
    DecisionJson execution(@PathVariable UUID id, @PathVariable UUID decisionId,
                           @Valid @RequestBody ExecutionRequest r, @AuthenticationPrincipal CurrentUser user) {
        WriteGrant grant = access.write(new CaseId(id), user);
        decisions.recordExecution(grant, new DecisionId(decisionId), r.executedAt().toInstant());
        return json(decisionId, grant.grant());
    }

    @PostMapping("/decisions/{decisionId}/end")
    @Operation(summary = "End a custody; its open deadlines are closed")
    @Audited(action = AuditAction.UPDATE, recordType = "DECISION", idParam = "decisionId")
    DecisionJson end(@PathVariable UUID id, @PathVariable UUID decisionId, @Valid @RequestBody EndRequest r,
                     @AuthenticationPrincipal CurrentUser user) {
        WriteGrant grant = access.write(new CaseId(id), user);
        decisions.endCustody(grant, new DecisionId(decisionId), r.reason(), r.endedAt().toInstant(), r.note());
        return json(decisionId, grant.grant());
    }

    @GetMapping("/deadlines")
    @Operation(summary = "The case's deadlines with nominal and legal last day, status and legal basis")
    @Audited(action = AuditAction.READ, recordType = "CASE", idParam = "id")
    List<DeadlineJson> deadlines(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
        return decisions.deadlines(access.read(new CaseId(id), user)).stream().map(DeadlineJson::of).toList();
    }

    @PostMapping("/deadlines/{deadlineId}/met")
    @Operation(summary = "Mark a deadline as met on a day, with evidence (e.g. the court's case number)")
    @Audited(action = AuditAction.UPDATE, recordType = "DEADLINE", idParam = "deadlineId")
    DeadlineJson met(@PathVariable UUID id, @PathVariable UUID deadlineId, @Valid @RequestBody MetRequest r,
                     @AuthenticationPrincipal CurrentUser user) {
        return DeadlineJson.of(deadlines.markMet(access.write(new CaseId(id), user), new DeadlineId(deadlineId),
                r.on(), r.evidence(), Boolean.TRUE.equals(r.investigationOpened())));
    }

    @PostMapping("/deadlines/{deadlineId}/extend")
    @Operation(summary = "Record the court's extension of the 8 § time (also as a court ruling EXTENSION_GRANTED)")
    @Audited(action = AuditAction.UPDATE, recordType = "DEADLINE", idParam = "deadlineId")
    DeadlineJson extend(@PathVariable UUID id, @PathVariable UUID deadlineId, @Valid @RequestBody ExtendRequest r,
                        @AuthenticationPrincipal CurrentUser user) {
        return DeadlineJson.of(deadlines.extend(access.write(new CaseId(id), user), new DeadlineId(deadlineId),
                r.newDate(), r.note()));
    }

    @PostMapping("/decisions/{decisionId}/court-rulings")
    @Operation(summary = "Record the court's ruling on a decision (7 §, 8 §, 9 §, 9 a §, 31 e § LVU; betänketid); "
            + "answers with the decision, its status and its deadlines")
    @Audited(action = AuditAction.UPDATE, recordType = "DECISION", idParam = "decisionId")
    ResponseEntity<DecisionJson> courtRuling(@PathVariable UUID id, @PathVariable UUID decisionId,
                                             @Valid @RequestBody RulingRequest r,
                                             @AuthenticationPrincipal CurrentUser user) {
        WriteGrant grant = access.write(new CaseId(id), user);
        CourtRuling ruling = courtRulings.record(grant, new DecisionId(decisionId),
                new CourtRulings.RulingCommand(r.kind(), r.decidedOn(), r.until(), r.courtCaseNumber()));
        AuditContext.detail("court ruling " + ruling.kind() + " " + ruling.id());
        return ResponseEntity.created(URI.create("/api/v1/cases/" + id + "/decisions/" + decisionId))
                .body(json(decisionId, grant.grant()));
    }

    @PostMapping("/deadlines/{deadlineId}/extension-requested")
    @Operation(summary = "Record that the committee asked the court to extend the 8 § time (9 § 1 LVU): "
            + "the custody does not lapse until the court decides")
    @Audited(action = AuditAction.UPDATE, recordType = "DEADLINE", idParam = "deadlineId")
    DeadlineJson extensionRequested(@PathVariable UUID id, @PathVariable UUID deadlineId,
                                    @Valid @RequestBody ExtensionRequestedRequest r,
                                    @AuthenticationPrincipal CurrentUser user) {
        return DeadlineJson.of(deadlines.requestExtension(access.write(new CaseId(id), user),
                new DeadlineId(deadlineId), r.requestedOn()));
    }

    /** The decision as the grant may see it, with its deadlines and rulings. */
    private DecisionJson json(UUID decisionId, CaseGrant grant) {
        Decision d = decisions.forCase(grant).stream().filter(x -> x.id().equals(decisionId)).findFirst()
                .orElseThrow(() -> new NotFoundException("decision"));
        return json(d, decisions.deadlines(grant), courtRulings.forCase(grant));
    }

    private static DecisionJson json(Decision d, List<Deadline> deadlines, List<CourtRuling> rulings) {
        List<Deadline> ownDeadlines = deadlines.stream().filter(x -> d.id().equals(x.decisionId())).toList();
        return new DecisionJson(d.id(), d.type().name(), d.type().legalBasis(), d.status(ownDeadlines), d.decidedAt(),
                d.executedAt(), d.decidedByName(), d.mandate(), d.committeeUnitCode(), d.grounds(), d.endedAt(),
                d.endReason(), d.custodyId(), d.details(), d.urgencyReason(), d.placement(), d.masked(), d.ageBasis(),
                ownDeadlines.stream().map(DeadlineJson::of).toList(),
                rulings.stream().filter(x -> d.id().equals(x.decisionId())).map(RulingJson::of).toList());
    }
}
