package se.lotsen.routines.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationContext;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

import se.lotsen.access.CurrentUser;
import se.lotsen.audit.AuditAction;
import se.lotsen.audit.Audited;
import se.lotsen.audit.NotAudited;
import se.lotsen.common.PageResult;
import se.lotsen.common.Paging;
import se.lotsen.common.PdfRenderer;
import se.lotsen.routines.OpenCases;
import se.lotsen.routines.RoutineVersion;

/**
 * Reading the routine: its versions, one version with the differences against the one before, a print version and
 * a PDF, and (for the method developer) which open cases still run which version.
 */
@Controller
class RoutinePagesController {

    /** Rows per page on the usage page. */
    static final int USAGE_PAGE_SIZE = 50;

    private final RoutineViews views;
    private final SpringTemplateEngine templates;
    private final PdfRenderer pdfRenderer;
    private final ApplicationContext applicationContext;

    RoutinePagesController(RoutineViews views, SpringTemplateEngine templates, PdfRenderer pdfRenderer,
                           ApplicationContext applicationContext) {
        this.views = views;
        this.templates = templates;
        this.pdfRenderer = pdfRenderer;
        this.applicationContext = applicationContext;
    }

    /** One version in the list of versions. */
    record VersionRow(RoutineVersion version, boolean current, int openCases) {
    }

    /** A routine with its versions, newest first (a draft first of all). */
    record RoutineOverview(String key, String name, List<VersionRow> rows, RoutineVersion draft,
                           RoutineVersion current) {
    }

    @GetMapping("/routines")
    @NotAudited("routines are not personal data; only counts of cases are shown")
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        RoutineAccess.requireReader(user);
        boolean methodDeveloper = RoutineAccess.isMethodDeveloper(user);
        Map<UUID, List<OpenCases.CaseRef>> open = methodDeveloper ? views.openCases() : Map.of();
        List<RoutineOverview> overviews = new ArrayList<>();
        for (String key : views.routineKeys()) {
            List<RoutineVersion> versions = views.versions(key);
            RoutineVersion current = versions.stream().filter(RoutineVersion::published).findFirst().orElse(null);
            RoutineVersion draft = versions.stream().filter(v -> !v.published()).findFirst().orElse(null);
            List<VersionRow> rows = versions.stream()
                    .filter(v -> v.published() || methodDeveloper)
                    .map(v -> new VersionRow(v, current != null && v.id().equals(current.id()),
                            open.getOrDefault(v.id(), List.of()).size()))
                    .toList();
            overviews.add(new RoutineOverview(key, versions.get(0).routineName(), rows,
                    methodDeveloper ? draft : null, current));
        }
        model.addAttribute("routines", overviews);
        model.addAttribute("methodDeveloper", methodDeveloper);
        return "routines/list";
    }

    @GetMapping("/routines/versions/{id}")
    @NotAudited("a routine version is not personal data")
    String version(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, Model model) {
        RoutineVersion version = RoutineAccess.readable(views.version(id), user);
        model.addAttribute("version", version);
        model.addAttribute("differences", views.differences(version));
        model.addAttribute("current", views.versions(version.routineKey()).stream()
                .filter(RoutineVersion::published).findFirst().orElse(null));
        model.addAttribute("methodDeveloper", RoutineAccess.isMethodDeveloper(user));
        return "routines/version";
    }

    @GetMapping("/routines/versions/{id}/print")
    @NotAudited("a routine version is not personal data")
    String print(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, Model model) {
        RoutineVersion version = RoutineAccess.readable(views.version(id), user);
        model.addAttribute("version", version);
        return "routines/print";
    }

    @GetMapping({"/routines/versions/{id}.pdf", "/routines/versions/{id}/pdf"})
    @NotAudited("a routine version is not personal data")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, Locale locale) {
        RoutineVersion version = RoutineAccess.readable(views.version(id), user);
        // Rendered outside the web request's view: the evaluation context makes @swedishDates available.
        Context context = new Context(locale);
        context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(applicationContext, null));
        context.setVariable("version", version);
        byte[] pdf = pdfRenderer.render(templates.process("routines/pdf", context));
        String filename = "rutin-v" + version.number() + (version.published() ? "" : "-utkast") + ".pdf";
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(filename).build()
                        .toString())
                .body(pdf);
    }

    /** One open case on the usage page. */
    record UsageRow(int versionNumber, UUID versionId, OpenCases.CaseRef caseRef) {
    }

    /** The number of open cases on one version, for the summary at the top of the usage page. */
    record UsageCount(RoutineVersion version, boolean current, int cases) {
    }

    @GetMapping("/routines/usage")
    @Audited(action = AuditAction.SEARCH, recordType = "CASE")
    String usage(@RequestParam(required = false) Integer page, @AuthenticationPrincipal CurrentUser user,
                 Model model) {
        RoutineAccess.requireMethodDeveloper(user);
        Map<UUID, List<OpenCases.CaseRef>> open = views.openCases();
        List<UsageCount> counts = new ArrayList<>();
        List<UsageRow> rows = new ArrayList<>();
        for (String key : views.routineKeys()) {
            List<RoutineVersion> published = views.versions(key).stream().filter(RoutineVersion::published).toList();
            for (RoutineVersion v : published) {
                List<OpenCases.CaseRef> cases = open.getOrDefault(v.id(), List.of());
                counts.add(new UsageCount(v, v == published.get(0), cases.size()));
                cases.forEach(c -> rows.add(new UsageRow(v.number(), v.id(), c)));
            }
        }
        // Oldest version first: the cases that run the most outdated routine are what the method developer
        // follows up.
        rows.sort(Comparator.comparingInt(UsageRow::versionNumber)
                .thenComparing(r -> r.caseRef().caseNumber(), Comparator.nullsLast(Comparator.naturalOrder())));
        Paging paging = Paging.of(page, USAGE_PAGE_SIZE);
        List<UsageRow> pageRows = rows.stream().skip(paging.offset()).limit(paging.size()).toList();
        Map<Integer, List<UsageRow>> groups = new LinkedHashMap<>();
        pageRows.forEach(r -> groups.computeIfAbsent(r.versionNumber(), n -> new ArrayList<>()).add(r));
        model.addAttribute("counts", counts);
        model.addAttribute("result", new PageResult<>(pageRows, paging.page(), paging.size(), rows.size()));
        model.addAttribute("groups", groups);
        model.addAttribute("baseUrl", "/routines/usage");
        return "routines/usage";
    }
}
