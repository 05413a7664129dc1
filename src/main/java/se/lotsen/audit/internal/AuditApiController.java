package se.lotsen.audit.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.lotsen.audit.AuditAction;
import se.lotsen.audit.AuditChannel;
import se.lotsen.audit.AuditOutcome;
import se.lotsen.audit.AuditTrail;
import se.lotsen.audit.Audited;
import se.lotsen.audit.ReviewFlag;
import se.lotsen.common.FieldProblems;
import se.lotsen.common.PageResult;
import se.lotsen.common.Paging;

/** The audit trail over the API, for auditors only (the security configuration requires the role for this path). */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit")
class AuditApiController {

    private final AuditTrail trail;
    private final LogFilters filters;

    AuditApiController(AuditTrail trail, LogFilters filters) {
        this.trail = trail;
        this.filters = filters;
    }

    /** One entry. {@code caseNumber} and {@code person} are set for entries about a case or a person. */
    record EntryJson(long id, Instant at, String actor, String actorUnit, AuditAction action, String recordType,
                     String recordId, AuditOutcome outcome, AuditChannel channel, List<ReviewFlag> flags,
                     String caseNumber, String person, Boolean protectedIdentity) {
    }

    @GetMapping
    @Operation(summary = "Search the audit trail (auditors only)",
            description = "Entries newest first. Dates are Swedish local dates (YYYY-MM-DD), both inclusive.")
    @Audited(action = AuditAction.SEARCH, recordType = "AUDIT_LOG")
    PageResult<EntryJson> search(
            @Parameter(description = "entries about this case (its id)") @RequestParam(required = false) String caseId,
            @Parameter(description = "entries about cases whose number contains this")
            @RequestParam(required = false) String caseNumber,
            @Parameter(description = "entries about cases and persons whose name or alias contains this")
            @RequestParam(required = false) String person,
            @Parameter(description = "the actor's username") @RequestParam(required = false) String user,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @Parameter(description = "a review flag code, or ANY") @RequestParam(required = false) String flag,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        FieldProblems.Collector problems = new FieldProblems.Collector();
        String recordId = null;
        if (caseId != null && !caseId.isBlank()) {
            try {
                recordId = UUID.fromString(caseId.trim()).toString();
            } catch (IllegalArgumentException e) {
                problems.add("caseId", "validation.invalid");
            }
        }
        for (var text : java.util.Map.of("caseNumber", caseNumber == null ? "" : caseNumber,
                "person", person == null ? "" : person).entrySet()) {
            if (text.getValue().length() > MAX_TEXT) {
                problems.add(text.getKey(), "validation.size.max.n", MAX_TEXT);
            }
        }
        LocalDate fromDate = date(from, "from", problems);
        LocalDate toDate = date(to, "to", problems);
        boolean anyFlag = LogFilterForm.ANY_FLAG.equalsIgnoreCase(flag == null ? "" : flag.trim());
        // The rest is the page's filter, checked by the same rules (flag codes, the period's order).
        LogFilterForm form = new LogFilterForm(caseNumber, person, user, null, null,
                recordId == null ? null : "CASE", recordId, null, anyFlag ? LogFilterForm.ANY_FLAG : flag, fromDate,
                toDate, null);
        AuditTrail.Filter filter = null;
        try {
            filter = filters.toFilter(form, List.of());
        } catch (FieldProblems refused) {
            refused.problems().forEach(p -> problems.add(p.field(), p.messageKey(), p.args()));
        }
        problems.throwIfAny();
        return trail.search(filter, Paging.of(page, size), true).map(r -> {
            var e = r.entry();
            var s = r.subject();
            return new EntryJson(e.id(), e.occurredAt(), e.actorUsername(), e.actorUnitCode(), e.action(),
                    e.recordType(), e.recordId(), e.outcome(), e.channel(), List.copyOf(e.flags()),
                    s == null ? null : s.caseNumber(), s == null ? null : s.personName(),
                    s == null ? null : s.protectedIdentity());
        });
    }

    /** The longest case number or name one may search for. */
    private static final int MAX_TEXT = 200;

    private static LocalDate date(String value, String field, FieldProblems.Collector problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            problems.add(field, "validation.date");
            return null;
        }
    }
}
