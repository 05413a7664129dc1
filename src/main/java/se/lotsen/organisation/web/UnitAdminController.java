package se.lotsen.organisation.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import se.lotsen.audit.AuditAction;
import se.lotsen.audit.AuditContext;
import se.lotsen.audit.AuditOutcome;
import se.lotsen.audit.Audited;
import se.lotsen.audit.NotAudited;
import se.lotsen.common.FieldProblems;
import se.lotsen.common.FormErrors;
import se.lotsen.common.NotFoundException;
import se.lotsen.common.Paging;
import se.lotsen.organisation.Committee;
import se.lotsen.organisation.MeetingForm;
import se.lotsen.organisation.Organisation;
import se.lotsen.organisation.Unit;
import se.lotsen.organisation.UnitForm;
import se.lotsen.organisation.UnitKind;

/**
 * Administration of units, their committees and the committees' meeting dates. Units are organisational data,
 * not personal data; changes are still recorded in the audit trail.
 */
@Controller
@RequestMapping("/admin/units")
class UnitAdminController {

    private final Organisation organisation;

    UnitAdminController(Organisation organisation) {
        this.organisation = organisation;
    }

    @ModelAttribute("kinds")
    UnitKind[] kinds() {
        return UnitKind.values();
    }

    @GetMapping
    @NotAudited("units are organisational data, not personal data")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page, Model model) {
        String query = q == null ? "" : q.trim();
        model.addAttribute("q", query);
        model.addAttribute("result", organisation.search(query, Paging.of(page, null)));
        model.addAttribute("baseUrl", UriComponentsBuilder.fromPath("/admin/units").queryParam("q", query)
                .encode().toUriString());
        return "admin/units/list";
    }

    @GetMapping("/new")
    @NotAudited("an empty form")
    String newForm(Model model) {
        model.addAttribute("unitForm", UnitForm.empty());
        model.addAttribute("creating", true);
        return "admin/units/form";
    }

    @PostMapping
    @Audited(action = AuditAction.CREATE, recordType = "UNIT")
    String create(@Valid @ModelAttribute("unitForm") UnitForm form, BindingResult result, Model model,
                  RedirectAttributes redirect, HttpServletRequest request) {
        if (result.hasErrors()) {
            // All problems at once: a taken code too.
            // Values refused already are left out of the check: nothing refused reaches the service.
            UnitForm sent = FormErrors.lenient(UnitForm.class, result, request);
            FormErrors.check(result, () -> organisation.checkNewUnit(sent));
        } else {
            try {
                Unit unit = organisation.createUnit(form);
                AuditContext.recordId(unit.id());
                redirect.addFlashAttribute("flash", "flash.saved");
                return "redirect:/admin/units/" + unit.code();
            } catch (FieldProblems problems) {
                FormErrors.apply(problems, result);
            }
        }
        AuditContext.outcome(AuditOutcome.FAILED);
        FormErrors.inOrder(model, result, form);
        model.addAttribute("creating", true);
        return "admin/units/form";
    }

    @GetMapping("/{code}")
    @NotAudited("units are organisational data, not personal data")
    String edit(@PathVariable String code, Model model) {
        Unit unit = unit(code);
        Committee committee = organisation.committeeOf(unit.id()).orElse(null);
        model.addAttribute("unitForm", new UnitForm(unit.code(), unit.name(), unit.kind(), unit.active(),
                committee == null ? "" : committee.name(), organisation.contact(unit.id()).orElse("")));
        return editView(unit, model);
    }

    @PostMapping("/{code}")
    @Audited(action = AuditAction.UPDATE, recordType = "UNIT", idParam = "code")
    String update(@PathVariable String code, @Valid @ModelAttribute("unitForm") UnitForm form, BindingResult result,
                  Model model, RedirectAttributes redirect) {
        Unit unit = unit(code);
        if (!result.hasErrors()) {
            try {
                organisation.updateUnit(code, form);
                redirect.addFlashAttribute("flash", "flash.saved");
                return "redirect:/admin/units/" + code;
            } catch (FieldProblems problems) {
                FormErrors.apply(problems, result);
            }
        }
        AuditContext.outcome(AuditOutcome.FAILED);
        FormErrors.inOrder(model, result, form);
        return editView(unit, model);
    }

    @PostMapping("/{code}/meetings")
    @Audited(action = AuditAction.UPDATE, recordType = "UNIT", idParam = "code")
    String addMeeting(@PathVariable String code, @Valid @ModelAttribute("meetingForm") MeetingForm form,
                      BindingResult result, Model model, RedirectAttributes redirect, HttpServletRequest request) {
        Unit unit = unit(code);
        if (result.hasErrors()) {
            // All problems at once: a meeting already on that day too.
            // Values refused already are left out of the check: nothing refused reaches the service.
            MeetingForm sent = FormErrors.lenient(MeetingForm.class, result, request);
            FormErrors.check(result, () -> organisation.checkMeeting(unit.id(), sent));
        } else {
            try {
                organisation.addMeeting(unit.id(), form);
                redirect.addFlashAttribute("flash", "flash.meetingAdded");
                return "redirect:/admin/units/" + code + "#meetings";
            } catch (FieldProblems problems) {
                FormErrors.apply(problems, result);
            }
        }
        AuditContext.outcome(AuditOutcome.FAILED);
        Committee committee = organisation.committeeOf(unit.id()).orElse(null);
        model.addAttribute("unitForm", new UnitForm(unit.code(), unit.name(), unit.kind(), unit.active(),
                committee == null ? "" : committee.name(), organisation.contact(unit.id()).orElse("")));
        return editView(unit, model);
    }

    @PostMapping("/{code}/meetings/{meetingId}/delete")
    @Audited(action = AuditAction.UPDATE, recordType = "UNIT", idParam = "code")
    String removeMeeting(@PathVariable String code, @PathVariable UUID meetingId, RedirectAttributes redirect) {
        organisation.removeMeeting(unit(code).id(), meetingId);
        redirect.addFlashAttribute("flash", "flash.meetingRemoved");
        return "redirect:/admin/units/" + code + "#meetings";
    }

    private String editView(Unit unit, Model model) {
        model.addAttribute("unit", unit);
        model.addAttribute("committee", organisation.committeeOf(unit.id()).orElse(null));
        if (!model.containsAttribute("meetingForm")) {
            model.addAttribute("meetingForm", new MeetingForm(null, ""));
        }
        model.addAttribute("creating", false);
        return "admin/units/form";
    }

    private Unit unit(String code) {
        return organisation.unitByCode(code).orElseThrow(() -> new NotFoundException("unit"));
    }
}
