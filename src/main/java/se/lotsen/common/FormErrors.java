package se.lotsen.common;

import org.springframework.validation.BindingResult;

/** Puts the problems found by a rule that needs the database next to the form fields they concern. */
public final class FormErrors {

    private FormErrors() {
    }

    public static void apply(FieldProblems problems, BindingResult result) {
        for (FieldProblems.Problem p : problems.problems()) {
            result.rejectValue(p.field(), p.messageKey(), p.args(), p.messageKey());
        }
    }
}
