package se.lotsen.organisation;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/** A committee meeting date as entered by an administrator. */
public record MeetingForm(
        @NotNull(message = "{validation.date}")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        LocalDate date,
        @Size(max = 500, message = "{validation.size.max}")
        String note) {
}
