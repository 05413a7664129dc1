package se.lotsen.persons;

/**
 * Protected personal data (skyddade personuppgifter), LEGAL-AND-PRACTICE §5.3. With either level, no address or
 * placement is shown to anyone without the right, and pages of the case carry a warning banner.
 */
public enum ProtectedIdentity {
    NONE,
    /** Sekretessmarkering: a warning flag on the person's data in the population register. */
    SEKRETESSMARKERING,
    /** Skyddad folkbokföring: the real address is not registered at all. */
    SKYDDAD_FOLKBOKFORING;

    public boolean isProtected() {
        return this != NONE;
    }
}
