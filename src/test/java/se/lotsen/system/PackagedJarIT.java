package se.lotsen.system;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

import se.lotsen.FreePort;
import se.lotsen.access.LotsenHttp;
import se.lotsen.access.LotsenHttp.Browser;
import se.lotsen.access.LotsenHttp.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * What ships: the jar that {@code ./mvnw package} built, started as an operator would start it ({@code java -jar}, the
 * embedded mode with its demo data, in a process of its own), then tried as an attacker and a newcomer would try it:
 * another unit looking for a jour's person, the method developer and the auditor looking for cases, a protected
 * address, a case that must not close, a control character, a question with no mail server. Every file of
 * {@code src/main/resources} must be in the jar as it is (the jar plugin leaves out some names by default, such as
 * {@code package.html}), and every page template is rendered from the jar at least once, as a user allowed to see it.
 */
class PackagedJarIT {

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    private static final Path TARGET = Path.of("target");
    private static final Path DATA = TARGET.resolve("packaged-jar-data");
    private static final Path LOG = TARGET.resolve("packaged-jar.log");

    private static final Path RESOURCES = Path.of("src", "main", "resources");
    private static final Path TEMPLATES = RESOURCES.resolve("templates");
    /** Templates that are parts of pages (the layout, fragments, htmx panels): rendered with the pages they are in. */
    private static final Pattern PART_OF_A_PAGE = Pattern.compile(
            "layout\\.html|fragments/.*|.*/panels\\.html|.*/fragments\\.html");
    private static final Pattern RETENTION_RUN_LINK = Pattern.compile("href=\"/audit/retention/([0-9a-f-]{36})\"");
    private static final Pattern GRANT_LINK = Pattern.compile("href=\"/grants/([0-9a-f-]{36})\"");
    private static final Pattern PAYMENT_REMOVE_LINK = Pattern.compile("/payments/([0-9a-f-]{36})/remove");
    private static final Pattern ROUTINE_VERSION_LINK = Pattern.compile("/routines/versions/([0-9a-f-]{36})");
    private static final Pattern ACCOUNT_LINK = Pattern.compile("/admin/accounts/([0-9a-f-]{36})");
    private static final Pattern EVENT_LINK = Pattern.compile("/knowledge/events/([0-9a-f-]{36})");
    private static final Pattern ARTICLE_LINK = Pattern.compile("/knowledge/articles/([0-9a-f-]{36})");
    private static final String ROUTINE = "akut-manniskohandel";
    private static final String POLICE = "Polisen, Citypolisen (lokalpolisområde)";

    private static Process lotsen;
    private static LotsenHttp http;

