package se.lotsen.routines.web;

import java.util.ArrayList;
import java.util.Comparator;
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
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

import se.lotsen.access.CurrentUser;
import se.lotsen.audit.NotAudited;
import se.lotsen.common.PdfRenderer;
import se.lotsen.routines.OpenCases;
import se.lotsen.routines.RoutineLinks;
import se.lotsen.routines.RoutineVersion;

/**
 * Reading the routine: its versions, one version with the differences against the one before, a print version and
 * a PDF, and (for the method developer) which open cases still run which version.
 */
@Controller
class RoutinePagesController {

    private final RoutineViews views;
    private final SpringTemplateEngine templates;
    private final PdfRenderer pdfRenderer;
    private final ApplicationContext applicationContext;
    private final List<RoutineLinks> routineLinks;

    RoutinePagesController(RoutineViews views, SpringTemplateEngine templates, PdfRenderer pdfRenderer,
                           ApplicationContext applicationContext, List<RoutineLinks> routineLinks) {
        this.views = views;
        this.templates = templates;
        this.pdfRenderer = pdfRenderer;
        this.applicationContext = applicationContext;
        this.routineLinks = List.copyOf(routineLinks);
    }

    /** Links under one heading (a message key), e.g. the knowledge base's articles. */
    record LinkGroup(String groupKey, List<RoutineLinks.Link> links) {
    }

    /** What every {@link RoutineLinks} bean links to the version ({@code stepKey == null}) or to one step. */
    private List<LinkGroup> links(RoutineVersion version, String stepKey) {
        Map<String, List<RoutineLinks.Link>> groups = new java.util.LinkedHashMap<>();
        for (RoutineLinks source : routineLinks) {
            for (RoutineLinks.Link link : source.links(version.id(), version.routineKey(), stepKey)) {
                groups.computeIfAbsent(link.groupKey(), k -> new ArrayList<>()).add(link);
            }
        }
        return groups.entrySet().stream().map(e -> new LinkGroup(e.getKey(), List.copyOf(e.getValue()))).toList();
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
        Map<UUID, List<OpenCases.VersionUse>> open = methodDeveloper ? views.openCases() : Map.of();
        List<RoutineOverview> overviews = new ArrayList<>();
        for (String key : views.routineKeys()) {
            List<RoutineVersion> versions = views.versions(key);
            RoutineVersion current = versions.stream().filter(RoutineVersion::published).findFirst().orElse(null);
            RoutineVersion draft = versions.stream().filter(v -> !v.published()).findFirst().orElse(null);
            List<VersionRow> rows = versions.stream()
                    .filter(v -> v.published() || methodDeveloper)
                    .map(v -> new VersionRow(v, current != null && v.id().equals(current.id()),
                            (int) open.getOrDefault(v.id(), List.of()).stream()
                                    .mapToLong(OpenCases.VersionUse::cases).sum()))
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
        // Other modules' links: to the version as a whole with the change note, and under each step.
        model.addAttribute("versionLinks", links(version, null));
        Map<String, List<LinkGroup>> stepLinks = new java.util.LinkedHashMap<>();
        for (var step : version.document().allSteps()) {
            List<LinkGroup> groups = links(version, step.key());
            if (!groups.isEmpty()) {
                stepLinks.put(step.key(), groups);
            }
        }
        model.addAttribute("stepLinks", stepLinks);
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

    /** The number of open cases on one version, with how many at each unit. */
    record UsageCount(RoutineVersion version, boolean current, long cases, List<OpenCases.VersionUse> units) {
    }

    /**
     * How many open cases follow which version, per unit: the method developer follows up on the units whose
     * cases run an outdated routine. No case is named: the method developer has no access to case content.
     */
    @GetMapping("/routines/usage")
    @NotAudited("counts of open cases per routine version and unit; no case or person is named")
    String usage(@AuthenticationPrincipal CurrentUser user, Model model) {
        RoutineAccess.requireMethodDeveloper(user);
        Map<UUID, List<OpenCases.VersionUse>> open = views.openCases();
        List<UsageCount> counts = new ArrayList<>();
        for (String key : views.routineKeys()) {
            // Oldest first: the method developer looks for the units still following an outdated routine.
            List<RoutineVersion> published = views.versions(key).stream().filter(RoutineVersion::published)
                    .sorted(Comparator.comparingInt(RoutineVersion::number)).toList();
            for (RoutineVersion v : published) {
                List<OpenCases.VersionUse> units = open.getOrDefault(v.id(), List.of());
                counts.add(new UsageCount(v, v == published.get(published.size() - 1),
                        units.stream().mapToLong(OpenCases.VersionUse::cases).sum(), units));
            }
        }
        model.addAttribute("counts", counts);
        model.addAttribute("total", counts.stream().mapToLong(UsageCount::cases).sum());
        return "routines/usage";
    }
}
