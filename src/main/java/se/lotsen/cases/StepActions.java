package se.lotsen.cases;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import se.lotsen.persons.Person;
import se.lotsen.persons.Persons;
import se.lotsen.routines.ChecklistItem;
import se.lotsen.routines.ChecklistItem.Status;
import se.lotsen.routines.LinkedStep;

/**
 * The one place that decides which actions a checklist step offers a viewer, on the step page, in the checklist and
 * over the API:
 * <ul>
 * <li>an ordinary open step can be marked done or not applicable; a done or not applicable step can only be opened
 * again;</li>
 * <li>a step whose work is done elsewhere in Lotsen ({@link LinkedStep}: the indicators, a decision, the handover, a
 * contact…) is never ticked done by hand: Lotsen marks it done when that work is recorded, and the step links to where
 * it is done. Some of them may be declared not applicable (no interpreter needed), the handover and its receipt
 * never;</li>
 * <li>the reservnummer is a step Lotsen performs: while the person has no identity number the step offers the button
 * that assigns one; when the person already has a number the step says so; either way it may be declared not
 * applicable with a reason (e.g. a samordningsnummer is on its way);</li>
 * <li>a viewer who may not change the case gets no action and the reason why.</li>
 * </ul>
 * The step page offers exactly these, and the form and the API refuse any other ({@link StepNotOffered}).
 *
 * @param offered  the statuses the viewer may set the step to, in the order the buttons are shown
 * @param readOnly why the viewer may not change the step; {@code null} when they may
 * @param linked   the linked step this is, or {@code null} for a step ticked by hand
 * @param perform  the step page offers the button that performs the step's work (the reservnummer)
 */
public record StepActions(List<Status> offered, ReadOnly readOnly, LinkedStep linked, boolean perform) {

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

    /** Linked steps that may be declared not applicable while open (the work may rightly not be needed). */
    private static final Set<LinkedStep> MAY_NOT_APPLY = EnumSet.of(LinkedStep.DECISION_DOCUMENTED,
            LinkedStep.HOME_COUNTRY_RISK, LinkedStep.HOME_INVESTIGATION, LinkedStep.REFLECTION_PERIOD,
            LinkedStep.REGIONAL_COORDINATOR, LinkedStep.SUPPORT_LINE, LinkedStep.INTERPRETER);

    /** Linked steps whose completion cannot be undone by reopening the step (it records what happened). */
    private static final Set<LinkedStep> FINAL_WHEN_DONE = EnumSet.of(LinkedStep.HANDOVER, LinkedStep.RECEIPT,
            LinkedStep.RESERVNUMMER);

    public StepActions {
        offered = List.copyOf(offered);
    }

    /** What the viewer with this grant may do with this step in its current status. */
    public static StepActions of(ChecklistItem item, CaseGrant grant) {
        LinkedStep linked = LinkedStep.of(item.key()).orElse(null);
        ReadOnly readOnly = readOnlyFor(grant);
        if (readOnly != null) {
            return new StepActions(List.of(), readOnly, linked, false);
        }
        if (item.status() != Status.OPEN) {
            boolean reopen = linked == null || item.status() == Status.NOT_APPLICABLE
                    || !FINAL_WHEN_DONE.contains(linked);
            return new StepActions(reopen ? List.of(Status.OPEN) : List.of(), null, linked, false);
        }
        if (linked == null) {
            return new StepActions(List.of(Status.DONE, Status.NOT_APPLICABLE), null, null, false);
        }
        if (linked == LinkedStep.RESERVNUMMER) {
            // Not applicable with a reason: the person has a number already, or gets a samordningsnummer tomorrow.
            return new StepActions(List.of(Status.NOT_APPLICABLE), null, linked, !hasIdentityNumber(grant));
        }
        return new StepActions(MAY_NOT_APPLY.contains(linked) ? List.of(Status.NOT_APPLICABLE) : List.of(), null,
                linked, false);
    }

    /** The case's person already has a personnummer, samordningsnummer or reservnummer. */
    static boolean hasIdentityNumber(CaseGrant grant) {
        Person person = grant.content() == null ? null : grant.content().person();
        return person != null && Persons.hasIdentityNumber(person);
    }

    /** Why the viewer with this grant may not change the case's steps; {@code null} when they may. */
    public static ReadOnly readOnlyFor(CaseGrant grant) {
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

    /**
     * Refuses a status the step does not offer ({@link StepNotOffered}): a linked step ticked done by hand is told
     * where its work is done; anything else (a stale second click) is told the step changed.
     */
    public void require(Status status) {
        if (status == null || offers(status)) {
            return;
        }
        if (status == Status.DONE && linked != null && readOnly == null) {
            throw new StepNotOffered(linked == LinkedStep.RESERVNUMMER ? "validation.step.performed"
                    : "validation.step.linked", true);
        }
        throw new StepNotOffered("validation.step.notOffered", false);
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

    /** The viewer may change the case (the step may still offer nothing, e.g. a recorded handover). */
    public boolean editable() {
        return readOnly == null;
    }

    /** Lotsen marks the step done when its work is recorded elsewhere: the step links there. */
    public boolean completedElsewhere() {
        return linked != null && linked != LinkedStep.RESERVNUMMER;
    }

    /** The step's linked key, for the step page's texts ({@code step.linked.<key>}); {@code null} for others. */
    public Optional<LinkedStep> linkedStep() {
        return Optional.ofNullable(linked);
    }

    /** The step's form takes a reason (and, for a step ticked by hand, its fields): only while the step is open. */
    public boolean takesInput() {
        return markDone() || markNotApplicable();
    }

    /** The step's own fields are typed in on the step page: only for a step ticked by hand. */
    public boolean takesFields() {
        return markDone();
    }

    /** The message key that explains to a read-only viewer why there is nothing to do. */
    public String readOnlyMessageKey() {
        return readOnly == null ? null : "step.readOnly." + readOnly.name();
    }
}
