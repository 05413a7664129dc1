package se.lotsen.cases;

import java.util.List;

import se.lotsen.routines.ChecklistItem;
import se.lotsen.routines.ChecklistItem.Status;

/**
 * The one place that decides which actions a checklist step offers a viewer: an open step can be marked done or not
 * applicable; a step that is done or not applicable can only be opened again; a viewer who may not change the case
 * gets no action and the reason why. The step page offers exactly these, and its form refuses any other.
 *
 * @param offered  the statuses the viewer may set the step to, in the order the buttons are shown
 * @param readOnly why the viewer may not change the step; {@code null} when they may
 */
public record StepActions(List<Status> offered, ReadOnly readOnly) {

    /** Why a viewer who may read the case may not change its steps. */
    public enum ReadOnly {
        /** The case is closed. */
        CLOSED,
        /** The viewer's unit handed the case on and only follows it up. */
        HANDED_OVER,
        /** The viewer reads the case through emergency access. */
        EMERGENCY,
        /** The viewer's unit does not hold the case. */
        NOT_HOLDING
    }

    public StepActions {
        offered = List.copyOf(offered);
    }

    /** What the viewer with this grant may do with this step in its current status. */
    public static StepActions of(ChecklistItem item, CaseGrant grant) {
        ReadOnly readOnly = readOnly(grant);
        if (readOnly != null) {
            return new StepActions(List.of(), readOnly);
        }
        return new StepActions(item.status() == Status.OPEN
                ? List.of(Status.DONE, Status.NOT_APPLICABLE)
                : List.of(Status.OPEN), null);
    }

    /** Why the viewer with this grant may not change the case's steps; {@code null} when they may. */
    public static ReadOnly readOnlyFor(CaseGrant grant) {
        return readOnly(grant);
    }

    private static ReadOnly readOnly(CaseGrant grant) {
        if (grant.editable()) {
            return null;
        }
        if (!grant.header().active()) {
            return ReadOnly.CLOSED;
        }
        if (grant.may(CaseRight.EMERGENCY)) {
            return ReadOnly.EMERGENCY;
        }
        if (grant.may(CaseRight.FOLLOW_UP)) {
            return ReadOnly.HANDED_OVER;
        }
        return ReadOnly.NOT_HOLDING;
    }

    /** Whether the viewer may set the step to this status. */
    public boolean offers(Status status) {
        return offered.contains(status);
    }

    /** "Markera som klart" is offered. */
    public boolean markDone() {
        return offers(Status.DONE);
    }

    /** "Inte aktuellt" is offered. */
    public boolean markNotApplicable() {
        return offers(Status.NOT_APPLICABLE);
    }

    /** "Öppna steget igen" is offered. */
    public boolean reopen() {
        return offers(Status.OPEN);
    }

    /** The viewer may change the step (some action is offered). */
    public boolean editable() {
        return readOnly == null;
    }

    /** The step's form takes field values and a reason: only while the step is open. */
    public boolean takesInput() {
        return markDone() || markNotApplicable();
    }

    /** The message key that explains to a read-only viewer why there is nothing to do. */
    public String readOnlyMessageKey() {
        return readOnly == null ? null : "step.readOnly." + readOnly.name();
    }
}
