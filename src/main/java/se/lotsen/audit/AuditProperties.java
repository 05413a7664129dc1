package se.lotsen.audit;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the keyed audit chain and its checkpoints.
 *
 * @param key                 the HMAC key, base64, at least 32 bytes ({@code LOTSEN_AUDIT_KEY}); required in
 *                            production mode; in embedded mode, when empty, a key is generated once and kept in
 *                            {@code <data-dir>/audit.key}
 * @param previousKeys        keys used before a rotation, oldest first, base64 ({@code LOTSEN_AUDIT_PREVIOUS_KEYS},
 *                            comma-separated): older entries and checkpoints still verify; no new entry uses them
 * @param checkpointDir       where checkpoint lines are appended ({@code LOTSEN_AUDIT_CHECKPOINT_DIR}); default in
 *                            embedded mode {@code <data-dir>/audit-checkpoints}, in production none (log line only)
 * @param checkpointInterval  how often a checkpoint is written ({@code LOTSEN_AUDIT_CHECKPOINT_INTERVAL}, 5 min)
 * @param checkpointsEnabled  whether the scheduled checkpoint job runs ({@code LOTSEN_AUDIT_CHECKPOINTS_ENABLED})
 */
@ConfigurationProperties("lotsen.audit")
public record AuditProperties(
        String key,
        @DefaultValue List<String> previousKeys,
        String checkpointDir,
        @DefaultValue("5m") Duration checkpointInterval,
        @DefaultValue("true") boolean checkpointsEnabled) {

    /** Never prints a key. */
    @Override
    public String toString() {
        return "AuditProperties[key=***, previousKeys=" + (previousKeys == null ? 0 : previousKeys.size())
                + " x ***, checkpointDir=" + checkpointDir + ", checkpointInterval=" + checkpointInterval
                + ", checkpointsEnabled=" + checkpointsEnabled + "]";
    }
}
