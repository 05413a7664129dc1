package se.lotsen.grants.web;

import java.text.Normalizer;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

import se.lotsen.common.PdfRenderer;
import se.lotsen.grants.Grant;
import se.lotsen.grants.GrantReports;
import se.lotsen.grants.ReportSection;

/** Renders the final report as PDF from the template {@code grants/report-pdf}, in Swedish (the funder's language). */
@Component
class GrantReportPdf {

    private final SpringTemplateEngine templates;
    private final PdfRenderer renderer;
    private final ApplicationContext applicationContext;
    private final Clock clock;

    GrantReportPdf(SpringTemplateEngine templates, PdfRenderer renderer, ApplicationContext applicationContext,
                   Clock clock) {
        this.templates = templates;
        this.renderer = renderer;
        this.applicationContext = applicationContext;
        this.clock = clock;
    }

    record Rendered(String filename, byte[] bytes) {
    }

    Rendered render(Grant grant, List<ReportSection> sections) {
        Locale locale = GrantReports.REPORT_LOCALE;
        Context context = new Context(locale);
        context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(applicationContext, null));
        context.setVariable("grant", grant);
        context.setVariable("sections", sections);
        context.setVariable("generatedOn", se.lotsen.calendar.SwedishCalendar.swedishDate(clock.instant()));
        String xhtml = templates.process("grants/report-pdf", context);
        return new Rendered(filename(grant), renderer.render(xhtml));
    }

    /**
     * {@code slutrapport-lansstyrelsen-i-stockholms-lan-2026.pdf}: only a–z, digits and hyphens, so that no funder's
     * name can break the download header or a file system.
     */
    static String filename(Grant grant) {
        String ascii = Normalizer.normalize(grant.funder(), Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (ascii.length() > 60) {
            ascii = ascii.substring(0, 60).replaceAll("-+$", "");
        }
        return "slutrapport-" + (ascii.isEmpty() ? "bidrag" : ascii) + "-" + grant.periodFrom().getYear() + ".pdf";
    }
}
