package se.lotsen.access;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Security settings.
 *
 * @param tokenLifetime how long an API token is valid ({@code LOTSEN_TOKEN_LIFETIME}, default 8 h)
 * @param lockout       lockout after failed sign-ins
 * @param initialAdmin  an administrator account created once in production mode when no administrator exists
 */
@Validated
@ConfigurationProperties("lotsen.security")
public record AccessProperties(
        @NotNull @DefaultValue("8h") Duration tokenLifetime,
        @Valid @NotNull @DefaultValue Lockout lockout,
        @Valid @NotNull @DefaultValue InitialAdmin initialAdmin) {

    /**
     * @param maxAttempts failed sign-ins in a row that lock the account ({@code LOTSEN_LOCKOUT_MAX_ATTEMPTS}, 5)
     * @param duration    how long the account stays locked ({@code LOTSEN_LOCKOUT_DURATION}, 15 min)
     */
    public record Lockout(@Min(1) @DefaultValue("5") int maxAttempts, @NotNull @DefaultValue("15m") Duration duration) {
    }

    /**
     * @param username {@code LOTSEN_INITIAL_ADMIN_USERNAME}
     * @param password {@code LOTSEN_INITIAL_ADMIN_PASSWORD}, at least 12 characters
     */
    public record InitialAdmin(String username, String password) {
        @Override
        public String toString() {
            return "InitialAdmin[username=" + username + ", password=***]";
        }
    }
}
