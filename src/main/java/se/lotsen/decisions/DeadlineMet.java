package se.lotsen.decisions;

import java.time.LocalDate;

import se.lotsen.cases.CaseId;

/** A deadline was met on a day (what follows from it, e.g. the court's review week, started in the same change). */
public record DeadlineMet(CaseId caseId, DeadlineId deadline, DeadlineKind kind, LocalDate on) {
}
