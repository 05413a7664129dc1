package se.lotsen.access;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.lotsen.MutableClock;
import se.lotsen.MutableClockConfiguration;
import se.lotsen.access.LotsenHttp.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limits on guessing, tried from several client addresses (through a proxy that Lotsen trusts, as
 * {@code LOTSEN_FORWARD_HEADERS=native} configures it): one attacker cannot lock anyone out, one address cannot spray
 * every account, and many addresses guessing at one account lock it everywhere. Small limits, in a context of its own,
 * on a clock the tests move. That the limits hold across app nodes is shown in {@code TwoNodesIT}.
 * Also here, because it needs the trusted proxy: HSTS on requests that came in over HTTPS.
 */
@Import(MutableClockConfiguration.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.forward-headers-strategy=native",
        "lotsen.security.rate-limit.address-failures=8",
        "lotsen.security.lockout.max-attempts=5",
        "lotsen.security.lockout.account-max-attempts=12"})
class SignInLimitsIT {

    private static final String PASSWORD = "Ratt-losenord-2718";
    private static final String WRONG = "Fel-losenord-3141";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Accounts accounts;

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private Account newAccount() {
        return accounts.create(new AccountForm("limit-" + UUID.randomUUID().toString().substring(0, 8),
                "Testperson Gräns", null, "socialjouren", Set.of(Role.DUTY_WORKER), true, PASSWORD));
    }

    private LotsenHttp from(String address) {
        return new LotsenHttp(port).from(address);
    }

    private OffsetDateTime lockedUntil(Account account) {
        return jdbc.sql("SELECT locked_until FROM account WHERE id = :id").param("id", account.id().value())
                .query(OffsetDateTime.class).optional().orElse(null);
    }

    @Test
    void oneAttackerGuessingAtAnAccountDoesNotLockItsOwnerOut() {
        Account victim = newAccount();
        LotsenHttp attacker = from("203.0.113.7");
        for (int i = 0; i < 5; i++) {
            assertThat(attacker.requestToken(victim.username(), WRONG).status()).isEqualTo(401);
        }
        // The attacker is stopped, even with the right password...
        assertThat(attacker.requestToken(victim.username(), PASSWORD).status()).isEqualTo(429);
        Response page = attacker.browser().signIn(victim.username(), PASSWORD);
        assertThat(page.location()).contains("/login?throttled=");
        // ...while the owner, elsewhere, signs in on the page and the API as usual.
        LotsenHttp owner = from("198.51.100.20");
        assertThat(owner.requestToken(victim.username(), PASSWORD).status()).isEqualTo(200);
        assertThat(owner.browser().signIn(victim.username(), PASSWORD).location()).doesNotContain("/login");
        assertThat(lockedUntil(victim)).isNull();
    }

