package se.lotsen.audit.internal;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import se.lotsen.audit.AuditAction;
import se.lotsen.audit.AuditContext;
import se.lotsen.audit.AuditOutcome;
import se.lotsen.audit.AuditSubjects;
import se.lotsen.audit.AuditTrail;
import se.lotsen.audit.Audited;
import se.lotsen.common.FieldProblems;
import se.lotsen.common.FormErrors;
import se.lotsen.common.PageResult;
import se.lotsen.common.Paging;

/**
 * Log review for auditors (the security configuration requires the auditor role for {@code /audit/**}): the audit
 * trail searched by case number, person, user, unit, action, record, outcome, review flag and period, with the case
 * number and the person's name of each entry; and the same selection as a CSV file.
 */
@Controller
@RequestMapping("/audit")
class LogReviewController {

    static final int PAGE_SIZE = 50;
    static final String AUDITOR = "AUDITOR";

    private final AuditTrail trail;
    private final LogFilters filters;
    private final AuditReviewProperties properties;
    private final MessageSource messages;

    LogReviewController(AuditTrail trail, LogFilters filters, AuditReviewProperties properties,
                        MessageSource messages) {
        this.trail = trail;
        this.filters = filters;
        this.properties = properties;
        this.messages = messages;
    }

    @GetMapping
    @Audited(action = AuditAction.SEARCH, recordType = "AUDIT_LOG")
    String list(@Valid @ModelAttribute("filter") LogFilterForm form, BindingResult result,
                @RequestParam(required = false) Integer page, HttpServletRequest request, Model model) {
        List<AuditSubjects.UnitChoice> units = trail.units();
        PageResult<AuditTrail.Row> rows = new PageResult<>(List.of(), 0, PAGE_SIZE, 0);
        if (!result.hasErrors()) {
            try {
                AuditTrail.Filter filter = filters.toFilter(form, units);
                rows = trail.search(filter, Paging.of(page, PAGE_SIZE), request.isUserInRole(AUDITOR));
            } catch (FieldProblems problems) {
                FormErrors.apply(problems, result);
            }
        }
        if (result.hasErrors()) {
            AuditContext.outcome(AuditOutcome.FAILED);
        }
        model.addAttribute("result", rows);
        model.addAttribute("units", units);
        model.addAttribute("unitNames", unitNames(units));
        model.addAttribute("recordTypes", filters.recordTypes());
        model.addAttribute("actions", AuditAction.values());
        model.addAttribute("outcomes", AuditOutcome.values());
        model.addAttribute("flagChoices", LogFilters.flagChoices());
        model.addAttribute("selectedFlag", result.hasFieldErrors("flag") ? form.flag() : form.flagOrAny());
        model.addAttribute("maxExportRows", properties.exportMaxRows());
        String query = query(form);
        model.addAttribute("baseUrl", "/audit" + query);
        model.addAttribute("exportUrl", "/audit/export.csv" + query);
        model.addAttribute("recordFiltered", LogFilters.trimmed(form.recordId()) != null);
        model.addAttribute("allRecordsUrl", "/audit" + query(form.withoutRecordId()));
        return "audit/list";
    }

    /**
     * The selection as CSV for Excel in Swedish: UTF-8 with a byte order mark, semicolon-separated, a header row in the
     * user's language; at most {@link AuditReviewProperties#exportMaxRows()} rows (the last line says when there were
     * more). A filter with errors goes back to the page, which shows them.
     */
    @GetMapping("/export.csv")
    @Audited(action = AuditAction.EXPORT, recordType = "AUDIT_LOG")
    void export(@Valid @ModelAttribute("filter") LogFilterForm form, BindingResult result,
                HttpServletRequest request, HttpServletResponse response, Locale locale) throws IOException {
        String query = request.getQueryString();
        AuditContext.detail(query == null ? "filter: none" : "filter: " + query);
        AuditTrail.Filter filter = null;
        if (!result.hasErrors()) {
            try {
                filter = filters.toFilter(form, trail.units());
            } catch (FieldProblems problems) {
                filter = null;
            }
        }
        if (filter != null) {
            response.setContentType("text/csv; charset=UTF-8");
            response.setHeader("Content-Disposition", "attachment; filename=\"lotsen-audit-log.csv\"");
            response.setHeader("Cache-Control", "no-store");
            AuditCsv csv = new AuditCsv(messages, locale);
            // Buffered: nothing reaches the response before the filter's search has run.
            Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
            try {
                out.write('\uFEFF');
                csv.header(out);
                int max = properties.exportMaxRows();
                if (trail.export(filter, max, request.isUserInRole(AUDITOR), row -> csv.row(out, row))) {
                    csv.truncated(out, max);
                }
                out.flush();
                return;
            } catch (FieldProblems tooBroad) {
                response.reset();
            }
        }
        // The page shows what is wrong with the filter.
        AuditContext.outcome(AuditOutcome.FAILED);
        response.sendRedirect(request.getContextPath() + "/audit" + (query == null ? "" : "?" + query));
    }

    /**
     * The units' names by code: the page names the actor's unit and a unit record by name, never by its code.
     */
    static Map<String, String> unitNames(List<AuditSubjects.UnitChoice> units) {
        Map<String, String> names = new HashMap<>();
        units.forEach(u -> names.put(u.code(), u.name()));
        return names;
    }

    /** The filter as a query string ("" when empty), for the pagination and the export link. */
    static String query(LogFilterForm f) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("");
        add(b, "caseNumber", f.caseNumber());
        add(b, "person", f.person());
        add(b, "user", f.user());
        add(b, "unit", f.unit());
        add(b, "action", f.action() == null ? null : f.action().name());
        add(b, "recordType", f.recordType());
        add(b, "recordId", f.recordId());
        add(b, "outcome", f.outcome() == null ? null : f.outcome().name());
        add(b, "flag", f.flagOrAny());
        add(b, "from", f.from() == null ? null : f.from().toString());
        add(b, "to", f.to() == null ? null : f.to().toString());
        return b.encode().toUriString();
    }

    private static void add(UriComponentsBuilder b, String name, String value) {
        b.queryParamIfPresent(name, Optional.ofNullable(LogFilters.trimmed(value)));
    }
}
