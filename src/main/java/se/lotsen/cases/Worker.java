package se.lotsen.cases;

import se.lotsen.access.AccountId;

/**
 * Someone who works the cases of a unit, as a lead sees them when assigning a case or naming who may see protected
 * data.
 *
 * @param lead whether the worker leads the unit (and so already sees protected data)
 */
public record Worker(AccountId id, String displayName, boolean lead) {
}
