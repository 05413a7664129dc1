package se.lotsen.decisions;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param leadWorkingDays working days before the last day when a reminder goes out; 0 is the day itself
 *                        ({@code LOTSEN_REMINDER_LEAD_DAYS}, default 2 and 0)
 * @param interval        how often the reminder job runs ({@code LOTSEN_REMINDER_INTERVAL}, default 5 min)
 * @param enabled         whether the scheduled job runs ({@code LOTSEN_REMINDERS_ENABLED})
 */
@ConfigurationProperties("lotsen.reminders")
public record ReminderProperties(
        @DefaultValue({"2", "0"}) List<Integer> leadWorkingDays,
        @DefaultValue("5m") Duration interval,
        @DefaultValue("true") boolean enabled) {
}
