package se.lotsen.audit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import se.lotsen.access.LotsenHttp;
import se.lotsen.access.LotsenHttp.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Lotsen handler without an audit declaration is refused at run time: it fails closed, its body never leaves.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(UndeclaredTestController.class)
class UndeclaredHandlerIsRefusedIT {

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    @Test
    void handlerWithoutAuditDeclarationIsRefused() {
        LotsenHttp http = new LotsenHttp(port);
        String token = http.token("jour1", LotsenHttp.DEMO_PASSWORD);
        int callsBefore = UndeclaredTestController.CALLS.get();

        Response r = http.get("/api/v1/test-undeclared", token);

        assertThat(r.status()).as(r.body()).isEqualTo(500);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("status").asInt()).isEqualTo(500);
        assertThat(r.body()).doesNotContain(UndeclaredTestController.SECRET, "secret", "Undeclared", "Exception",
                "@Audited");
        assertThat(UndeclaredTestController.CALLS.get()).as("the handler never ran").isEqualTo(callsBefore);
    }

    @Test
    void theTestControllerIsReallyMappedHere() {
        // Otherwise the 500 above could have another cause.
        assertThat(handlerMapping.getHandlerMethods().values())
                .anyMatch(m -> m.getBeanType() == UndeclaredTestController.class);
    }
}
