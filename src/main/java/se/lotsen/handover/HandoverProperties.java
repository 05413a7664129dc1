package se.lotsen.handover;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param readAccessAfterHandover how long the handing unit keeps read access ({@code LOTSEN_HANDOVER_READ_ACCESS},
 *                                default 30 days)
 * @param acknowledgeBy           the time on the next working day by which receipt must be acknowledged (12:00)
 * @param escalationInterval      how often late receipts are checked ({@code LOTSEN_HANDOVER_ESCALATION_INTERVAL})
 * @param escalationEnabled       whether the scheduled check runs ({@code LOTSEN_HANDOVER_ESCALATION_ENABLED})
 */
@ConfigurationProperties("lotsen.handover")
public record HandoverProperties(
        @DefaultValue("30d") Duration readAccessAfterHandover,
        @DefaultValue("12:00") LocalTime acknowledgeBy,
        @DefaultValue("PT5M") Duration escalationInterval,
        @DefaultValue("true") boolean escalationEnabled) {
}
