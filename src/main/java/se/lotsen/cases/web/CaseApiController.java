package se.lotsen.cases.web;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.lotsen.access.CurrentUser;
import se.lotsen.audit.AuditAction;
import se.lotsen.audit.AuditContext;
import se.lotsen.audit.Audited;
import se.lotsen.cases.CaseAccess;
import se.lotsen.cases.CaseGrant;
import se.lotsen.cases.CaseId;
import se.lotsen.cases.CaseQuery;
import se.lotsen.cases.CaseStatus;
import se.lotsen.cases.CaseSummary;
import se.lotsen.cases.CaseView;
import se.lotsen.cases.Cases;
import se.lotsen.cases.ExploitationForm;
import se.lotsen.cases.Intake;
import se.lotsen.cases.IntakeChannel;
import se.lotsen.cases.SubjectType;
import se.lotsen.common.FieldProblems;
import se.lotsen.common.PageResult;
import se.lotsen.common.Paging;
import se.lotsen.persons.IdentityKind;
import se.lotsen.persons.PersonDetails;
import se.lotsen.persons.ProtectedIdentity;
import se.lotsen.routines.Checklist;
import se.lotsen.routines.ChecklistItem;

/** The cases API: open a case, read it with its checklist, set a step's status, close it, search. */
@RestController
@RequestMapping("/api/v1/cases")
@Tag(name = "Cases")
class CaseApiController {

    /** Fields of the person that the API sends inside {@code subject}. */
    private static final Set<String> SUBJECT_FIELDS = Set.of("name", "identityNumber", "identityKind", "nationality",
            "statedAge", "address", "protectedIdentity");

    private final Cases cases;
    private final CaseAccess access;

    CaseApiController(Cases cases, CaseAccess access) {
        this.cases = cases;
        this.access = access;
    }

