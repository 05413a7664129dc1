package se.lotsen.access;

import java.time.Instant;
import java.util.Set;

import se.lotsen.organisation.Unit;

/**
 * An account as shown to administrators.
 */
public record Account(
        AccountId id,
        String username,
        String displayName,
        String email,
        Unit unit,
        Set<Role> roles,
        boolean enabled,
        int failedAttempts,
        Instant lockedUntil,
        int activeTokens) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
