package se.lotsen.access;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import se.lotsen.access.LotsenHttp.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static se.lotsen.access.LotsenHttp.DEMO_PASSWORD;

/**
 * The API's authentication: token issue, storage, use, expiry, revocation, and its problem-details errors.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiTokenIT {

    private static final String PROBLEM_JSON = "application/problem+json";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    LotsenHttp http;

    @BeforeEach
    void setUp() {
        http = new LotsenHttp(port);
    }

    record TokenRow(UUID accountId, String tokenHash, OffsetDateTime createdAt, OffsetDateTime expiresAt,
                    OffsetDateTime revokedAt, String revokedReason) {
    }

    private List<TokenRow> rowsWithHash(String hash) {
        return jdbc.sql("""
                        SELECT account_id, token_hash, created_at, expires_at, revoked_at, revoked_reason
                        FROM api_token WHERE token_hash = :h""")
                .param("h", hash)
                .query((rs, n) -> new TokenRow(rs.getObject("account_id", UUID.class), rs.getString("token_hash"),
                        rs.getObject("created_at", OffsetDateTime.class), rs.getObject("expires_at", OffsetDateTime.class),
                        rs.getObject("revoked_at", OffsetDateTime.class), rs.getString("revoked_reason")))
                .list();
    }

    private UUID accountId(String username) {
        return jdbc.sql("SELECT id FROM account WHERE username = :u").param("u", username).query(UUID.class).single();
    }

    private static void assertProblem(Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith(PROBLEM_JSON);
        JsonNode body = r.json();
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.has("title")).isTrue();
        assertThat(r.body()).doesNotContain("Exception", "at se.lotsen", "org.springframework");
    }

    @Test
    void tokenIsIssuedForEightHoursAndOnlyItsSha256IsStored() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Response r = http.requestToken("jour1", DEMO_PASSWORD);
        Instant after = Instant.now();

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        JsonNode body = r.json();
        assertThat(body.propertyNames()).containsExactlyInAnyOrder("token", "expiresAt");
        String token = body.get("token").asString();
        Instant expiresAt = Instant.parse(body.get("expiresAt").asString());
        assertThat(token).hasSizeGreaterThanOrEqualTo(43); // 256 random bits

        // Only the SHA-256 (hex) of the token is stored, never the token itself.
        String sha256 = LotsenHttp.sha256Hex(token);
        assertThat(rowsWithHash(token)).isEmpty();
        List<TokenRow> rows = rowsWithHash(sha256);
        assertThat(rows).hasSize(1);
        TokenRow row = rows.get(0);
        assertThat(row.tokenHash()).isEqualTo(sha256).isNotEqualTo(token).matches("[0-9a-f]{64}");
        assertThat(row.accountId()).isEqualTo(accountId("jour1"));
        assertThat(jdbc.sql("SELECT count(*) FROM api_token t WHERE position(:t IN t::text) > 0")
                .param("t", token).query(Long.class).single()).as("the token appears nowhere in api_token").isZero();

        // Expiry: the row's creation time plus 8 hours, and the creation time lies within the request.
        Instant created = row.createdAt().toInstant();
        assertThat(created).isBetween(before, after);
        assertThat(Duration.between(created, row.expiresAt().toInstant())).isEqualTo(Duration.ofHours(8));
        assertThat(expiresAt).isEqualTo(row.expiresAt().toInstant());
        assertThat(expiresAt).isBetween(before.plus(Duration.ofHours(8)), after.plus(Duration.ofHours(8)));
    }

    @Test
    void bearerTokenIdentifiesTheCallerOnMe() {
        String token = http.token("jour1", DEMO_PASSWORD);

        Response me = http.get("/api/v1/me", token);

        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.contentType()).startsWith("application/json");
        JsonNode json = me.json();
        Map<String, Object> unit = jdbc.sql("SELECT id, code, name, kind FROM unit WHERE code = 'socialjouren'")
                .query().singleRow();
        assertThat(json.get("id").asString()).isEqualTo(accountId("jour1").toString());
        assertThat(json.get("username").asString()).isEqualTo("jour1");
        assertThat(json.get("displayName").asString()).isEqualTo("Elin Berg");
        assertThat(json.get("unit").get("id").asString()).isEqualTo(unit.get("id").toString());
        assertThat(json.get("unit").get("code").asString()).isEqualTo("socialjouren");
        assertThat(json.get("unit").get("name").asString()).isEqualTo(unit.get("name"));
        assertThat(json.get("unit").get("kind").asString()).isEqualTo("JOUR");
        assertThat(json.get("roles").isArray()).isTrue();
        assertThat(json.get("roles").values()).extracting(JsonNode::asString).containsExactly("DUTY_WORKER");
        assertThat(me.body()).doesNotContain("password", "hash");
    }

    @Test
    void wrongPasswordIsUnauthorizedProblem() {
        Response r = http.requestToken("metod", "not-the-password");

        assertProblem(r, 401);
        assertThat(r.json().has("token")).isFalse();
        // A later correct sign-in resets the failed count, so the demo account never locks because of this test.
        http.token("metod", DEMO_PASSWORD);
    }

    @Test
    void missingFieldsAreBadRequestNamingEachField() {
        Response r = http.postJson("/api/v1/auth/token", "{}", null);

        assertProblem(r, 400);
        JsonNode errors = r.json().get("errors");
        assertThat(errors).as(r.body()).isNotNull();
        assertThat(errors.values()).extracting(e -> e.get("field").asString())
                .contains("username", "password");

        Response blank = http.postJson("/api/v1/auth/token", "{\"username\":\"jour1\",\"password\":\"\"}", null);
        assertProblem(blank, 400);
        assertThat(blank.json().get("errors").values()).extracting(e -> e.get("field").asString())
                .containsExactly("password");
    }

    @Test
    void malformedJsonIsBadRequest() {
        Response r = http.postJson("/api/v1/auth/token", "{\"username\": \"jour1\", \"password\": ", null);

        assertProblem(r, 400);
    }

    @Test
    void missingOrGarbageTokenIsUnauthorizedWithBearerChallenge() {
        for (String token : new String[] {null, "garbage", "x".repeat(43), "Bearer"}) {
            Response r = http.get("/api/v1/me", token);
            assertProblem(r, 401);
            assertThat(r.header("WWW-Authenticate")).as("token %s", token).hasValue("Bearer");
        }
    }

    @Test
    void expiredTokenIsUnauthorized() {
        String token = http.token("jour1", DEMO_PASSWORD);
        assertThat(http.get("/api/v1/me", token).status()).isEqualTo(200);

        int updated = jdbc.sql("""
                        UPDATE api_token SET created_at = now() - interval '9 hours', expires_at = now() - interval '1 second'
                        WHERE token_hash = :h""")
                .param("h", LotsenHttp.sha256Hex(token)).update();
        assertThat(updated).isEqualTo(1);

        Response r = http.get("/api/v1/me", token);
        assertProblem(r, 401);
        assertThat(r.header("WWW-Authenticate")).hasValue("Bearer");
    }

    @Test
    void signOutRevokesTheToken() {
        String token = http.token("jour1", DEMO_PASSWORD);
        String other = http.token("jour1", DEMO_PASSWORD);

        Response r = http.delete("/api/v1/auth/token", token);

        assertThat(r.status()).as(r.body()).isEqualTo(204);
        assertProblem(http.get("/api/v1/me", token), 401);
        TokenRow row = rowsWithHash(LotsenHttp.sha256Hex(token)).get(0);
        assertThat(row.revokedAt()).isNotNull();
        assertThat(row.revokedReason()).isEqualTo("SIGNED_OUT");
        // Only the token used for the request is revoked.
        assertThat(http.get("/api/v1/me", other).status()).isEqualTo(200);
        // Revoking again with the revoked token is refused.
        assertProblem(http.delete("/api/v1/auth/token", token), 401);
    }

    @Test
    void nonAdministratorMayNotRevokeOthersTokens() {
        String jour2 = http.token("jour2", DEMO_PASSWORD);
        String jour1 = http.token("jour1", DEMO_PASSWORD);

        Response r = http.delete("/api/v1/admin/accounts/jour2/tokens", jour1);

        assertProblem(r, 403);
        assertThat(http.get("/api/v1/me", jour2).status()).isEqualTo(200);
    }

    @Test
    void administratorRevokesEveryTokenOfAnAccount() {
        String first = http.token("jour2", DEMO_PASSWORD);
        String second = http.token("jour2", DEMO_PASSWORD);
        String bystander = http.token("jour1", DEMO_PASSWORD);
        String admin = http.token("admin", DEMO_PASSWORD);
        long active = jdbc.sql("""
                        SELECT count(*) FROM api_token t JOIN account a ON a.id = t.account_id
                        WHERE a.username = 'jour2' AND t.revoked_at IS NULL""")
                .query(Long.class).single();
        assertThat(active).isGreaterThanOrEqualTo(2);

        Response r = http.delete("/api/v1/admin/accounts/jour2/tokens", admin);

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("revoked").asLong()).isEqualTo(active);
        assertProblem(http.get("/api/v1/me", first), 401);
        assertProblem(http.get("/api/v1/me", second), 401);
        assertThat(http.get("/api/v1/me", bystander).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/me", admin).status()).isEqualTo(200);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM api_token t JOIN account a ON a.id = t.account_id
                        WHERE a.username = 'jour2' AND t.revoked_at IS NULL""")
                .query(Long.class).single()).isZero();
        assertThat(rowsWithHash(LotsenHttp.sha256Hex(first)).get(0).revokedReason()).isEqualTo("REVOKED_BY_ADMIN");

        Response unknown = http.delete("/api/v1/admin/accounts/no-such-account/tokens", admin);
        assertProblem(unknown, 404);
    }

    @Test
    void unknownApiPathIsNotFoundProblem() {
        String token = http.token("jour1", DEMO_PASSWORD);

        Response r = http.get("/api/v1/does-not-exist", token);

        assertProblem(r, 404);
    }

    @Test
    void openApiDocumentListsTheAuthenticationEndpointsToThoseSignedIn() {
        assertThat(http.get("/v3/api-docs", null).status()).isEqualTo(302);
        LotsenHttp.Browser browser = http.browser();
        browser.signIn("jour1", LotsenHttp.DEMO_PASSWORD);
        Response r = browser.get("/v3/api-docs");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode paths = r.json().get("paths");
        assertThat(paths).isNotNull();
        assertThat(paths.propertyNames()).contains("/api/v1/auth/token", "/api/v1/me", "/api/v1/me/password",
                "/api/v1/admin/accounts", "/api/v1/admin/accounts/{username}");
        assertThat(paths.get("/api/v1/auth/token").has("post")).isTrue();
        assertThat(paths.get("/api/v1/me").has("get")).isTrue();
    }
}
