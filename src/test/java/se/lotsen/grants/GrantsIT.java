package se.lotsen.grants;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.lotsen.access.LotsenHttp;
import se.lotsen.access.LotsenHttp.Browser;
import se.lotsen.access.LotsenHttp.Response;
import se.lotsen.calendar.DaysLeft;
import se.lotsen.common.FieldProblems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Grants over real HTTP with form sign-in, and the figures through the service: a grant's form refuses what it
 * cannot use with every problem at once and every value kept; payments add up and never reach into the held-back
 * share before the report is approved; who may read and who may manage; the final report drafted with the sections of
 * the other modules (a {@link GrantReportSource} of the test's own), edited, drafted again after a confirmation, a
 * concurrent edit refused with a message; the PDF holds the edited text with Swedish characters; the report's due date
 * on the deadline board of the method developer, who sees no case there.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GrantsIT {

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    private static final Pattern GRANT_LOCATION = Pattern.compile("/grants/([0-9a-f-]{36})$");
    private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(-?\\d+)\"");
    private static final Pattern CASE_NUMBER = Pattern.compile("[A-Z-]+-\\d{4}-\\d{4}");

    /** A section of another module, as the statistics, events and reviews modules will draft theirs. */
    @TestConfiguration
    static class TestSectionConfiguration {
        @Bean
        GrantReportSource testEvents() {
            return new GrantReportSource() {
                @Override
                public String key() {
                    return "test-events";
                }

                @Override
                public int order() {
                    return 20;
                }

                @Override
                public Draft draft(LocalDate from, LocalDate to, Locale locale) {
                    return new Draft("Genomförda seminarier (test)", "Under perioden " + from + " – " + to
                            + " hölls seminarier.\n\n- Seminarium i Göteborg: 40 deltagare\n- Informationsbesök: 12 deltagare");
                }
            };
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    Grants grants;

    @Autowired
    GrantReports reports;

    @Autowired
    DaysLeft daysLeft;

    @Autowired
    JdbcClient jdbc;

    LotsenHttp http;
    LocalDate today;

    @BeforeEach
    void setUp() {
        http = new LotsenHttp(port);
        today = LocalDate.now(SWEDEN);
    }

    // -- the grant's form --

    @Test
    void theFormRefusesWhatItCannotUseWithEveryProblemAtOnceAndKeepsWhatWasTyped() {
        Browser metod = signedIn("metod");
        Map<String, String> form = grantForm("Testfinansiär Värmland", "12,5 kr", "2026-06-30", "2026-01-01",
                "2026-09-30", "PERCENT", "150");
        form.put("purpose", "");
        Response r = submit(metod, "/grants/new", "/grants/new", form);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).contains("error-summary")
                .contains("hela kronor")               // the amount
                .contains("före dess första dag")       // the period
                .contains("mellan 0 och 100 procent")  // the held-back share
                .contains("value=\"12,5 kr\"")          // kept as typed
                .contains("Testfinansiär Värmland");
        assertThat(count("Testfinansiär Värmland")).isZero();

        // An amount with spaces and "kr" is read as people write it.
        Response ok = submit(metod, "/grants/new", "/grants/new", grantForm("Testfinansiär Värmland",
                "1 000 000 kr", "2026-01-01", "2026-12-31", "2027-02-28", "PERCENT", "20"));
        assertThat(ok.status()).as(ok.text()).isEqualTo(302);
        Grant g = grants.get(idFrom(ok));
        assertThat(g.amount()).isEqualTo(1_000_000L);
        assertThat(g.heldBack()).isEqualTo(200_000L);
        String page = metod.get("/grants/" + g.id()).text();
        assertThat(page).contains("1\u00a0000\u00a0000 kr").contains("200\u00a0000 kr").contains("800\u00a0000 kr");
    }

    // -- payments and the held-back share --

    @Test
    void paymentsAddUpAndTheHeldBackShareWaitsForTheApprovedReport() {
        Grant g = newGrant("Testfinansiär Utbetalning " + UUID.randomUUID(), 999_999L, Grant.HeldBackKind.PERCENT,
                15L, today.minusMonths(6), today.plusMonths(6), today.plusMonths(7));
        // 15 % of 999 999 is 149 999.85: the held-back share is rounded to the nearest krona.
        assertThat(g.heldBack()).isEqualTo(150_000L);
        assertThat(g.expectedPayment()).isEqualTo(849_999L);

        grants.addPayment(g.id(), new Grants.PaymentForm(today.minusMonths(5), 600_000L, "Första"), "Test");
        grants.addPayment(g.id(), new Grants.PaymentForm(today.minusMonths(1), 200_000L, null), "Test");
        g = grants.get(g.id());
        assertThat(g.paid()).isEqualTo(800_000L);
        assertThat(g.remaining()).isEqualTo(199_999L);
        assertThat(g.heldBackRemaining()).isEqualTo(150_000L);
        assertThat(g.expectedPayment()).isEqualTo(49_999L);

        // More than may be paid before the report is approved: refused, naming the limit.
        UUID id = g.id();
        assertThatThrownBy(() -> grants.addPayment(id, new Grants.PaymentForm(today, 50_000L, null), "Test"))
                .isInstanceOfSatisfying(FieldProblems.class, p -> assertThat(p.problems())
                        .anySatisfy(x -> assertThat(x.messageKey()).isEqualTo("validation.grant.payment.heldBack")));
        // A payment in the future is refused.
        assertThatThrownBy(() -> grants.addPayment(id, new Grants.PaymentForm(today.plusDays(1), 1L, null), "Test"))
                .isInstanceOf(FieldProblems.class);
        // Approval before submission is refused.
        int version = grants.get(id).version();
        assertThatThrownBy(() -> grants.reportApproved(id, version, today, "Test")).isInstanceOf(FieldProblems.class);

        grants.reportSubmitted(id, version, today.minusDays(2), "Test");
        g = grants.reportApproved(id, grants.get(id).version(), today, "Test");
        assertThat(g.reportStatus()).isEqualTo(Grant.ReportStatus.APPROVED);
        // Approving releases the held-back share: everything left is now expected.
        assertThat(g.expectedPayment()).isEqualTo(199_999L);
        assertThatThrownBy(() -> grants.addPayment(id, new Grants.PaymentForm(today, 200_000L, null), "Test"))
                .isInstanceOfSatisfying(FieldProblems.class, p -> assertThat(p.problems())
                        .anySatisfy(x -> assertThat(x.messageKey()).isEqualTo("validation.grant.payment.remaining")));
        grants.addPayment(id, new Grants.PaymentForm(today, 199_999L, "Slutbetalning"), "Test");
        g = grants.get(id);
        assertThat(g.remaining()).isZero();
        assertThat(g.expectedPayment()).isZero();

        // The amount cannot go below what was paid.
        Grant paidOut = g;
        assertThatThrownBy(() -> grants.update(id, paidOut.version(), new Grants.GrantForm(paidOut.funder(), null,
                900_000L, paidOut.periodFrom(), paidOut.periodTo(), paidOut.purpose(), null, paidOut.reportDue(),
                Grant.HeldBackKind.PERCENT, 15L), "Test")).isInstanceOf(FieldProblems.class);
    }

    @Test
    void aPaymentFormTooLargeIsRefusedOnThePageWithTheLimit() {
        Grant g = newGrant("Testfinansiär Sida " + UUID.randomUUID(), 100_000L, Grant.HeldBackKind.AMOUNT, 30_000L,
                today.minusMonths(2), today.plusMonths(2), today.plusMonths(3));
        Browser metod = signedIn("metod");
        String base = "/grants/" + g.id();
        Response refused = submit(metod, base + "/payments/new", base + "/payments/new",
                Map.of("paidOn", today.toString(), "amount", "80 000", "note", ""));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.text()).contains("error-summary").contains("70000 kr").contains("value=\"80 000\"");
        Response ok = submit(metod, base + "/payments/new", base + "/payments/new",
                Map.of("paidOn", today.toString(), "amount", "70 000", "note", "Delutbetalning"));
        assertThat(ok.status()).isEqualTo(302);
        assertThat(grants.get(g.id()).paid()).isEqualTo(70_000L);
    }

    // -- who --

    @Test
    void theMethodDeveloperManagesManagersLeadsAndAuditorsReadOthersAreRefused() {
        Grant g = newGrant("Testfinansiär Roller " + UUID.randomUUID(), 500_000L, Grant.HeldBackKind.PERCENT, 20L,
                today.minusMonths(2), today.plusMonths(2), today.plusMonths(3));
        String base = "/grants/" + g.id();
        for (String reader : List.of("jourchef", "rinkebychef", "granskare")) {
            Browser b = signedIn(reader);
            Response list = b.get("/grants");
            assertThat(list.status()).as(reader).isEqualTo(200);
            assertThat(list.text()).as(reader).doesNotContain("href=\"/grants/new\"");
            Response page = b.get(base);
            assertThat(page.status()).as(reader).isEqualTo(200);
            assertThat(page.text()).as(reader).contains(g.funder()).doesNotContain(base + "/edit");
            assertThat(b.get(base + "/edit").status()).as(reader).isEqualTo(403);
            assertThat(b.get("/grants/new").status()).as(reader).isEqualTo(403);
            assertThat(b.postForm(base + "/payments/new", Map.of("_csrf", LotsenHttp.csrfToken(page.text()),
                    "paidOn", today.toString(), "amount", "1", "note", "")).status()).as(reader).isEqualTo(403);
        }
        for (String other : List.of("jour1", "rinkeby1", "admin")) {
            Browser b = signedIn(other);
            assertThat(b.get("/grants").status()).as(other).isEqualTo(403);
            assertThat(b.get(base).status()).as(other).isEqualTo(403);
            assertThat(b.get(base + "/report.pdf").status()).as(other).isEqualTo(403);
        }
        Browser metod = signedIn("metod");
        assertThat(metod.get(base + "/edit").status()).isEqualTo(200);
        assertThat(metod.get("/grants/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(grants.get(g.id()).paid()).isZero();
    }

    // -- the final report --

    @Test
    void theReportIsDraftedWithEverySectionEditedRedraftedAndExportedToPdf() throws Exception {
        Grant g = newGrant("Testfinansiär Rapport " + UUID.randomUUID(), 1_200_000L, Grant.HeldBackKind.PERCENT,
                20L, today.minusMonths(11), today.plusDays(3), today.plusMonths(1));
        grants.addDeliverable(g.id(), new Grants.DeliverableForm(Deliverable.Kind.HANDBOOK, "Handbok för akuta ärenden",
                Deliverable.Status.DELIVERED, "Publicerad som rutin i Lotsen."), "Test");
        Browser metod = signedIn("metod");
        String base = "/grants/" + g.id();
        assertThat(metod.get(base + "/report.pdf").status()).as("no PDF before a draft").isEqualTo(404);

        Response drafted = metod.postForm(base + "/report",
                Map.of("_csrf", LotsenHttp.csrfToken(metod.get(base + "/report").text())));
        assertThat(drafted.status()).isEqualTo(302);
        List<ReportSection> sections = reports.sections(g.id());
        // The built-in sections and every module's section (statistics, events, reviews and this test's), by order.
        assertThat(sections).extracting(ReportSection::key)
                .containsExactly("summary", "deliverables", "statistics", "test-events", "events", "routines",
                        "reviews");
        Map<String, ReportSection> byKey = new java.util.HashMap<>();
        sections.forEach(section -> byKey.put(section.key(), section));
        assertThat(byKey.get("summary").text()).contains(g.funder()).contains("1\u00a0200\u00a0000 kr")
                .contains("240\u00a0000 kr");
        assertThat(byKey.get("deliverables").text()).contains("- Handbok: Handbok för akuta ärenden (genomförd)");
        assertThat(byKey.get("test-events").text()).contains("Seminarium i Göteborg");
        assertThat(byKey.get("routines").text()).contains("Rutin för akuta ärenden om människohandel och prostitution");
        String page = metod.get(base + "/report").text();
        assertThat(page).contains("Genomförda seminarier (test)").contains("<li>Seminarium i Göteborg: 40 deltagare</li>");
        // Drafting twice changes nothing (a double submit).
        metod.postForm(base + "/report", Map.of("_csrf", LotsenHttp.csrfToken(page)));
        assertThat(reports.sections(g.id())).hasSize(sections.size());

        // Edit a section: two people open it; the first saves; the second is refused with a message, text kept.
        String sectionPath = base + "/report/sections/test-events";
        Browser jour = signedIn("metod");
        String formA = metod.get(sectionPath).text();
        String formB = jour.get(sectionPath).text();
        String edited = "Under året hölls fyra seminarier i Södertälje och Järfälla.\n\n- Åtta jourer deltog\n- Öppet för ÅÄÖ-frågor";
        Response saved = metod.postForm(sectionPath, Map.of("_csrf", LotsenHttp.csrfToken(formA),
                "title", "Seminarier och utbildningsdagar", "text", edited, "version", version(formA)));
        assertThat(saved.status()).isEqualTo(302);
        Response refused = jour.postForm(sectionPath, Map.of("_csrf", LotsenHttp.csrfToken(formB),
                "title", "Annan rubrik", "text", "Någon annans text", "version", version(formB)));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.text()).contains("Någon annan ändrade medan du arbetade").contains("Någon annans text");
        assertThat(reports.section(g.id(), "test-events").orElseThrow().text()).isEqualTo(edited);
        // The form now carries the current version: saving again is a deliberate choice.
        assertThat(version(refused.text())).isEqualTo(Integer.toString(
                reports.section(g.id(), "test-events").orElseThrow().version()));

        // The PDF holds the edited text, with Swedish characters, as a download with a safe name.
        HttpResponse<byte[]> pdf = getBytes(metod, base + "/report.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition").orElse(""))
                .startsWith("attachment").contains("filename=\"slutrapport-testfinansiar-rapport-");
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
        assertThat(text).contains("Seminarier och utbildningsdagar")
                .contains("Under året hölls fyra seminarier i Södertälje och Järfälla.")
                .contains("Åtta jourer deltog").contains("Öppet för ÅÄÖ-frågor").contains("Bidraget i sammandrag");

        // Redraft the section: the confirmation says that hand edits are lost; then the drafted text is back.
        String confirm = metod.get(sectionPath + "/redraft").text();
        assertThat(confirm).contains("ändrats för hand").contains("Öppet för ÅÄÖ-frågor");
        Response redrafted = metod.postForm(sectionPath + "/redraft",
                Map.of("_csrf", LotsenHttp.csrfToken(confirm), "version", version(confirm)));
        assertThat(redrafted.status()).isEqualTo(302);
        ReportSection again = reports.section(g.id(), "test-events").orElseThrow();
        assertThat(again.text()).contains("Seminarium i Göteborg");
        assertThat(again.edited()).isFalse();
        // A redraft from a stale confirmation page is refused too.
        Response stale = metod.postForm(sectionPath + "/redraft",
                Map.of("_csrf", LotsenHttp.csrfToken(confirm), "version", version(confirm)));
        assertThat(stale.status()).isEqualTo(200);
        assertThat(stale.text()).contains("Någon annan ändrade medan du arbetade");

        // Submitted: the report is what was sent and can no longer be changed.
        String grantPage = metod.get(base).text();
        Response submitted = metod.postForm(base + "/report/submitted", Map.of("_csrf",
                LotsenHttp.csrfToken(grantPage), "on", today.toString(), "version", version(grantPage)));
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(302);
        String lockedForm = metod.get(sectionPath).text();
        Response locked = metod.postForm(sectionPath, Map.of("_csrf", LotsenHttp.csrfToken(lockedForm),
                "title", "Ny rubrik", "text", "Ny text", "version", version(lockedForm)));
        assertThat(locked.status()).isEqualTo(200);
        assertThat(locked.text()).contains("kan inte längre ändras");
        assertThat(reports.section(g.id(), "test-events").orElseThrow().text()).contains("Seminarium i Göteborg");
        assertThat(metod.get(base + "/report").text()).doesNotContain(sectionPath + "/redraft");
        // The approval's form: a day that does not exist, or a control character, is refused with the error summary.
        String submittedPage = metod.get(base).text();
        for (String bad : List.of("2026-02-30", "a\u0001b")) {
            Response refusedDay = metod.postForm(base + "/report/approved", Map.of("_csrf",
                    LotsenHttp.csrfToken(submittedPage), "on", bad, "version", version(submittedPage)));
            assertThat(refusedDay.status()).as(bad).isEqualTo(200);
            assertThat(refusedDay.text()).as(bad).contains("error-summary");
        }
        assertThat(grants.get(g.id()).reportStatus()).isEqualTo(Grant.ReportStatus.SUBMITTED);
    }

    @Test
    void aReportWithNoRoutineVersionInItsPeriodSaysSo() {
        Grant g = newGrant("Testfinansiär Historik " + UUID.randomUUID(), 10_000L, Grant.HeldBackKind.AMOUNT, 0L,
                LocalDate.of(2001, 1, 1), LocalDate.of(2001, 12, 31), LocalDate.of(2002, 3, 31));
        List<ReportSection> sections = reports.draft(g.id(), "Test");
        assertThat(sections.stream().filter(s -> s.key().equals("routines")).findFirst().orElseThrow().text())
                .contains("Inga nya rutinversioner publicerades mellan 1 januari 2001 och 31 december 2001");
        assertThat(sections.stream().filter(s -> s.key().equals("deliverables")).findFirst().orElseThrow().text())
                .contains("Inga insatser");
    }

    // -- the deadline board --

    @Test
    void theReportsDueDateIsOnTheDeadlineBoardOfItsReadersWithTheWorkingDaysLeft() {
        LocalDate due = today.plusDays(10);
        Grant g = newGrant("Testfinansiär Tavla " + UUID.randomUUID(), 300_000L, Grant.HeldBackKind.PERCENT, 10L,
                today.minusMonths(12), today.minusDays(1), due);
        String left = daysLeft.left(due, today, Locale.forLanguageTag("sv"));

        Browser metod = signedIn("metod");
        String board = metod.get("/deadlines").text();
        assertThat(board).contains("Slutrapport för bidrag").contains(g.name()).contains("/grants/" + g.id())
                .contains(left);
        // The method developer's board holds no case: their case scope is empty.
        assertThat(CASE_NUMBER.matcher(board.replaceAll("SOCIALJOUREN-ÅÅÅÅ", "")).find())
                .as("a case number on the method developer's board").isFalse();
        assertThat(signedIn("jourchef").get("/deadlines").text()).contains(g.name());
        // Not for those who may not read grants; beyond the board's look-ahead not at all.
        assertThat(signedIn("jour1").get("/deadlines").text()).doesNotContain(g.name());
        Grant later = newGrant("Testfinansiär Senare " + UUID.randomUUID(), 300_000L, Grant.HeldBackKind.PERCENT, 10L,
                today.minusMonths(12), today.minusDays(1), today.plusDays(60));
        assertThat(metod.get("/deadlines?days=30").text()).doesNotContain(later.name());

        // Once submitted, it leaves the board.
        grants.reportSubmitted(g.id(), g.version(), today, "Test");
        assertThat(metod.get("/deadlines").text()).doesNotContain(g.name());
        // And the method developer finds the board on the start page.
        assertThat(metod.get("/").text()).contains("href=\"/deadlines\"").contains("href=\"/grants\"");
    }

    // -- helpers --

    private Grant newGrant(String funder, long amount, Grant.HeldBackKind kind, long heldBack, LocalDate from,
                           LocalDate to, LocalDate due) {
        return grants.create(new Grants.GrantForm(funder, null, amount, from, to,
                "Att utveckla arbetet mot människohandel (test).", null, due, kind, heldBack), "Test");
    }

    private static Map<String, String> grantForm(String funder, String amount, String from, String to, String due,
                                                 String kind, String heldBack) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("funder", funder);
        f.put("reference", "");
        f.put("amount", amount);
        f.put("periodFrom", from);
        f.put("periodTo", to);
        f.put("purpose", "Att utveckla jourens arbete mot människohandel (test).");
        f.put("conditions", "");
        f.put("reportDue", due);
        f.put("heldBackKind", kind);
        f.put("heldBackValue", heldBack);
        f.put("version", "");
        return f;
    }

    private long count(String funder) {
        return jdbc.sql("SELECT count(*) FROM grant_award WHERE funder = :f").param("f", funder).query(Long.class)
                .single();
    }

    private Browser signedIn(String user) {
        Browser b = http.browser();
        assertThat(b.signIn(user, LotsenHttp.DEMO_PASSWORD).status()).as("sign-in of %s", user).isEqualTo(302);
        return b;
    }

    private static Response submit(Browser b, String pagePath, String postPath, Map<String, String> fields) {
        return se.lotsen.access.Scenario.submit(b, pagePath, postPath, fields);
    }

    private static UUID idFrom(Response r) {
        Matcher m = GRANT_LOCATION.matcher(r.location());
        assertThat(m.find()).as(r.location()).isTrue();
        return UUID.fromString(m.group(1));
    }

    private static String version(String html) {
        Matcher m = VERSION.matcher(html);
        assertThat(m.find()).as("a version on the page").isTrue();
        return m.group(1);
    }

    private HttpResponse<byte[]> getBytes(Browser b, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Cookie", LotsenHttp.SESSION_COOKIE + "=" + b.cookie(LotsenHttp.SESSION_COOKIE)).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }
}
