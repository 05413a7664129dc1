package se.lotsen.access;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/** A sign-in refused before its password was checked, because of too many wrong passwords (see {@link SignInLimits}). */
public class TooManyAttempts extends AuthenticationException {

    private final transient Duration retryAfter;

    TooManyAttempts(Duration retryAfter) {
        super("Too many wrong passwords: try again later");
        this.retryAfter = retryAfter;
    }

    /** How long until the next attempt may be made. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** The wait in whole minutes, rounded up, for people. */
    public long minutes() {
        return SignInLimits.minutes(retryAfter);
    }
}
