package se.lotsen.cases;

import java.util.Set;

/**
 * The lifecycle of a case: open at the jour → handed over to a district → closed; a closed case can be reopened
 * with a reason.
 */
public enum CaseStatus {
    OPEN, HANDED_OVER, CLOSED;

    /** The transitions that are allowed from this status. */
    public Set<CaseStatus> next() {
        return switch (this) {
            case OPEN -> Set.of(HANDED_OVER, CLOSED);
            case HANDED_OVER -> Set.of(CLOSED);
            case CLOSED -> Set.of(OPEN);
        };
    }

    public boolean canBecome(CaseStatus target) {
        return next().contains(target);
    }

    /** Open or handed over: the case is still being worked on. */
    public boolean active() {
        return this != CLOSED;
    }
}
