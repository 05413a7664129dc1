package se.lotsen.persons;

import java.time.LocalDate;
import java.util.List;

import se.lotsen.organisation.UnitId;

/**
 * A person as stored in one unit's register: a person known to two units has a record in each, so that nothing one
 * unit records reaches the other. {@link #address()} must only be shown through {@link #addressFor(boolean)}, which
 * masks it for a protected identity unless the viewer has the right.
 *
 * @param unit    the unit whose register holds the record (the unit that holds the person's cases)
 * @param version the record's version, for optimistic locking
 */
public record Person(
        PersonId id,
        IdentityNumber identity,
        String name,
        List<String> aliases,
        LocalDate statedBirthDate,
        Integer statedAge,
        boolean ageAssessed,
        Sex sex,
        String nationality,
        String languages,
        boolean interpreterNeeded,
        String interpreterLanguage,
        String documents,
        ProtectedIdentity protectedIdentity,
        String address,
        PersonId mergedInto,
        UnitId unit,
        int version) {

    public Person {
        aliases = List.copyOf(aliases);
    }

    public boolean isProtected() {
        return protectedIdentity.isProtected();
    }

    /** The address, or {@code null} when the identity is protected and the viewer lacks the right. */
    public String addressFor(boolean viewerMaySeeProtected) {
        return isProtected() && !viewerMaySeeProtected ? null : address;
    }

    /** The best known birth year: from the stated date, the number, or the stated age. */
    public Integer birthYear(int currentYear) {
        if (statedBirthDate != null) {
            return statedBirthDate.getYear();
        }
        if (identity != null && identity.value() != null
                && (identity.kind() == IdentityKind.PERSONNUMMER || identity.kind() == IdentityKind.SAMORDNINGSNUMMER)) {
            return Integer.parseInt(identity.value().substring(0, 4));
        }
        return statedAge == null ? null : currentYear - statedAge;
    }

    /**
     * Whether the person is known to be a Swedish citizen who can be presumed to have hemvist (habitual residence) in
     * Sweden: nationality SE and a personnummer, i.e. registered as living here (folkbokförd). Jurisdiction turns on
     * hemvist, not citizenship, so anyone else (unknown nationality, a samordningsnummer, a reservnummer, no number)
     * may have hemvist abroad or be a foreign national.
     */
    public boolean knownSwedishResident() {
        return "SE".equals(nationality) && identity != null && identity.kind() == IdentityKind.PERSONNUMMER;
    }
}
