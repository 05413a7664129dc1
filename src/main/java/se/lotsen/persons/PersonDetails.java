package se.lotsen.persons;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

/**
 * What is known about a person, as entered at intake or changed later. The identity number is validated against
 * the chosen kind by {@link Persons}; aliases are separated by commas or new lines.
 */
public record PersonDetails(
        @NotNull(message = "{validation.required}") IdentityKind identityKind,
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
        @Size(max = 500, message = "{validation.size.max}") String address) {

    public PersonDetails {
        ageAssessed = ageAssessed != null && ageAssessed;
        interpreterNeeded = interpreterNeeded != null && interpreterNeeded;
        sex = sex == null ? Sex.UNKNOWN : sex;
        protectedIdentity = protectedIdentity == null ? ProtectedIdentity.NONE : protectedIdentity;
        identityKind = identityKind == null ? IdentityKind.UNKNOWN : identityKind;
    }

    /** The same details with another address (kept as it was when the user may not see it). */
    public PersonDetails withAddress(String value) {
        return new PersonDetails(identityKind, identityNumber, name, aliases, statedBirthDate, statedAge, ageAssessed,
                sex, nationality, languages, interpreterNeeded, interpreterLanguage, documents, protectedIdentity,
                value);
    }

    public static PersonDetails empty() {
        return new PersonDetails(IdentityKind.UNKNOWN, "", "", "", null, null, false, Sex.UNKNOWN, "", "", false, "",
                "", ProtectedIdentity.NONE, "");
    }

    /** Just a name and optionally an identity number (the API's minimal subject). */
    public static PersonDetails of(String name, IdentityKind kind, String identityNumber) {
        return new PersonDetails(kind, identityNumber, name, "", null, null, false, Sex.UNKNOWN, "", "", false, "", "",
                ProtectedIdentity.NONE, "");
    }
}
