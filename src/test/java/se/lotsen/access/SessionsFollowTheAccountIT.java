package se.lotsen.access;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.lotsen.access.LotsenHttp.Browser;
import se.lotsen.access.LotsenHttp.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions and tokens follow the account: disabling it, changing its roles or unit, a new password and an
 * administrator's "sign out everywhere" end every page session and API token of the account at once; changing one's
 * own password keeps only the session (or token) that did it. Each test uses accounts of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionsFollowTheAccountIT {

    private static final String PASSWORD = "Ratt-losenord-2718";
    private static final String NEW_PASSWORD = "Nytt-losenord-5772";

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    LotsenHttp http;
    Scenario scenario;
    Account user;

    @BeforeEach
    void setUp() {
        http = new LotsenHttp(port);
        scenario = new Scenario(http);
        user = accounts.create(new AccountForm("sessions-" + UUID.randomUUID().toString().substring(0, 8),
                "Testperson Session", null, "socialjouren", Set.of(Role.DUTY_WORKER), true, PASSWORD));
    }

    private Browser signedIn() {
        Browser b = http.browser();
        Response r = b.signIn(user.username(), PASSWORD);
        assertThat(r.location()).doesNotContain("/login");
        assertThat(b.get("/cases").status()).isEqualTo(200);
        return b;
    }

    private static boolean pageWorks(Browser b) {
        Response r = b.get("/cases");
        if (r.status() == 302) {
            assertThat(r.location()).contains("/login");
            return false;
        }
        assertThat(r.status()).isEqualTo(200);
        return true;
    }

    private boolean tokenWorks(String token) {
        int status = http.get("/api/v1/me", token).status();
        assertThat(status).isIn(200, 401);
        return status == 200;
    }

    private int sessionRows() {
        return jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = :u").param("u", user.username())
                .query(Integer.class).single();
    }

    private Response adminSaves(Map<String, String> changes) {
        Browser admin = scenario.signedIn("admin");
        Response page = admin.get("/admin/accounts/" + user.id());
        assertThat(page.status()).isEqualTo(200);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", LotsenHttp.csrfToken(page.body()));
        form.put("username", user.username());
        form.put("displayName", user.displayName());
        form.put("email", "");
        form.put("unitCode", "socialjouren");
        form.put("roles", "DUTY_WORKER");
        form.put("enabled", "true");
        form.put("password", "");
        form.putAll(changes);
        form.values().removeIf(v -> v == null);
        return admin.postForm("/admin/accounts/" + user.id(), form);
    }

    @Test
    void disablingTheAccountEndsItsSessionsAndTokensAtOnce() {
        Browser one = signedIn();
        Browser two = signedIn();
        String token = http.token(user.username(), PASSWORD);
        assertThat(sessionRows()).isEqualTo(2);

        Map<String, String> disable = new java.util.HashMap<>();
        disable.put("enabled", null);
        Response saved = adminSaves(disable);
        assertThat(saved.status()).as(saved.body()).isEqualTo(302);

        assertThat(pageWorks(one)).isFalse();
        assertThat(pageWorks(two)).isFalse();
        assertThat(tokenWorks(token)).isFalse();
        assertThat(sessionRows()).isZero();
        // And a journal entry cannot be signed with the old session: the POST never reaches a handler.
        assertThat(one.postForm("/cases/" + UUID.randomUUID() + "/journal", Map.of("text", "x")).status())
                .isIn(302, 403);
    }

    @Test
    void aGarbledEnabledValueIsAnErrorNotADisabledAccount() {
        Browser browser = signedIn();
        Response refused = adminSaves(Map.of("enabled", "a\u0001b"));
        assertThat(refused.status()).as(refused.body()).isEqualTo(200);
        assertThat(refused.text()).contains("Det finns fel i formuläret");
        assertThat(accounts.find(user.id()).orElseThrow().enabled()).isTrue();
        assertThat(pageWorks(browser)).isTrue();
        Response garbage = adminSaves(Map.of("enabled", "kanske"));
        assertThat(garbage.status()).isEqualTo(200);
        assertThat(accounts.find(user.id()).orElseThrow().enabled()).isTrue();
    }

    @Test
    void aChangeOfRolesOrUnitOverTheApiEndsTheSessionsSoTheOldRightsGoWithThem() {
        Browser browser = signedIn();
        String token = http.token(user.username(), PASSWORD);
        String admin = scenario.token("admin");

        Response moved = http.send("PATCH", "/api/v1/admin/accounts/" + user.username(),
                "{\"unit\":\"rinkeby-kista\",\"roles\":[\"CASE_WORKER\"]}", admin);
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().get("unit").asString()).isEqualTo("rinkeby-kista");

        assertThat(pageWorks(browser)).isFalse();
        assertThat(tokenWorks(token)).isFalse();
        // Signed in again, the user works in the new unit.
        String fresh = http.token(user.username(), PASSWORD);
        assertThat(http.get("/api/v1/me", fresh).json().get("unit").get("code").asString()).isEqualTo("rinkeby-kista");

        // A change of the display name alone changes no rights, and ends nothing.
        Browser again = signedIn();
        Response renamed = http.send("PATCH", "/api/v1/admin/accounts/" + user.username(),
                "{\"displayName\":\"Testperson Omdöpt\"}", admin);
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(pageWorks(again)).isTrue();
        assertThat(tokenWorks(fresh)).isTrue();
    }

    @Test
    void changingOnesOwnPasswordKeepsOnlyTheSessionThatDidIt() {
        Browser here = signedIn();
        Browser elsewhere = signedIn();
        String token = http.token(user.username(), PASSWORD);

        Response page = here.get("/account");
        Response changed = here.postForm("/account/password", Map.of("_csrf", LotsenHttp.csrfToken(page.body()),
                "currentPassword", PASSWORD, "newPassword", NEW_PASSWORD, "repeatPassword", NEW_PASSWORD));
        assertThat(changed.status()).as(changed.body()).isEqualTo(302);

        assertThat(pageWorks(here)).isTrue();
        assertThat(pageWorks(elsewhere)).isFalse();
        assertThat(tokenWorks(token)).isFalse();
        assertThat(http.requestToken(user.username(), PASSWORD).status()).isEqualTo(401);
        assertThat(http.requestToken(user.username(), NEW_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void overTheApiThePasswordChangeKeepsOnlyTheTokenThatDidIt() {
        Browser browser = signedIn();
        String used = http.token(user.username(), PASSWORD);
        String other = http.token(user.username(), PASSWORD);

        Response changed = http.postJson("/api/v1/me/password", LotsenHttp.toJson(Map.of(
                "currentPassword", PASSWORD, "newPassword", NEW_PASSWORD)), used);
        assertThat(changed.status()).as(changed.body()).isEqualTo(204);

        assertThat(tokenWorks(used)).isTrue();
        assertThat(tokenWorks(other)).isFalse();
        assertThat(pageWorks(browser)).isFalse();

        // The policy holds over the API too: too short, and the field is named.
        Response weak = http.postJson("/api/v1/me/password", LotsenHttp.toJson(Map.of(
                "currentPassword", NEW_PASSWORD, "newPassword", "kort")), used);
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.body()).contains("newPassword");
    }

    @Test
    void anAdministratorSignsAnAccountOutEverywhere() {
        Browser one = signedIn();
        String token = http.token(user.username(), PASSWORD);

        Browser admin = scenario.signedIn("admin");
        Response page = admin.get("/admin/accounts/" + user.id());
        assertThat(page.text()).contains("Logga ut överallt");
        Response done = admin.postForm("/admin/accounts/" + user.id() + "/sign-out-everywhere",
                Map.of("_csrf", LotsenHttp.csrfToken(page.body())));
        assertThat(done.status()).isEqualTo(302);
        assertThat(admin.get(done.location().replaceFirst("^https?://[^/]+", "")).text())
                .contains("Kontot är utloggat överallt: 2 inloggningar och API-nycklar avslutades.");

        assertThat(pageWorks(one)).isFalse();
        assertThat(tokenWorks(token)).isFalse();

        // The same over the API.
        Browser two = signedIn();
        Response api = http.delete("/api/v1/admin/accounts/" + user.username() + "/sessions", scenario.token("admin"));
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.json().get("ended").asInt()).isEqualTo(1);
        assertThat(pageWorks(two)).isFalse();
    }

    @Test
    void aBearerTokenSignsInApiRequestsOnlyNeverAPage() {
        String token = http.token(user.username(), PASSWORD);
        Response page = http.get("/cases", token);
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).contains("/login");
        // The API document is for people signed in.
        Response docs = http.get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(302);
        assertThat(signedIn().get("/v3/api-docs").status()).isEqualTo(200);
        assertThat(List.of(http.get("/v3/api-docs", token).status())).containsAnyOf(302, 401);
    }
}
