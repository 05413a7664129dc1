package se.lotsen.decisions;

import java.time.LocalDate;

import se.lotsen.cases.CaseId;

/**
 * A deadline was met on a day (what follows from it, e.g. the court's review week, started in the same change), by a
 * user or by what Lotsen recorded elsewhere (the protection assessment, the court's ruling). {@code lastDay} is the
 * deadline's last day when it was met (the legal last day, or the court's extended date; {@code null} when unknown),
 * so that a listener knows whether it was met on time ({@code on} not after {@code lastDay}).
 */
public record DeadlineMet(CaseId caseId, DeadlineId deadline, DeadlineKind kind, LocalDate on, LocalDate lastDay) {
}
