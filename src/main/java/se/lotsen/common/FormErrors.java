package se.lotsen.common;

import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * Puts the problems found by a rule that needs the database (or a handler's own check) next to the form fields they
 * concern. Safe for a form whose record could not be built because a value did not convert (a letter in a time
 * field): Spring's binding result then has no object to read the field's value from, and its {@code rejectValue}
 * throws, which would turn a typing mistake into a server error.
 */
public final class FormErrors {

    private FormErrors() {
    }

    public static void apply(FieldProblems problems, BindingResult result) {
        for (FieldProblems.Problem p : problems.problems()) {
            reject(result, p.field(), p.messageKey(), p.args(), p.messageKey());
        }
    }

    /** {@link BindingResult#rejectValue(String, String)}, also when the form's object could not be built. */
    public static void reject(BindingResult result, String field, String code) {
        reject(result, field, code, null, null);
    }

    private static void reject(BindingResult result, String field, String code, Object[] args, String message) {
        if (result.getTarget() != null) {
            result.rejectValue(field, code, args, message);
        } else {
            result.addError(new FieldError(result.getObjectName(), field, null, false,
                    result.resolveMessageCodes(code, field), args, message));
        }
    }
}
