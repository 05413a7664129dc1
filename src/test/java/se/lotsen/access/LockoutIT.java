package se.lotsen.access;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.lotsen.access.LotsenHttp.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lockout after five failed sign-ins in a row, on the page and the API together; reset by a successful sign-in;
 * lifted by an administrator. Each test uses an account of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LockoutIT {

    private static final String PASSWORD = "Ratt-losenord-2718";
    private static final String WRONG = "Fel-losenord-3141";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Accounts accounts;

    LotsenHttp http;
    Account account;

    @BeforeEach
    void setUp() {
        http = new LotsenHttp(port);
        String username = "lockout-" + UUID.randomUUID().toString().substring(0, 8);
        account = accounts.create(new AccountForm(username, "Testperson Låsning", null, "socialjouren",
                Set.of(Role.DUTY_WORKER), true, PASSWORD));
    }

    record LockState(int failedAttempts, OffsetDateTime lockedUntil) {
    }

    private LockState state() {
        return jdbc.sql("SELECT failed_attempts, locked_until FROM account WHERE id = :id")
                .param("id", account.id().value())
                .query((rs, n) -> new LockState(rs.getInt(1), rs.getObject(2, OffsetDateTime.class))).single();
    }

    private boolean apiSignIn(String password) {
        Response r = http.requestToken(account.username(), password);
        assertThat(r.status()).as(r.body()).isIn(200, 401);
        return r.status() == 200;
    }

    private boolean pageSignIn(String password) {
        Response r = http.browser().signIn(account.username(), password);
        assertThat(r.status()).isEqualTo(302);
        return !r.location().contains("/login?error");
    }

    @Test
    void fiveWrongPasswordsInARowLockTheAccount() {
        assertThat(apiSignIn(WRONG)).isFalse();
        assertThat(pageSignIn(WRONG)).isFalse();
        assertThat(apiSignIn(WRONG)).isFalse();
        assertThat(pageSignIn(WRONG)).isFalse();
        assertThat(state()).isEqualTo(new LockState(4, null));

        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        assertThat(apiSignIn(WRONG)).isFalse();
        Instant after = Instant.now();

        LockState locked = state();
        assertThat(locked.failedAttempts()).isEqualTo(5);
        assertThat(locked.lockedUntil()).isNotNull();
        assertThat(locked.lockedUntil().toInstant())
                .isBetween(before.plus(Duration.ofMinutes(15)), after.plus(Duration.ofMinutes(15)));
        assertThat(accounts.find(account.id()).orElseThrow().lockedAt(Instant.now())).isTrue();

        // Now even the right password is refused, on the API and on the page.
        assertThat(apiSignIn(PASSWORD)).isFalse();
        assertThat(pageSignIn(PASSWORD)).isFalse();
        assertThat(state().lockedUntil()).isNotNull();
    }

    @Test
    void lockEndsWhenItsTimeHasPassed() {
        for (int i = 0; i < 5; i++) {
            assertThat(apiSignIn(WRONG)).isFalse();
        }
        assertThat(apiSignIn(PASSWORD)).isFalse();

        // Move the end of the lock into the past instead of waiting 15 minutes.
        jdbc.sql("UPDATE account SET locked_until = now() - interval '1 second' WHERE id = :id")
                .param("id", account.id().value()).update();

        assertThat(apiSignIn(PASSWORD)).isTrue();
        assertThat(state()).isEqualTo(new LockState(0, null));
    }

    @Test
    void successfulSignInBeforeTheLimitResetsTheCount() {
        for (int i = 0; i < 4; i++) {
            assertThat(i % 2 == 0 ? apiSignIn(WRONG) : pageSignIn(WRONG)).isFalse();
        }
        assertThat(state().failedAttempts()).isEqualTo(4);

        assertThat(pageSignIn(PASSWORD)).isTrue();
        assertThat(state()).isEqualTo(new LockState(0, null));

        for (int i = 0; i < 4; i++) {
            assertThat(apiSignIn(WRONG)).isFalse();
        }
        assertThat(state()).isEqualTo(new LockState(4, null));
        assertThat(apiSignIn(PASSWORD)).isTrue();
        assertThat(state()).isEqualTo(new LockState(0, null));
    }

    @Test
    void administratorUnlockLetsTheAccountSignInAgain() {
        for (int i = 0; i < 5; i++) {
            assertThat(apiSignIn(WRONG)).isFalse();
        }
        assertThat(apiSignIn(PASSWORD)).isFalse();

        accounts.unlock(account.id());

        assertThat(state()).isEqualTo(new LockState(0, null));
        assertThat(apiSignIn(PASSWORD)).isTrue();
        assertThat(pageSignIn(PASSWORD)).isTrue();
    }
}
