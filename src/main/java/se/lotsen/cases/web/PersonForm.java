package se.lotsen.cases.web;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import se.lotsen.persons.IdentityKind;
import se.lotsen.persons.Person;
import se.lotsen.persons.PersonDetails;
import se.lotsen.persons.ProtectedIdentity;
import se.lotsen.persons.Sex;

/**
 * The form for what is known about a case's person: the fields of {@link PersonDetails} (the names the shared person
 * fragment uses), the record's version the form was shown with, and why the protection is lowered (a lead only).
 */
public record PersonForm(
        IdentityKind identityKind,
        @Size(max = 20, message = "{validation.size.max}") String identityNumber,
        @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.size.max}") String name,
        @Size(max = 1000, message = "{validation.size.max}") String aliases,
        @PastOrPresent(message = "{validation.date.past}") LocalDate statedBirthDate,
        @Min(value = 0, message = "{validation.age}") @Max(value = 130, message = "{validation.age}") Integer statedAge,
        Boolean ageAssessed,
        Sex sex,
        @Size(max = 2, message = "{validation.size.max}") String nationality,
        @Size(max = 200, message = "{validation.size.max}") String languages,
        Boolean interpreterNeeded,
        @Size(max = 100, message = "{validation.size.max}") String interpreterLanguage,
        @Size(max = 500, message = "{validation.size.max}") String documents,
        ProtectedIdentity protectedIdentity,
        @Size(max = 500, message = "{validation.size.max}") String address,
        Integer version,
        @Size(max = 2000, message = "{validation.size.max}") String protectionReason) {

    /** The form for a person as stored; {@code visibleAddress} is {@code null} when the viewer may not see it. */
    static PersonForm of(Person p, String visibleAddress) {
        return new PersonForm(p.identity().kind(), p.identity().display(), p.name(), String.join(", ", p.aliases()),
                p.statedBirthDate(), p.statedAge(), p.ageAssessed(), p.sex(), p.nationality(), p.languages(),
                p.interpreterNeeded(), p.interpreterLanguage(), p.documents(), p.protectedIdentity(),
                visibleAddress == null ? "" : visibleAddress, p.version(), "");
    }

    PersonDetails details() {
        return new PersonDetails(identityKind, identityNumber, name == null ? "" : name, aliases, statedBirthDate,
                statedAge, ageAssessed, sex, nationality, languages, interpreterNeeded, interpreterLanguage, documents,
                protectedIdentity, address);
    }
}
