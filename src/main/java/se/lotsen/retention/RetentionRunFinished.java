package se.lotsen.retention;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A run of the retention job is over. {@code failed}: it stopped before it was done. {@code actBy}: in report mode,
 * files are due and the law's last day for the first of them is near (within {@link Retention#WARN_BEFORE_DAYS}
 * days), so someone must turn erasure on or erase by hand; otherwise {@code null}.
 */
public record RetentionRunFinished(UUID run, LocalDate day, RetentionMode mode, int filesDue, int filesErased,
                                   boolean failed, LocalDate actBy) {
}
