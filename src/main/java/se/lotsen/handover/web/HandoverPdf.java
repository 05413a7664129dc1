package se.lotsen.handover.web;

import java.util.Locale;

import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

import se.lotsen.access.CurrentUser;
import se.lotsen.calendar.SwedishCalendar;
import se.lotsen.cases.CaseGrant;
import se.lotsen.common.PdfRenderer;
import se.lotsen.handover.HandoverPackage;
import se.lotsen.handover.HandoverPackages;

/** Renders the handover package as PDF from the template {@code handover/package-pdf}, in Swedish. */
@Component
class HandoverPdf {

    private final HandoverPackages packages;
    private final SpringTemplateEngine templates;
    private final PdfRenderer renderer;
    private final org.springframework.context.ApplicationContext applicationContext;

    HandoverPdf(HandoverPackages packages, SpringTemplateEngine templates, PdfRenderer renderer,
                org.springframework.context.ApplicationContext applicationContext) {
        this.packages = packages;
        this.templates = templates;
        this.renderer = renderer;
        this.applicationContext = applicationContext;
    }

    record Rendered(String filename, byte[] bytes) {
    }

    Rendered render(CaseGrant grant) {
        // A file can travel: it never carries the address or placement of a protected person.
        HandoverPackage p = packages.build(grant.withoutProtectedData());
        Context context = new Context(Locale.forLanguageTag("sv-SE"));
        context.setVariable("p", p);
        context.setVariable("c", p.caseView());
        // The legal references shown are those in force on the day the package is made.
        context.setVariable("today", SwedishCalendar.swedishDate(p.generatedAt()));
        // Lets the template use beans such as @swedishDates outside a web request.
        context.setVariable(org.thymeleaf.spring6.expression.ThymeleafEvaluationContext
                        .THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new org.thymeleaf.spring6.expression.ThymeleafEvaluationContext(applicationContext, null));
        String xhtml = templates.process("handover/package-pdf", context);
        return new Rendered("overlamning-" + p.caseView().caseNumber() + ".pdf", renderer.render(xhtml));
    }
}
