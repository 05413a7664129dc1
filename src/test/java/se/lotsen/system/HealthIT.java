package se.lotsen.system;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import se.lotsen.access.LotsenHttp;
import se.lotsen.access.LotsenHttp.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static se.lotsen.access.LotsenHttp.DEMO_PASSWORD;

/**
 * The health endpoint tells everyone whether Lotsen is up, and only administrators what it consists of.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HealthIT {

    @LocalServerPort
    int port;

    LotsenHttp http;

    @BeforeEach
    void setUp() {
        http = new LotsenHttp(port);
    }

    @Test
    void anonymousSeesOnlyTheStatus() {
        Response r = http.get("/actuator/health", null);

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json()).isEqualTo(LotsenHttp.json("{\"status\":\"UP\"}"));
    }

    @Test
    void aSignedInAdministratorSeesTheComponents() {
        LotsenHttp.Browser admin = http.browser();
        admin.signIn("admin", DEMO_PASSWORD);

        Response r = admin.get("/actuator/health");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode json = r.json();
        assertThat(json.get("status").asString()).isEqualTo("UP");
        assertThat(json.has("components")).as(r.body()).isTrue();
        assertThat(json.get("components").has("db")).as(r.body()).isTrue();
        assertThat(json.get("components").get("db").get("status").asString()).isEqualTo("UP");
    }

    @Test
    void otherRolesSeeOnlyTheStatus() {
        LotsenHttp.Browser jour1 = http.browser();
        jour1.signIn("jour1", DEMO_PASSWORD);
        Response r = jour1.get("/actuator/health");
        assertThat(r.json()).isEqualTo(LotsenHttp.json("{\"status\":\"UP\"}"));

        // A bearer token signs in API requests only: here it counts for nothing, not even for an administrator.
        r = http.get("/actuator/health", http.token("admin", DEMO_PASSWORD));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json()).isEqualTo(LotsenHttp.json("{\"status\":\"UP\"}"));
    }
}
