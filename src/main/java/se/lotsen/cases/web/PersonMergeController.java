package se.lotsen.cases.web;

import java.util.List;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.lotsen.access.CurrentUser;
import se.lotsen.audit.AuditAction;
import se.lotsen.audit.AuditContext;
import se.lotsen.audit.AuditOutcome;
import se.lotsen.audit.Audited;
import se.lotsen.cases.CaseAccess;
import se.lotsen.cases.Cases;
import se.lotsen.common.FieldProblems;
import se.lotsen.common.NotFoundException;
import se.lotsen.persons.Person;
import se.lotsen.persons.PersonId;

/**
 * A lead (duty lead or unit manager) merges duplicate person records of their own unit's register, keeping history
 * and aliases. Records of another unit's register are not found.
 */
@Controller
@RequestMapping("/persons/merge")
class PersonMergeController {

    private final Cases cases;
    private final CaseAccess access;

    PersonMergeController(Cases cases, CaseAccess access) {
        this.cases = cases;
        this.access = access;
    }

    @GetMapping
    @Audited(action = AuditAction.SEARCH, recordType = "PERSON")
    String page(@RequestParam(required = false) String name, @RequestParam(required = false) String identityNumber,
                @RequestParam(required = false) UUID keep, @RequestParam(required = false) UUID duplicate,
                @AuthenticationPrincipal CurrentUser user, Model model) {
        access.requireLead(user);
        boolean searched = (name != null && !name.isBlank()) || (identityNumber != null && !identityNumber.isBlank());
        model.addAttribute("name", name == null ? "" : name);
        model.addAttribute("identityNumber", identityNumber == null ? "" : identityNumber);
        model.addAttribute("searched", searched);
        model.addAttribute("matches", searched ? cases.mergeCandidates(user, identityNumber, name) : List.of());
        Person kept = keep == null ? null : cases.personInRegister(user, new PersonId(keep))
                .orElseThrow(() -> new NotFoundException("person"));
        Person dup = duplicate == null ? null : cases.personInRegister(user, new PersonId(duplicate))
                .orElseThrow(() -> new NotFoundException("person"));
        model.addAttribute("keep", kept);
        model.addAttribute("duplicate", dup);
        return "persons/merge";
    }

    @PostMapping
    @Audited(action = AuditAction.UPDATE, recordType = "PERSON")
    String merge(@RequestParam UUID keep, @RequestParam UUID duplicate, @AuthenticationPrincipal CurrentUser user,
                 RedirectAttributes redirect) {
        AuditContext.recordId(keep);
        AuditContext.detail("merged " + duplicate);
        try {
            cases.mergePersons(new PersonId(keep), new PersonId(duplicate), user);
            redirect.addFlashAttribute("flash", "flash.persons.merged");
        } catch (FieldProblems problems) {
            AuditContext.outcome(AuditOutcome.FAILED);
            redirect.addFlashAttribute("mergeError", problems.problems().get(0).messageKey());
        }
        return "redirect:/persons/merge";
    }
}
