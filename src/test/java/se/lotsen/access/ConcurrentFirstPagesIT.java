package se.lotsen.access;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.lotsen.access.LotsenHttp.Browser;
import se.lotsen.access.LotsenHttp.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static se.lotsen.access.LotsenHttp.DEMO_PASSWORD;

/**
 * Pages opened at once right after signing in (several tabs, or a browser restoring them): each page with a form
 * creates the session's form token, and every one of them must answer 200, none 500. With Spring Session's portable
 * statements the second of two requests that inserted the same new attribute failed on the primary key.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConcurrentFirstPagesIT {

    private static final int TABS = 8;

    @LocalServerPort
    int port;

    @Test
    void pagesOpenedAtOnceAfterSigningInAllAnswer() throws Exception {
        LotsenHttp http = new LotsenHttp(port);
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        ExecutorService pool = Executors.newFixedThreadPool(TABS);
        try {
            for (int round = 0; round < 5; round++) {
                Browser browser = http.browser();
                Response signIn = browser.signIn("jour1", DEMO_PASSWORD);
                assertThat(signIn.status()).isEqualTo(302);
                String cookie = "LOTSEN_SESSION=" + browser.cookie("LOTSEN_SESSION");
                CyclicBarrier together = new CyclicBarrier(TABS);
                List<Future<HttpResponse<String>>> answers = new ArrayList<>();
                for (int tab = 0; tab < TABS; tab++) {
                    String path = tab % 2 == 0 ? "/cases" : "/cases/new";
                    answers.add(pool.submit(() -> {
                        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .header("Cookie", cookie).GET().build();
                        together.await();
                        return client.send(request, HttpResponse.BodyHandlers.ofString());
                    }));
                }
                for (Future<HttpResponse<String>> answer : answers) {
                    HttpResponse<String> r = answer.get();
                    assertThat(r.statusCode()).as("round %d, %s", round, r.uri()).isEqualTo(200);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
