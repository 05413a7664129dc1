package se.lotsen.cases;

import se.lotsen.organisation.UnitId;

/**
 * A jour opened a case about a person that another unit holds an open case about (the same identity number, or the
 * case the worker chose at search-before-create). The holder of the other case is told, with case numbers only.
 */
public record PersonKnownElsewhere(CaseId openedCase, String openedCaseNumber, UnitId openedBy, CaseId otherCase) {
}