    @BeforeAll
    static void startTheJar() throws Exception {
        Path jar = theJar();
        FileSystemUtils.deleteRecursively(DATA);
        int port = FreePort.find();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-jar",
                jar.toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(LOG.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("LOTSEN_") || k.startsWith("SPRING_"));
        env.put("PORT", Integer.toString(port));
        env.put("LOTSEN_DATA_DIR", DATA.toAbsolutePath().toString());
        // Gallring's first run soon after the start (report mode, the default): the shipped job runs, and its page
        // has a run to show.
        env.put("LOTSEN_RETENTION_INITIAL_DELAY", "PT2S");
        lotsen = builder.start();
        http = new LotsenHttp(port);
        try {
            await("the packaged jar answers /actuator/health").atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        if (!lotsen.isAlive()) {
                            fail("the jar stopped with exit code " + lotsen.exitValue() + ":\n" + logTail());
                        }
                        try {
                            Response health = http.get("/actuator/health", null);
                            return health.status() == 200 && health.body().contains("UP");
                        } catch (RuntimeException notYet) {
                            return false;
                        }
                    });
        } catch (RuntimeException | AssertionError e) {
            throw new AssertionError("the packaged jar did not start:\n" + logTail(), e);
        }
    }

    @AfterAll
    static void stopTheJar() throws InterruptedException {
        if (lotsen != null) {
            lotsen.destroy();
            if (!lotsen.waitFor(60, TimeUnit.SECONDS)) {
                lotsen.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void aDistrictLearnsNothingAboutTheJoursPersonAndOnlyLeadsSeeAProtectedAddress() {
        String jour1 = http.token("jour1", LotsenHttp.DEMO_PASSWORD);
        String address = "Skyddsgatan 7, 123 45 Fiktiva";
        Response opened = openChild(jour1, "Vesna Kovačević", Map.of("identityNumber", "201008152389",
                "address", address, "protectedIdentity", "SKYDDAD_FOLKBOKFORING"));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String caseId = opened.json().get("id").asString();
        assertThat(opened.body()).doesNotContain("Skyddsgatan");

        // The jour's own worker: the case, not the address; the jour's lead: the address.
        assertThat(http.get("/api/v1/cases/" + caseId, jour1).body()).doesNotContain("Skyddsgatan");
        Response lead = http.get("/api/v1/cases/" + caseId, http.token("jourchef", LotsenHttp.DEMO_PASSWORD));
        assertThat(lead.json().get("subject").get("address").asString()).isEqualTo(address);

        // A district: not the case, not the person.
        String sodermalm1 = http.token("sodermalm1", LotsenHttp.DEMO_PASSWORD);
        assertThat(http.get("/api/v1/cases/" + caseId, sodermalm1).status()).isEqualTo(404);
        Response search = http.get("/api/v1/persons?name=" + encode("Vesna Kovačević")
                + "&identityNumber=201008152389", sodermalm1);
        assertThat(search.status()).as(search.body()).isEqualTo(200);
        assertThat(search.json().get("matches")).isEmpty();
        assertThat(search.body()).doesNotContain("1008152389").doesNotContain("Skyddsgatan")
                .doesNotContain(opened.json().get("caseNumber").asString());

        // Neither the method developer nor the auditor nor the administrator sees it.
        for (String user : List.of("metod", "granskare", "admin")) {
            String token = http.token(user, LotsenHttp.DEMO_PASSWORD);
            assertThat(http.get("/api/v1/cases/" + caseId, token).status()).as(user).isIn(403, 404);
            Response list = http.get("/api/v1/cases?query=" + encode("Vesna"), token);
            assertThat(list.body()).as(user).doesNotContain("Vesna");
            assertThat(http.get("/api/v1/persons?name=Vesna", token).status()).as(user).isEqualTo(403);
        }
    }

    @Test
    void aChildsCaseWithItsDeadlinesOpenDoesNotClose() {
        String jour1 = http.token("jour1", LotsenHttp.DEMO_PASSWORD);
        Response opened = openChild(jour1, "Mirela Stoica", Map.of());
        String caseId = opened.json().get("id").asString();
        Response close = http.postJson("/api/v1/cases/" + caseId + "/close",
                LotsenHttp.toJson(Map.of("reason", "Fel ärende.")), jour1);
        assertThat(close.status()).as(close.body()).isEqualTo(409);
        assertThat(close.contentType()).startsWith("application/problem+json");
        assertThat(close.json().get("blockers")).isNotEmpty();
        assertThat(http.get("/api/v1/cases/" + caseId, jour1).json().get("status").asString()).isEqualTo("OPEN");
    }

    @Test
    void badInputGetsAnAnswerNeverAServerError() {
        String jour1 = http.token("jour1", LotsenHttp.DEMO_PASSWORD);
        Response nul = openChild(jour1, "Ana\u0000Popescu", Map.of());
        assertThat(nul.status()).as(nul.body()).isEqualTo(400);
        assertThat(nul.json().get("errors").get(0).get("field").asString()).isEqualTo("subject.name");
        Response truncated = http.postJson("/api/v1/cases", "{\"subject\": {\"type\": \"CHI", jour1);
        assertThat(truncated.status()).as(truncated.body()).isEqualTo(400);
        Response empty = http.postJson("/api/v1/cases", "", jour1);
        assertThat(empty.status()).as(empty.body()).isEqualTo(400);
        Response search = http.get("/api/v1/cases?query=%00", jour1);
        assertThat(search.status()).as(search.body()).isEqualTo(400);
        for (Response r : List.of(nul, truncated, empty, search)) {
            assertThat(r.body()).doesNotContain("Exception").doesNotContain("at se.lotsen");
        }
    }

    @Test
    void anUrgentQuestionIsKeptAndDeliveredInTheAppWithoutAMailServer() {
        String jour1 = http.token("jour1", LotsenHttp.DEMO_PASSWORD);
        String caseId = openChild(jour1, "Teodora Ilić", Map.of()).json().get("id").asString();
        Response asked = http.postJson("/api/v1/cases/" + caseId + "/questions",
                LotsenHttp.toJson(Map.of("text", "Gäller 6 a § när hon saknar hemvist?", "urgent", true)), jour1);
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        String caseNumber = asked.json().get("caseNumber").asString();
        String metod = http.token("metod", LotsenHttp.DEMO_PASSWORD);
        await("the method developer is notified").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode notifications = http.get("/api/v1/notifications", metod).json();
            assertThat(notifications.toString()).contains(caseNumber);
        });
    }

    @Test
    void theStatisticsAreComputedOnceForManyReadersWithTheShippedSettings() {
        Browser metod = http.browser();
        assertThat(metod.signIn("metod", LotsenHttp.DEMO_PASSWORD).status()).isEqualTo(302);
        Pattern computedAt = Pattern.compile("id=\"statistics-computed-at\"><span>([^<]+)</span>\\s*<span>([^<]+)</span>");
        Response first = metod.get("/statistics?from=2026-01-01&to=2026-12-31");
        assertThat(first.status()).isEqualTo(200);
        Matcher a = computedAt.matcher(first.body());
        assertThat(a.find()).as("the page says when the figures were computed").isTrue();
        assertThat(a.group(2)).as("the default of lotsen.statistics.cache-for").contains("60 sekunder");
        // Another reader of the same period within the minute gets the same computation (its time, to the minute,
        // cannot tell; the figures object can: the API gives the instant).
        String token = http.token("metod", LotsenHttp.DEMO_PASSWORD);
        Response api1 = http.get("/api/v1/statistics?from=2026-01-01&to=2026-12-31", token);
        Response api2 = http.get("/api/v1/statistics?from=2026-01-01&to=2026-12-31", token);
        assertThat(api1.status()).as(api1.body()).isEqualTo(200);
        assertThat(api1.json().get("computedAt").toString()).isNotBlank();
        assertThat(api2.json().get("computedAt").toString()).isEqualTo(api1.json().get("computedAt").toString());
        Response otherPeriod = http.get("/api/v1/statistics?from=2025-01-01&to=2025-12-31", token);
        assertThat(otherPeriod.json().get("computedAt").toString())
                .isNotEqualTo(api1.json().get("computedAt").toString());
    }

    @Test
    void everyFileOfTheResourcesIsInTheJarAsItIs() throws IOException {
        Map<String, Long> expected = new TreeMap<>();
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                expected.put(RESOURCES.relativize(f).toString().replace('\\', '/'), Files.size(f));
            }
        }
        assertThat(expected).as("the resources are found").containsKey("templates/handover/handover-package.html")
                .containsKey("application.yml");
        List<String> problems = new ArrayList<>();
        try (JarFile jar = new JarFile(theJar().toFile())) {
            expected.forEach((path, size) -> {
                ZipEntry entry = jar.getEntry("BOOT-INF/classes/" + path);
                if (entry == null && path.startsWith("META-INF/")) {
                    // Spring Boot's repackaging keeps the application's META-INF at the root of the jar.
                    entry = jar.getEntry(path);
                }
                if (entry == null) {
                    problems.add(path + " is missing");
                } else if (entry.getSize() != size) {
                    problems.add(path + " has " + entry.getSize() + " bytes in the jar, " + size + " in the sources");
                }
            });
        }
        assertThat(problems).as("files of src/main/resources (%d) that the jar does not hold as they are",
                expected.size()).isEmpty();
    }

    /**
     * Each page template, rendered by the running jar as a user who may see it: the path to a page that renders it.
     * A template that is not a part of a page and has no request here fails the test, so that a new template is
     * tried from the jar too.
     */
    @Test
    void everyPageTemplateIsRenderedFromTheJar() throws IOException {
        String jour1Token = http.token("jour1", LotsenHttp.DEMO_PASSWORD);
        Response opened = openChild(jour1Token, "Jelena Marković", Map.of());
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String caseId = opened.json().get("id").asString();
        Response decision = http.postJson("/api/v1/cases/" + caseId + "/decisions", """
                {"type":"LVU_6","decidedAt":"%s","executedAt":"%s",
                 "decidedBy":{"name":"Anna Ordförande","mandate":"CHAIR"},"committee":"rinkeby-kista",
                 "grounds":["LVU_2"],"urgencyReason":"Risk för fortsatt exploatering."}"""
                .formatted(hoursAgo(3), hoursAgo(2)), jour1Token);
        assertThat(decision.status()).as(decision.body()).isEqualTo(201);
        String decisionId = decision.json().get("id").asString();
        String deadlineId = decision.json().get("deadlines").values().iterator().next().get("id").asString();
        Response contact = http.postJson("/api/v1/cases/" + caseId + "/contacts", LotsenHttp.toJson(Map.of(
                "type", "POLICE", "partner", POLICE, "at", hoursAgo(1), "channel", "PHONE",
                "summary", "Anmälan gjord (fiktivt).",
                "fields", Map.of("reportMade", "YES", "reportNumber", "5000-K999999-26"))), jour1Token);
        assertThat(contact.status()).as(contact.body()).isEqualTo(201);
        String contactId = contact.json().get("id").asString();
        Response question = http.postJson("/api/v1/cases/" + caseId + "/questions",
                LotsenHttp.toJson(Map.of("text", "Vilken tolk ska vi beställa?", "urgent", false)), jour1Token);
        assertThat(question.status()).as(question.body()).isEqualTo(201);
        String questionId = question.json().get("id").asString();

        Map<String, Browser> users = new TreeMap<>();
        for (String user : List.of("jour1", "jourchef", "metod", "granskare", "admin", "rinkeby1")) {
            Browser browser = http.browser();
            Response signIn = browser.signIn(user, LotsenHttp.DEMO_PASSWORD);
            assertThat(signIn.status()).as("sign-in of %s", user).isEqualTo(302);
            users.put(user, browser);
        }
        Browser metod = users.get("metod");
        Browser admin = users.get("admin");
        String routineVersion = firstMatch(ROUTINE_VERSION_LINK, metod.get("/routines").body(), "a routine version");
        Response draft = metod.postForm("/routines/" + ROUTINE + "/draft",
                Map.of("_csrf", LotsenHttp.csrfToken(metod.get("/routines").body())));
        assertThat(draft.status()).as("a routine draft: %s", draft.body()).isIn(302, 303);
        String account = firstMatch(ACCOUNT_LINK, admin.get("/admin/accounts").body(), "an account");
        String event = firstMatch(EVENT_LINK, metod.get("/knowledge/events").body(), "a demo event");
        String article = firstMatch(ARTICLE_LINK, metod.get("/knowledge/articles").body(), "a demo article");
        // An intake kept for its check page (nothing is opened).
        Browser jour1Pages = users.get("jour1");
        Map<String, String> intakeForm = new java.util.LinkedHashMap<>(Map.of("subjectType", "CHILD",
                "receivedAt", java.time.LocalDateTime.now(java.time.ZoneId.of("Europe/Stockholm")).minusHours(1)
                        .withSecond(0).withNano(0).toString(),
                "channel", "OTHER", "name", "Paket Prov", "identityKind", "UNKNOWN", "sex", "UNKNOWN",
                "protectedIdentity", "NONE"));
        intakeForm.put("_csrf", LotsenHttp.csrfToken(jour1Pages.get("/cases/new/intake").body()));
        Response intake = jour1Pages.postForm("/cases/new/intake", intakeForm);
        assertThat(intake.status()).as("an intake for the check page: %s", intake.body()).isEqualTo(302);
        String intakeCheck = intake.location().substring(intake.location().indexOf("/cases/new/check"));
        String c = "/cases/" + caseId;
        // A case review over today's cases, started, with the method developer as its reviewer.
        String reviewForm = metod.get("/reviews/new").body();
        String me = firstMatch(Pattern.compile("id=\"reviewer-([0-9a-f-]{36})\"[^>]*checked"), reviewForm,
                "the method developer among the reviewers");
        String today = java.time.LocalDate.now(SWEDEN).toString();
        Map<String, String> reviewFields = new java.util.LinkedHashMap<>(Map.of("name", "Paketgranskning",
                "openedFrom", java.time.LocalDate.now(SWEDEN).minusDays(2).toString(), "openedTo", today,
                "subject", "ANY", "workFrom", today, "workUntil", java.time.LocalDate.now(SWEDEN).plusDays(30).toString(),
                "reviewers", me));
        reviewFields.put("_csrf", LotsenHttp.csrfToken(reviewForm));
        Response created = metod.postForm("/reviews/new", reviewFields);
        assertThat(created.status()).as("a review: %s", created.body()).isEqualTo(302);
        String review = created.location().substring(created.location().indexOf("/reviews/"));
        Response started = metod.postForm(review + "/start",
                Map.of("_csrf", LotsenHttp.csrfToken(metod.get(review).body())));
        assertThat(started.status()).as("the review started: %s", started.body()).isEqualTo(302);
        String step = "/routines/" + ROUTINE + "/draft/steps/overlamning";
        // The demo grant, its first payment, and its final report drafted by the method developer.
        String g = "/grants/" + firstMatch(GRANT_LINK, metod.get("/grants").body(), "the demo grant");
        String payment = firstMatch(PAYMENT_REMOVE_LINK, metod.get(g).body(), "the demo grant's payment");
        Response drafted = metod.postForm(g + "/report", Map.of("_csrf", LotsenHttp.csrfToken(metod.get(g).body())));
        assertThat(drafted.status()).as("the final report drafted: %s", drafted.body()).isIn(302, 303);

        record Page(String user, String path) {
        }
        Map<String, Page> pages = new TreeMap<>();
        pages.put("account.html", new Page("jour1", "/account"));
        pages.put("admin/accounts/form.html", new Page("admin", "/admin/accounts/" + account));
        pages.put("admin/accounts/list.html", new Page("admin", "/admin/accounts"));
        pages.put("admin/units/form.html", new Page("admin", "/admin/units/sodermalm"));
        pages.put("admin/units/list.html", new Page("admin", "/admin/units"));
        pages.put("audit/list.html", new Page("granskare", "/audit"));
        pages.put("audit/verify.html", new Page("granskare", "POST /audit/verify"));
        pages.put("audit/reviews.html", new Page("granskare", "/audit/reviews"));
        pages.put("audit/review-form.html", new Page("granskare", "/audit/reviews/new"));
        pages.put("cases/emergency-access.html", new Page("rinkeby1", "/cases/emergency-access"));
        pages.put("cases/emergency-access-log.html", new Page("granskare", "/cases/emergency-access/log"));
        pages.put("cases/indicators.html", new Page("jour1", c + "/indicators"));
        pages.put("cases/intake.html", new Page("jour1", "/cases/new/intake"));
        pages.put("cases/intake-check.html", new Page("jour1", intakeCheck));
        pages.put("cases/journal.html", new Page("jour1", c + "/journal/new"));
        pages.put("cases/list.html", new Page("jour1", "/cases"));
        pages.put("cases/new.html", new Page("jour1", "/cases/new"));
        pages.put("cases/person.html", new Page("jour1", c + "/person"));
        pages.put("cases/protection.html", new Page("jour1", c + "/protection"));
        pages.put("cases/routine-changes.html", new Page("jour1", c + "/routine-changes"));
        pages.put("cases/show.html", new Page("jourchef", c));
        pages.put("cases/step.html", new Page("jour1", c + "/steps/mottagande"));
        pages.put("consultation/list.html", new Page("metod", "/questions"));
        pages.put("consultation/new.html", new Page("jour1", "/questions/new?caseId=" + caseId));
        pages.put("consultation/show.html", new Page("metod", "/questions/" + questionId));
        pages.put("cooperation/contact-new.html", new Page("jour1", c + "/contacts/new"));
        pages.put("cooperation/contact-status.html", new Page("jour1", c + "/contacts/" + contactId + "/status"));
        pages.put("cooperation/partner.html", new Page("admin", "/partners/new"));
        pages.put("cooperation/partners.html", new Page("jour1", "/partners"));
        pages.put("cooperation/queued.html", new Page("jour1", "/contacts/queued"));
        pages.put("decisions/board.html", new Page("jour1", "/deadlines"));
        pages.put("decisions/deadline.html", new Page("jour1", c + "/deadlines/" + deadlineId));
        pages.put("decisions/new.html", new Page("jour1", c + "/decisions/new"));
        pages.put("decisions/rules.html", new Page("jour1", "/deadlines/rules"));
        pages.put("decisions/show.html", new Page("jour1", c + "/decisions/" + decisionId));
        pages.put("error.html", new Page("jour1", "/cases/" + UUID.randomUUID()));
        pages.put("grants/list.html", new Page("metod", "/grants"));
        pages.put("grants/form.html", new Page("metod", "/grants/new"));
        pages.put("grants/show.html", new Page("jourchef", g));
        pages.put("grants/deliverable.html", new Page("metod", g + "/deliverables/new"));
        pages.put("grants/payment.html", new Page("metod", g + "/payments/new"));
        pages.put("grants/remove-payment.html", new Page("metod", g + "/payments/" + payment + "/remove"));
        pages.put("grants/report.html", new Page("granskare", g + "/report"));
        pages.put("grants/section.html", new Page("metod", g + "/report/sections/summary"));
        pages.put("grants/redraft.html", new Page("metod", g + "/report/sections/summary/redraft"));
        pages.put("grants/report-pdf.html", new Page("granskare", g + "/report.pdf"));
        pages.put("handover/handover-package.html", new Page("jour1", c + "/handover/package"));
        pages.put("handover/new.html", new Page("jour1", c + "/handover/new"));
        pages.put("handover/package-pdf.html", new Page("jour1", c + "/handover/package.pdf"));
        pages.put("handover/queue.html", new Page("jour1", "/handovers"));
        pages.put("handover/show.html", new Page("jour1", c + "/handover"));
        pages.put("home.html", new Page("jour1", "/"));
        pages.put("knowledge/article.html", new Page("jour1", "/knowledge/articles/" + article));
        pages.put("knowledge/article-form.html", new Page("metod", "/knowledge/articles/" + article + "/edit"));
        pages.put("knowledge/article-steps.html", new Page("metod", "/knowledge/articles/" + article + "/steps"));
        pages.put("knowledge/article-version.html", new Page("granskare",
                "/knowledge/articles/" + article + "/versions/1"));
        pages.put("knowledge/articles.html", new Page("jour1", "/knowledge/articles?q=utredningar"));
        pages.put("knowledge/calendar.html", new Page("metod", "/knowledge/events/calendar"));
        pages.put("knowledge/event.html", new Page("metod", "/knowledge/events/" + event));
        pages.put("knowledge/event-form.html", new Page("metod", "/knowledge/events/new"));
        pages.put("knowledge/events.html", new Page("rinkeby1", "/knowledge/events"));
        pages.put("login.html", new Page(null, "/login"));
        pages.put("notifications/list.html", new Page("jour1", "/notifications"));
        pages.put("persons/merge.html", new Page("jourchef", "/persons/merge"));
        pages.put("review/case.html", new Page("metod", review + "/cases/" + caseId));
        pages.put("review/form.html", new Page("metod", "/reviews/new"));
        pages.put("review/list.html", new Page("metod", "/reviews"));
        pages.put("review/results.html", new Page("granskare", review + "/results"));
        pages.put("review/show.html", new Page("metod", review));
        pages.put("reporting/statistics.html", new Page("metod", "/statistics"));
        pages.put("routines/discard.html", new Page("metod", "/routines/" + ROUTINE + "/draft/discard"));
        pages.put("routines/draft.html", new Page("metod", "/routines/" + ROUTINE + "/draft"));
        pages.put("routines/list.html", new Page("metod", "/routines"));
        pages.put("routines/pdf.html", new Page("metod", "/routines/versions/" + routineVersion + ".pdf"));
        pages.put("routines/preview.html", new Page("metod", "/routines/" + ROUTINE + "/draft/preview"));
        pages.put("routines/print.html", new Page("metod", "/routines/versions/" + routineVersion + "/print"));
        pages.put("routines/remove-step.html", new Page("metod", step + "/remove"));
        pages.put("routines/step.html", new Page("metod", step));
        pages.put("routines/usage.html", new Page("metod", "/routines/usage"));
        pages.put("routines/version.html", new Page("metod", "/routines/versions/" + routineVersion));
        Browser granskare = users.get("granskare");
        await("gallring's first run").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500))
                .until(() -> RETENTION_RUN_LINK.matcher(granskare.get("/audit/retention").body()).find());
        String retentionRun = firstMatch(RETENTION_RUN_LINK, granskare.get("/audit/retention").body(), "a run");
        pages.put("retention/runs.html", new Page("granskare", "/audit/retention"));
        pages.put("retention/run.html", new Page("granskare", "/audit/retention/" + retentionRun));

        Set<String> templates = new TreeSet<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            files.filter(Files::isRegularFile)
                    .map(f -> TEMPLATES.relativize(f).toString().replace('\\', '/'))
                    .filter(t -> !PART_OF_A_PAGE.matcher(t).matches())
                    .forEach(templates::add);
        }
        assertThat(pages.keySet()).as("a request for every page template (add one for a new template)")
                .containsExactlyInAnyOrderElementsOf(templates);

        List<String> problems = new ArrayList<>();
        Browser anonymous = http.browser();
        pages.forEach((template, page) -> {
            Browser browser = page.user() == null ? anonymous : users.get(page.user());
            Response r;
            if (page.path().startsWith("POST ")) {
                String path = page.path().substring(5);
                r = browser.postForm(path, Map.of("_csrf", LotsenHttp.csrfToken(browser.get("/").body())));
            } else {
                r = browser.get(page.path());
            }
            int want = template.equals("error.html") ? 404 : 200;
            String type = template.endsWith("pdf.html") ? "application/pdf" : "text/html";
            if (r.status() != want || !r.contentType().startsWith(type)) {
                problems.add(template + " (" + page.path() + " as " + page.user() + "): " + r.status() + " "
                        + r.contentType());
            }
        });
        assertThat(problems).as("page templates that the jar did not render").isEmpty();
    }

    private static String firstMatch(Pattern pattern, String html, String what) {
        Matcher m = pattern.matcher(html);
        assertThat(m.find()).as("%s on the page", what).isTrue();
        return m.group(1);
    }

    private static String hoursAgo(int hours) {
        return OffsetDateTime.now(SWEDEN).minusHours(hours).truncatedTo(ChronoUnit.MINUTES).toString();
    }

    private static Response openChild(String token, String name, Map<String, Object> subject) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("type", "CHILD");
        s.put("name", name);
        s.put("statedAge", 16);
        s.putAll(subject);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject", s);
        body.put("receivedAt", OffsetDateTime.now(SWEDEN).minusHours(2).truncatedTo(ChronoUnit.MINUTES).toString());
        body.put("channel", "POLICE_PL12");
        return http.postJson("/api/v1/cases", LotsenHttp.toJson(body), token);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The jar the build packaged (not the plain one Spring Boot keeps as .original). */
    private static Path theJar() throws IOException {
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> found = Files.newDirectoryStream(TARGET, "lotsen-*.jar")) {
            found.forEach(jars::add);
        }
        assertThat(jars).as("the packaged jar in target/ (the integration tests run after the package phase)")
                .hasSize(1);
        return jars.get(0);
    }

    private static String logTail() {
        try {
            List<String> lines = Files.readAllLines(LOG);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
