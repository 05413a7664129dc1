package se.lotsen.system.web;

import java.beans.PropertyEditorSupport;
import java.lang.reflect.Type;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

import se.lotsen.common.FieldProblems;
import se.lotsen.common.PlainText;

/**
 * The one place where text with control characters is refused on the way in ({@link PlainText}), for every page and
 * endpoint: a form comes back with what was typed and the error at the field (every form handler validates), a
 * request parameter gets 400, and a JSON body with such a string anywhere gets 400 naming the field. Nothing reaches
 * the database, so a NUL byte can never turn into a server error.
 */
@ControllerAdvice
class ControlCharacterGuard extends RequestBodyAdviceAdapter {

    /** How deep a request body is searched; Lotsen's bodies are a few levels deep. */
    private static final int MAX_DEPTH = 12;

    /**
     * A request parameter or path variable with a control character fails to convert (400). A form object is built
     * as sent and then refused field by field, so the form comes back with what was typed and the error at the field.
     */
    @InitBinder
    void refuseControlCharacters(WebDataBinder binder) {
        if (binder.getTarget() == null && binder.getTargetType() == null) {
            binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
                @Override
                public void setAsText(String text) {
                    if (PlainText.hasControlCharacter(text)) {
                        throw new IllegalArgumentException("text with a control character");
                    }
                    setValue(text);
                }
            });
        } else {
            binder.addValidators(FORM_TEXT);
        }
    }

    /** Rejects each text field of a form object that holds a control character. */
    private static final Validator FORM_TEXT = new Validator() {
        @Override
        public boolean supports(Class<?> type) {
            return true;
        }

        @Override
        public void validate(Object target, Errors errors) {
            FieldProblems.Collector problems = new FieldProblems.Collector();
            inspect(target, "", 0, problems, true);
            java.util.Set<String> found = new java.util.HashSet<>();
            try {
                problems.throwIfAny();
            } catch (FieldProblems refused) {
                refused.problems().forEach(p -> {
                    found.add(p.field());
                    errors.rejectValue(p.field(), p.messageKey());
                });
            }
            // What the form object does not keep as text: a choice (an enum, a number) whose value converted to
            // nothing because conversion trims control characters away. The sent value is refused all the same.
            if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
                attributes.getRequest().getParameterMap().forEach((name, values) -> {
                    if (found.contains(name) || name.startsWith("_")) {
                        return;
                    }
                    for (String value : values) {
                        if (PlainText.hasControlCharacter(value)) {
                            found.add(name);
                            try {
                                errors.rejectValue(name, "validation.text.controlCharacter");
                            } catch (RuntimeException notAField) {
                                errors.reject("validation.text.controlCharacter");
                            }
                            return;
                        }
                    }
                });
            }
        }
    };

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
                            Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter,
                                Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        FieldProblems.Collector problems = new FieldProblems.Collector();
        inspect(body, "", 0, problems, false);
        problems.throwIfAny();
        return body;
    }

    /**
     * Finds the text with control characters in a value; {@code beanPaths}: name them as Spring binding paths
     * ({@code fields[key]}, for a form), otherwise as JSON paths ({@code fields.key}, for an API body).
     */
    private static void inspect(Object value, String path, int depth, FieldProblems.Collector problems,
                                boolean beanPaths) {
        if (value == null || depth > MAX_DEPTH) {
            return;
        }
        if (value instanceof CharSequence text) {
            if (PlainText.hasControlCharacter(text)) {
                problems.add(path.isEmpty() ? "body" : path, "validation.text.controlCharacter");
            }
        } else if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                inspect(item, path + "[" + i++ + "]", depth + 1, problems, beanPaths);
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                String key = beanPaths ? path + "[" + k + "]" : join(path, String.valueOf(k));
                inspect(k, key, depth + 1, problems, beanPaths);
                inspect(v, key, depth + 1, problems, beanPaths);
            });
        } else if (value.getClass().isRecord()) {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                try {
                    component.getAccessor().setAccessible(true);
                    inspect(component.getAccessor().invoke(value), join(path, component.getName()), depth + 1,
                            problems, beanPaths);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + component, e);
                }
            }
        }
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
