package se.lotsen.audit.internal;

import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.lotsen.access.LotsenHttp;
import se.lotsen.access.LotsenHttp.Browser;
import se.lotsen.access.LotsenHttp.Response;
import se.lotsen.audit.AuditAction;
import se.lotsen.audit.AuditActor;
import se.lotsen.audit.AuditLog;
import se.lotsen.audit.AuditRecord;
import se.lotsen.audit.ReviewFlag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.lotsen.access.LotsenHttp.DEMO_PASSWORD;

/**
 * Log review as an auditor does it: entries show the case number and the person's name (to auditors only), the search
 * by each filter, the flags for unusual patterns, the record of reviews, the CSV export and the API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LogReviewIT {

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog auditLog;

    @Autowired
    ReviewFlagger flagger;

    @Autowired
    LogFilters filters;

    @Autowired
    MessageSource messages;

    LotsenHttp http;
    Browser auditor;
    String token = UUID.randomUUID().toString().substring(0, 8);
    /** Two cases at Socialjouren: "Mira" and "Noah", each read once by jour1. */
    UUID mira;
    UUID noah;
    String miraNumber;
    String noahNumber;
    String miraName;
    String noahName;

    @BeforeAll
    void twoCasesReadByJour1() {
        http = new LotsenHttp(port);
        String jour1 = http.token("jour1", DEMO_PASSWORD);
        miraName = "Loggtest Mira " + token;
        noahName = "Loggtest Noah " + token;
        Response m = openChild(jour1, miraName);
        Response n = openChild(jour1, noahName);
        mira = UUID.fromString(m.json().get("id").asString());
        noah = UUID.fromString(n.json().get("id").asString());
        miraNumber = m.json().get("caseNumber").asString();
        noahNumber = n.json().get("caseNumber").asString();
        assertThat(http.get("/api/v1/cases/" + mira, jour1).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/cases/" + noah, jour1).status()).isEqualTo(200);
        awaitEntry("READ", noah);
        auditor = http.browser();
        assertThat(auditor.signIn("granskare", DEMO_PASSWORD).status()).isEqualTo(302);
    }

    private Response openChild(String bearer, String name) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("type", "CHILD");
        subject.put("name", name);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject", subject);
        body.put("receivedAt", OffsetDateTime.now(SWEDEN).minusHours(2).truncatedTo(ChronoUnit.MINUTES).toString());
        Response r = http.postJson("/api/v1/cases", LotsenHttp.toJson(body), bearer);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r;
    }

    private void awaitEntry(String action, UUID caseId) {
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                        "SELECT count(*) FROM audit_entry WHERE action = :a AND record_id = :id")
                .param("a", action).param("id", caseId.toString()).query(Long.class).single() > 0);
    }

    private String page(String query) {
        Response r = auditor.get("/audit" + query);
        assertThat(r.status()).as("/audit%s: %s", query, r.body()).isEqualTo(200);
        return r.body();
    }

    private static String table(String html) {
        int start = html.indexOf("<tbody>");
        return start < 0 ? "" : html.substring(start, html.indexOf("</tbody>", start));
    }

    // -- what an entry shows -----------------------------------------------------------------------------------

    @Test
    void anAuditorSeesTheCaseNumberAndThePersonsNameOfEachEntry() {
        String rows = table(page("?recordId=" + mira));

        assertThat(rows).contains(miraNumber, miraName, "Ärende", "Läsning", "Skapande");
        assertThat(rows).doesNotContain(noahNumber);
    }

    @Test
    void nobodyElseSeesTheLogNorItsCaseNumbers() {
        for (String user : List.of("jour1", "jourchef", "rinkebychef", "metod", "admin")) {
            Browser b = http.browser();
            b.signIn(user, DEMO_PASSWORD);
            for (String path : List.of("/audit?caseNumber=" + miraNumber, "/audit/export.csv?caseNumber=" + miraNumber,
                    "/audit/reviews", "/audit/reviews/new")) {
                Response r = b.get(path);
                assertThat(r.status()).as("%s %s", user, path).isEqualTo(403);
                assertThat(r.body()).doesNotContain(miraNumber).doesNotContain(miraName);
            }
            Response api = http.get("/api/v1/audit?caseId=" + mira, http.token(user, DEMO_PASSWORD));
            assertThat(api.status()).as("%s API", user).isEqualTo(403);
            assertThat(api.body()).doesNotContain(miraNumber).doesNotContain(miraName);
        }
        assertThat(http.get("/api/v1/audit", null).status()).isEqualTo(401);
        assertThat(http.browser().get("/audit").status()).isEqualTo(302);
    }

    // -- search --------------------------------------------------------------------------------------------------

    @Test
    void searchByCaseNumber() {
        String rows = table(page("?caseNumber=" + miraNumber.toLowerCase()));

        assertThat(rows).contains(miraNumber, miraName).doesNotContain(noahNumber);
    }

    @Test
    void searchByPersonNameContainsCaseInsensitive() {
        String rows = table(page("?person=" + ("NOAH " + token).replace(" ", "+")));

        assertThat(rows).contains(noahNumber, noahName).doesNotContain(miraNumber);
        assertThat(table(page("?person=" + token))).contains(noahNumber, miraNumber);
        assertThat(page("?person=ingen+s%C3%A5dan+" + token)).contains("Inget hittades.");
    }

    @Test
    void searchByUserUnitActionOutcomeAndPeriod() {
        LocalDate today = LocalDate.now(SWEDEN);
        String base = "?person=" + token;

        assertThat(table(page(base + "&user=JOUR1&action=CREATE&unit=socialjouren&outcome=SUCCESS&from=" + today
                + "&to=" + today))).contains(miraNumber, noahNumber, "Skapande").doesNotContain("Läsning");
        assertThat(table(page(base + "&action=READ"))).contains(miraNumber, "Läsning").doesNotContain("Skapande");
        assertThat(page(base + "&user=jour2")).contains("Inget hittades.");
        assertThat(page(base + "&unit=sodermalm")).contains("Inget hittades.");
        assertThat(page(base + "&outcome=DENIED")).contains("Inget hittades.");
        assertThat(page(base + "&from=" + today.plusDays(1))).contains("Inget hittades.");
        assertThat(page(base + "&to=" + today.minusDays(1))).contains("Inget hittades.");
        assertThat(table(page(base + "&recordType=CASE"))).contains(miraNumber);
        assertThat(page(base + "&recordType=ACCOUNT")).contains("Inget hittades.");
    }

    @Test
    void searchByReviewFlag() {
        auditLog.record(AuditRecord.of(AuditAction.READ, "CASE", noah).withActor(actor("jour2", UUID.randomUUID(),
                "socialjouren")).withFlags(Set.of(ReviewFlag.EMERGENCY_ACCESS, ReviewFlag.PROTECTED_PERSON)));
        String base = "?caseNumber=" + noahNumber;

        String emergency = table(page(base + "&flag=EMERGENCY_ACCESS"));
        assertThat(emergency).contains(noahNumber, "Flaggad: nödåtkomst", "Flaggad: ärende om skyddad person");
        assertThat(emergency).doesNotContain("Skapande");
        assertThat(table(page(base + "&flag=ANY"))).contains("Flaggad: nödåtkomst");
        assertThat(table(page(base + "&flagged=true"))).contains("Flaggad: nödåtkomst");
        assertThat(page(base + "&flag=ODD_HOURS")).contains("Inget hittades.");
        // The filter stays in the page links.
        String html = page(base + "&flag=EMERGENCY_ACCESS");
        assertThat(html).contains("export.csv?caseNumber=" + noahNumber + "&amp;flag=EMERGENCY_ACCESS");
        assertThat(html).contains("<option value=\"EMERGENCY_ACCESS\" selected=\"selected\">nödåtkomst</option>");
    }

    @Test
    void theFilterStaysInThePaginationLinks() {
        for (int i = 0; i < 3; i++) {
            auditLog.record(AuditRecord.of(AuditAction.READ, "CASE", mira).withActor(actor("jour2", UUID.randomUUID(),
                    "socialjouren")));
        }
        // More entries about Mira than one page holds is slow to make; the link is built from the same filter.
        String html = page("?caseNumber=" + miraNumber + "&action=READ&page=0");
        assertThat(table(html)).contains(miraNumber);
        assertThat(html).contains("/audit/export.csv?caseNumber=" + miraNumber + "&amp;action=READ");
    }

    @Test
    void badFilterValuesAreFieldErrorsNeverServerErrors() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("?from=31-12-2025", "Skriv ett datum, till exempel 2026-12-24.");
        expected.put("?to=2025-02-30", "Skriv ett datum, till exempel 2026-12-24.");
        expected.put("?from=2025-03-01&to=2025-02-01", "Slutdatumet kan inte ligga före startdatumet.");
        expected.put("?flag=NOT_A_FLAG", "Ogiltigt värde.");
        expected.put("?action=LOOK", "Ogiltigt värde.");
        expected.put("?outcome=MAYBE", "Ogiltigt värde.");
        expected.put("?recordType=SPACESHIP", "Ogiltigt värde.");
        expected.put("?unit=atlantis", "Enheten finns inte.");
        expected.put("?person=" + "x".repeat(201), "Högst 200 tecken.");
        expected.put("?page=-3&caseNumber=%25", "Loggranskning");
        expected.put("?person=a%00b", "styrtecken");
        expected.forEach((query, message) -> {
            String html = page(query);
            assertThat(html).as(query).contains(message);
            if (!query.startsWith("?page")) {
                assertThat(html).as(query).contains("Det finns fel i formuläret");
            }
        });
        // The export sends a bad filter back to the page, which shows the error.
        Response export = auditor.get("/audit/export.csv?from=igår");
        assertThat(export.status()).isEqualTo(302);
        assertThat(export.location()).endsWith("/audit?from=ig%C3%A5r");
    }

    @Test
    void everyRecordTypeHasAName() {
        assertThat(filters.recordTypes()).contains("CASE", "PERSON", "ACCOUNT", "AUDIT_LOG", "AUDIT_REVIEW");
        for (String type : filters.recordTypes()) {
            for (java.util.Locale locale : List.of(java.util.Locale.forLanguageTag("sv"), java.util.Locale.ENGLISH)) {
                assertThat(messages.getMessage("auditRecordType." + type, null, null, locale)).as(type + " " + locale)
                        .isNotBlank();
            }
        }
    }

    // -- flags -----------------------------------------------------------------------------------------------------

    private static AuditActor actor(String username, UUID accountId, String unit) {
        return new AuditActor() {
            @Override
            public UUID accountId() {
                return accountId;
            }

            @Override
            public String username() {
                return username;
            }

            @Override
            public String unitCode() {
                return unit;
            }
        };
    }

    @Test
    void manyCasesIsMoreThanTheLimitOfDifferentCasesWithinTheWindow() {
        AuditActor reader = actor("jour2", UUID.randomUUID(), "socialjouren");
        UUID next = UUID.randomUUID();
        Instant now = Instant.now();
        for (int i = 0; i < 19; i++) {
            // The same case twice counts once.
            UUID read = UUID.randomUUID();
            auditLog.record(AuditRecord.of(AuditAction.READ, "CASE", read).withActor(reader));
            auditLog.record(AuditRecord.of(AuditAction.READ, "CASE", read).withActor(reader));
        }
        // 19 before and this one: 20, the limit, not more.
        assertThat(flagger.flagsFor(AuditAction.READ, "CASE", next.toString(), reader, now)).isEmpty();
        auditLog.record(AuditRecord.of(AuditAction.EXPORT, "CASE", UUID.randomUUID()).withActor(reader));
        // Within a minute, a repeated read of the same case reuses the decision (it adds no new case) ...
        assertThat(flagger.flagsFor(AuditAction.READ, "CASE", next.toString(), reader, now.plusSeconds(30)))
                .isEmpty();
        // ... after that it is counted again: 20 before and this one.
        assertThat(flagger.flagsFor(AuditAction.READ, "CASE", next.toString(), reader, now.plusSeconds(61)))
                .containsExactly(ReviewFlag.MANY_CASES);
        assertThat(flagger.flagsFor(AuditAction.READ, "CASE", UUID.randomUUID().toString(), reader, now))
                .containsExactly(ReviewFlag.MANY_CASES);
        // Reads of other kinds and other readers do not count; nor do reads outside the window.
        assertThat(flagger.flagsFor(AuditAction.SEARCH, "CASE", null, reader, now)).isEmpty();
        assertThat(flagger.flagsFor(AuditAction.READ, "PERSON", next.toString(), reader, now)).isEmpty();
        assertThat(flagger.flagsFor(AuditAction.READ, "CASE", next.toString(),
                actor("jour2", UUID.randomUUID(), "socialjouren"), now)).isEmpty();
        assertThat(flagger.flagsFor(AuditAction.READ, "CASE", UUID.randomUUID().toString(), reader,
                now.plus(Duration.ofMinutes(11)))).isEmpty();
    }

    @Test
    void theInterceptorFlagsAReadOfACaseBeforeTheEntryIsStored() {
        // An account of its own (a copy of jour1 at Socialjouren), so that no other test's reads count.
        String username = "loggtest-" + token;
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO account (id, username, display_name, unit_id, password_hash)
                        SELECT :id, :username, 'Loggtest Läsare', unit_id, password_hash FROM account
                        WHERE username = 'jour1'""").param("id", id).param("username", username).update();
        jdbc.sql("INSERT INTO account_role (account_id, role) VALUES (:id, 'DUTY_WORKER')").param("id", id).update();
        String bearer = http.token(username, DEMO_PASSWORD);
        assertThat(http.get("/api/v1/cases/" + mira, bearer).status()).isEqualTo(200);
        AuditActor reader = actor(username, id, "socialjouren");
        for (int i = 0; i < 20; i++) {
            auditLog.record(AuditRecord.of(AuditAction.READ, "CASE", UUID.randomUUID()).withActor(reader));
        }

        assertThat(http.get("/api/v1/cases/" + noah, bearer).status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("""
                        SELECT count(*) FROM audit_entry WHERE actor_account_id = :id AND record_id = :c""")
                .param("id", id).param("c", noah.toString()).query(Long.class).single() == 1);
        List<String> flags = jdbc.sql("""
                        SELECT coalesce(review_flag, '') FROM audit_entry
                        WHERE actor_account_id = :id AND record_id IN (:m, :n) ORDER BY id""")
                .param("id", id).param("m", mira.toString()).param("n", noah.toString()).query(String.class).list();
        // The first read was one case; the last made 22 different cases in ten minutes. A jour keeps no office
        // hours, so the time of day does not flag it.
        assertThat(flags).containsExactly("", "MANY_CASES");
        assertThat(auditLog.verifyChain().intact()).isTrue();
        assertThat(table(page("?user=" + username + "&flag=MANY_CASES"))).contains(noahNumber, noahName,
                "Flaggad: många ärenden på kort tid").doesNotContain(miraNumber);
    }

    // -- reviews ---------------------------------------------------------------------------------------------------

    @Test
    void aReviewIsRegisteredWithTheFlaggedCountAndListedNewestFirst() {
        Response form = auditor.get("/audit/reviews/new");
        assertThat(form.status()).isEqualTo(200);
        LocalDate firstOfMonth = LocalDate.now(SWEDEN).withDayOfMonth(1);
        // The period defaults to the last month.
        assertThat(form.body()).contains("value=\"" + firstOfMonth.minusMonths(1) + "\"",
                "value=\"" + firstOfMonth.minusDays(1) + "\"");
        LocalDate today = LocalDate.now(SWEDEN);
        auditLog.record(AuditRecord.of(AuditAction.READ, "CASE", mira).withActor(actor("jour2", UUID.randomUUID(),
                "socialjouren")).withFlags(Set.of(ReviewFlag.OUTSIDE_UNIT)));
        long flagged = jdbc.sql("""
                        SELECT count(*) FROM audit_entry WHERE review_flag IS NOT NULL
                        AND occurred_at >= :from""")
                .param("from", today.atStartOfDay(SWEDEN).toOffsetDateTime()).query(Long.class).single();
        String findings = "Granskning " + token + ": =SUM(A1) nödåtkomst kontrollerad.\nInget att anmärka.";

        Response saved = auditor.postForm("/audit/reviews", Map.of("periodFrom", today.toString(),
                "periodTo", today.toString(), "findings", findings, "_csrf",
                LotsenHttp.csrfToken(form.body())));

        assertThat(saved.status()).as(saved.body()).isEqualTo(302);
        assertThat(saved.location()).endsWith("/audit/reviews");
        Map<String, Object> row = jdbc.sql("SELECT * FROM audit_review WHERE findings LIKE :f")
                .param("f", "Granskning " + token + "%").query().singleRow();
        assertThat(row.get("reviewer_name")).isEqualTo("Lars Alm");
        assertThat(((Number) row.get("flagged_entries")).longValue()).isGreaterThanOrEqualTo(flagged);
        assertThat(row.get("findings")).isEqualTo(findings);
        String list = auditor.get("/audit/reviews").body();
        assertThat(list).contains("Granskningen är registrerad.", "Granskning " + token, "Lars Alm");
        // The registration is in the log.
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("""
                        SELECT count(*) FROM audit_entry WHERE record_type = 'AUDIT_REVIEW' AND action = 'CREATE'
                        AND record_id = :id""").param("id", row.get("id").toString()).query(Long.class).single() == 1);
        // A registered review is never changed.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql(
                        "UPDATE audit_review SET findings = 'ändrat' WHERE id = :id").param("id", row.get("id")).update())
                .rootCause().hasMessageContaining("append-only");
    }

    @Test
    void aReviewFormWithErrorsComesBackWithEachErrorAndWhatWasTyped() {
        String csrf = LotsenHttp.csrfToken(auditor.get("/audit/reviews/new").body());
        LocalDate today = LocalDate.now(SWEDEN);
        long before = jdbc.sql("SELECT count(*) FROM audit_review").query(Long.class).single();

        Map<String, String[]> cases = new LinkedHashMap<>();
        cases.put("empty findings", new String[] {today.minusDays(3).toString(), today.toString(), "  ",
                "Skriv vad du fann"});
        cases.put("backwards", new String[] {today.minusDays(3).toString(), today.minusDays(5).toString(), "Ok " + token,
                "Slutdatumet kan inte ligga före startdatumet."});
        cases.put("future", new String[] {today.toString(), today.plusDays(1).toString(), "Ok " + token,
                "kan inte ligga i framtiden."});
        cases.put("not a date", new String[] {"forra manaden", today.toString(), "Ok " + token,
                "Skriv ”Perioden från och med” som ÅÅÅÅ-MM-DD"});
        cases.put("control character", new String[] {today.minusDays(3).toString(), today.toString(), "Ok\u0000",
                "styrtecken"});
        cases.put("too long", new String[] {today.minusDays(3).toString(), today.toString(), "x".repeat(4001),
                "”Iakttagelser” får ha högst 4000 tecken."});
        cases.forEach((what, v) -> {
            Response r = auditor.postForm("/audit/reviews", Map.of("periodFrom", v[0], "periodTo", v[1],
                    "findings", v[2], "_csrf", csrf));
            assertThat(r.status()).as(what).isEqualTo(200);
            assertThat(r.body()).as(what).contains("Det finns fel i formuläret", v[3]);
            assertThat(r.body()).as(what).contains(v[0]);
        });
        assertThat(jdbc.sql("SELECT count(*) FROM audit_review").query(Long.class).single()).isEqualTo(before);
    }

    // -- CSV -----------------------------------------------------------------------------------------------------

    @Test
    void csvExportOfTheFilteredLog() {
        // A username that a spreadsheet would run as a formula (typed at the sign-in page by anyone).
        String formula = "=HYPERLINK(\"http://example.invalid\";\"x\")";
        auditLog.record(AuditRecord.of(AuditAction.READ, "CASE", mira).withActor(actor(formula, UUID.randomUUID(),
                "socialjouren")).withDetail("+cmd;x"));
        Response r = auditor.get("/audit/export.csv?caseNumber=" + miraNumber);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).isEqualToIgnoringCase("text/csv;charset=UTF-8");
        assertThat(r.header("Content-Disposition").orElseThrow()).startsWith("attachment");
        String body = r.body();
        assertThat(body).startsWith("\uFEFF");
        List<String> lines = body.substring(1).lines().toList();
        assertThat(lines.get(0)).isEqualTo("Tid;Användare;Enhet;Händelse;Posttyp;Post-id;Ärendenummer;Person;Kanal;"
                + "Adress;Utfall;Flaggor;Detalj");
        assertThat(lines).anySatisfy(l -> assertThat(l).contains(";jour1;socialjouren;Skapande;Ärende;" + mira + ";"
                + miraNumber + ";" + miraName + ";API;"));
        assertThat(lines).noneSatisfy(l -> assertThat(l).contains(noahNumber));
        // The formula is neutralised with an apostrophe, and quoted because it holds the separator.
        assertThat(lines).anySatisfy(l -> assertThat(l).contains(";\"'=HYPERLINK(\"\"http://example.invalid\"\";"
                + "\"\"x\"\")\";socialjouren;Läsning;").endsWith(";\"'+cmd;x\""));
        assertThat(body).doesNotContain(";=HYPERLINK");
        // Times in Swedish local time, to the second.
        assertThat(lines.get(1)).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d;.*");
        // The export is in the log, with its filter.
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("""
                        SELECT count(*) FROM audit_entry WHERE action = 'EXPORT' AND record_type = 'AUDIT_LOG'
                        AND detail = :d""").param("d", "filter: caseNumber=" + miraNumber).query(Long.class).single() == 1);
    }

    @Test
    void csvCellsThatLookLikeFormulasAreNeutralised() {
        assertThat(AuditCsv.cell("=1+1")).isEqualTo("'=1+1");
        assertThat(AuditCsv.cell("+46")).isEqualTo("'+46");
        assertThat(AuditCsv.cell("-2")).isEqualTo("'-2");
        assertThat(AuditCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(AuditCsv.cell("\tx")).isEqualTo("'\tx");
        assertThat(AuditCsv.cell("\rx")).isEqualTo("\"'\rx\"");
        assertThat(AuditCsv.cell("a;b")).isEqualTo("\"a;b\"");
        assertThat(AuditCsv.cell("sa \"hej\"")).isEqualTo("\"sa \"\"hej\"\"\"");
        assertThat(AuditCsv.cell("SJ-2026-1")).isEqualTo("SJ-2026-1");
        assertThat(AuditCsv.cell(null)).isEmpty();
    }

    @Test
    void csvHeaderInEnglishForAnEnglishUser() {
        Response r = auditor.get("/audit/export.csv?caseNumber=" + miraNumber + "&lang=en");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().substring(1).lines().findFirst().orElseThrow()).isEqualTo("Time;User;Unit;Action;"
                + "Record type;Record id;Case number;Person;Channel;Address;Outcome;Flags;Detail");
        auditor.get("/?lang=sv");
    }

    // -- API -----------------------------------------------------------------------------------------------------

    @Test
    void theApiGivesAuditorsTheEntriesOfACase() {
        String bearer = http.token("granskare", DEMO_PASSWORD);
        LocalDate today = LocalDate.now(SWEDEN);

        Response r = http.get("/api/v1/audit?caseId=" + mira + "&user=jour1&from=" + today + "&to=" + today
                + "&size=10", bearer);

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        var items = r.json().get("items");
        assertThat(items.size()).isGreaterThanOrEqualTo(2);
        var first = items.get(0);
        assertThat(first.get("id").asLong()).isPositive();
        assertThat(first.get("at").asString()).isNotBlank();
        assertThat(first.get("actor").asString()).isEqualTo("jour1");
        assertThat(first.get("recordType").asString()).isEqualTo("CASE");
        assertThat(first.get("recordId").asString()).isEqualTo(mira.toString());
        assertThat(first.get("caseNumber").asString()).isEqualTo(miraNumber);
        assertThat(first.get("outcome").asString()).isEqualTo("SUCCESS");
        assertThat(first.get("channel").asString()).isEqualTo("API");
        assertThat(items.values().stream().map(i -> i.get("action").asString()).toList()).contains("READ", "CREATE");
        assertThat(r.json().get("total").asLong()).isEqualTo(items.size());

        // The same entries found by the case number and by the person's name, as on the page.
        Response byNumber = http.get("/api/v1/audit?caseNumber=" + miraNumber.toLowerCase() + "&user=jour1&size=100",
                bearer);
        assertThat(byNumber.status()).as(byNumber.body()).isEqualTo(200);
        assertThat(byNumber.json().get("items").values().stream().map(i -> i.get("caseNumber").asString()).distinct()
                .toList()).containsExactly(miraNumber);
        Response byPerson = http.get("/api/v1/audit?person=" + java.net.URLEncoder.encode(miraName,
                java.nio.charset.StandardCharsets.UTF_8) + "&size=100", bearer);
        assertThat(byPerson.status()).isEqualTo(200);
        assertThat(byPerson.json().get("items").values().stream().map(i -> i.get("person").asString()).distinct()
                .toList()).containsExactly(miraName);
    }

    @Test
    void theApiRefusesBadParametersWithAProblem() {
        String bearer = http.token("granskare", DEMO_PASSWORD);
        for (String query : List.of("?from=2025-13-01", "?to=yesterday", "?caseId=not-a-uuid",
                "?from=2025-03-01&to=2025-02-01", "?flag=BOGUS", "?page=x", "?caseNumber=" + "9".repeat(201))) {
            Response r = http.get("/api/v1/audit" + query, bearer);
            assertThat(r.status()).as(query).isEqualTo(400);
            assertThat(r.contentType()).as(query).startsWith("application/problem+json");
        }
    }

    @Test
    void theExportStopsAtItsCapAndSaysSo() {
        boolean truncated = filtersTrail().export(new se.lotsen.audit.AuditTrail.Filter(null, null, null, null, null,
                null, mira.toString(), null, false, null, null, null), 2, false, row -> { });
        assertThat(truncated).isTrue();
        assertThat(filtersTrail().export(new se.lotsen.audit.AuditTrail.Filter(null, null, null, null, null, null,
                UUID.randomUUID().toString(), null, false, null, null, null), 2, false, row -> { })).isFalse();
        List<Long> ids = new java.util.ArrayList<>();
        filtersTrail().export(new se.lotsen.audit.AuditTrail.Filter(null, null, null, null, null, null,
                mira.toString(), null, false, null, null, null), 100_000, false, row -> ids.add(row.entry().id()));
        assertThat(ids).isSortedAccordingTo(java.util.Comparator.reverseOrder()).hasSizeGreaterThanOrEqualTo(2)
                .doesNotHaveDuplicates();
        // The file says when it was cut.
        StringWriter out = new StringWriter();
        try {
            new AuditCsv(messages, java.util.Locale.forLanguageTag("sv")).truncated(out, 100_000);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(out.toString()).startsWith("Exporten innehåller bara de 100").contains("senaste posterna");
    }

    @Autowired
    se.lotsen.audit.AuditTrail trail;

    private se.lotsen.audit.AuditTrail filtersTrail() {
        return trail;
    }
}
