package se.lotsen.cases;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Emergency access (nödåtkomst).
 *
 * @param duration how long one grant lets its user read the case ({@code LOTSEN_EMERGENCY_ACCESS_DURATION}, default
 *                 12 hours; at least one minute, at most seven days)
 */
@ConfigurationProperties("lotsen.emergency-access")
public record EmergencyAccessProperties(@DefaultValue("PT12H") Duration duration) {

    public EmergencyAccessProperties {
        if (duration == null || duration.compareTo(Duration.ofMinutes(1)) < 0
                || duration.compareTo(Duration.ofDays(7)) > 0) {
            throw new IllegalArgumentException(
                    "lotsen.emergency-access.duration (LOTSEN_EMERGENCY_ACCESS_DURATION) must be between PT1M and P7D,"
                            + " was " + duration);
        }
    }
}
