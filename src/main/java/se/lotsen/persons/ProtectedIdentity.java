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

    /** Whether this level protects less than {@code other} (only a lead may lower it, with a reason). */
    public boolean lowerThan(ProtectedIdentity other) {
        return ordinal() < other.ordinal();
    }

    /** The stronger of two levels (a merge never lowers protection). */
    public static ProtectedIdentity strongest(ProtectedIdentity a, ProtectedIdentity b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}