    @Test
    void aStopEndsWhenItsOldestWrongPasswordIsAPeriodOldAndAnAdministratorsUnlockEndsItAtOnce() {
        Account owner = newAccount();
        LotsenHttp mistyping = from("198.51.100.40");
        for (int i = 0; i < 5; i++) {
            assertThat(mistyping.requestToken(owner.username(), WRONG + i).status()).isEqualTo(401);
        }
        Response refused = mistyping.requestToken(owner.username(), PASSWORD);
        assertThat(refused.status()).isEqualTo(429);
        // Until the first of the five is 15 minutes old (the default period), said in whole seconds.
        assertThat(Long.parseLong(refused.header("Retry-After").orElseThrow())).isBetween(14 * 60L, 15 * 60L + 1);
        clock.advance(Duration.ofMinutes(14));
        assertThat(mistyping.requestToken(owner.username(), PASSWORD).status()).isEqualTo(429);
        clock.advance(Duration.ofMinutes(2));
        assertThat(mistyping.requestToken(owner.username(), PASSWORD).status()).isEqualTo(200);

        // Five wrong ones again: stopped again, until an administrator unlocks the account.
        for (int i = 0; i < 5; i++) {
            assertThat(mistyping.requestToken(owner.username(), WRONG + i).status()).isEqualTo(401);
        }
        assertThat(mistyping.requestToken(owner.username(), PASSWORD).status()).isEqualTo(429);
        accounts.unlock(owner.id());
        assertThat(mistyping.requestToken(owner.username(), PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void theRightPasswordForgetsTheWrongOnesForTheAccountButNotForTheAddress() {
        Account owner = newAccount();
        LotsenHttp office = from("198.51.100.41");
        for (int round = 0; round < 2; round++) {
            // Three wrong, then the right one: let in each time, so the account's count from here starts over (six
            // in a row would have stopped it at five)...
            for (int i = 0; i < 3; i++) {
                assertThat(office.requestToken(owner.username(), WRONG + i).status()).as("round %s", round)
                        .isEqualTo(401);
            }
            assertThat(office.requestToken(owner.username(), PASSWORD).status()).as("round %s", round)
                    .isEqualTo(200);
        }
        for (int i = 0; i < 2; i++) {
            assertThat(office.requestToken(owner.username(), WRONG + i).status()).isEqualTo(401);
        }
        // ...but the address has now made eight wrong guesses (its limit here) and is stopped for every account.
        assertThat(office.requestToken(owner.username(), PASSWORD).status()).isEqualTo(429);
        // Nothing kept names the account: what was typed as a username may have been a password.
        assertThat(jdbc.sql("SELECT count(*) FROM sign_in_failure WHERE address = '198.51.100.41'")
                .query(Long.class).single()).isEqualTo(8);
        assertThat(jdbc.sql("SELECT count(*) FROM sign_in_failure WHERE account_key = :name")
                .param("name", owner.username()).query(Long.class).single()).isZero();
    }

    @Test
    void oneAddressCannotSprayWrongPasswordsOverEveryAccount() {
        LotsenHttp sprayer = from("203.0.113.99");
        Account existing = newAccount();
        // Eight wrong passwords over eight usernames, most of them not accounts at all: the same answer each time.
        for (int i = 0; i < 7; i++) {
            Response r = sprayer.requestToken("nobody-" + i, WRONG);
            assertThat(r.status()).isEqualTo(401);
        }
        assertThat(sprayer.requestToken(existing.username(), WRONG).status()).isEqualTo(401);
        // The address is spent: every account is refused from there, unknown or not, before any password check.
        Response refused = sprayer.requestToken("nobody-else", WRONG);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(sprayer.requestToken(existing.username(), PASSWORD).status()).isEqualTo(429);
        // Another address is not affected.
        assertThat(from("198.51.100.21").requestToken(existing.username(), PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void manyAddressesGuessingAtOneAccountLockItEverywhereUntilAnAdministratorUnlocksIt() {
        Account target = newAccount();
        for (int address = 1; address <= 3; address++) {
            LotsenHttp bot = from("192.0.2." + address);
            for (int i = 0; i < 4; i++) {
                assertThat(bot.requestToken(target.username(), WRONG).status()).isEqualTo(401);
            }
        }
        assertThat(lockedUntil(target)).isNotNull();
        // Locked everywhere: the owner's right password is refused with the same answer as a wrong one.
        Response owner = from("198.51.100.22").requestToken(target.username(), PASSWORD);
        assertThat(owner.status()).isEqualTo(401);
        assertThat(owner.body()).doesNotContain("locked\"").contains("Wrong username or password");

        accounts.unlock(target.id());
        assertThat(from("198.51.100.22").requestToken(target.username(), PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void strictTransportSecurityIsSentWhenTheProxySaysTheRequestCameOverHttps() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<Void> secure = client.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/login"))
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "198.51.100.30").build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(secure.headers().firstValue("Strict-Transport-Security"))
                .hasValue("max-age=31536000 ; includeSubDomains");
        HttpResponse<Void> api = client.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/me"))
                .header("X-Forwarded-Proto", "https").build(), HttpResponse.BodyHandlers.discarding());
        assertThat(api.headers().firstValue("Strict-Transport-Security")).isPresent();
        // Plain HTTP (a developer's machine): none, or browsers would refuse http://localhost for a year.
        HttpResponse<Void> plain = client.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/login")).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }
}
