package se.lotsen.system.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import jakarta.validation.ConstraintViolation;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.HierarchicalMessageSource;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.validation.FieldError;

/**
 * Every field error names its field (the GOV.UK standard: "Fyll i ”Namn”.", not "Fyll i fältet."), in the error
 * summary and at the field alike, whatever produced it: Bean Validation, a service's {@code FieldProblems} or a value
 * that did not convert. A decorator of the application's message source, so that one place does it for every form.
 *
 * <p>For a {@link FieldError} it tries, in order:
 * <ol>
 * <li>a message written for the field: {@code <key>.<form>.<field>} or {@code <key>.<field>}, where {@code <key>} is
 *     the error's message key ({@code validation.required}) or Spring's code ({@code NotBlank}, {@code typeMismatch});</li>
 * <li>the key's named form, {@code <key>.named} (or {@code <key>.choice.named} for a select, radio or checkbox group),
 *     with the field's label as {@code {0}} and the key's own arguments after it;</li>
 * <li>the key's message with the label in front ({@code form.error.labelled}) when the message does not already
 *     contain the label.</li>
 * </ol>
 * A field's label is found in {@code form-fields.properties}: {@code <form>.<field>=<label message key>[|choice][|optional]}.
 * A field without one keeps its plain message.
 */
@Configuration(proxyBeanMethods = false)
class FieldNamingMessages {

    @Bean
    static BeanPostProcessor fieldNamingMessageSource() {
        Properties labels = new Properties();
        try (InputStream in = new ClassPathResource("form-fields.properties").getInputStream()) {
            labels.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("form-fields.properties cannot be read", e);
        }
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME.equals(beanName)
                        && bean instanceof MessageSource source && !(bean instanceof Naming)) {
                    return new Naming(source, labels);
                }
                return bean;
            }
        };
    }

    /** The decorator. Hierarchical, as the context expects of its message source. */
    static final class Naming implements HierarchicalMessageSource {

        private static final java.util.regex.Pattern OPTIONAL_MARK =
                java.util.regex.Pattern.compile("\\s*\\((valfritt|optional)\\)\\s*$");

        private final MessageSource delegate;
        private final Properties labels;

        Naming(MessageSource delegate, Properties labels) {
            this.delegate = delegate;
            this.labels = labels;
        }

        @Override
        public void setParentMessageSource(MessageSource parent) {
            if (delegate instanceof HierarchicalMessageSource h) {
                h.setParentMessageSource(parent);
            }
        }

        @Override
        public MessageSource getParentMessageSource() {
            return delegate instanceof HierarchicalMessageSource h ? h.getParentMessageSource() : null;
        }

        @Override
        public String getMessage(String code, Object[] args, String defaultMessage, Locale locale) {
            return delegate.getMessage(code, args, defaultMessage, locale);
        }

        @Override
        public String getMessage(String code, Object[] args, Locale locale) throws NoSuchMessageException {
            return delegate.getMessage(code, args, locale);
        }

        @Override
        public String getMessage(MessageSourceResolvable resolvable, Locale locale) throws NoSuchMessageException {
            if (resolvable instanceof FieldError error) {
                String named = named(error, locale);
                if (named != null) {
                    return named;
                }
            }
            return delegate.getMessage(resolvable, locale);
        }

        private String named(FieldError error, Locale locale) {
            String form = error.getObjectName();
            String field = error.getField();
            String key = key(error);
            Object[] args = ownArguments(error);
            // 1. a message written for this field
            for (String code : new String[] {key + "." + form + "." + field, key + "." + field}) {
                String specific = delegate.getMessage(code, args, null, locale);
                if (specific != null) {
                    return specific;
                }
            }
            String entry = labels.getProperty(form + "." + field);
            if (entry == null || key == null) {
                return null;
            }
            String[] parts = entry.split("\\|");
            boolean choice = java.util.Arrays.asList(parts).contains("choice");
            String label = delegate.getMessage(parts[0].strip(), null, null, locale);
            if (label == null) {
                return null;
            }
            // The label as a name: without the "(valfritt)" some labels carry.
            label = OPTIONAL_MARK.matcher(label).replaceAll("").strip();
            Object[] withLabel = new Object[args.length + 1];
            withLabel[0] = label;
            System.arraycopy(args, 0, withLabel, 1, args.length);
            // 2. the key's named form
            String named = choice ? delegate.getMessage(key + ".choice.named", withLabel, null, locale) : null;
            if (named == null) {
                named = delegate.getMessage(key + ".named", withLabel, null, locale);
            }
            if (named != null) {
                return named;
            }
            // 3. the plain message, with the label in front when it does not name the field already
            String plain;
            try {
                plain = delegate.getMessage(error, locale);
            } catch (NoSuchMessageException e) {
                return null;
            }
            // A question as a label ("Vem fattade beslutet?") is named without its question mark.
            String name = label.replaceAll("[?:]$", "");
            return plain.toLowerCase(locale).contains(name.toLowerCase(locale)) ? plain
                    : delegate.getMessage("form.error.labelled", new Object[] {name, plain}, name + ": " + plain,
                            locale);
        }

        /** The error's message key: the constraint's message template, or Spring's code for a value that did not convert. */
        private static String key(FieldError error) {
            if (error.contains(ConstraintViolation.class)) {
                String template = error.unwrap(ConstraintViolation.class).getMessageTemplate();
                if (template.startsWith("{") && template.endsWith("}")) {
                    return template.substring(1, template.length() - 1);
                }
            }
            String[] codes = error.getCodes();
            if (codes == null || codes.length == 0) {
                return null;
            }
            if (error.isBindingFailure() && "typeMismatch".equals(codes[codes.length - 1])) {
                // typeMismatch.<form>.<field>, typeMismatch.<field>, typeMismatch.<type>, typeMismatch
                for (String code : codes) {
                    if (!code.endsWith("." + error.getField()) && code.contains(".")) {
                        return code;
                    }
                }
            }
            return codes[codes.length - 1];
        }

        /** The error's own arguments, without the field's name Spring puts first for a constraint. */
        private static Object[] ownArguments(FieldError error) {
            Object[] args = error.getArguments();
            if (args == null) {
                return new Object[0];
            }
            List<Object> own = new ArrayList<>();
            for (Object a : args) {
                if (!(a instanceof MessageSourceResolvable)) {
                    own.add(a);
                }
            }
            return own.toArray();
        }
    }
}
