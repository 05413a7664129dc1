package se.lotsen.audit.internal;

import java.time.Duration;
import java.time.LocalTime;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Log review settings: when an entry is flagged for an unusual pattern, and how large an export may be.
 *
 * @param officeHours     the hours of units that keep office hours, Swedish time, on weekdays
 *                        ({@code LOTSEN_AUDIT_OFFICE_HOURS}, default {@code 07:00-19:00}); a read of a case by such a
 *                        unit's staff outside them, or on a Saturday or Sunday, is flagged {@code ODD_HOURS}
 * @param manyCases       more different cases than this read by one account within {@code manyCasesWindow} flags the
 *                        read {@code MANY_CASES} ({@code LOTSEN_AUDIT_MANY_CASES}, default 20)
 * @param manyCasesWindow {@code LOTSEN_AUDIT_MANY_CASES_WINDOW}, default 10 minutes
 * @param exportMaxRows   the most rows a CSV export holds ({@code LOTSEN_AUDIT_EXPORT_MAX_ROWS}, default 100 000)
 */
@Validated
@ConfigurationProperties("lotsen.audit.review")
public record AuditReviewProperties(
        @NotNull @Pattern(regexp = "([01]\\d|2[0-3]):[0-5]\\d-([01]\\d|2[0-3]):[0-5]\\d",
                message = "must be HH:MM-HH:MM, e.g. 07:00-19:00") @DefaultValue("07:00-19:00") String officeHours,
        @Min(1) @DefaultValue("20") int manyCases,
        @NotNull @DefaultValue("10m") Duration manyCasesWindow,
        @Min(1) @Max(1_000_000) @DefaultValue("100000") int exportMaxRows) {

    public AuditReviewProperties {
        if (officeHours != null && officeHours.matches("\\d\\d:\\d\\d-\\d\\d:\\d\\d")
                && !LocalTime.parse(officeHours.substring(0, 5)).isBefore(LocalTime.parse(officeHours.substring(6)))) {
            throw new IllegalArgumentException("lotsen.audit.review.office-hours: the start must be before the end");
        }
    }

    /** The first minute of office hours. */
    public LocalTime officeHoursStart() {
        return LocalTime.parse(officeHours.substring(0, 5));
    }

    /** The end of office hours (exclusive). */
    public LocalTime officeHoursEnd() {
        return LocalTime.parse(officeHours.substring(6));
    }
}
