package se.lotsen.access;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Limits on password guessing, kept in memory on each node (Bucket4j buckets in bounded, expiring maps): wrong
 * passwords for one account from one client address ({@link AccessProperties.Lockout#maxAttempts()} per
 * {@link AccessProperties.Lockout#duration()}) and wrong passwords from one address over all accounts
 * ({@link AccessProperties.RateLimit}). A refused attempt is refused before its password is checked, so guessing on
 * gains nothing. Sign-in on the page, the token endpoint and a change of one's own password count alike; the
 * account-wide lock in the database ({@link Accounts}) is the third, slower limit.
 *
 * <p>The address is the request's remote address: the client's own behind a proxy only when
 * {@code LOTSEN_FORWARD_HEADERS=native} (SECURITY.md).
 */
@Component
class SignInLimits {

    private static final int MAX_TRACKED = 100_000;

    private final AccessProperties properties;
    private final Cache<String, Bucket> byAddress;
    private final Cache<String, Bucket> byAccountAndAddress;

    SignInLimits(AccessProperties properties) {
        this.properties = properties;
        Duration keep = max(properties.lockout().duration(), properties.rateLimit().period());
        this.byAddress = Caffeine.newBuilder().maximumSize(MAX_TRACKED).expireAfterAccess(keep).build();
        this.byAccountAndAddress = Caffeine.newBuilder().maximumSize(MAX_TRACKED).expireAfterAccess(keep).build();
    }

    /** How long to wait before the next attempt for the account from this address, or empty when it may be made. */
    Optional<Duration> refusal(String username, String address) {
        Duration wait = Duration.ZERO;
        Bucket pair = byAccountAndAddress.getIfPresent(pairKey(username, address));
        if (pair != null && pair.getAvailableTokens() < 1) {
            wait = max(wait, Duration.ofNanos(pair.estimateAbilityToConsume(1).getNanosToWaitForRefill()));
        }
        Bucket fromAddress = byAddress.getIfPresent(address(address));
        if (fromAddress != null && fromAddress.getAvailableTokens() < 1) {
            wait = max(wait, Duration.ofNanos(fromAddress.estimateAbilityToConsume(1).getNanosToWaitForRefill()));
        }
        return wait.isZero() ? Optional.empty() : Optional.of(wait.plusSeconds(1));
    }

    /** Counts a wrong password for the account from this address. */
    void failed(String username, String address) {
        byAccountAndAddress.get(pairKey(username, address), k -> bucket(properties.lockout().maxAttempts(),
                properties.lockout().duration())).tryConsume(1);
        byAddress.get(address(address), k -> bucket(properties.rateLimit().addressFailures(),
                properties.rateLimit().period())).tryConsume(1);
    }

    /** The right password from this address: its wrong ones for the account are forgotten. */
    void succeeded(String username, String address) {
        byAccountAndAddress.invalidate(pairKey(username, address));
    }

    /** An administrator unlocked the account: its per-address locks on this node end too. */
    void forget(String username) {
        String prefix = normalize(username) + "\n";
        byAccountAndAddress.asMap().keySet().removeIf(k -> k.startsWith(prefix));
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

    private static Bucket bucket(int capacity, Duration period) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillIntervally(capacity, period).build())
                .build();
    }

    private static String pairKey(String username, String address) {
        return normalize(username) + "\n" + address(address);
    }

    private static String normalize(String username) {
        return AccountUserDetailsService.normalize(username);
    }

    private static String address(String address) {
        return address == null || address.isBlank() ? "-" : address;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
