package se.lotsen.cases.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.lotsen.access.CurrentUser;
import se.lotsen.audit.AuditAction;
import se.lotsen.audit.Audited;
import se.lotsen.cases.CaseStatus;
import se.lotsen.cases.Cases;
import se.lotsen.cases.PersonSearch;
import se.lotsen.common.FieldProblems;
import se.lotsen.persons.IdentityKind;
import se.lotsen.persons.Persons;
import se.lotsen.persons.ProtectedIdentity;

/**
 * Search before create over the API, with the same rules as the intake page: people of the caller's own unit's
 * register, and for a jour the other units' open cases about a matching person (unit, case number, contact), nothing
 * about the person. Roles without case work get 403.
 */
@RestController
@RequestMapping("/api/v1/persons")
@Tag(name = "Persons")
class PersonApiController {

    private final Cases cases;

    PersonApiController(Cases cases) {
        this.cases = cases;
    }

    /**
     * A match in the caller's register. The address is never part of a search result; a protected person is marked.
     */
    record MatchJson(UUID id, String name, List<String> aliases, IdentityKind identityKind, String identityNumber,
                     Integer birthYear, boolean protectedIdentity, ProtectedIdentity protectionLevel,
                     boolean identityMatch, int nameWordsMatched) {
    }

    /**
     * Another unit's open case about a matching person: the unit, the case number, whom to call (the unit's phone or
     * mailbox, the assigned worker), and whether a custody is in force: its decision type, legal basis and since
     * when ({@code null} without one). Nothing about the person.
     */
    record OtherUnitCaseJson(UUID caseId, String caseNumber, String unit, String contact, String assignedTo,
                             CaseStatus status, boolean custodyInForce, String custodyType, String custodyLegalBasis,
                             Instant custodySince) {
    }

    record SearchJson(List<MatchJson> matches, List<OtherUnitCaseJson> otherUnitCases) {
    }

    @GetMapping
    @Operation(summary = "Search before create: matches in the caller's unit, and (for a jour) other units' open cases")
    @Audited(action = AuditAction.SEARCH, recordType = "PERSON")
    SearchJson search(@RequestParam(required = false) String name,
                      @RequestParam(required = false) String identityNumber,
                      @RequestParam(required = false) Integer birthYear,
                      @AuthenticationPrincipal CurrentUser user) {
        if ((name == null || name.isBlank()) && (identityNumber == null || identityNumber.isBlank())) {
            throw FieldProblems.of("name", "validation.person.search.empty");
        }
        if (name != null && name.length() > 200) {
            throw FieldProblems.of("name", "validation.size.max.n", 200);
        }
        if (identityNumber != null && identityNumber.length() > 20) {
            throw FieldProblems.of("identityNumber", "validation.size.max.n", 20);
        }
        int year = LocalDate.now().getYear();
        PersonSearch found = cases.searchBeforeCreate(user, identityNumber, name, birthYear);
        List<MatchJson> matches = found.own().stream().map((Persons.Match m) -> new MatchJson(
                m.person().id().value(), m.person().name(), m.person().aliases(), m.person().identity().kind(),
                m.person().identity().display(), m.person().birthYear(year), m.person().isProtected(),
                m.person().protectedIdentity(), m.identityMatch(), m.nameWordsMatched())).toList();
        List<OtherUnitCaseJson> others = found.elsewhere().stream().map(e -> new OtherUnitCaseJson(
                e.caseId().value(), e.caseNumber(), e.unitName(), e.unitContact(), e.assignedToName(), e.status(),
                e.custodyInForce(), e.custodyInForce() ? e.custody().decisionType() : null,
                e.custodyInForce() ? e.custody().legalBasis() : null,
                e.custodyInForce() ? e.custody().since() : null)).toList();
        return new SearchJson(matches, others);
    }
}
