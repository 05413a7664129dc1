package se.lotsen.handover;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import se.lotsen.access.Account;
import se.lotsen.access.Accounts;
import se.lotsen.access.ApiTokens;
import se.lotsen.access.CurrentUser;
import se.lotsen.access.LotsenHttp;
import se.lotsen.access.LotsenHttp.Browser;
import se.lotsen.access.LotsenHttp.Response;
import se.lotsen.calendar.SwedishCalendar;
import se.lotsen.cases.CaseId;
import se.lotsen.cases.Cases;
import se.lotsen.persons.IdentityKind;
import se.lotsen.persons.PersonDetails;
import se.lotsen.persons.ProtectedIdentity;
import se.lotsen.persons.Sex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.lotsen.access.LotsenHttp.DEMO_PASSWORD;

/**
 * Handing a case from the jour to a district over real HTTP: access moves with the case (the district reads and
 * writes, the jour keeps read access only, other districts see nothing), the handover package as a page and as PDF
 * (every step of the handling manual with its status, the secrecy marking, page numbers, Swedish letters, no address
 * of a protected person), assignment by the unit manager, acknowledgement once, escalation of a late receipt once,
 * and the district's queue.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HandoverIT {

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    private static final String RINKEBY = "rinkeby-kista";
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern EVENT_HANDLER = Pattern.compile("\\son[a-z]+\\s*=\\s*\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern STYLE_ATTRIBUTE = Pattern.compile("<[^>]+\\sstyle\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Map<String, String> STATUS_WORDS = Map.of("OPEN", "Att göra", "DONE", "Klart",
            "NOT_APPLICABLE", "Inte aktuellt");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Cases cases;

    @Autowired
    se.lotsen.cases.CaseAccess access;

    @Autowired
    Accounts accounts;

    @Autowired
    ApiTokens apiTokens;

    @Autowired
    HandoverEscalation escalation;

    @Autowired
    java.time.Clock clock;

    LotsenHttp http;

    private final Map<String, CurrentUser> users = new HashMap<>();

    @BeforeEach
    void setUp() {
        http = new LotsenHttp(port);
    }

    // -- helpers --

    private String token(String username) {
        return http.token(username, DEMO_PASSWORD);
    }

    /** The principal of a demo account, as the API builds it from a bearer token. */
    private CurrentUser user(String username) {
        return users.computeIfAbsent(username, u -> {
            Account a = accounts.findByUsername(u).orElseThrow();
            return apiTokens.authenticate(apiTokens.issue(a.id()).token()).orElseThrow();
        });
    }

    private UUID accountId(String username) {
        return accounts.findByUsername(username).orElseThrow().id().value();
    }

    private Browser signedIn(String username) {
        Browser browser = http.browser();
        Response r = browser.signIn(username, DEMO_PASSWORD);
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.location()).doesNotContain("error");
        return browser;
    }

    private static Response page(Browser browser, String path) {
        Response r = browser.get(path);
        assertCleanHtml(r, "GET " + path);
        return r;
    }

    private static void assertCleanHtml(Response r, String what) {
        if (r.contentType().startsWith("text/html")) {
            assertThat(INLINE_SCRIPT.matcher(r.body()).find()).as("inline <script> in %s", what).isFalse();
            assertThat(EVENT_HANDLER.matcher(r.body()).find()).as("inline event handler in %s", what).isFalse();
            assertThat(STYLE_ATTRIBUTE.matcher(r.body()).find()).as("inline style attribute in %s", what).isFalse();
        }
    }

    /** Opens a case about a foreign child at the jour through the API; returns its id. */
    private UUID openCase(String bearer, String name) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("type", "CHILD");
        subject.put("name", name);
        subject.put("nationality", "RO");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject", subject);
        body.put("receivedAt", OffsetDateTime.now(SWEDEN).minusHours(3).truncatedTo(ChronoUnit.MINUTES).toString());
        body.put("summary", "Påträffad på Arlanda av gränspolisen, uppger sig vara 15 år.");
        Response r = http.postJson("/api/v1/cases", LotsenHttp.toJson(body), bearer);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return UUID.fromString(r.json().get("id").asString());
    }

    private String caseNumber(UUID caseId) {
        return jdbc.sql("SELECT case_number FROM case_file WHERE id = :id").param("id", caseId)
                .query(String.class).single();
    }

    /** jour1 hands the case over through the form; returns the answer to the post. */
    private Response handOverThroughForm(Browser jour1, UUID caseId, String unit, String reason) {
        Response form = page(jour1, "/cases/" + caseId + "/handover/new");
        assertThat(form.status()).isEqualTo(200);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", LotsenHttp.csrfToken(form.body()));
        fields.put("toUnit", unit);
        fields.put("reason", reason);
        Response r = jour1.postForm("/cases/" + caseId + "/handover/new", fields);
        assertCleanHtml(r, "POST handover");
        return r;
    }

    private UUID handedOverCase(String name) {
        UUID caseId = openCase(token("jour1"), name);
        Response r = handOverThroughForm(signedIn("jour1"), caseId, RINKEBY,
                "Barnet är folkbokfört i Rinkeby-Kista enligt stadens riktlinjer.");
        assertThat(r.status()).as(r.body()).isEqualTo(302);
        return caseId;
    }

    private static List<String> errorFields(Response r) {
        List<String> fields = new ArrayList<>();
        for (JsonNode e : r.json().get("errors").values()) {
            fields.add(e.get("field").asString());
        }
        return fields;
    }

    private byte[] getBytes(Browser browser, String path) {
        // The browser helper reads text; a PDF is read as bytes with the same session cookie.
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Cookie", LotsenHttp.SESSION_COOKIE + "=" + browser.cookie(LotsenHttp.SESSION_COOKIE)).GET().build();
        try {
            HttpResponse<byte[]> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
            return r.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String pdfText(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // -- tests --

    @Test
    void accessMovesWithTheCase() {
        String jour1Token = token("jour1");
        UUID caseId = openCase(jour1Token, "Florin Neagu");
        Browser jour1 = signedIn("jour1");

        Response form = page(jour1, "/cases/" + caseId + "/handover/new");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.text()).contains("Stadens riktlinjer för ärendeansvar mellan stadsdelsnämnderna avgör vilken "
                + "stadsdelsförvaltning som ansvarar", "För barn utan adress i Stockholm: kontakta jourchefen.",
                "Rinkeby-Kista", "Nordvästjouren");

        Response noUnit = handOverThroughForm(jour1, caseId, "", "Folkbokförd i Rinkeby-Kista.");
        assertThat(noUnit.status()).isEqualTo(200);
        assertThat(noUnit.text()).contains("Det finns fel i formuläret",
                "Välj vilken enhet ärendet ska lämnas över till.", "Folkbokförd i Rinkeby-Kista.");

        Response done = handOverThroughForm(jour1, caseId, RINKEBY, "Folkbokförd i Rinkeby-Kista.");
        assertThat(done.status()).as(done.body()).isEqualTo(302);
        assertThat(done.location()).endsWith("/cases/" + caseId + "/handover/package");
        Response packagePage = page(jour1, "/cases/" + caseId + "/handover/package");
        assertThat(packagePage.status()).isEqualTo(200);
        assertThat(packagePage.text()).contains("Ärendet är överlämnat till Rinkeby-Kista", "Överlämningspaket",
                "SEKRETESS enligt 26 kap. 1 § offentlighets- och sekretesslagen (2009:400)",
                "Kvar för stadsdelsförvaltningen");

        String rinkeby1 = token("rinkeby1");
        assertThat(http.get("/api/v1/cases/" + caseId, rinkeby1).status()).isEqualTo(200);
        // The jour keeps read access to follow up, but may not change anything.
        assertThat(http.get("/api/v1/cases/" + caseId, jour1Token).status()).isEqualTo(200);
        Response write = http.postJson("/api/v1/cases/" + caseId + "/checklist/pm", "{\"status\":\"DONE\"}", jour1Token);
        assertThat(write.status()).as(write.body()).isEqualTo(403);
        Response writeContact = http.postJson("/api/v1/cases/" + caseId + "/contacts",
                "{\"type\":\"OTHER\",\"partner\":\"Migrationsverket\",\"at\":\"2026-11-26T10:00:00+01:00\","
                        + "\"channel\":\"PHONE\",\"summary\":\"x\"}", jour1Token);
        assertThat(writeContact.status()).as(writeContact.body()).isEqualTo(403);
        // Another district does not know the case exists.
        String sodermalm1 = token("sodermalm1");
        assertThat(http.get("/api/v1/cases/" + caseId, sodermalm1).status()).isEqualTo(404);
        assertThat(signedIn("sodermalm1").get("/cases/" + caseId + "/handover/package").status()).isEqualTo(404);

        // The district can work on it; the jour sees the case read-only, without a way to hand it on.
        assertThat(http.postJson("/api/v1/cases/" + caseId + "/checklist/pm", "{\"status\":\"DONE\"}", rinkeby1)
                .status()).isEqualTo(200);
        Response jourCasePage = page(jour1, "/cases/" + caseId);
        assertThat(jourCasePage.status()).isEqualTo(200);
        assertThat(jourCasePage.text()).contains("Överlämning och kontaktpersoner", "Vem har haft ärendet",
                "Väntar på kvittens från Rinkeby-Kista");
        assertThat(jourCasePage.body()).doesNotContain("/cases/" + caseId + "/handover/new\"");
    }

    /**
     * The search by name reads the case list's copy of the cases (V34), which moves with the case: the district finds
     * a case handed to it, the jour finds it until its follow-up period ends, and another district never does.
     */
    @Test
    void aHandedOverCaseIsFoundByNameByTheDistrictAndByTheJourUntilItsFollowUpEnds() {
        String surname = "Sökbar" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        UUID caseId = handedOverCase("Ioana " + surname);
        java.util.function.Function<String, List<UUID>> found = username -> cases.search(
                        new se.lotsen.cases.CaseQuery(surname.toLowerCase(), null, false, null, null), user(username),
                        se.lotsen.common.Paging.of(0, 25)).items().stream().map(se.lotsen.cases.CaseSummary::id)
                .toList();

        assertThat(found.apply("rinkeby1")).as("the district that holds it").containsExactly(caseId);
        assertThat(found.apply("jour1")).as("the jour, following up").containsExactly(caseId);
        assertThat(found.apply("sodermalm1")).as("another district").isEmpty();
        String listPage = "/cases?q=" + java.net.URLEncoder.encode(surname, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(signedIn("rinkeby1").get(listPage).body()).contains("/cases/" + caseId);

        jdbc.sql("UPDATE case_access SET until = now() - interval '1 minute' WHERE case_id = :id")
                .param("id", caseId).update();

        assertThat(found.apply("jour1")).as("the jour, after the follow-up period").isEmpty();
        assertThat(signedIn("jour1").get(listPage).body()).doesNotContain("/cases/" + caseId);
        assertThat(found.apply("rinkeby1")).containsExactly(caseId);
    }

    @Test
    void thePackagePdfHoldsTheWholeHandlingManualMarkedSecret() {
        UUID caseId = openCase(token("jour1"), "Ana-Maria Öhrström Läckberg");
        // A police contact, so that the package has cooperation to show.
        Response contact = http.postJson("/api/v1/cases/" + caseId + "/contacts", LotsenHttp.toJson(Map.of(
                "type", "POLICE", "partner", "Polisen, Citypolisen (lokalpolisområde)",
                "at", OffsetDateTime.now(SWEDEN).minusHours(2).truncatedTo(ChronoUnit.SECONDS).toString(),
                "channel", "PHONE", "summary", "Anmälan gjord, förhör på Barnahus på måndag.",
                "fields", Map.of("reportMade", "YES", "reportNumber", "5000-K555555-26"))), token("jour1"));
        assertThat(contact.status()).as(contact.body()).isEqualTo(201);
        Response handedOver = handOverThroughForm(signedIn("jour1"), caseId, RINKEBY, "Folkbokförd i Rinkeby-Kista.");
        assertThat(handedOver.status()).isEqualTo(302);

        Browser rinkeby1 = signedIn("rinkeby1");
        String pdf = pdfText(getBytes(rinkeby1, "/cases/" + caseId + "/handover/package.pdf"));
        String flat = pdf.replaceAll("\\s+", " ");

        JsonNode checklist = http.get("/api/v1/cases/" + caseId, token("rinkeby1")).json().get("checklist");
        assertThat(checklist.values()).isNotEmpty();
        for (JsonNode item : checklist.values()) {
            String expected = item.get("title").asString() + " – " + STATUS_WORDS.get(item.get("status").asString());
            assertThat(flat).as("step %s with its status", item.get("key").asString()).contains(expected);
        }
        assertThat(flat).contains("Gör polisanmälan – Klart", "5000-K555555-26", "Sida 1 av",
                "SEKRETESS enligt 26 kap. 1 § offentlighets- och sekretesslagen (2009:400)", "Kvar för stadsdelsförvaltningen",
                "Ana-Maria Öhrström Läckberg", "Viktigt att tänka på");
        assertThat(pdf).contains("å", "ä", "ö", "Å", "Ä", "Ö");
        // The secrecy marking is in every page's header.
        int pages = Integer.parseInt(flat.replaceAll(".*Sida 1 av (\\d+).*", "$1"));
        assertThat(flat.split("SEKRETESS enligt 26 kap. 1 §", -1).length - 1).isGreaterThanOrEqualTo(pages);
    }

    /**
     * OSL 5 kap. 5 §: the secrecy mark states the provision, the date of the mark and the authority that made it — on
     * the page and in the PDF (in every page's header too). The authority is the one that holds the case when the
     * package is made: the jour before the handover, the district's committee after it.
     */
    @Test
    void theSecrecyMarkStatesTheProvisionTheDateAndTheAuthority() {
        UUID caseId = openCase(token("jour1"), "Ioana Sekretess");
        Browser jour1 = signedIn("jour1");
        LocalDate before = SwedishCalendar.swedishDate(clock.instant());
        String atTheJour = page(jour1, "/cases/" + caseId + "/handover/package").text();
        assertThat(secrecyMarks(atTheJour, before)).containsExactly(compact("Socialjouren Stockholm"));

        assertThat(handOverThroughForm(jour1, caseId, RINKEBY, "Folkbokförd i Rinkeby-Kista.").status()).isEqualTo(302);
        Browser rinkeby1 = signedIn("rinkeby1");
        before = SwedishCalendar.swedishDate(clock.instant());
        String page = page(rinkeby1, "/cases/" + caseId + "/handover/package").text();
        String pdf = pdfText(getBytes(rinkeby1, "/cases/" + caseId + "/handover/package.pdf"));

        String district = compact("Rinkeby-Kista stadsdelsnämnd, sociala delegationen");
        assertThat(secrecyMarks(page, before)).containsExactly(district);
        int pages = Integer.parseInt(pdf.replaceAll("\\s+", " ").replaceAll(".*Sida 1 av (\\d+).*", "$1"));
        // In the header of every page, and the mark on the first.
        assertThat(secrecyMarks(pdf, before)).hasSizeGreaterThanOrEqualTo(pages + 1).containsOnly(district);
    }

    /** The text without white space: a PDF may break a line anywhere, even after a hyphen. */
    private static String compact(String text) {
        return text.replaceAll("\\s+", "");
    }

    /**
     * The authorities of the secrecy marks in the text (without white space), each mark checked for the provision and
     * a date of today.
     */
    private List<String> secrecyMarks(String text, LocalDate before) {
        LocalDate after = SwedishCalendar.swedishDate(clock.instant());
        Matcher m = Pattern.compile(Pattern.quote(compact("SEKRETESS enligt 26 kap. 1 § offentlighets- och "
                + "sekretesslagen (2009:400). Antecknat ")) + "(\\d{4}-\\d{2}-\\d{2})av(.+?)\\.").matcher(compact(text));
        List<String> authorities = new ArrayList<>();
        while (m.find()) {
            assertThat(LocalDate.parse(m.group(1))).isIn(before, after);
            authorities.add(m.group(2));
        }
        assertThat(authorities).as("secrecy marks in %s", text).isNotEmpty();
        return authorities;
    }

    @Test
    void noAddressOfAProtectedPersonInThePdfWhateverTheReaderMaySee() {
        UUID caseId = openCase(token("jour1"), "Daria Lungu");
        cases.updatePerson(access.write(new CaseId(caseId), user("jourchef")), new PersonDetails(IdentityKind.UNKNOWN,
                "", "Daria Lungu", "", null, 15, true, Sex.FEMALE, "RO", "rumänska", false, "", "",
                ProtectedIdentity.SKYDDAD_FOLKBOKFORING, "Hemliga gatan 7, 123 45 Stockholm"), null, null);
        Response r = handOverThroughForm(signedIn("jour1"), caseId, RINKEBY, "Folkbokförd i Rinkeby-Kista.");
        assertThat(r.status()).isEqualTo(302);

        // The unit manager may see the address on the page, but never in the PDF.
        Browser chef = signedIn("rinkebychef");
        Response pageForChef = page(chef, "/cases/" + caseId + "/handover/package");
        assertThat(pageForChef.text()).contains("Hemliga gatan 7", "Skyddad folkbokföring");
        String pdf = pdfText(getBytes(chef, "/cases/" + caseId + "/handover/package.pdf")).replaceAll("\\s+", " ");
        assertThat(pdf).doesNotContain("Hemliga gatan").contains("Skyddad – visas inte", "Skyddad folkbokföring");

        // A case worker who is not assigned sees it masked on the page too.
        Response pageForWorker = page(signedIn("rinkeby1"), "/cases/" + caseId + "/handover/package");
        assertThat(pageForWorker.text()).doesNotContain("Hemliga gatan").contains("Skyddad – visas inte");
    }

    @Test
    void theUnitManagerAssignsAndTheCaseWorkerAcknowledgesOnce() {
        UUID caseId = handedOverCase("Cristian Lupu");

        // Only the receiving unit's manager assigns.
        Browser rinkeby1 = signedIn("rinkeby1");
        Response workerPage = page(rinkeby1, "/cases/" + caseId);
        assertThat(workerPage.status()).isEqualTo(200);
        assertThat(workerPage.text()).contains("Kvittera mottagandet").doesNotContain("Fördela till handläggare");
        Response denied = rinkeby1.postForm("/cases/" + caseId + "/handover/assign",
                Map.of("_csrf", LotsenHttp.csrfToken(workerPage.body()), "caseWorker", accountId("rinkeby1").toString()));
        assertThat(denied.status()).isEqualTo(403);

        Browser chef = signedIn("rinkebychef");
        Response chefPage = page(chef, "/cases/" + caseId + "/handover");
        assertThat(chefPage.status()).isEqualTo(200);
        assertThat(chefPage.text()).contains("Fördela till handläggare", "Johan Lund", "Väntar på kvittens");
        String csrf = LotsenHttp.csrfToken(chefPage.body());
        Response wrongWorker = chef.postForm("/cases/" + caseId + "/handover/assign",
                Map.of("_csrf", csrf, "caseWorker", accountId("sodermalm1").toString()));
        assertCleanHtml(wrongWorker, "POST assign a worker of another unit");
        assertThat(wrongWorker.status()).isEqualTo(200);
        assertThat(wrongWorker.text()).contains("Välj en handläggare på er enhet.");

        Response assigned = chef.postForm("/cases/" + caseId + "/handover/assign",
                Map.of("_csrf", csrf, "caseWorker", accountId("rinkeby1").toString()));
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT assigned_to FROM case_file WHERE id = :id").param("id", caseId)
                .query(UUID.class).single()).isEqualTo(accountId("rinkeby1"));

        Response ack = rinkeby1.postForm("/cases/" + caseId + "/handover/acknowledge",
                Map.of("_csrf", LotsenHttp.csrfToken(page(rinkeby1, "/cases/" + caseId).body())));
        assertThat(ack.status()).as(ack.body()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT acknowledged_by FROM handover WHERE case_id = :id").param("id", caseId)
                .query(UUID.class).single()).isEqualTo(accountId("rinkeby1"));

        // A second acknowledgement is refused, naming why.
        Response again = http.postJson("/api/v1/cases/" + caseId + "/handover/acknowledge", "{}", token("rinkeby1"));
        assertThat(again.status()).as(again.body()).isEqualTo(400);
        assertThat(errorFields(again)).containsExactly("acknowledge");
        Response againOnPage = rinkeby1.postForm("/cases/" + caseId + "/handover/acknowledge",
                Map.of("_csrf", LotsenHttp.csrfToken(page(rinkeby1, "/cases/" + caseId + "/handover").body())));
        assertCleanHtml(againOnPage, "POST acknowledge again");
        assertThat(againOnPage.status()).isEqualTo(200);
        assertThat(againOnPage.text()).contains("Mottagandet är redan kvitterat.");

        Response after = page(rinkeby1, "/cases/" + caseId);
        assertThat(after.text()).contains("Kvitterad av", "Handläggare hos Rinkeby-Kista")
                .doesNotContain("Väntar på kvittens");
        // The jour cannot acknowledge for the district.
        assertThat(http.postJson("/api/v1/cases/" + caseId + "/handover/acknowledge", "{}", token("jour1")).status())
                .isEqualTo(403);
    }

    @Test
    void aLateReceiptIsEscalatedExactlyOnce() {
        UUID caseId = handedOverCase("Gabriel Marin");
        int moved = jdbc.sql("UPDATE handover SET escalate_at = now() - interval '1 hour' WHERE case_id = :c")
                .param("c", caseId).update();
        assertThat(moved).isEqualTo(1);

        int first = escalation.runOnce();
        int second = escalation.runOnce();

        assertThat(first).isGreaterThanOrEqualTo(1);
        assertThat(second).isZero();
        // The escalation is an event: its notifications follow the job's commit.
        await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql("""
                        SELECT a.username FROM notification n JOIN account a ON a.id = n.account_id
                        WHERE n.case_id = :c AND n.message_key = 'notification.handover.late' ORDER BY a.username""")
                .param("c", caseId).query(String.class).list()).containsExactly("jourchef", "rinkebychef"));
        assertThat(jdbc.sql("SELECT escalated_at IS NOT NULL FROM handover WHERE case_id = :c").param("c", caseId)
                .query(Boolean.class).single()).isTrue();

        // The queue and the case page say it is late.
        Browser chef = signedIn("rinkebychef");
        Response queue = page(chef, "/handovers");
        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.text()).contains(caseNumber(caseId), "Sen");
        assertThat(page(chef, "/cases/" + caseId).text()).contains("Sen: mottagandet är inte kvitterat i tid.",
                "Enhetschefen och jourchefen påmindes");
    }

    @Test
    void theDistrictQueueListsIncomingHandoversWaitingFirst() {
        UUID caseId = handedOverCase("Ioana Vasile");
        Browser rinkeby1 = signedIn("rinkeby1");
        Response queue = page(rinkeby1, "/handovers");
        assertThat(queue.status()).isEqualTo(200);
        String body = queue.text();
        assertThat(body).contains("Inkommande överlämningar", caseNumber(caseId), "Socialjouren", "Väntar – kvittera senast",
                "sedan");
        assertThat(queue.body()).contains("/cases/" + caseId + "/handover/package");

        Response jourQueue = page(signedIn("jour1"), "/handovers");
        assertThat(jourQueue.status()).isEqualTo(200);
        assertThat(jourQueue.text()).doesNotContain(caseNumber(caseId));

        Response home = page(rinkeby1, "/");
        assertThat(home.body()).contains("href=\"/handovers\"", "href=\"/questions/new\"");
    }
}
