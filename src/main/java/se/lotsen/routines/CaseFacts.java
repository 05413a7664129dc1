package se.lotsen.routines;

/**
 * The facts of a case that decide which routine steps apply. The cases module computes them; a change of facts
 * (e.g. a custody decision is recorded) re-evaluates the checklist.
 */
public record CaseFacts(
        boolean child,
        boolean custodyDecided,
        boolean foreignNational,
        boolean protectedIdentity,
        boolean noIdentityNumber,
        boolean interpreterNeeded,
        boolean broughtByPolice) {

    public boolean adult() {
        return !child;
    }
}
