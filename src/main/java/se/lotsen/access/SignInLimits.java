package se.lotsen.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Limits on password guessing, counted in the database so that every app node counts the same wrong passwords
 * (V33, {@code sign_in_failure}): wrong passwords for one account from one client address
 * ({@link AccessProperties.Lockout#maxAttempts()} within {@link AccessProperties.Lockout#duration()}) and wrong
 * passwords from one address over all accounts ({@link AccessProperties.RateLimit}). Each limit is a sliding period:
 * once the limit is reached, the next attempt may be made when the oldest of the counted wrong passwords is a period
 * old. A refused attempt is refused before its password is checked and is not counted, so guessing on gains nothing.
 * Sign-in on the page, the token endpoint and a change of one's own password count alike; the account-wide lock in
 * the database ({@link Accounts}) is the third, slower limit.
 *
 * <p>Behind several nodes an address gets no more attempts than behind one, and an administrator's unlock ends the
 * per-address stops on every node. Attempts sent at the same instant may each pass the check before any of them is
 * counted, as they could with the counters in memory: at most as many extra as are in flight at once.
 *
 * <p>The address is the request's remote address: the client's own behind a proxy only when
 * {@code LOTSEN_FORWARD_HEADERS=native} (SECURITY.md). The username is kept as a hash (what was typed as a username
 * may be a password).
 */
@Component
class SignInLimits {

    /** The longest address kept (an IPv6 address with a zone is well within it). */
    static final int ADDRESS_LENGTH = 100;

    private final AccessProperties properties;
    private final JdbcClient jdbc;
    private final Clock clock;

    SignInLimits(AccessProperties properties, JdbcClient jdbc, Clock clock) {
        this.properties = properties;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** How long to wait before the next attempt for the account from this address, or empty when it may be made. */
    Optional<Duration> refusal(String username, String address) {
        Instant now = clock.instant();
        Duration lockout = properties.lockout().duration();
        Duration period = properties.rateLimit().period();
        // The oldest wrong password of the last N within the period, for each limit: while there is one, the limit is
        // reached, until it is a period old.
        Oldest oldest = jdbc.sql("""
                        SELECT (SELECT f.failed_at FROM sign_in_failure f
                                WHERE f.account_key = :key AND f.address = :address AND NOT f.cleared
                                  AND f.failed_at > :pairSince
                                ORDER BY f.failed_at DESC OFFSET :pairSkip LIMIT 1),
                               (SELECT f.failed_at FROM sign_in_failure f
                                WHERE f.address = :address AND f.failed_at > :addressSince
                                ORDER BY f.failed_at DESC OFFSET :addressSkip LIMIT 1)""")
                .param("key", accountKey(username)).param("address", address(address))
                .param("pairSince", utc(now.minus(lockout)))
                .param("pairSkip", properties.lockout().maxAttempts() - 1)
                .param("addressSince", utc(now.minus(period)))
                .param("addressSkip", properties.rateLimit().addressFailures() - 1)
                .query((rs, n) -> new Oldest(rs.getObject(1, OffsetDateTime.class),
                        rs.getObject(2, OffsetDateTime.class)))
                .single();
        Duration wait = max(until(oldest.pair(), lockout, now), until(oldest.address(), period, now));
        return wait.isZero() ? Optional.empty() : Optional.of(wait.plusSeconds(1));
    }

    private record Oldest(OffsetDateTime pair, OffsetDateTime address) {
    }

    /** Counts a wrong password for the account from this address (and forgets those too old to count). */
    void failed(String username, String address) {
        Instant now = clock.instant();
        jdbc.sql("""
                        WITH expired AS (DELETE FROM sign_in_failure WHERE failed_at <= :expired)
                        INSERT INTO sign_in_failure (account_key, address, failed_at) VALUES (:key, :address, :now)""")
                .param("expired", utc(now.minus(max(properties.lockout().duration(), properties.rateLimit().period()))))
                .param("key", accountKey(username)).param("address", address(address)).param("now", utc(now))
                .update();
    }

    /** The right password from this address: its wrong ones for the account no longer count for the pair. */
    void succeeded(String username, String address) {
        jdbc.sql("UPDATE sign_in_failure SET cleared = true"
                        + " WHERE account_key = :key AND address = :address AND NOT cleared")
                .param("key", accountKey(username)).param("address", address(address)).update();
    }

    /** An administrator unlocked the account: its per-address stops end too, on every node. */
    void forget(String username) {
        jdbc.sql("UPDATE sign_in_failure SET cleared = true WHERE account_key = :key AND NOT cleared")
                .param("key", accountKey(username)).update();
    }

    /** The current request's client address, or {@code "-"} outside a request. */
    static String currentAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? address(attributes.getRequest()) : "-";
    }

    static String address(HttpServletRequest request) {
        return address(request.getRemoteAddr());
    }

    /** Minutes to tell a person, rounded up, at least one. */
    static long minutes(Duration wait) {
        return Math.max(1, (wait.toSeconds() + 59) / 60);
    }

    /** The username as kept: a SHA-256 hash of its normalised form, in hex (as an API token is kept). */
    static String accountKey(String username) {
        return ApiTokens.hash(normalize(username));
    }

    /** The address as kept: {@code "-"} when there is none, no control characters, at most 100 characters. */
    static String address(String address) {
        if (address == null || address.isBlank()) {
            return "-";
        }
        String plain = address.strip().replaceAll("\\p{Cntrl}", "?");
        return plain.length() > ADDRESS_LENGTH ? plain.substring(0, ADDRESS_LENGTH) : plain;
    }

    private static String normalize(String username) {
        return AccountUserDetailsService.normalize(username == null ? "" : username);
    }

    private static Duration until(OffsetDateTime oldest, Duration period, Instant now) {
        if (oldest == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(now, oldest.toInstant().plus(period));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
