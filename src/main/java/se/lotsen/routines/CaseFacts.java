package se.lotsen.routines;

/**
 * The facts of a case that decide which routine steps apply. The cases module computes them; a change of facts
 * (e.g. a custody decision is recorded) re-evaluates the checklist.
 *
 * @param possiblyForeign the person may be a foreign national or have hemvist (habitual residence) abroad: true unless
 *                        the person is known to be a Swedish citizen registered as living in Sweden. Jurisdiction
 *                        (6 § or 6 a § LVU) turns on hemvist, not citizenship, and unknown nationality must not skip
 *                        the jurisdiction assessment, the home-country risk assessment or betänketid.
 */
public record CaseFacts(
        boolean child,
        boolean custodyDecided,
        boolean possiblyForeign,
        boolean protectedIdentity,
        boolean noIdentityNumber,
        boolean interpreterNeeded,
        boolean broughtByPolice) {

    public boolean adult() {
        return !child;
    }
}
