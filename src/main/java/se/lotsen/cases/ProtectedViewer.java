package se.lotsen.cases;

import java.time.Instant;

import se.lotsen.access.AccountId;

/** A worker a lead has named to see the protected data of a case, and by whom and when. */
public record ProtectedViewer(AccountId account, String displayName, String namedByName, Instant namedAt) {
}
