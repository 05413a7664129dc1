package se.lotsen.consultation;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.lotsen.access.LotsenHttp;
import se.lotsen.access.LotsenHttp.Browser;
import se.lotsen.access.LotsenHttp.Response;
import se.lotsen.access.Scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Without a mail server configured (the tests' default), an urgent question is still saved and notified in the app,
 * and its page says that no e-mail was sent — never that one was.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class QuestionDeliveryIT {

    @LocalServerPort
    int port;

    @Test
    void withoutAMailServerThePageSaysThatNoEmailWasSent() {
        Scenario scenario = new Scenario(new LotsenHttp(port));
        UUID id = scenario.openChild("jour1", Scenario.name("Utan e-post"));
        Browser jour1 = scenario.signedIn("jour1");
        Response asked = Scenario.submit(jour1, "/questions/new?caseId=" + id, "/questions/new",
                Map.of("caseId", id.toString(), "text", "Behöver vi tolk i natt?", "urgent", "on"));
        assertThat(asked.status()).isEqualTo(302);
        String path = URI.create(asked.location()).getPath();
        String flash = jour1.get(path).text();
        assertThat(flash).doesNotContainIgnoringCase("e-postmeddelande").doesNotContain("e-post skickad till");
        await().atMost(Duration.ofSeconds(15)).until(() -> jour1.get(path).text()
                .contains("E-post är inte konfigurerad i Lotsen, så ingen e-post skickades."));
        // The fragment htmx asks for says the same.
        String fragment = jour1.get(path + "/delivery").text();
        assertThat(fragment).contains("E-post är inte konfigurerad").doesNotContain("hx-get");
    }
}
