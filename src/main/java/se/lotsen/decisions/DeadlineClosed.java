package se.lotsen.decisions;

import java.time.LocalDate;

import se.lotsen.cases.CaseId;

/**
 * A deadline stopped applying without being met (status {@code CLOSED}): what it concerned ended (the custody or the
 * travel ban ended) or the court's ruling answered it. {@code on} is the day it stopped applying (the custody's end
 * day, the ruling's day); {@code lastDay} its last day then ({@code null} when unknown). Closed on or before its last
 * day it was never missed; closed after it, it had passed unmet.
 */
public record DeadlineClosed(CaseId caseId, DeadlineId deadline, DeadlineKind kind, LocalDate on, LocalDate lastDay) {
}
