package se.lotsen.system;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import se.lotsen.access.LotsenHttp;
import se.lotsen.access.LotsenHttp.Browser;
import se.lotsen.access.LotsenHttp.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static se.lotsen.access.LotsenHttp.DEMO_PASSWORD;

/**
 * The statement budgets of the busy pages, counted on the request threads with a wrapped data source: the case page
 * of a full case (decisions, deadlines, contacts, a handover, questions) runs at most 12 SQL statements, everything
 * included (session, audit, layout), in at most 5 transactions (the session's read and write, the layout's count of
 * unread notifications, the page's reads in one read-only transaction, the audit entry; read again, as here, the
 * audit's review-flag count of the first read is remembered), and no list runs a statement per row: a list with more
 * rows runs as many statements as one with fewer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(StatementCounter.Config.class)
class QueryBudgetIT {

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    static final int CASE_PAGE_BUDGET = 12;
    static final int CASE_PAGE_TRANSACTIONS = 5;

    @LocalServerPort
    int port;

    LotsenHttp http;

    @BeforeEach
    void setUp() {
        http = new LotsenHttp(port);
    }

    // -- building a full case over the API --

    private UUID openChild(String bearer, String name) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("type", "CHILD");
        subject.put("name", name);
        subject.put("nationality", "RO");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject", subject);
        body.put("receivedAt", OffsetDateTime.now(SWEDEN).minusHours(6).truncatedTo(ChronoUnit.MINUTES).toString());
        Response r = http.postJson("/api/v1/cases", LotsenHttp.toJson(body), bearer);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return UUID.fromString(r.json().get("id").asString());
    }

    private void ok(Response r) {
        assertThat(r.status()).as(r.body()).isBetween(200, 299);
    }

    /** A child case with a custody and a linked decision, deadlines, three contacts, two questions, handed over. */
    private UUID fullCase(String name) {
        String jour1 = http.token("jour1", DEMO_PASSWORD);
        UUID id = openChild(jour1, name);
        OffsetDateTime decided = OffsetDateTime.now(SWEDEN).minusHours(5).truncatedTo(ChronoUnit.MINUTES);
        ok(http.postJson("/api/v1/cases/" + id + "/decisions", """
                {"type":"LVU_6","decidedAt":"%s","executedAt":"%s",
                 "decidedBy":{"name":"Anna Ordförande","mandate":"CHAIR"},"committee":"rinkeby-kista",
                 "grounds":["LVU_2"],"urgencyReason":"Risk för fortsatt exploatering."}"""
                .formatted(decided, decided.plusHours(1)), jour1));
        ok(http.postJson("/api/v1/cases/" + id + "/decisions", """
                {"type":"LVU_11_PLACEMENT","decidedAt":"%s","decidedBy":{"name":"Anna Ordförande","mandate":"CHAIR"},
                 "committee":"rinkeby-kista","details":"Placerad på skyddat boende."}""".formatted(decided.plusHours(2)),
                jour1));
        String at = OffsetDateTime.now(SWEDEN).minusHours(3).truncatedTo(ChronoUnit.MINUTES).toString();
        for (String[] c : new String[][] {{"NATIONAL_HOTLINE", "Nationella stödtelefonen mot prostitution och människohandel"},
                {"PLACEMENT", "Skyddat boende (demo)"}, {"OTHER", "Migrationsverket"}}) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", c[0]);
            body.put("partner", c[1]);
            body.put("at", at);
            body.put("channel", "EMAIL");
            body.put("summary", "Kontakt " + c[0]);
            ok(http.postJson("/api/v1/cases/" + id + "/contacts", LotsenHttp.toJson(body), jour1));
        }
        ok(http.postJson("/api/v1/cases/" + id + "/questions", "{\"text\":\"Hur gör vi med hemlandskontakt?\"}", jour1));
        ok(http.postJson("/api/v1/cases/" + id + "/questions", "{\"text\":\"Och betänketiden?\"}", jour1));
        ok(http.postJson("/api/v1/cases/" + id + "/handover",
                "{\"toUnit\":\"rinkeby-kista\",\"reason\":\"Folkbokförd i Rinkeby-Kista.\"}", jour1));
        return id;
    }

    private Browser signedIn(String username) {
        Browser browser = http.browser();
        assertThat(browser.signIn(username, DEMO_PASSWORD).status()).isEqualTo(302);
        return browser;
    }

    /** The statements one page request runs. */
    private static List<String> statementsOf(Browser browser, String path) {
        return usageOf(browser, path).statements();
    }

    /** What one page request takes from the database: its statements and how many connections (transactions). */
    private static Usage usageOf(Browser browser, String path) {
        browser.get(path); // warm: the first request of a session may load what later ones reuse
        StatementCounter.start();
        Response r = browser.get(path);
        List<String> statements = StatementCounter.stop();
        assertThat(r.status()).as(path).isEqualTo(200);
        return new Usage(statements, StatementCounter.connections());
    }

    private record Usage(List<String> statements, int connections) {
    }

    // -- the case page --

    @Test
    void theCasePageOfAFullCaseRunsAtMostTwelveStatements() {
        UUID id = fullCase("Budget " + UUID.randomUUID().toString().substring(0, 8));

        for (String username : List.of("rinkebychef", "rinkeby1", "jour1")) {
            Usage usage = usageOf(signedIn(username), "/cases/" + id);
            List<String> statements = usage.statements();
            System.out.printf("statement budget: the case page as %s runs %d statements in %d transactions%n",
                    username, statements.size(), usage.connections());
            assertThat(statements).as("the case page as %s ran %d statements:%n%s", username, statements.size(),
                    String.join("\n", statements)).hasSizeLessThanOrEqualTo(CASE_PAGE_BUDGET);
            // Each connection taken from the pool is a transaction of its own: a commit, a round trip and a check-out
            // more. The page's reads share one (CaseController.show is one read-only transaction).
            assertThat(usage.connections()).as("transactions of the case page as %s:%n%s", username,
                    String.join("\n", statements)).isLessThanOrEqualTo(CASE_PAGE_TRANSACTIONS);
        }
    }

    // -- lists: no statement per row --

    @Test
    void listsRunTheSameNumberOfStatementsWhateverTheNumberOfRows() {
        String token = UUID.randomUUID().toString().substring(0, 8);
        String jour1 = http.token("jour1", DEMO_PASSWORD);
        // One of each from the start: a case held here, and one handed over (the jour sees it as "known elsewhere").
        caseAtJour(jour1, "Lista " + token + " Ett", false);
        caseAtJour(jour1, "Lista " + token + " Två", true);
        // Every list, as the user who sees rows in it.
        Map<String, List<String>> pagesByUser = new LinkedHashMap<>();
        pagesByUser.put("jour1", List.of("/cases?q=" + token, "/cases", "/deadlines", "/contacts/queued",
                "/questions", "/cases/new?name=Lista+" + token));
        pagesByUser.put("jourchef", List.of("/persons/merge?name=Lista+" + token, "/deadlines"));
        pagesByUser.put("metod", List.of("/questions", "/notifications", "/routines/usage"));
        pagesByUser.put("rinkebychef", List.of("/handovers", "/cases", "/notifications"));
        pagesByUser.put("granskare", List.of("/audit"));
        Map<String, Browser> browsers = new LinkedHashMap<>();
        Map<String, Integer> before = new LinkedHashMap<>();
        pagesByUser.forEach((user, paths) -> {
            Browser browser = browsers.computeIfAbsent(user, this::signedIn);
            paths.forEach(path -> before.put(user + " " + path, statementsOf(browser, path).size()));
        });
        for (int i = 0; i < 4; i++) {
            caseAtJour(jour1, "Lista " + token + " " + i, i % 2 == 0);
        }
        awaitNotifications("metod", 4);
        pagesByUser.forEach((user, paths) -> paths.forEach(path -> {
            List<String> after = statementsOf(browsers.get(user), path);
            String key = user + " " + path;
            System.out.printf("statement budget: %s runs %d statements%n", key, after.size());
            assertThat(after.size()).as("%s: %d statements with more rows, %d before:%n%s", key, after.size(),
                    before.get(key), String.join("\n", after)).isEqualTo(before.get(key));
        }));
    }

    /** Waits until the user has at least that many notifications (they are made after commit). */
    private void awaitNotifications(String username, int atLeast) {
        String bearer = http.token(username, DEMO_PASSWORD);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).until(() ->
                http.get("/api/v1/notifications?size=100", bearer).json().get("total").asInt() >= atLeast);
    }

    /**
     * A case at the jour with a custody (deadlines), a queued contact and a question: rows for every list; handed to
     * Rinkeby-Kista when {@code handOver}.
     */
    private void caseAtJour(String jour1, String name, boolean handOver) {
        UUID id = openChild(jour1, name);
        OffsetDateTime decided = OffsetDateTime.now(SWEDEN).minusHours(5).truncatedTo(ChronoUnit.MINUTES);
        ok(http.postJson("/api/v1/cases/" + id + "/decisions", """
                {"type":"LVU_6","decidedAt":"%s","decidedBy":{"name":"Anna Ordförande","mandate":"CHAIR"},
                 "committee":"rinkeby-kista","grounds":["LVU_2"],"urgencyReason":"Risk."}""".formatted(decided),
                jour1));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "OTHER");
        body.put("partner", "Migrationsverket");
        body.put("at", OffsetDateTime.now(SWEDEN).plusDays(3).truncatedTo(ChronoUnit.MINUTES).toString());
        body.put("channel", "PHONE");
        body.put("status", "QUEUED");
        body.put("summary", "Ring i morgon.");
        ok(http.postJson("/api/v1/cases/" + id + "/contacts", LotsenHttp.toJson(body), jour1));
        ok(http.postJson("/api/v1/cases/" + id + "/questions", "{\"text\":\"Fråga om " + name + "\"}", jour1));
        if (handOver) {
            ok(http.postJson("/api/v1/cases/" + id + "/handover",
                    "{\"toUnit\":\"rinkeby-kista\",\"reason\":\"Folkbokförd i Rinkeby-Kista.\"}", jour1));
        }
    }
}
