package se.lotsen.knowledge;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.lotsen.access.LotsenHttp;
import se.lotsen.access.LotsenHttp.Browser;
import se.lotsen.access.LotsenHttp.Response;
import se.lotsen.grants.GrantReportSource;
import se.lotsen.routines.RoutineLinks;

import static org.assertj.core.api.Assertions.assertThat;
import static se.lotsen.access.LotsenHttp.DEMO_PASSWORD;

/**
 * Knowledge over real HTTP: events with participants and status (validation with translated messages, the row
 * buttons, the published event), materials (allowed types by extension and content, the size limits, downloads only
 * as attachments), the knowledge base (Swedish stemming, tags, versions with differences), links between articles
 * and routine steps both ways, the start page panel and the grant report's section. The size limits are made small
 * here so that the tests send small files.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "lotsen.test.context=knowledge",
        "lotsen.knowledge.max-material-size=64KB",
        "spring.servlet.multipart.max-file-size=256KB",
        "spring.servlet.multipart.max-request-size=300KB"})
@Import(KnowledgeIT.Recorder.class)
class KnowledgeIT {

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    /** Records every KnowledgeEventRecorded published, as the statistics module would receive it. */
    @TestConfiguration
    static class Recorder {
        final List<KnowledgeEventRecorded> recorded = new CopyOnWriteArrayList<>();

        @EventListener
        void on(KnowledgeEventRecorded event) {
            recorded.add(event);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Recorder recorder;

    @Autowired
    List<RoutineLinks> routineLinks;

    @Autowired
    List<GrantReportSource> reportSources;

    LotsenHttp http;

    @BeforeEach
    void setUp() {
        http = new LotsenHttp(port);
    }

    private Browser signedIn(String username) {
        Browser b = http.browser();
        assertThat(b.signIn(username, DEMO_PASSWORD).status()).isEqualTo(302);
        return b;
    }

    private static String csrf(Browser b, String page) {
        Response r = b.get(page);
        assertThat(r.status()).as("GET %s", page).isEqualTo(200);
        return LotsenHttp.csrfToken(r.body());
    }

    private static List<Map.Entry<String, String>> fields(String... kv) {
        List<Map.Entry<String, String>> list = new ArrayList<>();
        for (int i = 0; i < kv.length; i += 2) {
            list.add(Map.entry(kv[i], kv[i + 1]));
        }
        return list;
    }

    /** Registers an event through the form; returns its id. */
    private UUID createEvent(Browser metod, String topic, LocalDate date, String status, String... participants) {
        List<Map.Entry<String, String>> f = fields("_csrf", csrf(metod, "/knowledge/events/new"), "kind", "SEMINAR",
                "topic", topic, "date", date.toString(), "time", "09:30", "place", "Stadshuset", "organiser",
                "Socialjouren", "audiences", "POLICE", "audiences", "DISTRICT_OFFICES", "status", status,
                "evaluation", "", "version", "");
        for (int i = 0; i < participants.length; i += 3) {
            int row = i / 3;
            f.add(Map.entry("participants[" + row + "].organisation", participants[i]));
            f.add(Map.entry("participants[" + row + "].audience", participants[i + 1]));
            f.add(Map.entry("participants[" + row + "].participants", participants[i + 2]));
        }
        Response r = metod.postForm("/knowledge/events/new", f);
        assertThat(r.status()).as("create event: %s", r.body()).isEqualTo(302);
        return UUID.fromString(r.location().substring(r.location().lastIndexOf('/') + 1));
    }

    // -- events ------------------------------------------------------------------------------------------------

    @Test
    void anEventWithParticipantsIsRegisteredAndPublished() {
        Browser metod = signedIn("metod");
        String topic = "Seminarium om signaler " + UUID.randomUUID().toString().substring(0, 6);
        LocalDate past = LocalDate.now(SWEDEN).minusDays(10);
        UUID id = createEvent(metod, topic, past, "HELD", "Polisen, Citypolisen", "POLICE", "12",
                "Rinkeby-Kista stadsdelsförvaltning", "DISTRICT_OFFICES", "7");

        Response page = metod.get("/knowledge/events/" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(topic, "Polisen, Citypolisen", "Hållet", ">19<");
        assertThat(jdbc.sql("SELECT sum(participants) FROM knowledge_event_participants WHERE event_id = :id")
                .param("id", id).query(Integer.class).single()).isEqualTo(19);
        assertThat(recorder.recorded).contains(new KnowledgeEventRecorded(id, past,
                KnowledgeEventRecorded.Kind.SEMINAR, KnowledgeEventRecorded.Status.HELD, 19));

        // Changing it (cancelled, one row removed) publishes the new state: a cancelled event counts no participants.
        Map<String, String> edit = new LinkedHashMap<>();
        edit.put("_csrf", csrf(metod, "/knowledge/events/" + id + "/edit"));
        edit.putAll(Map.of("kind", "SEMINAR", "topic", topic, "date", past.toString(), "time", "", "place", "",
                "organiser", "Socialjouren", "audiences", "POLICE", "status", "CANCELLED", "evaluation",
                "Inställt på grund av sjukdom.", "version", "0"));
        Response changed = metod.postForm("/knowledge/events/" + id + "/edit", edit);
        assertThat(changed.status()).as(changed.body()).isEqualTo(302);
        assertThat(recorder.recorded).contains(new KnowledgeEventRecorded(id, past,
                KnowledgeEventRecorded.Kind.SEMINAR, KnowledgeEventRecorded.Status.CANCELLED, 0));

        // A stale version is refused as someone else's change, nothing overwritten.
        edit.put("_csrf", csrf(metod, "/knowledge/events/" + id + "/edit"));
        edit.put("status", "HELD");
        Response stale = metod.postForm("/knowledge/events/" + id + "/edit", edit);
        assertThat(stale.status()).isEqualTo(200);
        assertThat(stale.body()).contains("Någon annan ändrade");
        assertThat(jdbc.sql("SELECT status FROM knowledge_event WHERE id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("CANCELLED");
    }

    @Test
    void anInvalidEventIsRefusedWithTranslatedMessagesAndTheValuesKept() {
        Browser metod = signedIn("metod");
        long before = jdbc.sql("SELECT count(*) FROM knowledge_event").query(Long.class).single();
        LocalDate future = LocalDate.now(SWEDEN).plusDays(30);
        Response r = metod.postForm("/knowledge/events/new", fields("_csrf", csrf(metod, "/knowledge/events/new"),
                "kind", "SEMINAR", "topic", "", "date", future.toString(), "organiser", "Socialjouren",
                "status", "HELD", "participants[0].organisation", "", "participants[0].audience", "POLICE",
                "participants[0].participants", "många", "evaluation", "Keep this text"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("error-summary", "Fyll i ”Ämne”", "Välj minst en målgrupp",
                "kan inte vara hållet", "Organisation, rad 1", "Antal deltagare, rad 1", "Keep this text");
        assertThat(jdbc.sql("SELECT count(*) FROM knowledge_event").query(Long.class).single()).isEqualTo(before);

        // In English too.
        Response en = metod.postForm("/knowledge/events/new?lang=en", fields("_csrf",
                csrf(metod, "/knowledge/events/new"), "kind", "SEMINAR", "topic", "", "date", "2026-02-30",
                "organiser", "x", "audiences", "POLICE", "status", "PLANNED"));
        assertThat(en.status()).isEqualTo(200);
        assertThat(en.body()).contains("error-summary");
    }

    @Test
    void participantRowsAreAddedAndRemovedWithoutJavaScriptAndNothingIsSaved() {
        Browser metod = signedIn("metod");
        long before = jdbc.sql("SELECT count(*) FROM knowledge_event").query(Long.class).single();
        Response added = metod.postForm("/knowledge/events/new", fields("_csrf", csrf(metod, "/knowledge/events/new"),
                "kind", "SEMINAR", "topic", "Radprov", "date", "2026-01-10", "organiser", "Socialjouren",
                "audiences", "POLICE", "status", "PLANNED", "participants[0].organisation", "Polisen",
                "participants[0].audience", "POLICE", "participants[0].participants", "3", "row", "add-participant"));
        assertThat(added.status()).isEqualTo(200);
        assertThat(added.body()).contains("name=\"participants[1].organisation\"", "value=\"Polisen\"", "Radprov")
                .doesNotContain("error-summary");
        Response removed = metod.postForm("/knowledge/events/new", fields("_csrf",
                csrf(metod, "/knowledge/events/new"), "kind", "SEMINAR", "topic", "Radprov", "date", "2026-01-10",
                "organiser", "Socialjouren", "audiences", "POLICE", "status", "PLANNED",
                "participants[0].organisation", "Polisen", "participants[0].audience", "POLICE",
                "participants[0].participants", "3", "participants[1].organisation", "Kvar",
                "participants[1].audience", "OTHERS", "participants[1].participants", "2",
                "row", "remove-participant-0"));
        assertThat(removed.body()).contains("value=\"Kvar\"").doesNotContain("value=\"Polisen\"")
                .doesNotContain("name=\"participants[1].organisation\"");
        assertThat(jdbc.sql("SELECT count(*) FROM knowledge_event").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void theListTheCalendarAndTheStartPageShowEvents() {
        Browser metod = signedIn("metod");
        String topic = "Kalenderprov " + UUID.randomUUID().toString().substring(0, 6);
        LocalDate soon = LocalDate.now(SWEDEN).plusDays(1);
        UUID id = createEvent(metod, topic, soon, "PLANNED");
        assertThat(metod.get("/knowledge/events?q=" + topic.replace(' ', '+') + "&status=PLANNED").body())
                .contains("/knowledge/events/" + id);
        assertThat(metod.get("/knowledge/events?q=" + topic.replace(' ', '+') + "&status=HELD").body())
                .doesNotContain("/knowledge/events/" + id);
        Response calendar = metod.get("/knowledge/events/calendar?month=" + soon.toString().substring(0, 7));
        assertThat(calendar.body()).contains(topic, "rel=\"prev\"", "rel=\"next\"");
        assertThat(metod.get("/knowledge/events/calendar?month=nonsense").status()).isEqualTo(200);
        assertThat(metod.get("/").body()).contains("Kommande utbildningar", "/knowledge/events/" + id);
        // Readers read; only the method developer edits; the administrator is not a reader.
        Browser worker = signedIn("rinkeby1");
        assertThat(worker.get("/knowledge/events/" + id).status()).isEqualTo(200);
        assertThat(worker.get("/knowledge/events/" + id + "/edit").status()).isEqualTo(403);
        assertThat(worker.get("/").body()).doesNotContain("Kommande utbildningar");
        assertThat(signedIn("granskare").get("/knowledge/events").status()).isEqualTo(200);
        assertThat(signedIn("admin").get("/knowledge/events").status()).isEqualTo(403);
    }

    // -- materials ---------------------------------------------------------------------------------------------

    @Test
    void materialsAreCheckedByExtensionAndContentAndServedOnlyAsDownloads() {
        Browser metod = signedIn("metod");
        UUID id = createEvent(metod, "Materialprov", LocalDate.now(SWEDEN).minusDays(2), "HELD",
                "Socialjouren", "OWN_STAFF", "5");
        String upload = "/knowledge/events/" + id + "/materials?_csrf=" + csrf(metod, "/knowledge/events/" + id);
        byte[] pdf = "%PDF-1.4\n% fiktivt program\n".getBytes(StandardCharsets.US_ASCII);
        Response ok = metod.postMultipart(upload, Map.of(), "file", "../../Program för dagen.pdf", "text/html", pdf);
        assertThat(ok.status()).as(ok.body()).isEqualTo(302);
        UUID material = jdbc.sql("SELECT id FROM knowledge_material WHERE event_id = :e").param("e", id)
                .query(UUID.class).single();
        assertThat(jdbc.sql("SELECT filename FROM knowledge_material WHERE id = :id").param("id", material)
                .query(String.class).single()).isEqualTo("Program för dagen.pdf");

        Response download = signedIn("rinkeby1").get("/knowledge/events/" + id + "/materials/" + material);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("Content-Disposition").orElseThrow()).startsWith("attachment")
                .contains("filename*=UTF-8''Program%20f%C3%B6r%20dagen.pdf");
        assertThat(download.header("X-Content-Type-Options")).contains("nosniff");
        // The type Lotsen found, not the "text/html" the browser claimed.
        assertThat(download.contentType()).startsWith("application/pdf");
        assertThat(download.body()).startsWith("%PDF-1.4");

        String page = "/knowledge/events/" + id;
        Response exe = metod.postMultipart(page + "/materials?_csrf=" + csrf(metod, page), Map.of(), "file",
                "verktyg.exe", "application/octet-stream", new byte[] {'M', 'Z', 0, 0});
        assertThat(exe.status()).isEqualTo(200);
        assertThat(exe.body()).contains("error-summary", "Filtypen är inte tillåten");

        Response disguised = metod.postMultipart(page + "/materials?_csrf=" + csrf(metod, page), Map.of(), "file",
                "program.pdf", "application/pdf",
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
        assertThat(disguised.body()).contains("stämmer inte med filändelsen ”.pdf”");

        Response htmlAsText = metod.postMultipart(page + "/materials?_csrf=" + csrf(metod, page), Map.of(), "file",
                "anteckning.txt", "text/plain", "<!DOCTYPE html><p>x</p>".getBytes(StandardCharsets.UTF_8));
        assertThat(htmlAsText.body()).contains("stämmer inte med filändelsen ”.txt”");

        Response docxThatIsAZipOfNothing = metod.postMultipart(page + "/materials?_csrf=" + csrf(metod, page),
                Map.of(), "file", "rapport.docx", "application/zip", new byte[] {'P', 'K', 3, 4, 0, 0});
        assertThat(docxThatIsAZipOfNothing.body()).contains("stämmer inte med filändelsen ”.docx”");

        // Over lotsen.knowledge.max-material-size (64 KB here): refused by Lotsen with the limit named.
        byte[] large = new byte[100 * 1024];
        System.arraycopy(pdf, 0, large, 0, pdf.length);
        Response tooLarge = metod.postMultipart(page + "/materials?_csrf=" + csrf(metod, page), Map.of(), "file",
                "stor.pdf", "application/pdf", large);
        assertThat(tooLarge.status()).isEqualTo(200);
        assertThat(tooLarge.body()).contains("Filen är för stor. Den får vara högst 0,1 MB.");

        // Over the container's multipart limit (256 KB here): still the translated message, never a server error.
        byte[] huge = new byte[400 * 1024];
        Response overLimit = metod.postMultipart(page + "/materials?_csrf=" + csrf(metod, page), Map.of(), "file",
                "enorm.pdf", "application/pdf", huge);
        assertThat(overLimit.status()).as(overLimit.body()).isEqualTo(302);
        assertThat(overLimit.location()).endsWith(page + "?upload=too-large");
        assertThat(metod.get(page + "?upload=too-large").body()).contains("Filen är för stor");

        assertThat(jdbc.sql("SELECT count(*) FROM knowledge_material WHERE event_id = :e").param("e", id)
                .query(Long.class).single()).isEqualTo(1);
        // Only the method developer uploads.
        Browser worker = signedIn("rinkeby1");
        assertThat(worker.postMultipart(page + "/materials?_csrf=" + csrf(worker, "/knowledge/events"), Map.of(),
                "file", "a.pdf", "application/pdf", pdf).status()).isEqualTo(403);
    }

    // -- the knowledge base --------------------------------------------------------------------------------------

    private UUID createArticle(Browser metod, String title, String body, String tags) {
        Response r = metod.postForm("/knowledge/articles/new", Map.of("_csrf", csrf(metod, "/knowledge/articles/new"),
                "category", "INVENTORY_NORDIC", "title", title, "summary", "Fiktiv sammanfattning.", "body", body,
                "tags", tags, "version", ""));
        assertThat(r.status()).as(r.body()).isEqualTo(302);
        return UUID.fromString(r.location().substring(r.location().lastIndexOf('/') + 1));
    }

    @Test
    void theSwedishSearchFindsInflectedWordsTagsAndVersions() {
        Browser metod = signedIn("metod");
        String marker = "zq" + UUID.randomUUID().toString().substring(0, 6);
        UUID id = createArticle(metod, "Hemlandsarbete i Finland " + marker,
                "Den sociala myndigheten gör en utredning av barnets förhållanden.\n\nAndra stycket om " + marker + ".",
                "Finland, Norden " + marker);

        Response found = metod.get("/knowledge/articles?q=utredningar+" + marker);
        assertThat(found.body()).contains("/knowledge/articles/" + id, "<mark>utredning</mark>");
        assertThat(metod.get("/knowledge/articles?q=utredningar").body()).contains("/knowledge/articles/" + id);
        assertThat(metod.get("/knowledge/articles?q=" + marker + "+-utredning").body())
                .doesNotContain("/knowledge/articles/" + id);
        assertThat(metod.get("/knowledge/articles?tag=norden+" + marker).body()).contains("/knowledge/articles/" + id);
        assertThat(metod.get("/knowledge/articles?tag=norden+" + marker + "&category=PARTNER_METHODS").body())
                .doesNotContain("/knowledge/articles/" + id);
        // Hostile search input never breaks the query.
        assertThat(metod.get("/knowledge/articles?q=%27%29%28%21%3A*%26%7C").status()).isEqualTo(200);

        // A new version, with its history and the differences.
        Response edited = metod.postForm("/knowledge/articles/" + id + "/edit", Map.of("_csrf",
                csrf(metod, "/knowledge/articles/" + id + "/edit"), "category", "INVENTORY_NORDIC", "title",
                "Hemlandsarbete i Finland " + marker, "summary", "Fiktiv sammanfattning.", "body",
                "Den sociala myndigheten gör en grundlig utredning av barnets förhållanden.\n\nAndra stycket om "
                        + marker + ".", "tags", "Finland, Norden " + marker, "version", "1"));
        assertThat(edited.status()).as(edited.body()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT count(*) FROM knowledge_article_version WHERE article_id = :id").param("id", id)
                .query(Long.class).single()).isEqualTo(2);
        Response article = metod.get("/knowledge/articles/" + id);
        assertThat(article.body()).contains("Version 2", "/knowledge/articles/" + id + "/versions/1", "Sofia Ek");
        Response v2 = metod.get("/knowledge/articles/" + id + "/versions/2");
        assertThat(v2.body()).contains("Skillnader mot version 1", "<ins>grundlig</ins>");
        Response v1 = metod.get("/knowledge/articles/" + id + "/versions/1");
        assertThat(v1.body()).contains("äldre version").doesNotContain("grundlig");
        assertThat(metod.get("/knowledge/articles/" + id + "/versions/9").status()).isEqualTo(404);

        // Saving over a newer version is refused.
        Response stale = metod.postForm("/knowledge/articles/" + id + "/edit", Map.of("_csrf",
                csrf(metod, "/knowledge/articles/" + id + "/edit"), "category", "OTHER", "title", "Skriver annat",
                "summary", "", "body", "Text", "tags", "", "version", "1"));
        assertThat(stale.status()).isEqualTo(200);
        assertThat(stale.body()).contains("Någon annan ändrade", "Skriver annat");

        // Validation with translated messages.
        Response invalid = metod.postForm("/knowledge/articles/new", Map.of("_csrf",
                csrf(metod, "/knowledge/articles/new"), "category", "", "title", "", "body", "", "tags", ""));
        assertThat(invalid.status()).isEqualTo(200);
        assertThat(invalid.body()).contains("error-summary", "”Rubrik”", "”Text”", "”Kategori”");
    }

    @Test
    void articlesAndRoutineStepsLinkBothWays() {
        Browser metod = signedIn("metod");
        UUID id = createArticle(metod, "Polisanmälan i Malmö", "De anmäler samma natt.", "polisanmälan");
        Response steps = metod.get("/knowledge/articles/" + id + "/steps");
        assertThat(steps.body()).contains("value=\"akut-manniskohandel/polisanmalan\"");
        Response saved = metod.postForm("/knowledge/articles/" + id + "/steps", fields("_csrf",
                LotsenHttp.csrfToken(steps.body()), "step", "akut-manniskohandel/polisanmalan",
                "step", "akut-manniskohandel/finns-inte", "step", "ingen-rutin/polisanmalan"));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT count(*) FROM knowledge_article_step WHERE article_id = :id").param("id", id)
                .query(Long.class).single()).isEqualTo(1);

        UUID version = jdbc.sql("""
                        SELECT v.id FROM routine_version v JOIN routine r ON r.id = v.routine_id
                        WHERE r.key = 'akut-manniskohandel' AND v.status = 'PUBLISHED' ORDER BY v.number DESC LIMIT 1""")
                .query(UUID.class).single();
        // The RoutineLinks bean answers for the step, and not for the version as a whole.
        assertThat(routineLinks.stream().flatMap(l -> l.links(version, "akut-manniskohandel", "polisanmalan")
                .stream())).anyMatch(l -> l.href().equals("/knowledge/articles/" + id));
        assertThat(routineLinks.stream().flatMap(l -> l.links(version, "akut-manniskohandel", null).stream())
                .filter(l -> l.href().startsWith("/knowledge/"))).isEmpty();

        // The routine version page shows the article under the step; the article page links back to the step.
        Response routinePage = signedIn("jour1").get("/routines/versions/" + version);
        assertThat(routinePage.status()).isEqualTo(200);
        String stepSection = routinePage.body().substring(routinePage.body().indexOf("id=\"step-polisanmalan\""));
        stepSection = stepSection.substring(0, stepSection.indexOf("</li>", stepSection.indexOf("routine-links")));
        assertThat(stepSection).contains("/knowledge/articles/" + id, "Polisanmälan i Malmö", "Kunskapsbank");
        Response articlePage = metod.get("/knowledge/articles/" + id);
        assertThat(articlePage.body()).contains("/routines/versions/" + version + "#step-polisanmalan");
    }

    @Test
    void theGrantReportCountsHeldEventsWithoutNames() {
        Browser metod = signedIn("metod");
        LocalDate day = LocalDate.of(2021, 3, 15);
        createEvent(metod, "Rapportprov", day, "HELD", "Polisen, Citypolisen", "POLICE", "4",
                "Socialjouren Stockholm", "OWN_STAFF", "6");
        createEvent(metod, "Rapportprov planerat", day, "PLANNED");
        GrantReportSource source = reportSources.stream().filter(s -> s.key().equals("events")).findFirst()
                .orElseThrow();
        GrantReportSource.Draft draft = source.draft(LocalDate.of(2021, 3, 1), LocalDate.of(2021, 3, 31),
                Locale.forLanguageTag("sv"));
        assertThat(draft.text()).contains("1 evenemang", "10 deltagare", "- Seminarier: 1 (10 deltagare)",
                "- Polisen: 4", "- Egen personal: 6", "- Socialjouren Stockholm: 6")
                .doesNotContain("Rapportprov", "Sofia Ek");
        assertThat(source.draft(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 1, 31), Locale.forLanguageTag("sv"))
                .text()).contains("Inga utbildningar");
    }
}
