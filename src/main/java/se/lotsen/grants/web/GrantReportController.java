package se.lotsen.grants.web;

import java.util.List;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.lotsen.access.CurrentUser;
import se.lotsen.audit.NotAudited;
import se.lotsen.common.FieldProblems;
import se.lotsen.common.FormErrors;
import se.lotsen.common.NotFoundException;
import se.lotsen.grants.Grant;
import se.lotsen.grants.GrantAccess;
import se.lotsen.grants.GrantReports;
import se.lotsen.grants.Grants;
import se.lotsen.grants.ReportSection;
import se.lotsen.grants.web.GrantForms.ConfirmFormData;
import se.lotsen.grants.web.GrantForms.SectionFormData;

/**
 * The final report to the funder: Lotsen drafts it, the method developer edits it section by section (or has one
 * section drafted again from the current data, after a confirmation), and everyone who reads grants downloads it
 * as PDF.
 */
@Controller
class GrantReportController {

    private final Grants grants;
    private final GrantReports reports;
    private final GrantReportPdf pdf;

    GrantReportController(Grants grants, GrantReports reports, GrantReportPdf pdf) {
        this.grants = grants;
        this.reports = reports;
        this.pdf = pdf;
    }

    @GetMapping("/grants/{id}/report")
    @NotAudited(GrantController.NO_PERSONAL_DATA)
    String report(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, Model model) {
        GrantAccess.requireReader(user);
        Grant grant = grants.get(id);
        model.addAttribute("grant", grant);
        model.addAttribute("sections", reports.sections(id));
        model.addAttribute("missing", reports.missing(id));
        model.addAttribute("mayEdit", GrantAccess.mayManage(user) && grant.reportEditable());
        model.addAttribute("mayManage", GrantAccess.mayManage(user));
        return "grants/report";
    }

    @PostMapping("/grants/{id}/report")
    @NotAudited(GrantController.NO_PERSONAL_DATA)
    String draft(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        GrantAccess.requireManager(user);
        Grant grant = grants.get(id);
        try {
            reports.draft(id, user.displayName());
            redirect.addFlashAttribute("flash", "flash.grant.reportDrafted");
        } catch (FieldProblems problems) {
            redirect.addFlashAttribute("flash", "flash.grant.reportLocked");
        }
        redirect.addFlashAttribute("flashArg", grant.name());
        return "redirect:/grants/" + id + "/report";
    }

    // -- one section --

    @GetMapping("/grants/{id}/report/sections/{key}")
    @NotAudited(GrantController.NO_PERSONAL_DATA)
    String edit(@PathVariable UUID id, @PathVariable String key, @AuthenticationPrincipal CurrentUser user,
                Model model) {
        GrantAccess.requireManager(user);
        Grant grant = grants.get(id);
        ReportSection section = section(id, key);
        model.addAttribute("sectionForm", new SectionFormData(section.title(), section.text(),
                Integer.toString(section.version())));
        return sectionView(grant, section, model);
    }

    @PostMapping("/grants/{id}/report/sections/{key}")
    @NotAudited(GrantController.NO_PERSONAL_DATA)
    String save(@PathVariable UUID id, @PathVariable String key, @Valid @ModelAttribute("sectionForm") SectionFormData form,
                BindingResult result, @AuthenticationPrincipal CurrentUser user, Model model,
                RedirectAttributes redirect) {
        GrantAccess.requireManager(user);
        Grant grant = grants.get(id);
        ReportSection section = section(id, key);
        ReportSection saved = GrantForms.saveOrCheck(result, () -> reports.check(form.title(), form.text()),
                () -> reports.save(id, key, GrantForms.version(form.version()), form.title(), form.text(),
                        user.displayName()));
        if (saved != null) {
            redirect.addFlashAttribute("flash", "flash.grant.sectionSaved");
            redirect.addFlashAttribute("flashArg", saved.title());
            return "redirect:/grants/" + id + "/report#section-" + key;
        }
        reports.section(id, key).ifPresent(fresh -> GrantForms.freshVersion(model, result, fresh.version()));
        FormErrors.inOrder(model, result, form);
        return sectionView(grant, section, model);
    }

    private String sectionView(Grant grant, ReportSection section, Model model) {
        model.addAttribute("grant", grant);
        model.addAttribute("section", section);
        return "grants/section";
    }

    @GetMapping("/grants/{id}/report/sections/{key}/redraft")
    @NotAudited(GrantController.NO_PERSONAL_DATA)
    String confirmRedraft(@PathVariable UUID id, @PathVariable String key, @AuthenticationPrincipal CurrentUser user,
                          Model model) {
        GrantAccess.requireManager(user);
        Grant grant = grants.get(id);
        ReportSection section = section(id, key);
        model.addAttribute("confirmForm", new ConfirmFormData(Integer.toString(section.version())));
        return redraftView(grant, section, model);
    }

    @PostMapping("/grants/{id}/report/sections/{key}/redraft")
    @NotAudited(GrantController.NO_PERSONAL_DATA)
    String redraft(@PathVariable UUID id, @PathVariable String key, @Valid @ModelAttribute("confirmForm") ConfirmFormData form,
                   BindingResult result, @AuthenticationPrincipal CurrentUser user, Model model,
                   RedirectAttributes redirect) {
        GrantAccess.requireManager(user);
        Grant grant = grants.get(id);
        ReportSection section = reports.section(id, key).orElse(null);
        if (section == null && !reports.missing(id).contains(key)) {
            throw new NotFoundException("report section");
        }
        if (!grant.reportEditable()) {
            redirect.addFlashAttribute("flash", "flash.grant.reportLocked");
            redirect.addFlashAttribute("flashArg", grant.name());
            return "redirect:/grants/" + id + "/report";
        }
        Integer version = section == null ? null : GrantForms.version(form.version());
        ReportSection saved = GrantForms.saveOrCheck(result, () -> { },
                () -> reports.redraft(id, key, version, user.displayName()));
        if (saved != null) {
            redirect.addFlashAttribute("flash", "flash.grant.sectionRedrafted");
            redirect.addFlashAttribute("flashArg", saved.title());
            return "redirect:/grants/" + id + "/report#section-" + key;
        }
        ReportSection fresh = reports.section(id, key).orElse(section);
        if (fresh != null) {
            GrantForms.freshVersion(model, result, fresh.version());
        }
        return redraftView(grant, fresh, model);
    }

    private String redraftView(Grant grant, ReportSection section, Model model) {
        model.addAttribute("grant", grant);
        model.addAttribute("section", section);
        return "grants/redraft";
    }

    private ReportSection section(UUID id, String key) {
        return reports.section(id, key).orElseThrow(() -> new NotFoundException("report section"));
    }

    // -- the PDF --

    @GetMapping(value = "/grants/{id}/report.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @NotAudited(GrantController.NO_PERSONAL_DATA)
    ResponseEntity<byte[]> pdf(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
        GrantAccess.requireReader(user);
        Grant grant = grants.get(id);
        List<ReportSection> sections = reports.sections(id);
        if (sections.isEmpty()) {
            throw new NotFoundException("report");
        }
        GrantReportPdf.Rendered rendered = pdf.render(grant, sections);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(rendered.filename()).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(rendered.bytes());
    }
}
