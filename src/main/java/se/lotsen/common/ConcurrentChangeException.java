package se.lotsen.common;

import java.time.Instant;
import java.util.List;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Someone else changed the record after the user read it (optimistic locking on its version): the change is refused
 * with a message that says who changed what and when, never overwritten silently. A page shows it at the top of the
 * form with the user's values kept; the API answers 409.
 */
public class ConcurrentChangeException extends FieldProblems {

    private final String changedBy;
    private final Instant changedAt;

    /**
     * @param whatKey a message key naming what was changed (e.g. {@code change.protection}), or {@code null}
     */
    public ConcurrentChangeException(String changedBy, Instant changedAt, String whatKey) {
        super(List.of(new Problem("version", "validation.concurrentChange",
                changedBy == null ? "?" : changedBy,
                new SwedishDates().dateTime(changedAt, LocaleContextHolder.getLocale()),
                new DefaultMessageSourceResolvable(new String[] {whatKey == null ? "change.unknown" : whatKey},
                        ""))));
        this.changedBy = changedBy;
        this.changedAt = changedAt;
    }

    public String changedBy() {
        return changedBy;
    }

    public Instant changedAt() {
        return changedAt;
    }
}
