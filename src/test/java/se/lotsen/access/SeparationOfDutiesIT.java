package se.lotsen.access;

import java.util.LinkedHashMap;
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
 * Separation of duties: no administrator gives themselves case data (or takes anything from themselves), the
 * administrator role is held alone, and every grant of a case role is flagged for log review -- on the pages and over
 * the API alike.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SeparationOfDutiesIT {

    private static final String PASSWORD = "Ratt-losenord-2718";

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    LotsenHttp http;
    Account admin;
    String adminToken;

    @BeforeEach
    void setUp() {
        http = new LotsenHttp(port);
        admin = accounts.create(new AccountForm("admin-" + UUID.randomUUID().toString().substring(0, 8),
                "Testperson Admin", null, "", Set.of(Role.ADMIN), true, PASSWORD));
        adminToken = http.token(admin.username(), PASSWORD);
    }

    @Test
    void anAdministratorCannotGiveThemselvesADutyLeadRoleAtTheJour() {
        Response api = http.send("PATCH", "/api/v1/admin/accounts/" + admin.username(),
                "{\"roles\":[\"DUTY_LEAD\"],\"unit\":\"socialjouren\"}", adminToken);
        assertThat(api.status()).as(api.body()).isEqualTo(400);
        assertThat(api.body()).contains("\"roles\"").contains("\"unit\"").doesNotContain("unitCode");

        Browser browser = http.browser();
        browser.signIn(admin.username(), PASSWORD);
        Response page = browser.get("/admin/accounts/" + admin.id());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", LotsenHttp.csrfToken(page.body()));
        form.put("username", admin.username());
        form.put("displayName", admin.displayName());
        form.put("unitCode", "socialjouren");
        form.put("roles", "DUTY_LEAD");
        form.put("enabled", "true");
        form.put("password", "");
        Response refused = browser.postForm("/admin/accounts/" + admin.id(), form);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.text()).contains("Det finns fel i formuläret").contains("Du kan inte ändra dina egna roller")
                .contains("Du kan inte ändra din egen enhet");

        assertThat(accounts.find(admin.id()).orElseThrow().roles()).containsExactly(Role.ADMIN);
        assertThat(jdbc.sql("""
                        SELECT outcome FROM audit_entry WHERE record_id = :id AND action = 'UPDATE'
                        ORDER BY id DESC LIMIT 1""").param("id", admin.id().toString())
                .query(String.class).single()).isEqualTo("FAILED");
    }

    @Test
    void anAdministratorCannotDisableThemselvesOrSetTheirOwnPasswordWithoutTheCurrentOne() {
        Response disable = http.send("PATCH", "/api/v1/admin/accounts/" + admin.username(), "{\"enabled\":false}",
                adminToken);
        assertThat(disable.status()).isEqualTo(400);
        assertThat(disable.body()).contains("enabled");
        assertThat(accounts.find(admin.id()).orElseThrow().enabled()).isTrue();
    }

    @Test
    void theAdministratorRoleIsHeldAloneAndAnotherAdministratorCannotBeGivenCaseRolesEither() {
        Account colleague = accounts.create(new AccountForm("admin-" + UUID.randomUUID().toString().substring(0, 8),
                "Testperson Kollega", null, "", Set.of(Role.ADMIN), true, PASSWORD));
        Response both = http.send("PATCH", "/api/v1/admin/accounts/" + colleague.username(),
                "{\"roles\":[\"ADMIN\",\"DUTY_LEAD\"],\"unit\":\"socialjouren\"}", adminToken);
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.body()).contains("roles");

        Response created = http.postJson("/api/v1/admin/accounts", LotsenHttp.toJson(Map.of(
                "username", "combo-" + UUID.randomUUID().toString().substring(0, 6), "displayName", "Testperson Kombo",
                "unit", "socialjouren", "roles", new String[] {"ADMIN", "AUDITOR"}, "password", PASSWORD)), adminToken);
        assertThat(created.status()).isEqualTo(400);
        assertThat(created.body()).contains("roles");
    }

    @Test
    void grantingACaseRoleIsFlaggedForLogReview() {
        String username = "ny-" + UUID.randomUUID().toString().substring(0, 8);
        Response created = http.postJson("/api/v1/admin/accounts", LotsenHttp.toJson(Map.of(
                "username", username, "displayName", "Testperson Ny", "unit", "sodermalm",
                "roles", new String[] {"CASE_WORKER"}, "password", PASSWORD)), adminToken);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(flags(id, "CREATE")).contains("CASE_ROLE_GRANTED");

        // A unit manager's role added: flagged again; the display name alone: not flagged.
        http.send("PATCH", "/api/v1/admin/accounts/" + username, "{\"roles\":[\"CASE_WORKER\",\"UNIT_MANAGER\"]}",
                adminToken);
        assertThat(flags(id, "UPDATE")).contains("CASE_ROLE_GRANTED");
        assertThat(detail(id, "UPDATE")).contains("UNIT_MANAGER").contains("sodermalm");
        http.send("PATCH", "/api/v1/admin/accounts/" + username, "{\"displayName\":\"Testperson Nyare\"}",
                adminToken);
        assertThat(flags(id, "UPDATE")).isNull();

        // Moving the worker to another unit opens that unit's cases: flagged.
        http.send("PATCH", "/api/v1/admin/accounts/" + username, "{\"unit\":\"rinkeby-kista\"}", adminToken);
        assertThat(flags(id, "UPDATE")).contains("CASE_ROLE_GRANTED");

        // The auditor finds it among the flagged entries, in words.
        Browser granskare = new Scenario(http).signedIn("granskare");
        assertThat(granskare.get("/audit?flagged=true").text()).contains("behörighet till ärenden tilldelad");
    }

    private String flags(String recordId, String action) {
        return jdbc.sql("""
                        SELECT review_flag FROM audit_entry WHERE record_id = :id AND action = :action
                        ORDER BY id DESC LIMIT 1""").param("id", recordId).param("action", action)
                .query(String.class).optional().orElse(null);
    }

    private String detail(String recordId, String action) {
        return jdbc.sql("""
                        SELECT detail FROM audit_entry WHERE record_id = :id AND action = :action
                        ORDER BY id DESC LIMIT 1""").param("id", recordId).param("action", action)
                .query(String.class).single();
    }
}
