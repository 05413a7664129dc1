package se.lotsen.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API bearer tokens. A token is 256 random bits, shown to the caller once; only its SHA-256 is stored. A token
 * expires after the configured lifetime and can be revoked by its holder (sign-out) or an administrator.
 */
@Service
public class ApiTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final AccessProperties properties;
    private final Clock clock;

    public ApiTokens(JdbcClient jdbc, Accounts accounts, AccessProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.properties = properties;
        this.clock = clock;
    }

    /** A freshly issued token: the secret and when it expires. */
    public record IssuedToken(UUID id, String token, Instant expiresAt) {
    }

    @Transactional
    public IssuedToken issue(AccountId account) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = now.plus(properties.tokenLifetime());
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO api_token (id, account_id, token_hash, created_at, expires_at)
                        VALUES (:id, :account, :hash, :created, :expires)""")
                .param("id", id).param("account", account.value()).param("hash", hash(token))
                .param("created", now.atOffset(ZoneOffset.UTC)).param("expires", expiresAt.atOffset(ZoneOffset.UTC))
                .update();
        return new IssuedToken(id, token, expiresAt);
    }

    /** The principal for a valid (known, unexpired, unrevoked) token of an enabled account. */
    @Transactional
    public Optional<CurrentUser> authenticate(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        Optional<UUID> account = jdbc.sql("""
                        UPDATE api_token SET last_used_at = :now
                        WHERE token_hash = :hash AND revoked_at IS NULL AND expires_at > :now
                        RETURNING account_id""")
                .param("hash", hash(token)).param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .query(UUID.class).optional();
        return account.flatMap(id -> accounts.loadPrincipal(new AccountId(id))).filter(CurrentUser::isEnabled);
    }

    /** Revokes one token (its holder signs out). Returns whether a token was revoked. */
    @Transactional
    public boolean revoke(String token, String reason) {
        return jdbc.sql("""
                        UPDATE api_token SET revoked_at = :now, revoked_reason = :reason
                        WHERE token_hash = :hash AND revoked_at IS NULL""")
                .param("now", clock.instant().atOffset(ZoneOffset.UTC)).param("reason", reason)
                .param("hash", hash(token)).update() > 0;
    }

    /** The token of an {@code Authorization: Bearer …} header, or {@code null}. */
    public static String bearerToken(jakarta.servlet.http.HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        String prefix = "Bearer ";
        if (header != null && header.regionMatches(true, 0, prefix, 0, prefix.length())) {
            String token = header.substring(prefix.length()).trim();
            return token.isEmpty() ? null : token;
        }
        return null;
    }

    /** SHA-256 of the UTF-8 bytes, in hex: a token as stored, and a username as the limits on guessing keep it. */
    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
