package se.lotsen.system;

import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import se.lotsen.access.LotsenHttp;
import se.lotsen.access.LotsenHttp.Browser;
import se.lotsen.access.LotsenHttp.Response;
import se.lotsen.access.MatrixRoutes;
import se.lotsen.access.MatrixRoutes.Route;
import se.lotsen.access.Scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Hostile values in every page form and every JSON write endpoint of Lotsen, as an attacker, a broken integration or a
 * pasted binary would send them: a NUL byte, other control characters, 100 000 characters, a script, SQL, an invalid
 * date, a number too big, a negative number, nothing, a letter where a number or date belongs, a list where text
 * belongs.
 *
 * <p>The pages and endpoints come from the authorisation matrix ({@link MatrixRoutes}): every page is fetched as the
 * users the policy lets in, about a case of their own unit and a handed-over case; every {@code <form method="post">}
 * on it is read (inputs, selects, textareas, hidden fields and the CSRF token) and submitted once per field and value,
 * with that field hostile and the others as rendered (an empty text filled with a plain word, an empty choice with
 * the first real option). Every JSON write endpoint gets the matrix's probe body with each field of its request schema
 * (from {@code /v3/api-docs}) made hostile in turn.
 *
 * <p>Required of every answer: never a 5xx; no stack trace or exception name; the script never unescaped in a page;
 * text with a control character refused (the page's error summary, or 400); and when a submission is refused, the
 * row count of every application table unchanged (nothing half-saved). All failures are collected and reported at
 * the end. A submission that was accepted (a redirect, a 2xx) renews the form from the page, and a case a form used
 * up (handed over, say) is replaced by a new one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "lotsen.test.context=hostile-input")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIT {

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    private static final String ROUTINE = "akut-manniskohandel";
    private static final String ROUTINE_STEP = "overlamning";
    private static final String CASE_STEP = "mottagande";
    private static final String POLICE = "Polisen, Citypolisen (lokalpolisområde)";
    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final Pattern UUID_IN_PATH = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** What only a stack trace or an exception's name would put in an answer. */
    private static final List<String> STACK_MARKERS = List.of("Exception", "\tat ", "at se.lotsen.",
            "at org.springframework.", "at java.", "Caused by:", "org.postgresql", "SQLState", "ERROR: ");

    /** The users whose pages are read, leads first (a lead's page has the most forms). */
    private static final List<String> USERS = List.of("jourchef", "jour1", "rinkebychef", "rinkeby1", "sodermalm1",
            "metod", "granskare", "admin");
    /** The matrix's case scenarios whose pages are read: a case of one's own unit, a protected one, a received one. */
    private static final List<String> SCENARIOS = List.of("OWN", "PROTECTED", "HANDED_OVER");

    enum Kind {
        /** Must be refused: the page's error summary, or 400. */
        CONTROL,
        /** Anything but a server error. */
        OTHER,
        /** Only in JSON: a list where text is expected. */
        ARRAY
    }

    record Hostile(String label, String value, Kind kind) {
    }

    static final List<Hostile> VALUES = List.of(
            new Hostile("NUL", "\u0000", Kind.CONTROL),
            new Hostile("a U+0001 b", "a\u0001b", Kind.CONTROL),
            new Hostile("ESC[31m", "\u001b[31m", Kind.CONTROL),
            new Hostile("100 000 characters", "x".repeat(100_000), Kind.OTHER),
            new Hostile("script", SCRIPT, Kind.OTHER),
            new Hostile("SQL", "' OR 1=1 --", Kind.OTHER),
            new Hostile("30 February", "2026-02-30", Kind.OTHER),
            new Hostile("13 digits", "9999999999999", Kind.OTHER),
            new Hostile("-1", "-1", Kind.OTHER),
            new Hostile("empty", "", Kind.OTHER),
            new Hostile("x", "x", Kind.OTHER),
            new Hostile("a list", "[\"a\",\"b\"]", Kind.ARRAY));

    /**
     * Page forms that are not submitted with every value, and why. {@code null}: not at all; otherwise the only values
     * sent (those that must be refused, so that nothing changes).
     */
    private static final Map<Pattern, String> EXCLUDED_FORMS = new LinkedHashMap<>();
    private static final Set<Pattern> REFUSED_VALUES_ONLY = new LinkedHashSet<>();

    static {
        EXCLUDED_FORMS.put(Pattern.compile("/logout"), "signing out ends the session the test works in");
        EXCLUDED_FORMS.put(Pattern.compile("/reviews/[^/]+/start"), "starting a review fixes its selection and ends "
                + "the draft the definition and template forms work on; its only field is the CSRF token");
        EXCLUDED_FORMS.put(Pattern.compile(".*/remove"), "removes what other forms work on (a step of the routine "
                + "draft, a named viewer); its only fields are the CSRF token and path variables");
        EXCLUDED_FORMS.put(Pattern.compile(".*/meetings/[^/]+/delete"), "deletes a meeting date; only the CSRF token");
        EXCLUDED_FORMS.put(Pattern.compile("/routines/[^/]+/draft/discard"),
                "discards the routine draft that the step forms work on; only the CSRF token");
        EXCLUDED_FORMS.put(Pattern.compile("/account/password"), "a wrong current password counts towards the "
                + "account's lockout and the rate limit by design, so hostile values would lock the test's users out; "
                + "its fields are plain text fields bound like every other (the control-character guard is the same)");
        // Publishing with an accepted note would publish a routine version and end the draft the step forms use.
        REFUSED_VALUES_ONLY.add(Pattern.compile("/routines/[^/]+/draft/publish"));
    }

    /**
     * Page POST handlers whose form is shown only in a state the fixtures do not make; they are reported, not failed.
     */
    private static final Map<String, String> SHOWN_ONLY_IN_OTHER_STATES = Map.of(
            "/audit/checkpoints", "the button is on the log check page, shown after a check (a POST); it takes no input",
            "/cases/{id}/steps/reservnummer/assign", "the button is on the reservnummer step of a person without an "
                    + "identity number, which the fixtures' people have; it takes no input (ActionStepsIT sends it)",
            "/grants/{id}/report", "the button is shown while a grant's report is not drafted; the fixtures' grant is "
                    + "drafted so that the section forms exist; it takes no input (GrantsIT sends it)",
            "/grants/{id}/report/approved", "the form is shown once the report is submitted, which would lock the "
                    + "section forms; its day and version are read like the submitted form's (GrantsIT sends it)");

    /**
     * Pages read besides the matrix's own, for forms shown only in a state the matrix's probes do not name: the page
     * (matrix key), the case scenario, the user, and the path as a template of {@link #value} placeholders (filled
     * anew each time, so that a case made anew after an accepted submission is used).
     */
    record ExtraPage(String pageKey, String scenario, String user, String path) {
    }

    private static final List<ExtraPage> EXTRA_PAGES = List.of(
            // Two persons of the duty unit's register chosen as kept and duplicate: the merge confirmation.
            new ExtraPage("GET /persons/merge", "", "jourchef",
                    "/persons/merge?keep={mergeKeep}&duplicate={mergeDuplicate}"),
            // The custody's 8 § LVU application deadline: where a request for an extension is recorded.
            new ExtraPage("GET /cases/{id}/deadlines/{deadlineId}", "OWN", "jour1",
                    "/cases/{id}/deadlines/{extendableDeadlineId}"),
            // A custody decided but not yet carried out (on a case of its own: a case holds one custody).
            new ExtraPage("GET /cases/{id}/decisions/{decisionId}", "OWN", "jour1",
                    "/cases/{pendingCaseId}/decisions/{pendingDecisionId}"),
            // A throwaway account locked after failed sign-ins, with an API token (see setUp).
            new ExtraPage("GET /admin/accounts/{id}", "", "admin", "/admin/accounts/{lockedAccount}"),
            // The intake's check page, whose button alone opens a case: a valid intake kept in jour1's session.
            new ExtraPage("GET /cases/new/check", "", "jour1", "/cases/new/check?draft={intakeDraft}"));

    /** API write endpoints left out, and why. */
    private static final Map<Pattern, String> EXCLUDED_API = Map.of(
            Pattern.compile(".*password.*"), "a wrong current password locks the account by design (see the page form)");

    /** Tables whose rows legitimately change under any request (sessions, the audit trail, queued work). */
    private static final Pattern UNCOUNTED_TABLES = Pattern.compile(
            // reporting_*: the statistics' read model follows the other modules' events after their commit.
            "audit.*|spring_session.*|event_publication.*|shedlock|job_lock|notification.*|reminder.*|reporting_.*"
                    + "|flyway_schema_history|.*sign_in.*|.*rate_limit.*|.*checkpoint.*");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    se.lotsen.grants.Grants grants;

    @Autowired
    se.lotsen.grants.GrantReports grantReports;

    private UUID grant;            // a grant of its own, with a deliverable, a payment and a drafted report
    private UUID grantDeliverable;
    private UUID grantPayment;

    private LotsenHttp http;
    private Scenario scenario;
    private final Map<String, Browser> browsers = new LinkedHashMap<>();
    private final Map<String, CaseData> cases = new LinkedHashMap<>();
    private UUID jour2;
    private UUID lockedAccount;  // a throwaway account locked after failed sign-ins
    private UUID mergeKeep;      // two persons of the duty unit's register, for the merge confirmation
    private UUID mergeDuplicate;
    private UUID policePartner;  // the partner the partner form edits
    private UUID routineVersion;
    private se.lotsen.review.ReviewFixture.Ids review;
    private se.lotsen.review.ReviewFixture.Ids draftReview;
    private UUID meeting;
    private UUID knowledgeEvent;     // the demo seminar, its material and a demo article (knowledge pages)
    private UUID knowledgeMaterial;
    private UUID knowledgeArticle;
    private final List<String> failures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private List<String> countedTables;
    private Map<String, Long> lastCounts;
    private int requests;

    /**
     * A scenario's case. {@code extendableDeadlineId}: the custody's 8 § LVU application deadline (it may be
     * extended); {@code pendingCaseId}/{@code pendingDecisionId}: a second case with a custody not yet carried out.
     */
    record CaseData(UUID id, UUID personId, UUID decisionId, UUID deadlineId, UUID contactId, UUID questionId,
                    UUID extendableDeadlineId, UUID pendingCaseId, UUID pendingDecisionId) {
    }

    @BeforeAll
    void setUp() {
        http = new LotsenHttp(port);
        scenario = new Scenario(http);
        for (String user : USERS) {
            browsers.put(user, scenario.signedIn(user));
        }
        for (String s : SCENARIOS) {
            cases.put(s, newCase(s));
        }
        jour2 = jdbc.sql("SELECT id FROM account WHERE username = 'jour2'").query(UUID.class).single();
        // A partner of its own for the partner form, so that the police partner the cases' contacts name stays.
        Response partner = Scenario.submit(browsers.get("admin"), "/partners/new", "/partners/new", Map.of(
                "name", "Fientlig partner", "kind", "OTHER", "country", "SE", "phone", "(demo) 08-000 00 98",
                "email", "", "notes", "Fiktiv.", "hours", "ALWAYS", "opens", "", "closes", "", "active", "true"));
        assertThat(partner.status()).as("a partner: %s", partner.body()).isIn(302, 303);
        knowledgeMaterial = jdbc.sql("SELECT id FROM knowledge_material ORDER BY uploaded_at LIMIT 1")
                .query(UUID.class).single();
        knowledgeEvent = jdbc.sql("SELECT event_id FROM knowledge_material WHERE id = :id")
                .param("id", knowledgeMaterial).query(UUID.class).single();
        knowledgeArticle = jdbc.sql("SELECT id FROM knowledge_article ORDER BY created_at LIMIT 1").query(UUID.class)
                .single();
        policePartner = jdbc.sql("SELECT id FROM partner WHERE name = 'Fientlig partner'").query(UUID.class)
                .single();
        routineVersion = jdbc.sql("""
                        SELECT v.id FROM routine_version v JOIN routine r ON r.id = v.routine_id
                        WHERE r.key = :k AND v.status = 'PUBLISHED' ORDER BY v.number DESC LIMIT 1""")
                .param("k", ROUTINE).query(UUID.class).single();
        meeting = jdbc.sql("""
                        SELECT m.id FROM committee_meeting m JOIN committee c ON c.id = m.committee_id
                        JOIN unit u ON u.id = c.unit_id WHERE u.code = 'sodermalm'
                        ORDER BY m.meeting_date DESC LIMIT 1""")
                .query(UUID.class).single();
        // A throwaway account locked after failed sign-ins and holding an API token issued before, so that its page
        // shows the unlock form and the form that revokes tokens. (Not jour2's page: the account form's accepted
        // submissions there end jour2's tokens by design, and jour2 signs in over the API later in the test.)
        lockedAccount = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO account (id, username, display_name, email, unit_id, password_hash,
                                             failed_attempts, locked_until)
                        SELECT :id, 'fientlig-sparrad', 'Fientlig Spärrad (fiktiv)', NULL, unit_id, password_hash,
                               10, now() + interval '1 day'
                        FROM account WHERE username = 'jour2'""").param("id", lockedAccount).update();
        jdbc.sql("INSERT INTO account_role (account_id, role) VALUES (:id, 'DUTY_WORKER')")
                .param("id", lockedAccount).update();
        jdbc.sql("""
                        INSERT INTO api_token (id, account_id, token_hash, created_at, expires_at)
                        VALUES (:id, :account, :hash, now() - interval '1 hour', now() + interval '1 day')""")
                .param("id", UUID.randomUUID()).param("account", lockedAccount)
                .param("hash", (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "")).update();
        // Two persons of the duty unit's register with the same name: a duplicate to merge.
        String twin = "Fientlig Dubblett " + UUID.randomUUID().toString().substring(0, 8);
        mergeKeep = personOf(scenario.openChild("jour1", twin));
        mergeDuplicate = personOf(scenario.openChild("jour1", twin));
        assertThat(mergeKeep).isNotEqualTo(mergeDuplicate);
        java.time.LocalDate today = java.time.LocalDate.now(SWEDEN);
        grant = grants.create(new se.lotsen.grants.Grants.GrantForm("Fientlig bidragsgivare", null, 100_000L,
                today.minusMonths(6), today.plusMonths(6), "Fiktivt bidrag.", null, today.plusMonths(7),
                se.lotsen.grants.Grant.HeldBackKind.PERCENT, 20L), "Fientlig").id();
        grantDeliverable = grants.addDeliverable(grant, new se.lotsen.grants.Grants.DeliverableForm(
                se.lotsen.grants.Deliverable.Kind.OTHER, "Fientlig insats", se.lotsen.grants.Deliverable.Status.PLANNED,
                null), "Fientlig").id();
        grantPayment = grants.addPayment(grant, new se.lotsen.grants.Grants.PaymentForm(today.minusMonths(1),
                10_000L, null), "Fientlig").id();
        grantReports.draft(grant, "Fientlig");
        countedTables = jdbc.sql("""
                        SELECT table_name FROM information_schema.tables
                        WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name""")
                .query(String.class).list().stream().filter(t -> !UNCOUNTED_TABLES.matcher(t.toLowerCase()).matches())
                .toList();
        assertThat(countedTables).contains("case_file", "journal_entry", "person", "decision");
    }

    /** A child's case as the matrix makes it: custody decided (so deadlines), a police contact, a question. */
    private CaseData newCase(String s) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("nationality", "RO");
        if (s.equals("PROTECTED")) {
            subject.put("protectedIdentity", "SKYDDAD_FOLKBOKFORING");
            subject.put("address", "Provgatan 1, 113 99 Stockholm");
        }
        JsonNode opened = scenario.openChild("jour1", "Fientlig Prov " + unique, subject);
        UUID caseId = UUID.fromString(opened.get("id").asString());
        JsonNode decision = scenario.custody("jour1", caseId);
        UUID decisionId = UUID.fromString(decision.get("id").asString());
        UUID deadlineId = UUID.fromString(decision.get("deadlines").values().iterator().next().get("id").asString());
        Response contact = http.postJson("/api/v1/cases/" + caseId + "/contacts", LotsenHttp.toJson(Map.of(
                "type", "POLICE", "partner", POLICE, "at", now().minusHours(1).toString(), "channel", "PHONE",
                "summary", "Anmälan gjord (fiktivt).",
                "fields", Map.of("reportMade", "YES", "reportNumber", "5000-K999999-26"))), scenario.token("jour1"));
        assertThat(contact.status()).as(contact.body()).isEqualTo(201);
        UUID contactId = UUID.fromString(contact.json().get("id").asString());
        Response q = scenario.ask("jour1", caseId, "Provfråga: vilken tolk?", false);
        assertThat(q.status()).as(q.body()).isEqualTo(201);
        UUID questionId = UUID.fromString(q.json().get("id").asString());
        UUID extendable = jdbc.sql("""
                        SELECT id FROM deadline WHERE case_id = :c AND kind = 'LVU_8_APPLICATION'""")
                .param("c", caseId).query(UUID.class).single();
        UUID pendingCase = null;
        UUID pendingDecision = null;
        if (s.equals("OWN")) {
            // A custody decided but not carried out: a case of its own, for a case holds one active custody.
            pendingCase = scenario.openChild("jour1", "Fientlig Väntande " + unique);
            Response pending = http.postJson("/api/v1/cases/" + pendingCase + "/decisions", """
                    {"type":"LVU_6","decidedAt":"%s",
                     "decidedBy":{"name":"Anna Ordförande","mandate":"CHAIR"},"committee":"rinkeby-kista",
                     "grounds":["LVU_2"],"urgencyReason":"Risk för fortsatt exploatering."}"""
                    .formatted(Scenario.minutesAgo(240)), scenario.token("jour1"));
            assertThat(pending.status()).as(pending.body()).isBetween(200, 299);
            pendingDecision = UUID.fromString(pending.json().get("id").asString());
        }
        if (s.equals("HANDED_OVER")) {
            scenario.handOver("jour1", caseId, "rinkeby-kista");
        }
        return new CaseData(caseId, personOf(caseId), decisionId, deadlineId, contactId, questionId, extendable,
                pendingCase, pendingDecision);
    }

    private UUID personOf(UUID caseId) {
        return jdbc.sql("SELECT person_id FROM case_file WHERE id = :id").param("id", caseId)
                .query(UUID.class).single();
    }

    /** The routine draft that the draft pages show (unless a submission of the form that makes it made it). */
    private void routineDraft() {
        long drafts = jdbc.sql("""
                        SELECT count(*) FROM routine_version v JOIN routine r ON r.id = v.routine_id
                        WHERE r.key = :k AND v.status = 'DRAFT'""").param("k", ROUTINE).query(Long.class).single();
        if (drafts == 0) {
            Response draft = Scenario.submit(browsers.get("metod"), "/routines", "/routines/" + ROUTINE + "/draft",
                    Map.of());
            assertThat(draft.status()).as("the routine draft: %s", draft.body()).isIn(302, 303);
            lastCounts = null;
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // Page forms
    // ------------------------------------------------------------------------------------------------------------

    /** A form found on a page: where the page is, as whom, and how to recognise the form again. */
    record FormSite(String pageKey, String scenario, String user, String signature, String via) {
    }

    /** A form as rendered: where it posts, and its fields in order (names may repeat). */
    record PageForm(String action, List<Map.Entry<String, String>> fields, Map<String, String> types) {

        List<String> names() {
            return fields.stream().map(Map.Entry::getKey).distinct().toList();
        }
    }

    @Test
    void everyPageFormAndEveryApiFieldWithstandsHostileValues() {
        List<Route> routes = MatrixRoutes.routes();
        Set<String> reachedPosts = new TreeSet<>();
        // First, while the routine has no draft: the form that makes one (the draft pages' forms need a draft).
        Route routineList = routes.stream().filter(r -> r.method().equals("GET") && r.pattern().equals("/routines"))
                .findFirst().orElseThrow();
        Response list = browsers.get("metod").get(pagePath(routineList, "", "metod"));
        assertThat(list.status()).isEqualTo(200);
        List<FormSite> draftSites = forms(list.body()).stream()
                .filter(f -> f.action().equals("/routines/" + ROUTINE + "/draft"))
                .map(f -> new FormSite("GET /routines", "", "metod", signature(f), null)).toList();
        assertThat(draftSites).as("the form that makes a routine draft, before there is one").hasSize(1);
        for (FormSite site : draftSites) {
            reachedPosts.add(site.signature().substring(0, site.signature().indexOf('|')));
            int before = requests;
            attackForm(site);
            notes.add(String.format("%4d requests  %s (on %s as %s, before the routine has a draft)",
                    requests - before, site.signature(), site.pageKey(), site.user()));
        }
        routineDraft();

        Map<String, FormSite> sites = findForms(routes);
        assertThat(sites).as("the forms found on the pages (the discovery is not vacuous)").hasSizeGreaterThan(25);

        for (FormSite site : sites.values()) {
            reachedPosts.add(site.signature().substring(0, site.signature().indexOf('|')));
            long started = System.nanoTime();
            int before = requests;
            attackForm(site);
            notes.add(String.format("%5d ms %4d requests  %s (on %s as %s)", (System.nanoTime() - started) / 1_000_000,
                    requests - before, site.signature(), site.pageKey(), site.user()));
        }
        attackLoginForm();

        // Every page POST handler of the matrix is reached by a form, or is excluded with a reason.
        for (Route r : routes) {
            if (r.api() || !r.method().equals("POST") || r.pattern().equals("/login")) {
                continue;
            }
            String regex = r.pattern().replaceAll("\\{[^}]+}", "[^/]+");
            boolean reached = reachedPosts.stream().anyMatch(a -> a.replace("{uuid}", "x").matches(regex)
                    || a.matches(regex));
            boolean excluded = EXCLUDED_FORMS.keySet().stream().anyMatch(p -> p.matcher(r.pattern()).matches());
            if (!reached && SHOWN_ONLY_IN_OTHER_STATES.containsKey(r.pattern())) {
                notes.add("not reached: POST " + r.pattern() + ": " + SHOWN_ONLY_IN_OTHER_STATES.get(r.pattern()));
            } else if (!reached && !excluded) {
                failures.add("POST " + r.pattern() + ": no form on any page reaches it, and it is not excluded");
            }
        }

        attackApi(routes);

        String report = "hostile input: " + requests + " requests, " + sites.size() + " forms\n"
                + String.join("\n", notes);
        System.out.println(report);
        assertThat(failures).as("every hostile value that broke a form or an endpoint (%d requests; %s)", requests,
                report).isEmpty();
    }

    /**
     * Text stored before Lotsen refused control characters (or written into the database by other means) never
     * breaks a page or the handover package: the PDF prints each character XML cannot hold as U+FFFD.
     */
    @Test
    void storedTextWithControlCharactersStillMakesTheHandoverPackage() {
        CaseData c = newCase("OWN");
        String stored = "Före\u0001mellan\u0007\u001b[31m efter\uFFFE\uFFFF slut\u0085.";
        jdbc.sql("""
                        INSERT INTO journal_entry (id, case_id, number, occurred_at, author_name, text)
                        VALUES (:id, :c, (SELECT coalesce(max(number), 0) + 1 FROM journal_entry WHERE case_id = :c),
                                now() - interval '1 hour', 'Gammal import', :text)""")
                .param("id", UUID.randomUUID()).param("c", c.id()).param("text", stored).update();
        assertThat(jdbc.sql("SELECT count(*) FROM journal_entry WHERE case_id = :c AND text = :t")
                .param("c", c.id()).param("t", stored).query(Long.class).single()).isOne();

        byte[] pdf = http.getBytes("/api/v1/cases/" + c.id() + "/handover/package.pdf", scenario.token("jour1"));
        String text = pdfText(pdf);
        assertThat(text).contains("Före").contains("mellan").contains("efter").contains("slut");
        Browser jour1 = browsers.get("jour1");
        for (String page : List.of("/cases/" + c.id(), "/cases/" + c.id() + "/handover/package",
                "/cases/" + c.id() + "/handover/package.pdf")) {
            Response r = jour1.get(page);
            assertThat(r.status()).as("GET %s", page).isEqualTo(200);
        }
    }

    private static String pdfText(byte[] pdf) {
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(document);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** GETs every page the matrix knows as the users allowed there, and keeps each distinct post form once. */
    private Map<String, FormSite> findForms(List<Route> routes) {
        Map<String, FormSite> sites = new LinkedHashMap<>();
        for (Route route : routes) {
            if (route.api() || !route.method().equals("GET") || route.pattern().matches(".*(pdf|print)$")
                    || route.pattern().equals("/error") || route.pattern().equals("/login")) {
                continue;
            }
            for (Map.Entry<String, List<String>> allowed : route.allowed().entrySet()) {
                String s = allowed.getKey();
                if (!s.isEmpty() && !SCENARIOS.contains(s)) {
                    continue;
                }
                for (String user : allowed.getValue()) {
                    if (!browsers.containsKey(user)) {
                        continue;
                    }
                    Response page = browsers.get(user).get(pagePath(route, s, user));
                    check("GET " + pagePath(route, s, user) + " as " + user, page, null);
                    if (page.status() != 200 || !page.contentType().startsWith("text/html")) {
                        continue;
                    }
                    String key = route.method() + " " + route.pattern();
                    for (PageForm form : forms(page.body())) {
                        String sig = signature(form);
                        sites.putIfAbsent(sig, new FormSite(key, s, user, sig, null));
                    }
                    // A form in two steps (choose the type, then fill in): the choosing form is sent once with its
                    // first choice, and the forms of the page it leads to are read too.
                    for (String via : getForms(page.body())) {
                        Response next = browsers.get(user).get(via);
                        check("GET " + via + " as " + user, next, null);
                        if (next.status() == 200 && next.contentType().startsWith("text/html")) {
                            for (PageForm form : forms(next.body())) {
                                String sig = signature(form);
                                sites.putIfAbsent(sig, new FormSite(key, s, user, sig, viaQuery(via)));
                            }
                        }
                    }
                }
            }
        }
        for (ExtraPage extra : EXTRA_PAGES) {
            String path = fill(extra.path(), extra.pageKey(), extra.scenario(), extra.user());
            Response page = browsers.get(extra.user()).get(path);
            check("GET " + path + " as " + extra.user(), page, null);
            assertThat(page.status()).as("GET %s as %s: %s", path, extra.user(), page.body()).isEqualTo(200);
            for (PageForm form : forms(page.body())) {
                String sig = signature(form);
                sites.putIfAbsent(sig, new FormSite(extra.pageKey(), extra.scenario(), extra.user(), sig,
                        extra.path()));
            }
        }
        return sites;
    }

    private String pagePath(Route route, String s, String user) {
        String path = fill(route.pattern(), route.pattern(), s, user);
        return route.query() == null ? path : path + "?" + fill(route.query(), route.pattern(), s, user);
    }

    private void attackForm(FormSite site) {
        String action = site.signature().substring(0, site.signature().indexOf('|'));
        for (Map.Entry<Pattern, String> excluded : EXCLUDED_FORMS.entrySet()) {
            if (excluded.getKey().matcher(action).matches()) {
                notes.add("excluded form " + action + ": " + excluded.getValue());
                return;
            }
        }
        boolean refusedOnly = REFUSED_VALUES_ONLY.stream().anyMatch(p -> p.matcher(action).matches());
        PageForm form = currentForm(site, false);
        if (form == null) {
            failures.add(site + ": the form is not on its page any more");
            return;
        }
        Browser browser = browsers.get(site.user());
        List<String> names = form.names();
        Map<String, String> types = form.types();
        for (String field : names) {
            if (form == null) {
                break;
            }
            String type = types.getOrDefault(field, "text");
            for (Hostile value : VALUES) {
                if (value.kind() == Kind.ARRAY || (refusedOnly && value.kind() != Kind.CONTROL)
                        || meaningless(value, type) || (field.equals("_csrf") && !value.label().equals("NUL"))
                        // The one-time submission token is not data: only a control character in it is tried (400);
                        // any other value with the real fields as rendered would just send the form as it is.
                        || (field.equals("_submission") && !value.label().equals("NUL"))) {
                    continue;
                }
                if (form == null) {
                    notes.add(site.signature() + ": gone after an accepted submission; " + field + " = "
                            + value.label() + " and later not sent");
                    break;
                }
                List<Map.Entry<String, String>> fields = new ArrayList<>();
                boolean replaced = false;
                for (Map.Entry<String, String> f : form.fields()) {
                    if (!f.getKey().equals(field)) {
                        fields.add(f);
                    } else if (!replaced) {
                        fields.add(new SimpleEntry<>(field, value.value()));
                        replaced = true;
                    }
                }
                String where = "POST " + form.action() + " (form on " + site.pageKey() + " as " + site.user()
                        + ") field " + field + " [" + type + "] = " + value.label();
                Map<String, Long> before = counts();
                Response r = browser.postForm(form.action(), fields);
                requests++;
                check(where, r, value);
                boolean accepted = r.status() >= 300 && r.status() < 400 && !"/login".equals(locationPath(r));
                boolean storedAsText = !field.equals("_csrf") && !type.equals("checkbox")
                        && !(field.startsWith("_") && types.containsKey(field.substring(1)));
                if (value.kind() == Kind.CONTROL && storedAsText) {
                    boolean summary = r.status() == 200 && r.body().contains("class=\"error-summary\"");
                    if (!(summary || r.status() == 400)) {
                        failures.add(where + ": a control character was not refused with the error summary or 400 ("
                                + describe(r) + ")");
                    }
                }
                if (field.equals("_csrf") && r.status() != 403) {
                    failures.add(where + ": a forged CSRF token was not refused (" + describe(r) + ")");
                }
                if (accepted) {
                    Response next = browser.get(relative(r.location()));
                    check(where + ", then GET " + r.location(), next, value);
                    settle();
                    form = currentForm(site, true);
                } else {
                    Map<String, Long> after = freshCounts();
                    lastCounts = after;
                    if (!after.equals(before)) {
                        failures.add(where + ": refused (" + r.status() + ") but rows changed: "
                                + difference(before, after));
                    }
                }
            }
        }
    }

    /**
     * Whether sending the value to a field of the type tests nothing new: a plain letter or number-like text in a
     * free-text field is what a person types; SQL outside free text is just another value that does not convert. The
     * CSRF token gets one forged value: Spring Security refuses any wrong token the same way, before Lotsen's code.
     */
    private static boolean meaningless(Hostile value, String type) {
        boolean freeText = type.equals("textarea") || type.equals("text") || type.equals("search");
        if (freeText) {
            return value.label().equals("x") || value.label().equals("-1") || value.label().equals("13 digits")
                    || value.label().equals("30 February");
        }
        // In a choice, a number, a date or a hidden id, SQL is one more value that does not convert, as "x" is.
        return value.label().equals("SQL");
    }

    /** The sign-in form, as an anonymous visitor (its fields are empty as rendered; "Prov" is nobody's name). */
    private void attackLoginForm() {
        Browser anonymous = http.browser();
        for (String field : List.of("username", "password")) {
            for (Hostile value : VALUES) {
                if (value.kind() == Kind.ARRAY) {
                    continue;
                }
                Response page = anonymous.get("/login");
                Map<String, String> form = new LinkedHashMap<>();
                form.put("username", "Prov");
                form.put("password", "Prov");
                form.put(field, value.value());
                form.put("_csrf", LotsenHttp.csrfToken(page.body()));
                Map<String, Long> before = counts();
                Response r = anonymous.postForm("/login", form);
                requests++;
                String where = "POST /login field " + field + " = " + value.label();
                check(where, r, value);
                if (r.status() >= 300 && r.status() < 400) {
                    check(where + ", then GET " + r.location(), anonymous.get(relative(r.location())), value);
                }
                Map<String, Long> after = freshCounts();
                lastCounts = after;
                if (!after.equals(before)) {
                    failures.add(where + ": rows changed: " + difference(before, after));
                }
            }
        }
    }

    /** The form of the site as the page renders it now; {@code renew}: a new case when the form is gone. */
    private PageForm currentForm(FormSite site, boolean renew) {
        PageForm form = findOnPage(site);
        if (form == null && renew && !site.scenario().isEmpty()) {
            try {
                cases.put(site.scenario(), newCase(site.scenario()));
            } catch (AssertionError e) {
                failures.add(site + ": a new case could not be made after an accepted submission: " + e);
                return null;
            }
            lastCounts = null;
            form = findOnPage(site);
        }
        return form;
    }

    private PageForm findOnPage(FormSite site) {
        Route route = MatrixRoutes.routes().stream()
                .filter(r -> (r.method() + " " + r.pattern()).equals(site.pageKey())).findFirst().orElseThrow();
        String path = pagePath(route, site.scenario(), site.user());
        if (site.via() != null && site.via().startsWith("/")) {
            path = fill(site.via(), site.pageKey(), site.scenario(), site.user());  // an extra page
        } else if (site.via() != null) {
            path = path.replaceAll("\\?.*", "") + site.via();
        }
        Response page = browsers.get(site.user()).get(path);
        if (page.status() != 200) {
            return null;
        }
        return forms(page.body()).stream().filter(f -> signature(f).equals(site.signature())).findFirst()
                .orElse(null);
    }

    /** Every {@code <form method="post">} of the page, with its fields as a browser would send them. */
    static List<PageForm> forms(String html) {
        Document doc = Jsoup.parse(html);
        List<PageForm> found = new ArrayList<>();
        for (Element form : doc.select("form")) {
            if (!form.attr("method").equalsIgnoreCase("post")) {
                continue;
            }
            List<Map.Entry<String, String>> fields = new ArrayList<>();
            Map<String, String> types = new TreeMap<>();
            boolean submitTaken = false;
            for (Element e : form.select("input, select, textarea, button")) {
                String name = e.attr("name");
                if (name.isEmpty() || e.hasAttr("disabled")) {
                    continue;
                }
                switch (e.tagName()) {
                    case "textarea" -> {
                        types.put(name, "textarea");
                        fields.add(new SimpleEntry<>(name, e.wholeText().isBlank() ? "Prov" : e.wholeText()));
                    }
                    case "select" -> {
                        types.put(name, "select");
                        Element selected = e.selectFirst("option[selected]");
                        String value = selected == null ? "" : selected.attr("value");
                        if (value.isEmpty()) {
                            value = e.select("option").stream().map(o -> o.attr("value")).filter(v -> !v.isEmpty())
                                    .findFirst().orElse("");
                        }
                        fields.add(new SimpleEntry<>(name, value));
                    }
                    case "button" -> {
                        if (!submitTaken && !"button".equals(e.attr("type"))) {
                            types.put(name, "submit");
                            fields.add(new SimpleEntry<>(name, e.attr("value")));
                            submitTaken = true;
                        }
                    }
                    default -> {
                        String type = e.attr("type").isEmpty() ? "text" : e.attr("type").toLowerCase();
                        switch (type) {
                            case "checkbox", "radio" -> {
                                types.putIfAbsent(name, type);
                                if (e.hasAttr("checked")) {
                                    fields.add(new SimpleEntry<>(name, e.hasAttr("value") ? e.attr("value") : "on"));
                                }
                            }
                            case "submit", "image" -> {
                                if (!submitTaken) {
                                    types.put(name, "submit");
                                    fields.add(new SimpleEntry<>(name, e.attr("value")));
                                    submitTaken = true;
                                }
                            }
                            case "reset", "button", "file" -> {
                            }
                            default -> {
                                types.put(name, type);
                                String value = e.attr("value");
                                if (value.isEmpty() && (type.equals("text") || type.equals("search"))) {
                                    value = "Prov";
                                }
                                fields.add(new SimpleEntry<>(name, value));
                            }
                        }
                    }
                }
            }
            // A radio group with nothing checked: its first choice, as a person would pick one.
            for (Element radio : form.select("input[type=radio]")) {
                String name = radio.attr("name");
                if (!name.isEmpty() && fields.stream().noneMatch(f -> f.getKey().equals(name))) {
                    fields.add(new SimpleEntry<>(name, radio.attr("value")));
                }
            }
            String action = form.attr("action");
            found.add(new PageForm(action.isEmpty() ? null : URI.create(action).getPath(), fields, types));
        }
        return found.stream().filter(f -> f.action() != null).toList();
    }

    /** Each {@code <form method="get">} of the page that has a choice, as the URL it leads to with its first choice. */
    static List<String> getForms(String html) {
        List<String> urls = new ArrayList<>();
        for (Element form : Jsoup.parse(html).select("form")) {
            if (form.attr("method").equalsIgnoreCase("post") || form.attr("action").isEmpty()
                    || form.select("input[type=radio], select").isEmpty()) {
                continue;
            }
            List<String> query = new ArrayList<>();
            Set<String> named = new java.util.HashSet<>();
            for (Element e : form.select("input, select")) {
                String name = e.attr("name");
                if (name.isEmpty() || !named.add(name)) {
                    continue;
                }
                String value = e.tagName().equals("select")
                        ? e.select("option").stream().map(o -> o.attr("value")).filter(v -> !v.isEmpty())
                                .findFirst().orElse("")
                        : e.attr("value");
                query.add(name + "=" + java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
            }
            urls.add(URI.create(form.attr("action")).getPath() + "?" + String.join("&", query));
        }
        return urls;
    }

    private static String viaQuery(String url) {
        return url.substring(url.indexOf('?'));
    }

    /** The form's action with ids as {uuid}, and its field names: the same form on another case has the same one. */
    static String signature(PageForm form) {
        return UUID_IN_PATH.matcher(form.action()).replaceAll("{uuid}") + "|"
                + new TreeSet<>(form.names()).stream().collect(Collectors.joining(","));
    }

    // ------------------------------------------------------------------------------------------------------------
    // The JSON API
    // ------------------------------------------------------------------------------------------------------------

    private void attackApi(List<Route> routes) {
        Response docs = browsers.get("admin").get("/v3/api-docs");
        if (docs.status() != 200) {
            docs = http.get("/v3/api-docs", scenario.token("admin"));
        }
        assertThat(docs.status()).as("/v3/api-docs signed in: %s", docs.body()).isEqualTo(200);
        JsonNode api = docs.json();
        int endpoints = 0;
        for (Route route : routes) {
            if (!route.api() || !Set.of("POST", "PUT", "PATCH").contains(route.method())) {
                continue;
            }
            String excluded = EXCLUDED_API.entrySet().stream().filter(e -> e.getKey().matcher(route.pattern())
                    .matches()).map(Map.Entry::getValue).findFirst().orElse(null);
            if (excluded != null) {
                notes.add("excluded endpoint " + route.method() + " " + route.pattern() + ": " + excluded);
                continue;
            }
            JsonNode operation = api.path("paths").path(route.pattern()).path(route.method().toLowerCase());
            JsonNode schema = operation.path("requestBody").path("content").path("application/json").path("schema");
            if (schema.isMissingNode()) {
                continue;
            }
            endpoints++;
            String s = null;
            String user = null;
            for (Map.Entry<String, List<String>> allowed : route.allowed().entrySet()) {
                if ((allowed.getKey().isEmpty() || SCENARIOS.contains(allowed.getKey()))
                        && !allowed.getValue().isEmpty()) {
                    s = allowed.getKey();
                    user = allowed.getValue().get(0);
                    break;
                }
            }
            if (user == null) {
                failures.add(route.method() + " " + route.pattern() + ": nobody may use it in the matrix");
                continue;
            }
            String token = route.pattern().equals("/api/v1/auth/token") ? null : scenario.token(user);
            lastCounts = null; // a token issued just now is a row
            String path = fill(route.pattern(), route.pattern(), s, user);
            String baseJson = route.json() == null ? "{}" : fill(route.json(), route.pattern(), s,
                    route.pattern().equals("/api/v1/auth/token") ? "jour2" : user);
            List<Field> fields = new ArrayList<>();
            leaves(resolve(api, schema), api, List.of(), fields, 0);
            for (Field field : fields) {
                for (Hostile value : VALUES) {
                    if (value.kind() == Kind.ARRAY && !field.type().equals("string")) {
                        continue;
                    }
                    ObjectNode body = (ObjectNode) LotsenHttp.json(baseJson);
                    set(body, field, value);
                    String where = route.method() + " " + path + " as " + user + " field " + String.join(".",
                            field.path()) + " [" + field.type() + "] = " + value.label();
                    Map<String, Long> before = counts();
                    Response r = http.sendJson(route.method(), path, LotsenHttp.toJson(body), token);
                    requests++;
                    check(where, r, value);
                    if (value.kind() == Kind.CONTROL && r.status() != 400) {
                        failures.add(where + ": a control character was not refused with 400 (" + describe(r) + ")");
                    }
                    if (r.status() >= 200 && r.status() < 300) {
                        settle();
                    } else {
                        Map<String, Long> after = freshCounts();
                        lastCounts = after;
                        if (!after.equals(before)) {
                            failures.add(where + ": refused (" + r.status() + ") but rows changed: "
                                    + difference(before, after));
                        }
                    }
                }
            }
        }
        assertThat(endpoints).as("JSON write endpoints with a request schema").isGreaterThan(10);
    }

    record Field(List<String> path, String type) {
    }

    private static JsonNode resolve(JsonNode api, JsonNode schema) {
        JsonNode s = schema;
        for (int i = 0; i < 10 && s.has("$ref"); i++) {
            String ref = s.get("$ref").asString();
            s = api.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        if (s.has("allOf") && s.get("allOf").size() == 1) {
            return resolve(api, s.get("allOf").get(0));
        }
        return s;
    }

    /** The fields of a request schema down to text, numbers, dates, choices and lists (two levels of objects). */
    private static void leaves(JsonNode schema, JsonNode api, List<String> path, List<Field> out, int depth) {
        JsonNode properties = schema.path("properties");
        if (!properties.isObject()) {
            return;
        }
        for (Map.Entry<String, JsonNode> p : properties.properties()) {
            List<String> here = new ArrayList<>(path);
            here.add(p.getKey());
            JsonNode s = resolve(api, p.getValue());
            String type = s.path("type").asString("");
            if ((type.equals("object") || s.has("properties")) && depth < 2 && s.path("properties").isObject()) {
                leaves(s, api, here, out, depth + 1);
            } else {
                out.add(new Field(here, type.isEmpty() ? "object" : type));
            }
        }
    }

    private static void set(ObjectNode body, Field field, Hostile value) {
        ObjectNode parent = body;
        List<String> path = field.path();
        for (int i = 0; i < path.size() - 1; i++) {
            JsonNode child = parent.get(path.get(i));
            if (!(child instanceof ObjectNode)) {
                child = parent.putObject(path.get(i));
            }
            parent = (ObjectNode) child;
        }
        String name = path.get(path.size() - 1);
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (value.kind() == Kind.ARRAY) {
            ArrayNode list = parent.putArray(name);
            list.add("a");
            list.add("b");
        } else if (field.type().equals("array")) {
            parent.putArray(name).add(value.value());
        } else if ((field.type().equals("integer") || field.type().equals("number"))
                && value.value().matches("-?\\d+")) {
            parent.set(name, nodes.numberNode(new java.math.BigInteger(value.value())));
        } else {
            parent.put(name, value.value());
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // Checks
    // ------------------------------------------------------------------------------------------------------------

    /** What every answer must be: no server error, no stack trace, no unescaped script in a page. */
    private void check(String where, Response r, Hostile value) {
        if (r.status() >= 500) {
            failures.add(where + ": " + describe(r));
            return;
        }
        for (String marker : STACK_MARKERS) {
            if (r.body().contains(marker)) {
                failures.add(where + ": the answer holds \"" + marker.strip() + "\" (" + describe(r) + ")");
            }
        }
        boolean json = r.contentType().contains("json");
        if (!json && r.body().contains(SCRIPT)) {
            failures.add(where + ": the script stands unescaped in the answer (" + r.contentType() + ")");
        }
    }

    private static String describe(Response r) {
        String body = r.body().replaceAll("(?s)<(script|style)\\b.*?</\\1>", " ");
        int main = body.indexOf("<main");
        if (main >= 0) {
            body = body.substring(main);
        }
        body = body.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").trim();
        return r.status() + (r.location() == null ? "" : " → " + r.location()) + ": "
                + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
    }

    /** A redirect's target as a path with its query (Location may be absolute). */
    private static String relative(String location) {
        URI uri = URI.create(location);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static String locationPath(Response r) {
        return r.location() == null ? null : URI.create(r.location()).getPath();
    }

    /** The row counts as they were after the last request (taken now when not known). */
    private Map<String, Long> counts() {
        if (lastCounts == null) {
            lastCounts = freshCounts();
        }
        return lastCounts;
    }

    /** The row count of every application table, now. */
    private Map<String, Long> freshCounts() {
        String sql = countedTables.stream().map(t -> "SELECT '" + t + "' AS t, count(*) AS n FROM \"" + t + "\"")
                .collect(Collectors.joining(" UNION ALL "));
        Map<String, Long> counts = new TreeMap<>();
        jdbc.sql(sql).query((rs, i) -> counts.put(rs.getString("t"), rs.getLong("n"))).list();
        return counts;
    }

    /** After an accepted write: its events handled, then the counts taken anew. */
    private void settle() {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> jdbc.sql(
                "SELECT count(*) FROM event_publication WHERE completion_date IS NULL AND coalesce(status, '') "
                        + "NOT IN ('FAILED', 'COMPLETED')").query(Long.class).single() == 0);
        lastCounts = freshCounts();
    }

    private static String difference(Map<String, Long> before, Map<String, Long> after) {
        return after.entrySet().stream().filter(e -> !e.getValue().equals(before.get(e.getKey())))
                .map(e -> e.getKey() + " " + before.get(e.getKey()) + " → " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    // ------------------------------------------------------------------------------------------------------------
    // Placeholders
    // ------------------------------------------------------------------------------------------------------------

    private String fill(String template, String pattern, String s, String user) {
        return MatrixRoutes.fill(template, name -> value(name, pattern, s, user));
    }

    private String value(String name, String pattern, String s, String user) {
        CaseData c = s == null || s.isEmpty() ? cases.get("OWN") : cases.get(s);
        return switch (name) {
            case "id" -> {
                if (pattern.startsWith("/questions/")) {
                    yield c.questionId().toString();
                }
                if (pattern.startsWith("/admin/accounts/")) {
                    yield jour2.toString();
                }
                if (pattern.startsWith("/partners/")) {
                    yield policePartner.toString();
                }
                if (pattern.startsWith("/routines/versions/")) {
                    yield routineVersion.toString();
                }
                if (DRAFT_REVIEW_PAGES.matcher(pattern).matches()) {
                    yield draftReview().review().toString();
                }
                if (pattern.startsWith("/reviews/")) {
                    yield review().review().toString();
                }
                if (pattern.startsWith("/knowledge/events/")) {
                    yield knowledgeEvent.toString();
                }
                if (pattern.startsWith("/knowledge/articles/")) {
                    yield knowledgeArticle.toString();
                }
                if (pattern.startsWith("/grants/")) {
                    yield grant.toString();
                }
                yield c.id().toString();
            }
            case "caseId" -> pattern.startsWith("/reviews/") ? review().caseId().toString() : c.id().toString();
            case "extendableDeadlineId" -> c.extendableDeadlineId().toString();
            case "pendingCaseId" -> c.pendingCaseId().toString();
            case "pendingDecisionId" -> c.pendingDecisionId().toString();
            case "lockedAccount" -> lockedAccount.toString();
            case "mergeKeep" -> mergeKeep.toString();
            case "mergeDuplicate" -> mergeDuplicate.toString();
            case "decisionId" -> c.decisionId().toString();
            case "deadlineId" -> c.deadlineId().toString();
            case "contactId" -> c.contactId().toString();
            case "key" -> pattern.startsWith("/routines/") ? ROUTINE : pattern.startsWith("/grants/") ? "summary"
                    : CASE_STEP;
            case "deliverableId" -> grantDeliverable.toString();
            case "paymentId" -> grantPayment.toString();
            case "stepKey" -> ROUTINE_STEP;
            case "account" -> jour2.toString();
            case "code" -> "sodermalm";
            case "meetingId" -> meeting.toString();
            case "materialId" -> knowledgeMaterial.toString();
            case "number" -> "1";
            case "username" -> "jour2";
            case "personId" -> (user.startsWith("rinkeby") ? cases.get("HANDED_OVER") : cases.get("OWN"))
                    .personId().toString();
            case "self" -> user;
            case "questionId" -> draftReview().question().toString();
            case "intakeDraft" -> intakeDraft();
            default -> throw new IllegalStateException("no value for {" + name + "} in " + pattern);
        };
    }

    /** The review pages and forms that work on a draft (the definition, the template, the start). */
    private static final Pattern DRAFT_REVIEW_PAGES = Pattern.compile(
            "/reviews/\\{id}(/edit|/questions.*|/start)?");

    /** A draft review with the method developer as its reviewer, made when first asked for. */
    private se.lotsen.review.ReviewFixture.Ids draftReview() {
        if (draftReview == null) {
            draftReview = se.lotsen.review.ReviewFixture.draftReview(jdbc, "metod");
            lastCounts = null;
        }
        return draftReview;
    }

    /** A started review of OWN with the method developer as its reviewer, made when first asked for. */
    private se.lotsen.review.ReviewFixture.Ids review() {
        if (review == null) {
            review = se.lotsen.review.ReviewFixture.startedReview(jdbc, cases.get("OWN").id(), "metod");
            lastCounts = null;
        }
        return review;
    }

    /** A valid intake sent by jour1, kept in its session for the check page: the draft's token. */
    private String intakeDraft() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("subjectType", "CHILD");
        form.put("receivedAt", now().minusHours(1).toLocalDateTime().toString());
        form.put("channel", "OTHER");
        form.put("name", "Fientlig Kontroll");
        form.put("identityKind", "UNKNOWN");
        form.put("sex", "UNKNOWN");
        form.put("protectedIdentity", "NONE");
        Response r = Scenario.submit(browsers.get("jour1"), "/cases/new/intake", "/cases/new/intake", form);
        assertThat(r.status()).as("an intake for the check page: %s", r.body()).isEqualTo(302);
        return r.location().substring(r.location().indexOf("draft=") + "draft=".length());
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(SWEDEN).truncatedTo(ChronoUnit.MINUTES);
    }
}
