package se.lotsen.common;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.springframework.core.ResolvableType;
import org.springframework.format.support.DefaultFormattingConversionService;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.ServletRequestDataBinder;

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

    /**
     * The problems of a rule checked after Bean Validation, added only at fields that have no error yet: a form shows
     * every problem at once, one message per field, instead of revealing them in rounds.
     */
    public static void applyNew(FieldProblems problems, BindingResult result) {
        for (FieldProblems.Problem p : problems.problems()) {
            if (!result.hasFieldErrors(p.field())) {
                reject(result, p.field(), p.messageKey(), p.args(), p.messageKey());
            }
        }
    }

    /**
     * Runs a rule of the service that only checks (it writes nothing) and adds its problems at fields that have no
     * error yet: a form sent with Bean Validation problems still shows the service's own rules in the same round.
     */
    public static void check(BindingResult result, Runnable check) {
        try {
            check.run();
        } catch (FieldProblems problems) {
            applyNew(problems, result);
        }
    }

    /**
     * The same errors in the order of the form's fields (the record's components), so that the error summary lists
     * them as the page shows the fields (GOV.UK); Bean Validation reports them in no particular order. Errors of the
     * whole form come first, errors of fields the record does not name last. When the record could not be built,
     * the form given (the lenient record, {@link #lenient}) stands in for it.
     */
    public static BindingResult inOrder(BindingResult result, Object form) {
        Object target = result.getTarget() != null ? result.getTarget() : form;
        if (target == null || !target.getClass().isRecord() || !result.hasFieldErrors()) {
            return result;
        }
        java.util.List<String> order = java.util.Arrays.stream(target.getClass().getRecordComponents())
                .map(java.lang.reflect.RecordComponent::getName).toList();
        org.springframework.validation.BeanPropertyBindingResult sorted =
                new org.springframework.validation.BeanPropertyBindingResult(target, result.getObjectName());
        // The values are shown as a form's binder formats them (a date in Swedish form).
        sorted.initConversion(conversion());
        result.getGlobalErrors().forEach(sorted::addError);
        result.getFieldErrors().stream()
                .sorted(java.util.Comparator.comparingInt(e -> {
                    int i = order.indexOf(e.getField().replaceAll("[\\[.].*$", ""));
                    return i < 0 ? Integer.MAX_VALUE : i;
                }))
                .forEach(sorted::addError);
        return sorted;
    }

    /**
     * Puts the errors in the order of the form's fields ({@link #inOrder(BindingResult, Object)}) into the model in
     * place of the binding result Spring put there, with the form (the lenient one when the record could not be
     * built) so that the page shows what was typed.
     */
    public static void inOrder(org.springframework.ui.Model model, BindingResult result, Object form) {
        BindingResult ordered = inOrder(result, form);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + result.getObjectName(), ordered);
        if (ordered.getTarget() != null) {
            model.addAttribute(result.getObjectName(), ordered.getTarget());
        }
    }

    private static DefaultFormattingConversionService conversion() {
        DefaultFormattingConversionService conversion = new DefaultFormattingConversionService();
        conversion.addFormatterForFieldType(java.time.LocalDate.class, DateInput.DATE_FORMATTER);
        conversion.addFormatterForFieldType(java.time.LocalDateTime.class, DateInput.DATE_TIME_FORMATTER);
        return conversion;
    }

    /**
     * The form's record built from the request without the values that did not convert (they become null), for a
     * handler that must still run its own checks when Spring could not build the record: all problems at once.
     */
    public static <T> T lenient(Class<T> type, BindingResult result, HttpServletRequest request) {
        java.util.Set<String> failed = new java.util.HashSet<>();
        result.getFieldErrors().forEach(e -> failed.add(e.getField()));
        HttpServletRequest without = new HttpServletRequestWrapper(request) {
            @Override
            public String getParameter(String name) {
                return failed.contains(name) ? null : super.getParameter(name);
            }

            @Override
            public String[] getParameterValues(String name) {
                return failed.contains(name) ? null : super.getParameterValues(name);
            }

            @Override
            public java.util.Map<String, String[]> getParameterMap() {
                java.util.Map<String, String[]> map = new java.util.LinkedHashMap<>(super.getParameterMap());
                map.keySet().removeAll(failed);
                return map;
            }

            @Override
            public java.util.Enumeration<String> getParameterNames() {
                return java.util.Collections.enumeration(getParameterMap().keySet());
            }
        };
        ServletRequestDataBinder binder = new ServletRequestDataBinder(null, result.getObjectName());
        binder.setTargetType(ResolvableType.forClass(type));
        binder.setConversionService(conversion());
        binder.construct(without);
        return type.cast(binder.getTarget());
    }

    /** {@link BindingResult#rejectValue(String, String)}, also when the form's object could not be built. */
    public static void reject(BindingResult result, String field, String code) {
        reject(result, field, code, null, null);
    }

    private static void reject(BindingResult result, String field, String code, Object[] args, String message) {
        if (result.getTarget() != null) {
            result.rejectValue(field, code, args, message);
        } else {
            // The value as typed stays in the field: the page shows a field's rejected value, as sent (marked like a
            // value that did not convert, so the page shows the text rather than format it as the field's type).
            String typed = typed(field);
            result.addError(new FieldError(result.getObjectName(), field, typed, typed != null,
                    result.resolveMessageCodes(code, field), args, message));
        }
    }

    /** What the request sent for the field, when the form's object could not be built to say it. */
    private static String typed(String field) {
        if (org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
                instanceof org.springframework.web.context.request.ServletRequestAttributes attributes) {
            return attributes.getRequest().getParameter(field);
        }
        return null;
    }
}
