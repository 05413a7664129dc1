package se.lotsen.system;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.lotsen.access.LotsenHttp;
import se.lotsen.access.LotsenHttp.Browser;
import se.lotsen.access.LotsenHttp.Response;
import se.lotsen.access.Scenario;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The words and the structure of pages a newcomer stumbled on (issue 11, item 10): the list's title matches its view,
 * a favicon the Content-Security-Policy allows, unique ids on the indicators page, headings in order on the handover
 * page, and a print link whose accessible name says what is printed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WordsAndPagesIT {

    @LocalServerPort
    int port;

    Scenario scenario;
    LotsenHttp http;

    @BeforeEach
    void setUp() {
        http = new LotsenHttp(port);
        scenario = new Scenario(http);
    }

    private static Document html(Response r, String what) {
        assertThat(r.status()).as("%s: %s", what, r.body()).isEqualTo(200);
        return Jsoup.parse(r.body());
    }

    /** Every id on the page is unique. */
    private static void assertUniqueIds(Document doc, String what) {
        Set<String> seen = new HashSet<>();
        for (Element e : doc.select("[id]")) {
            assertThat(seen.add(e.id())).as("id \"%s\" twice on %s", e.id(), what).isTrue();
        }
    }

    /** Headings start at h1 and never skip a level going down. */
    private static void assertHeadingsInOrder(Document doc, String what) {
        List<Element> headings = doc.select("main h1, main h2, main h3, main h4, main h5, main h6");
        assertThat(headings).as("headings on %s", what).isNotEmpty();
        int previous = 0;
        for (Element h : headings) {
            int level = Integer.parseInt(h.tagName().substring(1));
            assertThat(level).as("%s \"%s\" after h%s on %s", h.tagName(), h.text(), previous, what)
                    .isLessThanOrEqualTo(previous + 1);
            previous = level;
        }
    }

    @Test
    void theListTitleMatchesTheView() {
        Browser jour1 = scenario.signedIn("jour1");
        Document mine = html(jour1.get("/cases?mine=true"), "my cases");
        assertThat(mine.title()).startsWith("Mina öppna ärenden –");
        assertThat(mine.selectFirst("h1").text()).isEqualTo("Mina öppna ärenden");
        Document unit = html(jour1.get("/cases"), "the unit's cases");
        assertThat(unit.title()).startsWith("Enhetens ärenden –");
    }

    @Test
    void aFaviconThePolicyAllows() {
        Response login = http.browser().get("/login");
        Element icon = html(login, "/login").selectFirst("link[rel=icon]");
        assertThat(icon).as("a favicon link in the layout").isNotNull();
        assertThat(icon.attr("type")).isEqualTo("image/svg+xml");
        String href = icon.attr("href");
        assertThat(href).startsWith("/");
        // same origin, so img-src 'self' covers it
        assertThat(login.header("Content-Security-Policy").orElseThrow()).contains("img-src 'self'");
        Response svg = http.browser().get(href);
        assertThat(svg.status()).as("the favicon before sign-in").isEqualTo(200);
        assertThat(svg.contentType()).startsWith("image/svg+xml");
        assertThat(svg.body()).contains("<svg");
    }

    @Test
    void theIndicatorsPageHasUniqueIdsAndLabelledGroups() {
        UUID id = scenario.openChild("jour1", Scenario.name("Indikatorid"));
        Document doc = html(scenario.signedIn("jour1").get("/cases/" + id + "/indicators"), "indicators");
        assertUniqueIds(doc, "the indicators page");
        List<Element> groups = doc.select("main form fieldset");
        assertThat(groups).hasSizeGreaterThan(1);
        // the error summary's link "#observed" still has its target: the first group
        assertThat(groups.get(0).id()).isEqualTo("observed");
        for (Element g : groups) {
            assertThat(g.selectFirst("legend")).as("a legend for %s", g.id()).isNotNull();
            for (Element box : g.select("input[type=checkbox]")) {
                assertThat(doc.select("label[for=" + box.id() + "]")).as("a label for %s", box.id()).hasSize(1);
            }
        }
    }

    @Test
    void theHandoverPageHasItsHeadingsInOrder() {
        UUID id = scenario.openChild("jour1", Scenario.name("Rubriker"));
        Document before = html(scenario.signedIn("jour1").get("/cases/" + id + "/handover"), "handover page");
        assertHeadingsInOrder(before, "the handover page");
        scenario.handOver("jour1", id, "rinkeby-kista");
        Document after = html(scenario.signedIn("rinkebychef").get("/cases/" + id + "/handover"), "handover page");
        assertHeadingsInOrder(after, "the handover page after the handover");
        assertThat(after.select("main h2").eachText()).contains("Kontaktpersoner", "Vem har haft ärendet");
        // The case page's panel keeps them one level below its own h2.
        Document casePage = html(scenario.signedIn("rinkebychef").get("/cases/" + id), "case page");
        assertThat(casePage.select("#handover h3").eachText()).contains("Kontaktpersoner", "Vem har haft ärendet");
    }

    @Test
    void thePrintLinkSaysWhatIsPrinted() {
        Document doc = html(scenario.signedIn("metod").get("/routines"), "/routines");
        List<Element> print = doc.select("a[href$=/print]");
        assertThat(print).isNotEmpty();
        for (Element a : print) {
            String name = a.hasAttr("aria-label") ? a.attr("aria-label") : a.text();
            // the visible words come first in the accessible name (WCAG 2.5.3), then what is printed
            assertThat(name).startsWith(a.text()).matches("Skriv ut version \\d+ av .+");
        }
    }
}
