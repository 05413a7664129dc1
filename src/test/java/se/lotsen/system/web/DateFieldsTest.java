package se.lotsen.system.web;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.support.DefaultFormattingConversionService;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DataBinder;
import org.springframework.validation.FieldError;
import org.springframework.beans.MutablePropertyValues;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registration of the one date formatter, in a conversion service set up as Spring MVC sets up its own (Spring's
 * defaults and {@code @DateTimeFormat} support first, then each configurer's formatters): it reads and shows every
 * form field, also one still annotated with an ISO format, and an unreadable value is a {@code typeMismatch} error.
 */
class DateFieldsTest {

    /** A form as Lotsen's are: a record, bound through its constructor. */
    record Form(LocalDateTime decidedAt, LocalDate metOn,
                @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime annotated) {
    }

    private final DefaultFormattingConversionService conversions = conversions();

    private static DefaultFormattingConversionService conversions() {
        DefaultFormattingConversionService service = new DefaultFormattingConversionService();
        new DateFields().addFormatters(service);
        return service;
    }

    @Test
    void aFormIsReadInSwedishAndIsoFormAndShownInSwedishForm() {
        BindingResult result = bind("2026-12-03 23:50", "2026-12-03", "2026-12-03 23:50");
        assertThat(result.hasErrors()).isFalse();
        Form form = (Form) result.getTarget();
        assertThat(form.decidedAt()).isEqualTo(LocalDateTime.of(2026, 12, 3, 23, 50));
        assertThat(form.metOn()).isEqualTo(LocalDate.of(2026, 12, 3));
        // The annotation's ISO format does not win over the Swedish form.
        assertThat(form.annotated()).isEqualTo(LocalDateTime.of(2026, 12, 3, 23, 50));
        // What th:field shows.
        assertThat(result.getFieldValue("decidedAt")).isEqualTo("2026-12-03 23:50");
        assertThat(result.getFieldValue("metOn")).isEqualTo("2026-12-03");
        assertThat(result.getFieldValue("annotated")).isEqualTo("2026-12-03 23:50");

        Form iso = (Form) bind("2026-12-03T23:50", "2026-12-03", "2026-12-03T23:50:00").getTarget();
        assertThat(iso.decidedAt()).isEqualTo(LocalDateTime.of(2026, 12, 3, 23, 50));
        assertThat(iso.annotated()).isEqualTo(LocalDateTime.of(2026, 12, 3, 23, 50));
    }

    @Test
    void anUnreadableValueIsAFieldErrorWithTheTypedValueKept() {
        BindingResult result = bind("2026-13-40 25:00", "03/12/2026", "");
        FieldError time = result.getFieldError("decidedAt");
        FieldError date = result.getFieldError("metOn");
        assertThat(time).isNotNull();
        assertThat(time.getCodes()).contains("typeMismatch.java.time.LocalDateTime", "typeMismatch");
        assertThat(time.getRejectedValue()).isEqualTo("2026-13-40 25:00");
        assertThat(date).isNotNull();
        assertThat(date.getCodes()).contains("typeMismatch.java.time.LocalDate");
        assertThat(result.getFieldError("annotated")).isNull();
    }

    @Test
    void requestParametersAreReadTheSameWay() {
        assertThat(conversions.convert("2026-12-03", LocalDate.class)).isEqualTo(LocalDate.of(2026, 12, 3));
        assertThat(conversions.convert("2026-12-03 23:50", LocalDateTime.class))
                .isEqualTo(LocalDateTime.of(2026, 12, 3, 23, 50));
        assertThat(conversions.convert(LocalDateTime.of(2026, 12, 3, 23, 50), TypeDescriptor.valueOf(LocalDateTime.class),
                TypeDescriptor.valueOf(String.class))).isEqualTo("2026-12-03 23:50");
    }

    private BindingResult bind(String decidedAt, String metOn, String annotated) {
        DataBinder binder = new DataBinder(null, "form");
        binder.setTargetType(org.springframework.core.ResolvableType.forClass(Form.class));
        binder.setConversionService(conversions);
        MutablePropertyValues values = new MutablePropertyValues();
        values.add("decidedAt", decidedAt).add("metOn", metOn).add("annotated", annotated);
        binder.construct(new DataBinder.ValueResolver() {
            @Override
            public Object resolveValue(String name, Class<?> type) {
                return values.contains(name) ? values.getPropertyValue(name).getValue() : null;
            }

            @Override
            public java.util.Set<String> getNames() {
                return java.util.Set.of("decidedAt", "metOn", "annotated");
            }
        });
        if (binder.getTarget() == null) {
            throw new IllegalStateException("the form was not built");
        }
        return binder.getBindingResult();
    }
}