    /** The person a case is about, as sent to the API. */
    record SubjectJson(
            @NotNull SubjectType type,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 20) String identityNumber,
            IdentityKind identityKind,
            @Size(max = 2) String nationality,
            @jakarta.validation.constraints.Min(0) @jakarta.validation.constraints.Max(130) Integer statedAge,
            @Size(max = 500) String address,
            ProtectedIdentity protectedIdentity) {
    }

    record CreateCaseRequest(
            @NotNull @Valid SubjectJson subject,
            @NotNull OffsetDateTime receivedAt,
            IntakeChannel channel,
            @Size(max = 200) String reporter,
            @Size(max = 20000) String summary,
            Set<ExploitationForm> exploitationForms,
            @Size(max = 200) String exploitationOther) {
    }

    record ChecklistItemJson(String key, String phase, String title, ChecklistItem.Status status, String reason,
                             String doneBy, Instant doneAt, Map<String, String> fields, int version) {
    }

    /**
     * The person as the API shows them. {@code address} only to those who may see it: for a protected identity the
     * holding unit's leads and the workers they named (absent otherwise, whether or not there is one).
     */
    record SubjectOut(SubjectType type, String name, String identityNumber, IdentityKind identityKind,
                      boolean protectedIdentity, ProtectedIdentity protectionLevel, String nationality,
                      String address) {
    }

    record CaseJson(UUID id, String caseNumber, CaseStatus status, String unit, Instant receivedAt,
                    IntakeChannel channel, SubjectOut subject, int routineVersion, List<ChecklistItemJson> checklist,
                    String next, int version, boolean writable) {
    }

    record CloseRequest(@Size(max = 2000) String reason, Integer version) {
    }

    /** {@code version}: the step's version the caller read; a step changed since is refused with 409. */
    record StepRequest(@NotNull ChecklistItem.Status status, @Size(max = 2000) String reason,
                       Map<String, String> fields, Integer version) {
    }

    @PostMapping
    @Operation(summary = "Open a case at the caller's unit")
    @Audited(action = AuditAction.CREATE, recordType = "CASE")
    ResponseEntity<CaseJson> create(@Valid @RequestBody CreateCaseRequest request,
                                    @AuthenticationPrincipal CurrentUser user) {
        SubjectJson s = request.subject();
        IdentityKind kind = s.identityKind() != null ? s.identityKind()
                : s.identityNumber() == null || s.identityNumber().isBlank() ? IdentityKind.UNKNOWN
                : IdentityKind.PERSONNUMMER;
        PersonDetails person = new PersonDetails(kind, s.identityNumber(), s.name(), "", null, s.statedAge(), false,
                null, s.nationality(), "", false, "", "", s.protectedIdentity(), s.address());
        Intake intake = new Intake(s.type(), request.receivedAt().toInstant(),
                request.channel() == null ? IntakeChannel.OTHER : request.channel(), request.reporter(), null,
                request.summary(), request.exploitationForms(), request.exploitationOther(), null, person, null);
        CaseId id;
        try {
            id = cases.open(intake, user);
        } catch (FieldProblems problems) {
            throw new FieldProblems(problems.problems().stream().map(p -> new FieldProblems.Problem(
                    SUBJECT_FIELDS.contains(p.field()) ? "subject." + p.field() : p.field(), p.messageKey(),
                    p.args())).toList());
        }
        AuditContext.recordId(id);
        return ResponseEntity.created(URI.create("/api/v1/cases/" + id)).body(json(access.read(id, user)));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A case with its checklist")
    @Audited(action = AuditAction.READ, recordType = "CASE", idParam = "id")
    CaseJson get(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
        return json(access.read(new CaseId(id), user));
    }

    @PostMapping("/{id}/checklist/{key}")
    @Operation(summary = "Set a checklist step's status (OPEN, DONE, NOT_APPLICABLE with a reason), as the step page "
            + "offers it: 409 for a step Lotsen completes itself when its work is recorded (indicators, a decision, "
            + "the handover, a contact…) set DONE by hand, or a status the step no longer offers, or when version is given "
            + "and the step changed since")
    @Audited(action = AuditAction.UPDATE, recordType = "CASE", idParam = "id")
    ChecklistItemJson setStep(@PathVariable UUID id, @PathVariable String key, @Valid @RequestBody StepRequest request,
                              @AuthenticationPrincipal CurrentUser user) {
        AuditContext.detail("step " + key + " " + request.status());
        return itemJson(cases.changeStep(access.write(new CaseId(id), user), key, request.status(),
                request.reason(), request.fields(), request.version()));
    }

    @PostMapping("/{id}/close")
    @Operation(summary = "Close a case with a reason; 409 while a custody is in force or a deadline is open, "
            + "or when version is given and the case changed since")
    @Audited(action = AuditAction.UPDATE, recordType = "CASE", idParam = "id")
    CaseJson close(@PathVariable UUID id, @Valid @RequestBody CloseRequest request,
                   @AuthenticationPrincipal CurrentUser user) {
        AuditContext.detail("status CLOSED");
        cases.close(access.write(new CaseId(id), user), request.reason(), request.version());
        return json(access.read(new CaseId(id), user));
    }

    @GetMapping
    @Operation(summary = "Search the cases the caller may see", description = "query: any part of a case number, a"
            + " name or alias, or an identity number; a query without three letters or digits in a row finds names"
            + " containing exactly those words (\"Ek\" finds Ek, not Ekström).")
    @Audited(action = AuditAction.SEARCH, recordType = "CASE")
    PageResult<CaseSummary> search(@RequestParam(required = false) String query,
                                   @RequestParam(required = false) CaseStatus status,
                                   @RequestParam(required = false) Integer page,
                                   @RequestParam(required = false) Integer size,
                                   @AuthenticationPrincipal CurrentUser user) {
        return cases.search(new CaseQuery(query, status, false, null, null), user, Paging.of(page, size));
    }

    private CaseJson json(CaseGrant grant) {
        CaseView view = cases.view(grant);
        Checklist checklist = cases.checklist(grant);
        String address = view.visibleAddress();
        return new CaseJson(view.id().value(), view.caseNumber(), view.status(), view.unit().code(),
                view.receivedAt(), view.channel(), new SubjectOut(view.subjectType(), view.person().name(),
                view.person().identity().display(), view.person().identity().kind(), view.person().isProtected(),
                view.person().protectedIdentity(), view.person().nationality(), address),
                checklist.version().number(),
                checklist.visibleItems().stream().map(CaseApiController::itemJson).toList(),
                checklist.next().map(ChecklistItem::key).orElse(null), view.version(), view.editable());
    }

    private static ChecklistItemJson itemJson(ChecklistItem i) {
        return new ChecklistItemJson(i.key(), i.phaseTitle(), i.step().title(), i.status(), i.reason(),
                i.doneByName(), i.doneAt(), i.fieldValues(), i.version());
    }
}
