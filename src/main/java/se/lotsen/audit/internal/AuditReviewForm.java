package se.lotsen.audit.internal;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A periodic log review (loggkontroll) as the auditor registers it. */
record AuditReviewForm(
        @NotNull(message = "{validation.date}") LocalDate periodFrom,
        @NotNull(message = "{validation.date}") LocalDate periodTo,
        @NotBlank(message = "{auditReview.findings.required}")
        @Size(max = 4000, message = "{validation.size.max}") String findings) {
}
