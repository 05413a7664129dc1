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
 * Wrong passwords from one client address (every test here comes from 127.0.0.1): five, on the page, the API and in a
 * password change together, stop further attempts for the account from that address before the password is
 * checked; a successful sign-in forgets them; an administrator lifts the lock. The account-wide lock and other
 * addresses are in {@code SignInLimitsIT}. Each test uses an account of its own.
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

    private void assertLimited() {
        Response api = http.requestToken(account.username(), PASSWORD);
        assertThat(api.status()).as(api.body()).isEqualTo(429);
        assertThat(api.header("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isPositive());
        assertThat(api.body()).contains("Too many wrong passwords").doesNotContain(account.username());
        Response page = http.browser().signIn(account.username(), PASSWORD);
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).contains("/login?throttled=");
    }

    @Test
    void fiveWrongPasswordsFromOneAddressStopSigningInFromThereBeforeThePasswordIsChecked() {
        assertThat(apiSignIn(WRONG)).isFalse();
        assertThat(pageSignIn(WRONG)).isFalse();
        assertThat(apiSignIn(WRONG)).isFalse();
        assertThat(pageSignIn(WRONG)).isFalse();
        assertThat(state()).isEqualTo(new LockState(4, null));
        assertThat(apiSignIn(WRONG)).isFalse();

        // Now even the right password is refused from this address, on the API and on the page, and the refusals
        // count no further: they never reached the password check.
        assertLimited();
        assertThat(state()).isEqualTo(new LockState(5, null));
        Response login = http.browser().get("/login?throttled=15");
        assertThat(login.text()).contains("För många felaktiga lösenord från den här datorn. Vänta 15 minuter");
    }

    @Test
    void theAccountWideLockEndsWhenItsTimeHasPassed() {
        // The account-wide lock (set by wrong passwords from many addresses, see SignInLimitsIT) as the database
        // holds it, with its end moved into the past instead of waiting 15 minutes.
        jdbc.sql("UPDATE account SET failed_attempts = 50, locked_until = now() + interval '15 minutes' WHERE id = :id")
                .param("id", account.id().value()).update();
        assertThat(apiSignIn(PASSWORD)).isFalse();
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
        assertLimited();

        accounts.unlock(account.id());

        assertThat(state()).isEqualTo(new LockState(0, null));
        assertThat(apiSignIn(PASSWORD)).isTrue();
        assertThat(pageSignIn(PASSWORD)).isTrue();
    }

    @Test
    void wrongCurrentPasswordsCountLikeWrongSignInsAndCannotBeGuessedOn() {
        LotsenHttp.Browser browser = http.browser();
        assertThat(browser.signIn(account.username(), PASSWORD).location()).doesNotContain("error");
        for (int i = 0; i < 5; i++) {
            Response wrong = changePassword(browser, WRONG);
            assertThat(wrong.status()).isEqualTo(200);
            assertThat(wrong.text()).contains("Det nuvarande lösenordet stämmer inte");
        }
        assertThat(state().failedAttempts()).isEqualTo(5);

        // The sixth guess is not even checked, whatever it is -- the right one included.
        Response limited = changePassword(browser, PASSWORD);
        assertThat(limited.status()).isEqualTo(200);
        assertThat(limited.text()).contains("För många felaktiga lösenord. Vänta");
        assertThat(state().failedAttempts()).isEqualTo(5);
        // Signing in from this address is limited too: the guesses were for the same account.
        assertLimited();
        // The password did not change.
        accounts.unlock(account.id());
        assertThat(apiSignIn(PASSWORD)).isTrue();
    }

    @Test
    void overTheApiAWrongCurrentPasswordCountsAndTheLimitAnswers429() {
        String token = http.token(account.username(), PASSWORD);
        for (int i = 0; i < 5; i++) {
            Response wrong = http.postJson("/api/v1/me/password", LotsenHttp.toJson(java.util.Map.of(
                    "currentPassword", WRONG, "newPassword", "Nytt-losenord-5772")), token);
            assertThat(wrong.status()).as(wrong.body()).isEqualTo(400);
            assertThat(wrong.body()).contains("currentPassword");
        }
        Response limited = http.postJson("/api/v1/me/password", LotsenHttp.toJson(java.util.Map.of(
                "currentPassword", PASSWORD, "newPassword", "Nytt-losenord-5772")), token);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isPresent();
        assertThat(state().failedAttempts()).isEqualTo(5);
    }

    private Response changePassword(LotsenHttp.Browser browser, String current) {
        Response page = browser.get("/account");
        assertThat(page.status()).isEqualTo(200);
        return browser.postForm("/account/password", java.util.Map.of("_csrf", LotsenHttp.csrfToken(page.body()),
                "currentPassword", current, "newPassword", "Nytt-losenord-5772", "repeatPassword",
                "Nytt-losenord-5772"));
    }
}
