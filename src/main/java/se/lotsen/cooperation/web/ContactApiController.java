package se.lotsen.cooperation.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
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
import se.lotsen.cases.WriteGrant;
import se.lotsen.common.FieldProblems;
import se.lotsen.common.NotFoundException;
import se.lotsen.cooperation.Contact;
import se.lotsen.cooperation.ContactCommand;
import se.lotsen.cooperation.ContactStatus;
import se.lotsen.cooperation.ContactType;
import se.lotsen.cooperation.Cooperation;
import se.lotsen.cooperation.Partner;
import se.lotsen.cooperation.Partners;

/** The case's cooperation log over the API: record a typed contact, list the contacts. */
@RestController
@RequestMapping("/api/v1/cases/{id}/contacts")
@Tag(name = "Cooperation")
class ContactApiController {

    private final Cooperation cooperation;
    private final Partners partners;
    private final CaseAccess access;

    ContactApiController(Cooperation cooperation, Partners partners, CaseAccess access) {
        this.cooperation = cooperation;
        this.partners = partners;
        this.access = access;
    }

    /**
     * A contact to record. {@code type}, {@code channel} and {@code status} are the enum names; {@code partner} is
     * the partner's id or its exact name; {@code at} is ISO 8601 with offset. {@code completeStep} (default true)
     * completes the matching routine step when the contact is done.
     */
    record ContactRequest(
            @Size(max = 40) String type,
            @Size(max = 200) String partner,
            @Size(max = 40) String at,
            @Size(max = 40) String channel,
            @Size(max = 20000) String summary,
            @Size(max = 10) String followUpOn,
            @Size(max = 40) String status,
            Map<String, String> fields,
            Boolean completeStep,
            Boolean placement) {
    }

    /**
     * A contact. For a placement of a person with protected identity, those without the right get no partner, summary
     * or fields ({@code placementHidden} true).
     */
    record ContactJson(UUID id, UUID caseId, ContactType type, UUID partnerId, String partner, Instant at,
                       String channel, String summary, LocalDate followUpOn, ContactStatus status, Instant queuedFor,
                       Map<String, String> fields, String recordedBy, boolean placement, boolean placementHidden) {
        static ContactJson of(Contact c) {
            return new ContactJson(c.id(), c.caseId(), c.type(), c.partner() == null ? null : c.partner().id(),
                    c.partner() == null ? null : c.partner().name(), c.at(), c.channel(), c.summary(),
                    c.followUpOn(), c.status(), c.queuedFor(), c.fields(), c.recordedByName(), c.placement(),
                    c.masked());
        }
    }

    @PostMapping
    @Operation(summary = "Record a contact in the case's cooperation log (queued when the partner is closed)")
    @Audited(action = AuditAction.UPDATE, recordType = "CASE", idParam = "id")
    ResponseEntity<ContactJson> record(@PathVariable UUID id, @Valid @RequestBody ContactRequest request,
                                       @AuthenticationPrincipal CurrentUser user) {
        List<FieldProblems.Problem> problems = new ArrayList<>();
        ContactType type = parse(ContactType.class, request.type(), "type", problems);
        ContactStatus status = parse(ContactStatus.class, request.status(), "status", problems);
        Instant at = null;
        if (request.at() != null && !request.at().isBlank()) {
            try {
                at = OffsetDateTime.parse(request.at().trim()).toInstant();
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblems.Problem("at", "validation.invalid"));
            }
        }
        LocalDate followUpOn = null;
        if (request.followUpOn() != null && !request.followUpOn().isBlank()) {
            try {
                followUpOn = LocalDate.parse(request.followUpOn().trim());
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblems.Problem("followUpOn", "validation.date"));
            }
        }
        // The access rule first: a case the caller may not change is not there (404) or read-only (403).
        WriteGrant grant = access.write(new CaseId(id), user);
        if (!problems.isEmpty()) {
            throw new FieldProblems(problems);
        }
        Partner partner = resolve(request.partner());
        ContactCommand command = new ContactCommand(partner == null ? null : partner.id(), type, at,
                request.channel(), request.summary(), followUpOn, status, request.fields(),
                request.completeStep() == null || request.completeStep(), Boolean.TRUE.equals(request.placement()));
        Contact contact;
        try {
            contact = cooperation.record(grant, command);
        } catch (FieldProblems e) {
            throw new FieldProblems(e.problems().stream()
                    .map(p -> new FieldProblems.Problem(apiField(p.field()), p.messageKey(), p.args())).toList());
        }
        AuditContext.detail("contact " + contact.id() + " " + contact.type() + " " + contact.status());
        return ResponseEntity.created(URI.create("/api/v1/cases/" + id + "/contacts/" + contact.id()))
                .body(ContactJson.of(grant.grant().mayViewProtected() ? contact
                        : cooperation.forCase(grant.grant()).stream().filter(c -> c.id().equals(contact.id()))
                        .findFirst().orElseThrow()));
    }

    @GetMapping
    @Operation(summary = "The case's cooperation log, oldest first")
    @Audited(action = AuditAction.READ, recordType = "CASE", idParam = "id")
    List<ContactJson> list(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
        return cooperation.forCase(access.read(new CaseId(id), user)).stream().map(ContactJson::of).toList();
    }

    @GetMapping("/{contactId}")
    @Operation(summary = "One contact of the case's cooperation log")
    @Audited(action = AuditAction.READ, recordType = "CASE", idParam = "id")
    ContactJson get(@PathVariable UUID id, @PathVariable UUID contactId, @AuthenticationPrincipal CurrentUser user) {
        return cooperation.forCase(access.read(new CaseId(id), user)).stream().filter(c -> c.id().equals(contactId))
                .findFirst().map(ContactJson::of).orElseThrow(() -> new NotFoundException("contact"));
    }

    /** The partner named by id or by exact name, if active. */
    private Partner resolve(String partner) {
        if (partner == null || partner.isBlank()) {
            return null;
        }
        String p = partner.trim();
        Optional<Partner> found;
        try {
            found = partners.find(UUID.fromString(p));
        } catch (IllegalArgumentException notAnId) {
            found = partners.findByName(p);
        }
        return found.filter(Partner::active).orElse(null);
    }

    /** The service names the partner by its id; the API calls the field {@code partner}. */
    private static String apiField(String field) {
        return "partnerId".equals(field) ? "partner" : field;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field,
                                               List<FieldProblems.Problem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblems.Problem(field, "validation.invalid"));
            return null;
        }
    }
}
