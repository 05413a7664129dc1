package se.lotsen.decisions;

import java.time.LocalDate;

import se.lotsen.cases.CaseId;

/**
 * A deadline was started, or its last day moved (the court extended the 8 § time). {@code lastDay} is the legal last
 * day or the court's date ({@code null} when unknown, e.g. no committee meeting known). A last day only ever moves
 * later (the court extends only to a later day), so a listener may keep the latest of the days it received, in any
 * order. With {@link DeadlineMet} and {@link DeadlineClosed} a listener knows every deadline's state: met, closed, or
 * open until its last day and missed after it.
 */
public record DeadlineScheduled(CaseId caseId, DeadlineId deadline, DeadlineKind kind, LocalDate lastDay) {
}
