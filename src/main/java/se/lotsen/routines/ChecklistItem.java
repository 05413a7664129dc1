package se.lotsen.routines;

import java.time.Instant;
import java.util.Map;

/**
 * A step of a case's checklist: the step as defined in the case's routine version, whether its conditions hold for
 * the case, and its status with who set it, when, and why. {@code version} moves on with every change of the step (its
 * optimistic lock: a form carries the version it showed, and a write on an older one is refused).
 */
public record ChecklistItem(
        RoutineDocument.Step step,
        String phaseKey,
        String phaseTitle,
        boolean applicable,
        Status status,
        String doneByName,
        Instant doneAt,
        String reason,
        Map<String, String> fieldValues,
        int version) {

    public enum Status { OPEN, DONE, NOT_APPLICABLE }

    public ChecklistItem {
        fieldValues = fieldValues == null ? Map.of() : Map.copyOf(fieldValues);
    }

    public String key() {
        return step.key();
    }

    /** Shown in the checklist: applicable steps, and steps already dealt with even if no longer applicable. */
    public boolean visible() {
        return applicable || status != Status.OPEN;
    }
}
