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
 * @param rateLimit     limits on password guessing from one client address
 * @param session       how long a signed-in page session may last at most
 */
@Validated
@ConfigurationProperties("lotsen.security")
public record AccessProperties(
        @NotNull @DefaultValue("8h") Duration tokenLifetime,
        @Valid @NotNull @DefaultValue Lockout lockout,
        @Valid @NotNull @DefaultValue InitialAdmin initialAdmin,
        @Valid @NotNull @DefaultValue RateLimit rateLimit,
        @Valid @NotNull @DefaultValue Session session) {

    /**
     * Two locks. Wrong passwords for one account from one client address lock the account for that address only, so
     * that one attacker cannot lock anyone out; wrong passwords for one account from anywhere, in a row, lock the
     * account everywhere (a distributed attack) until the time has passed or an administrator unlocks it.
     *
     * @param maxAttempts        wrong passwords for an account from one address that lock it there
     *                           ({@code LOTSEN_LOCKOUT_MAX_ATTEMPTS}, 5)
     * @param duration           how long a lock lasts ({@code LOTSEN_LOCKOUT_DURATION}, 15 min)
     * @param accountMaxAttempts wrong passwords in a row, from any address, that lock the account everywhere
     *                           ({@code LOTSEN_LOCKOUT_ACCOUNT_MAX_ATTEMPTS}, 50)
     */
    public record Lockout(@Min(1) @DefaultValue("5") int maxAttempts, @NotNull @DefaultValue("15m") Duration duration,
                          @Min(1) @DefaultValue("50") int accountMaxAttempts) {
    }

    /**
     * @param addressFailures wrong passwords from one client address, over all accounts, after which that address is
     *                        refused ({@code LOTSEN_RATE_LIMIT_ADDRESS_FAILURES}, 20)
     * @param period          the period in which they count and after which they are forgotten
     *                        ({@code LOTSEN_RATE_LIMIT_PERIOD}, 15 min)
     */
    public record RateLimit(@Min(1) @DefaultValue("20") int addressFailures,
                            @NotNull @DefaultValue("15m") Duration period) {
    }

    /**
     * @param maxLifetime how long after signing in a page session ends, however active it is
     *                    ({@code LOTSEN_SESSION_MAX_LIFETIME}, 12 h: a night shift); the idle timeout is
     *                    {@code LOTSEN_SESSION_TIMEOUT}
     */
    public record Session(@NotNull @DefaultValue("12h") Duration maxLifetime) {
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
