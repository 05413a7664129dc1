package se.lotsen.cases.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import se.lotsen.cases.ExploitationForm;
import se.lotsen.cases.Intake;
import se.lotsen.cases.IntakeChannel;
import se.lotsen.cases.SubjectType;
import se.lotsen.persons.IdentityKind;
import se.lotsen.persons.PersonDetails;
import se.lotsen.persons.ProtectedIdentity;
import se.lotsen.persons.Sex;

/**
 * The intake form: the case and, unless an existing person was chosen, the person. One flat record so that every
 * field binds and keeps its value when the form is shown again with errors.
 */
public record IntakeForm(
        UUID existingPersonId,
        @NotNull(message = "{validation.required}") SubjectType subjectType,
        @NotNull(message = "{validation.required}") LocalDateTime receivedAt,
        @NotNull(message = "{validation.required}") IntakeChannel channel,
        @Size(max = 200, message = "{validation.size.max}") String reporter,
        @Size(max = 200, message = "{validation.size.max}") String reporterContact,
        @Size(max = 20000, message = "{validation.size.max}") String summary,
        Set<ExploitationForm> exploitationForms,
        @Size(max = 200, message = "{validation.size.max}") String exploitationOther,
        IdentityKind identityKind,
        @Size(max = 20, message = "{validation.size.max}") String identityNumber,
        @Size(max = 200, message = "{validation.size.max}") String name,
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
        UUID knownElsewhereCaseId) implements java.io.Serializable {

    public IntakeForm {
        ageAssessed = ageAssessed != null && ageAssessed;
        interpreterNeeded = interpreterNeeded != null && interpreterNeeded;
        exploitationForms = exploitationForms == null ? Set.of() : Set.copyOf(exploitationForms);
    }

    static IntakeForm start(LocalDateTime now, String name, String identityNumber, UUID existingPersonId,
                            UUID knownElsewhereCaseId) {
        IdentityKind kind = identityNumber == null || identityNumber.isBlank() ? IdentityKind.UNKNOWN
                : IdentityKind.PERSONNUMMER;
        return new IntakeForm(existingPersonId, null, now, null, "", "", "", Set.of(), "", kind,
                identityNumber == null ? "" : identityNumber, name == null ? "" : name, "", null, null, false,
                Sex.UNKNOWN, "", "", false, "", "", ProtectedIdentity.NONE, "", knownElsewhereCaseId);
    }

    PersonDetails person() {
        return new PersonDetails(identityKind, identityNumber, name == null ? "" : name, aliases, statedBirthDate,
                statedAge, ageAssessed, sex, nationality, languages, interpreterNeeded, interpreterLanguage, documents,
                protectedIdentity, address);
    }

    Intake toIntake(ZoneId zone) {
        return new Intake(subjectType, receivedAt == null ? null : receivedAt.atZone(zone).toInstant(), channel,
                reporter, reporterContact, summary, exploitationForms, exploitationOther, existingPersonId,
                existingPersonId == null ? person() : null, knownElsewhereCaseId);
    }
}
