package se.lotsen.system.web;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import se.lotsen.common.DateInput;

/**
 * Every {@link LocalDate} and {@link LocalDateTime} a page binds -- a form field or a request parameter such as a list's
 * date filter -- is read and shown in Swedish form ({@code 2026-12-03 23:50}, {@code 2026-12-03}) by {@link DateInput},
 * whatever the browser's language; a form therefore needs no {@code @DateTimeFormat}. Registered after Spring's own
 * date formatters, so it also wins over a leftover {@code @DateTimeFormat(iso = ...)}: ISO dates and {@code T}-separated
 * times (what browsers' date fields sent, in bookmarks and scripts) are still read. A value that cannot be read is a
 * {@code typeMismatch} error at the field, shown with the translated text {@code typeMismatch.java.time.LocalDate}
 * or {@code typeMismatch.java.time.LocalDateTime}. JSON bodies are Jackson's business and stay ISO 8601.
 */
@Configuration(proxyBeanMethods = false)
class DateFields implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatterForFieldType(LocalDate.class, DateInput.DATE_FORMATTER);
        registry.addFormatterForFieldType(LocalDateTime.class, DateInput.DATE_TIME_FORMATTER);
    }
}
