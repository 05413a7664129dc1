package se.lotsen.access;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.lotsen.access.LotsenHttp.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Passwords and tokens never reach the log, not even with the loggers an operator would turn up to look into a
 * sign-in problem.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class NoSecretsInLogsIT {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    LoggingSystem loggingSystem;

    LotsenHttp http;

    @BeforeEach
    void setUp() {
        http = new LotsenHttp(port);
    }

    @Test
    void signInsAndTokensLeaveNoSecretsInTheLog(CapturedOutput output) {
        // As configured, with the loggers of Lotsen and Spring Security at their most verbose.
        assertNoSecretsLogged(output, List.of("se.lotsen", "org.springframework.security"), LogLevel.TRACE);
    }

    @Test
    void springMvcDebugLoggingLeavesNoSecretsEither(CapturedOutput output) {
        // An operator looking into a failing API client turns up Spring MVC's logging; the request and response
        // bodies it then logs must not show the password or the token.
        assertNoSecretsLogged(output, List.of("org.springframework.web"), LogLevel.DEBUG);
    }

    private void assertNoSecretsLogged(CapturedOutput output, List<String> loggers, LogLevel level) {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String username = "logcheck-" + suffix.substring(0, 6);
        String password = "Hemlig-Kaffe-" + suffix;
        String wrongPassword = "Fel-Te-" + suffix;
        accounts.create(new AccountForm(username, "Testperson Logg", null, "socialjouren",
                Set.of(Role.DUTY_WORKER), true, password));

        String token;
        String secondToken;
        loggers.forEach(l -> loggingSystem.setLogLevel(l, level));
        try {
            // The page: a failed and a successful sign-in.
            assertThat(http.browser().signIn(username, wrongPassword).location()).endsWith("/login?error");
            assertThat(http.browser().signIn(username, password).location()).doesNotContain("error");

            // The API: a failed and a successful token request, a use of the token and signing out.
            assertThat(http.requestToken(username, wrongPassword).status()).isEqualTo(401);
            token = http.token(username, password);
            assertThat(http.get("/api/v1/me", token).status()).isEqualTo(200);
            secondToken = http.token(username, password);
            Response revoked = http.delete("/api/v1/auth/token", token);
            assertThat(revoked.status()).isEqualTo(204);
            assertThat(http.get("/api/v1/me", token).status()).isEqualTo(401);
        } finally {
            loggers.forEach(l -> loggingSystem.setLogLevel(l, null));
        }

        String log = output.getAll();
        // The capture works: the verbose loggers saw these requests.
        assertThat(log).contains("/api/v1/auth/token");
        assertThat(log).doesNotContain(password, wrongPassword, suffix, token, secondToken);
    }
}
