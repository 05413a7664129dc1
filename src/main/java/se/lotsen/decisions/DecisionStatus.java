package se.lotsen.decisions;

/**
 * Whether a decision is in force: {@code LAPSED} when it ended by law (a deadline whose miss ends it has passed, or
 * it was ended as lapsed), {@code ENDED} when the court or the committee ended it, else {@code IN_FORCE}.
 */
public enum DecisionStatus {
    IN_FORCE, LAPSED, ENDED
}
