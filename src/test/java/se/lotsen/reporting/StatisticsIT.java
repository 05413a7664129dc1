package se.lotsen.reporting;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import se.lotsen.access.LotsenHttp;
import se.lotsen.access.LotsenHttp.Response;
import se.lotsen.cases.AgeGroup;
import se.lotsen.cases.CaseOpened;
import se.lotsen.cases.SubjectType;
import se.lotsen.grants.GrantReportSource;
import se.lotsen.knowledge.KnowledgeEventRecorded;
import se.lotsen.organisation.Organisation;
import se.lotsen.persons.Sex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.lotsen.access.LotsenHttp.DEMO_PASSWORD;

/**
 * The statistics against cases created through the API, in a period of their own (March 2019, at Socialjouren): the
 * API agrees with what was created, small counts are suppressed (null in JSON, "&lt;3" on the page and in the
 * exports), other roles get 403, the XLSX opens and holds the same figures, the CSV is for Swedish Excel, a rebuild
 * gives the same figures and a redelivered event counts nothing twice.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StatisticsIT {

    private static final String PERIOD = "from=2019-03-01&to=2019-03-31&unit=socialjouren";
    private static final String API = "/api/v1/statistics?" + PERIOD;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ReadModel readModel;

    @Autowired
    Reporting reporting;

    @Autowired
    Organisation organisation;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    List<GrantReportSource> reportSources;

    LotsenHttp http;
    String metod;
    final List<UUID> adults = new ArrayList<>();

    @BeforeAll
    void createCases() {
        http = new LotsenHttp(port);
        metod = http.token("metod", DEMO_PASSWORD);
        String jour1 = http.token("jour1", DEMO_PASSWORD);
        JsonNode before = stats(metod);
        assertThat(before.get("cases").get("total").asInt()).as("the period is empty before the test").isZero();
        // Four adults (three from Romania, one from Nigeria) and one child.
        for (String country : List.of("RO", "RO", "RO", "NG")) {
            adults.add(createCase(jour1, "ADULT", country, "[\"SEXUAL\"]"));
        }
        createCase(jour1, "CHILD", "RO", "[\"SEXUAL\",\"BEGGING\"]");
        // Three decisions on adults' cases.
        for (int i = 0; i < 3; i++) {
            Response r = http.postJson("/api/v1/cases/" + adults.get(i) + "/decisions", """
                    {"type":"ADULT_OTHER_SUPPORT","decidedAt":"2019-03-12T10:00:00+01:00",
                     "decidedBy":{"name":"Anna Fiktiv"},"unusualTimeConfirmed":true}""", jour1);
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode s = stats(metod);
            assertThat(s.get("cases").get("total").asInt()).isEqualTo(5);
            assertThat(s.get("decisions").get("total").asInt()).isEqualTo(3);
        });
    }

    private UUID createCase(String token, String type, String country, String forms) {
        Response r = http.postJson("/api/v1/cases", """
                {"subject":{"type":"%s","name":"Fiktiv Person %s","nationality":"%s","statedAge":%d},
                 "receivedAt":"2019-03-10T03:00:00+01:00","channel":"POLICE_OTHER","exploitationForms":%s}"""
                .formatted(type, UUID.randomUUID().toString().substring(0, 6), country,
                        "CHILD".equals(type) ? 15 : 24, forms), token);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return UUID.fromString(r.json().get("id").asString());
    }

    private JsonNode stats(String token) {
        Response r = http.get(API, token);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode figures = r.json();
        assertThat(figures.get("computedAt").asString()).as("when they were computed").isNotBlank();
        // The figures, not when they were computed (every request computes them anew in tests).
        ((tools.jackson.databind.node.ObjectNode) figures).remove("computedAt");
        return figures;
    }

    @Test
    @Order(1)
    void theApiAgreesWithTheCasesCreatedAndSuppressesSmallCounts() {
        JsonNode s = stats(metod);
        JsonNode cases = s.get("cases");
        assertThat(cases.get("total").asInt()).isEqualTo(5);
        assertThat(cases.get("adults").asInt()).isEqualTo(4);
        // One child: suppressed, present as null.
        assertThat(cases.has("children")).isTrue();
        assertThat(cases.get("children").isNull()).as("children: %s", cases).isTrue();
        assertThat(cases.get("byCountry").get("RO").asInt()).isEqualTo(4);
        assertThat(cases.get("byCountry").get("NG").isNull()).isTrue();
        assertThat(cases.get("byMonth").get("2019-03").asInt()).isEqualTo(5);
        assertThat(cases.get("byAgeGroup").get("FROM_21_TO_29").asInt()).isEqualTo(4);
        assertThat(cases.get("byAgeGroup").get("FROM_13_TO_15").isNull()).isTrue();
        assertThat(cases.get("byAgeGroup").get("UNDER_13").asInt()).isZero();
        assertThat(cases.get("byExploitationForm").get("SEXUAL").asInt()).isEqualTo(5);
        assertThat(cases.get("byExploitationForm").get("BEGGING").isNull()).isTrue();
        assertThat(cases.get("byChannel").get("POLICE_OTHER").asInt()).isEqualTo(5);
        assertThat(s.get("decisions").get("byType").get("ADULT_OTHER_SUPPORT").asInt()).isEqualTo(3);
        assertThat(s.get("decisions").get("byType").get("LVU_6").asInt()).isZero();
        // The child's two deadlines passed unmet: two due, fewer than three, so no rate.
        assertThat(s.get("deadlines").has("keptRate")).isTrue();
        assertThat(s.get("deadlines").get("keptRate").isNull()).isTrue();
        assertThat(s.get("suppressBelow").asInt()).isEqualTo(3);
        // Nothing that names a person.
        assertThat(s.toString()).doesNotContain("Fiktiv");
        // The other units' figures do not include these cases.
        Response other = http.get("/api/v1/statistics?from=2019-03-01&to=2019-03-31&unit=sodermalm", metod);
        assertThat(other.json().get("cases").get("total").asInt()).isZero();
        // An auditor and a lead see the same figures.
        assertThat(stats(http.token("granskare", DEMO_PASSWORD))).isEqualTo(s);
        assertThat(stats(http.token("jourchef", DEMO_PASSWORD))).isEqualTo(s);
    }

    @Test
    @Order(2)
    void otherRolesAreRefusedAndBadInputIsAProblem() {
        for (String user : List.of("jour1", "rinkeby1", "admin")) {
            Response r = http.get(API, http.token(user, DEMO_PASSWORD));
            assertThat(r.status()).as(user).isEqualTo(403);
            assertThat(r.contentType()).contains("application/problem+json");
        }
        assertThat(http.get(API, null).status()).isEqualTo(401);
        Response badDate = http.get("/api/v1/statistics?from=2019-13-01", metod);
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.body()).contains("from");
        Response order = http.get("/api/v1/statistics?from=2019-03-31&to=2019-03-01", metod);
        assertThat(order.status()).isEqualTo(400);
        assertThat(order.json().get("errors").get(0).get("field").asString()).isEqualTo("to");
        assertThat(order.json().get("errors").get(0).get("message").asString()).contains("end date");
        Response unit = http.get("/api/v1/statistics?unit=no-such-unit", metod);
        assertThat(unit.status()).isEqualTo(400);
        assertThat(unit.json().get("errors").get(0).get("field").asString()).isEqualTo("unit");
        // The default period: the last twelve months.
        Response defaults = http.get("/api/v1/statistics", metod);
        assertThat(defaults.status()).isEqualTo(200);
        assertThat(LocalDate.parse(defaults.json().get("from").asString()))
                .isEqualTo(LocalDate.parse(defaults.json().get("to").asString()).minusMonths(12).plusDays(1));

        LotsenHttp.Browser jour = http.browser();
        jour.signIn("jour1", DEMO_PASSWORD);
        assertThat(jour.get("/statistics").status()).isEqualTo(403);
        assertThat(jour.get("/statistics/export.xlsx").status()).isEqualTo(403);
    }

    @Test
    @Order(3)
    void thePageShowsSmallCountsAsLessThanThree() {
        LotsenHttp.Browser browser = http.browser();
        browser.signIn("metod", DEMO_PASSWORD);
        Response page = browser.get("/statistics?" + PERIOD);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("&lt;3").contains("Ärenden per månad").contains("export.xlsx")
                .doesNotContain("Fiktiv");
        // A bad filter: the page says what is wrong, in Swedish, next to the field.
        Response bad = browser.get("/statistics?from=2019-03-31&to=2019-03-01");
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.body()).contains("Slutdatumet måste vara samma dag som eller efter startdatumet");
        Response typo = browser.get("/statistics?from=31%2F03%2F2019");
        assertThat(typo.status()).isEqualTo(200);
        assertThat(typo.body()).contains("field--error");
    }

    @Test
    @Order(4)
    void theXlsxOpensAndHoldsTheSameFigures() throws Exception {
        byte[] xlsx = download("/statistics/export.xlsx?" + PERIOD);
        List<List<String>> rows = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getFirstSheet();
            try (var stream = sheet.openStream()) {
                stream.forEach(r -> rows.add(cells(r)));
            }
        }
        assertThat(rows.get(0)).containsExactly("Period", "Enhet", "Mått", "Kategori", "Värde");
        assertThat(rows).anySatisfy(r -> assertThat(r).containsExactly("2019-03-01–2019-03-31", "socialjouren",
                "cases.total", "", "5"));
        assertThat(rows).anySatisfy(r -> assertThat(r.subList(2, 5)).containsExactly("cases.children", "", "<3"));
        assertThat(rows).anySatisfy(r -> assertThat(r.subList(2, 5))
                .containsExactly("decisions.byType", "ADULT_OTHER_SUPPORT", "3"));
        assertThat(String.join(" ", rows.stream().flatMap(List::stream).toList())).doesNotContain("Fiktiv");
    }

    @Test
    @Order(5)
    void theCsvIsForSwedishExcel() throws Exception {
        byte[] csv = download("/statistics/export.csv?" + PERIOD);
        assertThat(csv[0] & 0xff).isEqualTo(0xEF);
        assertThat(csv[1] & 0xff).isEqualTo(0xBB);
        assertThat(csv[2] & 0xff).isEqualTo(0xBF);
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        assertThat(text).startsWith("Period;Enhet;Mått;Kategori;Värde\r\n")
                .contains("2019-03-01–2019-03-31;socialjouren;cases.total;;5\r\n")
                .contains(";cases.children;;<3\r\n")
                .contains(";cases.byCountry;RO;4\r\n");
    }

    @Test
    @Order(6)
    void aRedeliveredEventCountsNothingTwiceAndARebuildGivesTheSameFigures() {
        JsonNode before = stats(metod);
        CaseOpened again = new CaseOpened(adults.get(0), SubjectType.ADULT, Instant.parse("2019-03-10T02:00:00Z"),
                organisation.unitByCode("socialjouren").orElseThrow().id(), AgeGroup.FROM_21_TO_29, Sex.UNKNOWN, "RO",
                Set.of(), null);
        assertThat(readModel.receive(again)).as("a redelivered CaseOpened").isFalse();
        // Through the event publication registry as well, after a commit.
        UUID seminar = UUID.randomUUID();
        KnowledgeEventRecorded held = new KnowledgeEventRecorded(seminar, LocalDate.of(2019, 3, 20),
                KnowledgeEventRecorded.Kind.SEMINAR, KnowledgeEventRecorded.Status.HELD, 25);
        transactions.executeWithoutResult(tx -> {
            events.publishEvent(again);
            events.publishEvent(held);
        });
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(stats(metod).get("knowledge").get("participants").asInt()).isEqualTo(25));
        assertThat(readModel.receive(held)).as("a redelivered knowledge event").isFalse();
        JsonNode after = stats(metod);
        assertThat(after.get("cases")).isEqualTo(before.get("cases"));
        assertThat(after.get("knowledge").get("eventsHeld").isNull()).as("one seminar: suppressed").isTrue();

        long facts = reporting.rebuild();
        assertThat(facts).isEqualTo(reporting.facts());
        assertThat(stats(metod)).isEqualTo(after);
        // The method developer's button does the same.
        LotsenHttp.Browser browser = http.browser();
        browser.signIn("metod", DEMO_PASSWORD);
        String csrf = LotsenHttp.csrfToken(browser.get("/statistics").body());
        Response rebuilt = browser.postForm("/statistics/rebuild", java.util.Map.of("_csrf", csrf));
        assertThat(rebuilt.status()).isEqualTo(302);
        assertThat(stats(metod)).isEqualTo(after);
        LotsenHttp.Browser lead = http.browser();
        lead.signIn("jourchef", DEMO_PASSWORD);
        String leadCsrf = LotsenHttp.csrfToken(lead.get("/statistics").body());
        assertThat(lead.postForm("/statistics/rebuild", java.util.Map.of("_csrf", leadCsrf)).status()).isEqualTo(403);
    }

    @Test
    @Order(7)
    void theGrantReportSectionIsSuppressedTheSameWay() {
        GrantReportSource section = reportSources.stream().filter(s -> s.key().equals("statistics")).findFirst()
                .orElseThrow();
        GrantReportSource.Draft draft = section.draft(LocalDate.of(2019, 3, 1), LocalDate.of(2019, 3, 31),
                java.util.Locale.forLanguageTag("sv"));
        assertThat(draft.title()).isNotBlank();
        assertThat(draft.text()).contains("Ärenden som kom in: 5, varav barn <3 och vuxna 4")
                .doesNotContain("Fiktiv");
    }

    private byte[] download(String path) throws Exception {
        LotsenHttp.Browser browser = http.browser();
        browser.signIn("metod", DEMO_PASSWORD);
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + path))
                .header("Cookie", LotsenHttp.SESSION_COOKIE + "=" + browser.cookie(LotsenHttp.SESSION_COOKIE))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
        return r.body();
    }

    private static List<String> cells(Row row) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < row.getCellCount(); i++) {
            var cell = row.getCell(i);
            out.add(cell == null ? "" : cell.getRawValue() == null ? "" : cell.getText());
        }
        return out;
    }
}
