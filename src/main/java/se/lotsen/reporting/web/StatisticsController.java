package se.lotsen.reporting.web;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import se.lotsen.access.CurrentUser;
import se.lotsen.access.Role;
import se.lotsen.audit.AuditAction;
import se.lotsen.audit.AuditContext;
import se.lotsen.audit.AuditOutcome;
import se.lotsen.audit.Audited;
import se.lotsen.common.FieldProblems;
import se.lotsen.common.FormErrors;
import se.lotsen.reporting.Reporting;
import se.lotsen.reporting.Statistics;

/**
 * The statistics page for the method developer, the leads and the auditors (403 for everyone else): a period and
 * unit filter, charts with the numbers behind them, and the same figures as XLSX and CSV. No figure names a person;
 * small counts read "&lt;3".
 */
@Controller
@RequestMapping("/statistics")
class StatisticsController {

    private final Reporting reporting;
    private final StatisticsViews views;

    StatisticsController(Reporting reporting, StatisticsViews views) {
        this.reporting = reporting;
        this.views = views;
    }

    @GetMapping
    @Audited(action = AuditAction.READ, recordType = "STATISTICS")
    String page(@Valid @ModelAttribute("filter") StatisticsFilter filter, BindingResult result,
                @AuthenticationPrincipal CurrentUser user, Locale locale, Model model) {
        Reporting.requireReader(user);
        Statistics statistics = null;
        if (!result.hasErrors()) {
            try {
                Reporting.Period period = reporting.check(filter.from(), filter.to(), filter.unit());
                statistics = reporting.statistics(user, period, filter.unit());
            } catch (FieldProblems problems) {
                FormErrors.apply(problems, result);
            }
        }
        if (result.hasErrors()) {
            AuditContext.outcome(AuditOutcome.FAILED);
        }
        model.addAttribute("units", reporting.units());
        model.addAttribute("statistics", statistics);
        model.addAttribute("mayRebuild", user.has(Role.METHOD_DEVELOPER));
        if (statistics != null) {
            // The fields show the period the figures are for (the default one when none was typed).
            model.asMap().remove(BindingResult.MODEL_KEY_PREFIX + "filter");
            model.addAttribute("filter", new StatisticsFilter(statistics.from(), statistics.to(), statistics.unit()));
            AuditContext.detail("period " + statistics.from() + "–" + statistics.to()
                    + (statistics.unit() == null ? "" : ", unit " + statistics.unit()));
            model.addAttribute("cacheSeconds", reporting.cacheFor().toSeconds());
            model.addAttribute("charts", views.charts(statistics, locale));
            model.addAttribute("suppressed", views.suppressed(statistics, locale));
            String query = query(statistics);
            model.addAttribute("xlsxUrl", "/statistics/export.xlsx" + query);
            model.addAttribute("csvUrl", "/statistics/export.csv" + query);
        }
        return "reporting/statistics";
    }

    @GetMapping("/export.xlsx")
    @Audited(action = AuditAction.EXPORT, recordType = "STATISTICS")
    void xlsx(@Valid @ModelAttribute("filter") StatisticsFilter filter, BindingResult result,
              @AuthenticationPrincipal CurrentUser user, Locale locale, HttpServletRequest request,
              HttpServletResponse response) throws IOException {
        Optional<Statistics> s = export(filter, result, user, request, response);
        if (s.isPresent()) {
            response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName(s.get()) + ".xlsx\"");
            response.setHeader("Cache-Control", "no-store");
            StatisticsExport.xlsx(response.getOutputStream(), views.header(locale), views.rows(s.get(), locale));
        }
    }

    @GetMapping("/export.csv")
    @Audited(action = AuditAction.EXPORT, recordType = "STATISTICS")
    void csv(@Valid @ModelAttribute("filter") StatisticsFilter filter, BindingResult result,
             @AuthenticationPrincipal CurrentUser user, Locale locale, HttpServletRequest request,
             HttpServletResponse response) throws IOException {
        Optional<Statistics> s = export(filter, result, user, request, response);
        if (s.isPresent()) {
            response.setContentType("text/csv; charset=UTF-8");
            response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName(s.get()) + ".csv\"");
            response.setHeader("Cache-Control", "no-store");
            StatisticsExport.csv(response.getOutputStream(), views.header(locale), views.rows(s.get(), locale));
        }
    }

    /** Rebuilds the read model from its log of facts (method developer only); back to the page with a notice. */
    @PostMapping("/rebuild")
    @Audited(action = AuditAction.UPDATE, recordType = "STATISTICS")
    String rebuild(@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        long facts = reporting.rebuild(user);
        AuditContext.detail("rebuilt from " + facts + " facts");
        redirect.addFlashAttribute("flash", "statistics.rebuilt");
        return "redirect:/statistics";
    }

    /** The figures to export, or empty after redirecting to the page, which shows what is wrong with the filter. */
    private Optional<Statistics> export(StatisticsFilter filter, BindingResult result, CurrentUser user,
                                        HttpServletRequest request, HttpServletResponse response) throws IOException {
        Reporting.requireReader(user);
        if (!result.hasErrors()) {
            try {
                Reporting.Period period = reporting.check(filter.from(), filter.to(), filter.unit());
                Statistics s = reporting.statistics(user, period, filter.unit());
                AuditContext.detail("period " + s.from() + "–" + s.to() + (s.unit() == null ? "" : ", unit " + s.unit()));
                return Optional.of(s);
            } catch (FieldProblems problems) {
                // shown by the page
            }
        }
        AuditContext.outcome(AuditOutcome.FAILED);
        String query = request.getQueryString();
        response.sendRedirect(request.getContextPath() + "/statistics" + (query == null ? "" : "?" + query));
        return Optional.empty();
    }

    private static String fileName(Statistics s) {
        return "lotsen-statistik-" + s.from() + "-" + s.to() + (s.unit() == null ? "" : "-" + s.unit()
                .replaceAll("[^A-Za-z0-9-]", ""));
    }

    static String query(Statistics s) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("")
                .queryParam("from", s.from().toString()).queryParam("to", s.to().toString());
        if (s.unit() != null) {
            b.queryParam("unit", s.unit());
        }
        return b.encode().toUriString();
    }
}
