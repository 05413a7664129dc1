package se.lotsen.organisation;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A committee meeting date as entered by an administrator. */
public record MeetingForm(
        @NotNull(message = "{validation.date}")
        LocalDate date,
        @Size(max = 500, message = "{validation.size.max}")
        String note) {
}
