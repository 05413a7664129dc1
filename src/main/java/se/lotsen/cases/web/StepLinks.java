package se.lotsen.cases.web;

import java.util.Optional;
import java.util.UUID;

import org.springframework.web.util.UriComponentsBuilder;

import se.lotsen.routines.LinkedStep;

/**
 * Where the work of each {@link LinkedStep} is done in Lotsen: the one mapping from a linked step to its form, used by
 * the step page and the case page's checklist ({@link ChecklistView}). Lotsen marks the step done when that work is
 * recorded there ({@code StepActions} refuses a manual tick). Contact forms open with the contact type that completes
 * the step chosen; the names are the cooperation module's {@code ContactType}s (a test keeps the two in step).
 */
public final class StepLinks {

    private StepLinks() {
    }

    /** A link to where a step's work is done, with the message key of its text. */
    public record Link(String href, String labelKey) {
    }

    /** The link for the step with this key in this case; empty for a step ticked by hand or performed on its page. */
    public static Optional<Link> of(UUID caseId, String stepKey) {
        return LinkedStep.of(stepKey).map(step -> path(caseId, step)).filter(p -> p != null)
                .map(href -> new Link(href, "step.link." + stepKey));
    }

    /** The contact type whose recorded contact completes the step, or {@code null}. */
    static String contactType(LinkedStep step) {
        return switch (step) {
            case POLICE_REPORT -> "POLICE";
            case HOME_COUNTRY_RISK -> "HOME_COUNTRY_UD";
            case HOME_INVESTIGATION -> "HOME_INVESTIGATION";
            case REFLECTION_PERIOD -> "MIGRATIONSVERKET";
            case REGIONAL_COORDINATOR -> "REGIONAL_COORDINATOR";
            case SUPPORT_LINE -> "NATIONAL_HOTLINE";
            case INTERPRETER -> "INTERPRETER";
            default -> null;
        };
    }

    private static String path(UUID caseId, LinkedStep step) {
        String c = "/cases/" + caseId;
        String contactType = contactType(step);
        if (contactType != null) {
            return UriComponentsBuilder.fromPath(c + "/contacts/new").queryParam("type", contactType).toUriString();
        }
        return switch (step) {
            case INDICATORS -> c + "/indicators";
            case PROTECTION_ASSESSMENT -> c + "/protection";
            case DECISION_DOCUMENTED -> c + "/decisions/new";
            case HANDOVER -> c + "/handover/new";
            case RECEIPT -> c + "/handover";
            // Performed by the step page's own button.
            case RESERVNUMMER -> null;
            default -> null;
        };
    }
}
