package se.lotsen.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.lotsen.access.HtmlForms;
import se.lotsen.access.LotsenHttp;
import se.lotsen.access.LotsenHttp.Browser;
import se.lotsen.access.LotsenHttp.Response;
import se.lotsen.access.Scenario;

/**
 * A double-clicked form submits once (issue 13, "Faults"), also without JavaScript: every posting form carries a
 * one-time token ({@code _submission}); the same form sent twice, one after the other or at once from two threads,
 * does its work once and both answers redirect to the same place. A form refused by validation can be corrected and
 * sent again with the same token; a POST without a token is handled as before.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DoubleSubmitIT {

    private static final String TOKEN = "_submission";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Scenario scenario;

    @BeforeEach
    void setUp() {
        scenario = new Scenario(new LotsenHttp(port));
    }

    private int journalEntries(UUID id) {
        return jdbc.sql("SELECT count(*) FROM journal_entry WHERE case_id = :c").param("c", id).query(Integer.class)
                .single();
    }

    private static List<Map.Entry<String, String>> journalForm(Browser browser, UUID id, String text) {
        Response page = browser.get("/cases/" + id + "/journal/new");
        assertThat(page.status()).isEqualTo(200);
        return HtmlForms.fields(page.body(), "/cases/" + id + "/journal", Map.of("text", text));
    }

    @Test
    void everyPostingFormCarriesAFreshTokenAndGetFormsNone() {
        UUID id = scenario.openChild("jour1", Scenario.name("Token"));
        Browser elin = scenario.signedIn("jour1");
        String first = HtmlForms.value(journalForm(elin, id, "x"), TOKEN);
        String second = HtmlForms.value(journalForm(elin, id, "x"), TOKEN);
        assertThat(first).isNotBlank().isNotEqualTo(second);
        String list = elin.get("/cases").body();
        assertThat(org.jsoup.Jsoup.parse(list).select("form[method=get] input[name=" + TOKEN + "]")).isEmpty();
    }

    @Test
    void theSameJournalFormSentTwiceSignsOneEntryAndBothAnswersGoToTheSamePlace() {
        UUID id = scenario.openChild("jour1", Scenario.name("Dubbelklick"));
        Browser elin = scenario.signedIn("jour1");
        int before = journalEntries(id);
        var form = journalForm(elin, id, "Samtal med barnet, lugnt.");
        Response first = elin.postForm("/cases/" + id + "/journal", form);
        Response second = elin.postForm("/cases/" + id + "/journal", form);
        assertThat(first.status()).as(first.body()).isEqualTo(302);
        assertThat(second.status()).as(second.body()).isEqualTo(302);
        assertThat(second.location()).isEqualTo(first.location());
        assertThat(journalEntries(id)).isEqualTo(before + 1);

        // Another form (a new token) is another entry.
        assertThat(elin.postForm("/cases/" + id + "/journal", journalForm(elin, id, "Uppföljning.")).status())
                .isEqualTo(302);
        assertThat(journalEntries(id)).isEqualTo(before + 2);
    }

    @Test
    void theSameFormSentAtOnceFromTwoThreadsSignsOneEntry() throws Exception {
        UUID id = scenario.openChild("jour1", Scenario.name("Samtidigt"));
        Browser elin = scenario.signedIn("jour1");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                int before = journalEntries(id);
                var form = journalForm(elin, id, "Anteckning " + round + ".");
                CyclicBarrier barrier = new CyclicBarrier(2);
                Callable<Response> send = () -> {
                    barrier.await(30, TimeUnit.SECONDS);
                    return elin.postForm("/cases/" + id + "/journal", form);
                };
                Future<Response> a = pool.submit(send);
                Future<Response> b = pool.submit(send);
                Response ra = a.get(60, TimeUnit.SECONDS);
                Response rb = b.get(60, TimeUnit.SECONDS);
                assertThat(ra.status()).as("round %d: %s", round, ra.body()).isEqualTo(302);
                assertThat(rb.status()).as("round %d: %s", round, rb.body()).isEqualTo(302);
                assertThat(rb.location()).isEqualTo(ra.location());
                assertThat(journalEntries(id)).as("round %d", round).isEqualTo(before + 1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFormRefusedByValidationCanBeCorrectedAndSentWithTheSameToken() {
        UUID id = scenario.openChild("jour1", Scenario.name("Rättad"));
        Browser elin = scenario.signedIn("jour1");
        int before = journalEntries(id);
        var empty = journalForm(elin, id, "");
        Response refused = elin.postForm("/cases/" + id + "/journal", empty);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("error-summary");
        var corrected = HtmlForms.fields(refused.body(), "/cases/" + id + "/journal",
                Map.of("text", "Rättad anteckning.", TOKEN, HtmlForms.value(empty, TOKEN)));
        Response sent = elin.postForm("/cases/" + id + "/journal", corrected);
        assertThat(sent.status()).as(sent.body()).isEqualTo(302);
        assertThat(journalEntries(id)).isEqualTo(before + 1);
        // The page sent back carries a token of its own, which works as well (and once).
        var again = HtmlForms.fields(refused.body(), "/cases/" + id + "/journal", Map.of("text", "Ännu en."));
        assertThat(elin.postForm("/cases/" + id + "/journal", again).status()).isEqualTo(302);
        assertThat(elin.postForm("/cases/" + id + "/journal", again).status()).isEqualTo(302);
        assertThat(journalEntries(id)).isEqualTo(before + 2);
    }

    @Test
    void aPostWithoutATokenIsHandledAsBeforeAndATokenCountsOnlyInItsSessionAndForItsAddress() {
        UUID id = scenario.openChild("jour1", Scenario.name("Utantoken"));
        Browser elin = scenario.signedIn("jour1");
        int before = journalEntries(id);
        var form = journalForm(elin, id, "Utan token.").stream().filter(e -> !e.getKey().equals(TOKEN)).toList();
        assertThat(elin.postForm("/cases/" + id + "/journal", form).status()).isEqualTo(302);
        assertThat(elin.postForm("/cases/" + id + "/journal", form).status()).isEqualTo(302);
        assertThat(journalEntries(id)).as("no token: each POST is its own").isEqualTo(before + 2);

        // The same token in another session (another browser of the same user) is not the same submission.
        var withToken = journalForm(elin, id, "Med token.");
        Browser other = scenario.signedIn("jour1");
        var otherForm = journalForm(other, id, "Med token.").stream()
                .map(e -> e.getKey().equals(TOKEN) ? Map.entry(TOKEN, HtmlForms.value(withToken, TOKEN)) : e)
                .toList();
        assertThat(elin.postForm("/cases/" + id + "/journal", withToken).status()).isEqualTo(302);
        assertThat(other.postForm("/cases/" + id + "/journal", otherForm).status()).isEqualTo(302);
        assertThat(journalEntries(id)).isEqualTo(before + 4);

        // The same token sent to another form's address is not that form's submission either.
        UUID other2 = scenario.openChild("jour1", Scenario.name("Annan"));
        var sameToken = journalForm(elin, other2, "Till ett annat ärende.").stream()
                .map(e -> e.getKey().equals(TOKEN) ? Map.entry(TOKEN, HtmlForms.value(withToken, TOKEN)) : e)
                .toList();
        Response elsewhere = elin.postForm("/cases/" + other2 + "/journal", sameToken);
        assertThat(elsewhere.status()).isEqualTo(302);
        assertThat(elsewhere.location()).contains(other2.toString());

        // A token with a control character is refused as every such parameter is: 400, nothing signed.
        var tampered = journalForm(elin, id, "Manipulerad.").stream()
                .map(e -> e.getKey().equals(TOKEN) ? Map.entry(TOKEN, "a\u0001b") : e).toList();
        assertThat(elin.postForm("/cases/" + id + "/journal", tampered).status()).isEqualTo(400);
        assertThat(journalEntries(id)).isEqualTo(before + 4);
    }

    @Test
    void openingACaseTwiceFromTheSameCheckPageOpensOne() {
        Browser elin = scenario.signedIn("jour1");
        String name = Scenario.name("Öppnas en gång");
        Response intake = elin.get("/cases/new/intake?name=" + java.net.URLEncoder.encode(name,
                java.nio.charset.StandardCharsets.UTF_8));
        assertThat(intake.status()).isEqualTo(200);
        var fields = HtmlForms.fields(intake.body(), "/cases/new/intake", Map.of("subjectType", "CHILD",
                "channel", "POLICE_PL12", "summary", "Polisen hittade barnet på Centralen.", "name", name,
                "statedAge", "15", "identityKind", "UNKNOWN", "sex", "UNKNOWN", "protectedIdentity", "NONE"));
        Response checked = elin.postForm("/cases/new/intake", fields);
        assertThat(checked.status()).as(checked.body()).isEqualTo(302);
        String check = checked.location().substring(checked.location().indexOf("/cases/new/check"));
        Response page = elin.get(check);
        assertThat(page.status()).isEqualTo(200);
        var open = HtmlForms.fields(page.body(), "/cases", Map.of());
        Response first = elin.postForm("/cases", open);
        Response second = elin.postForm("/cases", open);
        assertThat(first.status()).isEqualTo(302);
        assertThat(second.location()).isEqualTo(first.location());
        assertThat(jdbc.sql("SELECT count(*) FROM case_file c JOIN person p ON p.id = c.person_id WHERE p.name = :n")
                .param("n", name).query(Integer.class).single()).isEqualTo(1);
    }
}
