package se.lotsen.cases;

import java.util.List;

import se.lotsen.common.FieldProblems;

/**
 * A step status that {@link StepActions} does not offer was asked for: a linked step ticked done by hand (its work is
 * recorded elsewhere in Lotsen), or a stale action. A page shows the message at the step's buttons; the API answers
 * 409 with the message.
 */
public class StepNotOffered extends FieldProblems {

    private final boolean linked;

    StepNotOffered(String messageKey, boolean linked) {
        super(List.of(new Problem("status", messageKey)));
        this.linked = linked;
    }

    /** The step is completed by Lotsen when its work is recorded (rather than a stale action). */
    public boolean linked() {
        return linked;
    }

    /** The message key that says why. */
    public String messageKey() {
        return problems().get(0).messageKey();
    }
}
