package se.lotsen.routines.web;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import se.lotsen.routines.Condition;
import se.lotsen.routines.Performer;

/**
 * A routine step as the method developer enters it. Legal references and fields to fill in are text, one per line
 * (see {@link StepLines}); the key is entered only for a new step.
 */
record StepForm(
        String key,
        @NotBlank(message = "{validation.required}")
        @Size(max = 200, message = "{validation.size.max}")
        String title,
        @NotBlank(message = "{validation.required}")
        @Size(max = 4000, message = "{validation.size.max}")
        String guidance,
        @NotNull(message = "{validation.required}")
        Performer performer,
        Set<Condition> conditions,
        @Size(max = 20000, message = "{validation.size.max}")
        String legalReferences,
        @Size(max = 5000, message = "{validation.size.max}")
        String fields) {

    /** No ticked checkbox sends nothing: absent means no conditions. */
    StepForm {
        conditions = conditions == null ? Set.of() : Set.copyOf(conditions);
    }

    static StepForm empty() {
        return new StepForm("", "", "", Performer.JOUR, Set.of(), "", "");
    }
}
