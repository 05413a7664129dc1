package se.lotsen.routines;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.util.HtmlUtils;

import se.lotsen.access.LotsenHttp;
import se.lotsen.access.LotsenHttp.Browser;
import se.lotsen.access.LotsenHttp.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static se.lotsen.access.LotsenHttp.DEMO_PASSWORD;
import static se.lotsen.access.LotsenHttp.csrfToken;

/**
 * The routine pages over real HTTP, signed in through the sign-in form: the method developer creates a draft, adds
 * and moves a step, publishes with a change note and sees the differences; the PDF is a real PDF with å, ä, ö and
 * page numbers; a duty social worker reads the routine but may not edit it. Its own application context, so its own
 * database: it publishes a version.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "lotsen.test.isolation=routine-pages-it")
class RoutinePagesIT {

    private static final String DRAFT = "/routines/" + Routines.ACUTE + "/draft";
    private static final String NEW_STEP_TITLE = "Ordna trygg transport till skyddat boende";
    private static final Pattern VERSION_LINK = Pattern.compile("href=\"(/routines/versions/[0-9a-f-]{36})\"");

    /**
     * Open cases as the cases module reports them: two on version 1 and one on every later published version.
     * Primary, so that it also stands in when the cases module's own implementation is present.
     */
    @TestConfiguration
    static class SomeOpenCases {

        @Bean
        @Primary
        OpenCases someOpenCases(Routines routines) {
            return () -> {
                List<OpenCases.VersionUse> uses = new ArrayList<>();
                for (RoutineVersion v : routines.versions(Routines.ACUTE)) {
                    if (v.published()) {
                        if (v.number() == 1) {
                            uses.add(new OpenCases.VersionUse(v.id(), "socialjouren", "Socialjouren Stockholm", 2));
                            uses.add(new OpenCases.VersionUse(v.id(), "rinkeby-kista", "Rinkeby-Kista", 1));
                        } else {
                            uses.add(new OpenCases.VersionUse(v.id(), "sodermalm", "Södermalm", 1));
                        }
                    }
                }
                return uses;
            };
        }
    }

    @LocalServerPort
    int port;

    LotsenHttp http;

    @Autowired
    Routines routines;

    @BeforeEach
    void setUp() {
        http = new LotsenHttp(port);
    }

    /** Each test starts without a draft, whatever the previous one left. */
    @AfterEach
    void noDraftLeft() {
        routines.draft(Routines.ACUTE).ifPresent(d -> routines.discardDraft(Routines.ACUTE));
    }

    private Browser signedIn(String username) {
        Browser browser = http.browser();
        Response r = browser.signIn(username, DEMO_PASSWORD);
        assertThat(r.status()).as("sign-in of " + username).isEqualTo(302);
        assertThat(r.location()).doesNotContain("error");
        return browser;
    }

    private static String path(String location) {
        return URI.create(location).getPath() + (URI.create(location).getRawFragment() == null ? ""
                : "#" + URI.create(location).getRawFragment());
    }

    private static Response ok(Response r, String what) {
        assertThat(r.status()).as(what + ":\n" + r.body()).isEqualTo(200);
        return r;
    }

    private static Response post(Browser browser, String pageWithForm, String action, Map<String, String> form) {
        Map<String, String> withToken = new LinkedHashMap<>(form);
        withToken.put("_csrf", csrfToken(ok(browser.get(pageWithForm), pageWithForm).body()));
        return browser.postForm(action, withToken);
    }

    /** A control character in any field of the step form, a select included, comes back as an error, never saved. */
    @Test
    void aControlCharacterInTheStepFormIsAnErrorAtItsField() {
        Browser metod = signedIn("metod");
        post(metod, "/routines", DRAFT, Map.of());
        String editPage = DRAFT + "/steps/overlamning";
        for (String field : List.of("title", "performer")) {
            Map<String, String> form = stepForm("overlamning", "Lämna över", new String[0][]);
            form.put(field, "\u0000");
            Response r = post(metod, editPage, editPage, form);
            assertThat(r.status()).as(field).isEqualTo(200);
            assertThat(r.body()).as(field).contains("class=\"error-summary\"");
            form.put("row", "add-reference");
            r = post(metod, editPage, editPage, form);
            assertThat(r.body()).as(field + " with a row button").contains("class=\"error-summary\"");
        }
    }

    /** The step form as the browser sends it; each legal reference row is law, section, text, valid from, to. */
    private static Map<String, String> stepForm(String key, String title, String[]... references) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("key", key);
        form.put("title", title);
        form.put("guidance", "Åk aldrig ensam med personen.\r\nTa med en kollega och stäm av med boendet före.");
        form.put("performer", "JOUR");
        form.put("conditions", "ADULT");
        String[] parts = {"law", "section", "text", "validFrom", "validTo"};
        for (int i = 0; i < references.length; i++) {
            for (int j = 0; j < parts.length; j++) {
                form.put("references[" + i + "]." + parts[j], j < references[i].length ? references[i][j] : "");
            }
        }
        form.put("fields[0].key", "transport");
        form.put("fields[0].label", "Hur och när transporten ordnas");
        form.put("fields[0].type", "TEXTAREA");
        form.put("fields[0].required", "true");
        return form;
    }

    private static final String[] SHELTER = {"socialtjänstlagen (2025:400)", "9 kap. 5 §", "Skyddat boende.", "2025-07-01"};

    /** The PDF bytes and headers, fetched with the browser's session (the text helper would garble the bytes). */
    private HttpResponse<byte[]> getBytes(Browser browser, String path) throws IOException, InterruptedException {
        String cookies = LotsenHttp.SESSION_COOKIE + "=" + browser.cookie(LotsenHttp.SESSION_COOKIE)
                + (browser.cookie("LOTSEN_LANG") == null ? "" : "; LOTSEN_LANG=" + browser.cookie("LOTSEN_LANG"));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Cookie", cookies).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void theMethodDeveloperEditsAndPublishesAndEveryoneReadsTheNewVersion() throws Exception {
        Browser metod = signedIn("metod");

        // The list of versions: version 1, published, and a button to start a draft.
        Response list = ok(metod.get("/routines"), "/routines");
        assertThat(list.body()).contains("Rutin för akuta ärenden om människohandel och prostitution")
                .contains("Skapa utkast").contains("Gäller nya ärenden").doesNotContain("Fortsätt med utkastet");

        // Create the draft: a copy of version 1, numbered 2.
        Response created = post(metod, "/routines", DRAFT, Map.of());
        assertThat(created.status()).isEqualTo(302);
        assertThat(path(created.location())).isEqualTo(DRAFT);
        Response draft = ok(metod.get(DRAFT), "draft");
        assertThat(draft.body()).contains("Utkast till version 2").contains("Utkastet till version 2 är skapat")
                .contains("Flytta upp").contains("Flytta ned").contains("Lägg till steg")
                .contains("Gör en omedelbar skyddsbedömning");
        assertThat(ok(metod.get("/routines"), "/routines").body()).contains("Fortsätt med utkastet");

        // A step form with mistakes keeps what was typed and names each problem next to its field.
        String newStepPage = DRAFT + "/steps/new?phase=d-stod";
        assertThat(ok(metod.get(newStepPage), "new step form").body()).contains("data-warn-unsaved")
                .contains("Gäller när beslut om omedelbart omhändertagande finns");
        Response invalid = post(metod, newStepPage, newStepPage, stepForm("Transport Skyddat",
                NEW_STEP_TITLE, new String[] {"Socialtjänstlagen (2025:400)", "9 kap. 5 §"},
                new String[] {"LVU", "6 §", "Förklaring", "1 juli 2026"}));
        assertThat(invalid.status()).isEqualTo(200);
        // Textareas escape non-ASCII letters as entities; compare the text as the browser shows it.
        assertThat(HtmlUtils.htmlUnescape(invalid.body())).contains("Det finns fel i formuläret")
                .contains("Nyckeln får bara")
                .contains("Lagrum 1: skriv förklaringen i klarspråk.")
                .contains("Lagrum 2: skriv ”gäller från” som ÅÅÅÅ-MM-DD")
                // Each error in the summary links to its input.
                .contains("href=\"#references[1].validFrom\"").contains("id=\"references[1].validFrom\"")
                .contains("value=\"" + NEW_STEP_TITLE + "\"")
                .contains("Transport Skyddat")
                .contains("value=\"1 juli 2026\"");
        assertThat(ok(metod.get(DRAFT), "draft").body()).doesNotContain(NEW_STEP_TITLE);

        // A taken key is refused.
        Response taken = post(metod, newStepPage, newStepPage, stepForm("polisanmalan", NEW_STEP_TITLE, SHELTER));
        assertThat(taken.status()).isEqualTo(200);
        assertThat(taken.body()).contains("Det finns redan ett steg med den nyckeln");

        // Add the step properly: it goes last in phase D.
        Response added = post(metod, newStepPage, newStepPage, stepForm("transport-skyddat-boende",
                NEW_STEP_TITLE, SHELTER));
        assertThat(added.status()).as(added.body()).isEqualTo(302);
        assertThat(path(added.location())).isEqualTo(DRAFT + "#step-transport-skyddat-boende");
        draft = ok(metod.get(DRAFT), "draft");
        assertThat(draft.body()).contains(NEW_STEP_TITLE).contains("är tillagt i D. Specialiststöd");
        assertThat(draft.body().indexOf("id=\"step-rattigheter\""))
                .isLessThan(draft.body().indexOf("id=\"step-transport-skyddat-boende\""));

        // Move it up one place: now before "rattigheter".
        Response moved = post(metod, DRAFT, DRAFT + "/steps/transport-skyddat-boende/move",
                Map.of("direction", "up"));
        assertThat(moved.status()).isEqualTo(302);
        draft = ok(metod.get(DRAFT), "draft");
        assertThat(draft.body().indexOf("id=\"step-transport-skyddat-boende\""))
                .isGreaterThan(draft.body().indexOf("id=\"step-betanketid\""))
                .isLessThan(draft.body().indexOf("id=\"step-rattigheter\""));
        assertThat(draft.body()).contains("ligger nu på plats");

        // Change it: the form shows the stored rows, and saving keeps the key.
        String editPage = DRAFT + "/steps/transport-skyddat-boende";
        Response edit = ok(metod.get(editPage), "edit form");
        assertThat(HtmlUtils.htmlUnescape(edit.body())).contains("value=\"socialtjänstlagen (2025:400)\"")
                .contains("value=\"9 kap. 5 §\"").contains("Skyddat boende.</textarea>")
                .contains("value=\"2025-07-01\"").contains("value=\"transport\"")
                .contains("value=\"Hur och när transporten ordnas\"")
                .containsPattern("<option value=\"TEXTAREA\" selected=\"selected\"")
                .containsPattern("id=\"fields\\[0\\]\\.required\"[^>]*checked");
        Map<String, String> changed = stepForm("", NEW_STEP_TITLE, SHELTER);
        changed.put("performer", "DISTRICT");
        assertThat(post(metod, editPage, editPage, changed).status()).isEqualTo(302);

        // Removing asks first, on a page of its own.
        Response confirm = ok(metod.get(DRAFT + "/steps/stodtelefon/remove"), "confirm removal");
        assertThat(confirm.body()).contains("Ta bort steget").contains("Nej, behåll steget");

        // The preview shows the differences against version 1.
        Response preview = ok(metod.get(DRAFT + "/preview"), "preview");
        assertThat(preview.body()).contains("Skillnader mot version 1").contains("Nya steg").contains(NEW_STEP_TITLE)
                .contains("Publicera version 2");

        // Publishing needs a change note.
        Response blank = post(metod, DRAFT + "/preview", DRAFT + "/publish", Map.of("changeNote", "  "));
        assertThat(blank.status()).isEqualTo(200);
        assertThat(org.unbescape.html.HtmlEscape.unescapeHtml(blank.body())).contains("Det finns fel i formuläret")
                .contains("Fyll i ”Vad har ändrats och varför?”.");
        assertThat(routinesVersionsPage(metod)).contains("Fortsätt med utkastet");

        Response published = post(metod, DRAFT + "/preview", DRAFT + "/publish",
                Map.of("changeNote", "Nytt steg: trygg transport till skyddat boende."));
        assertThat(published.status()).as(published.body()).isEqualTo(302);
        String versionPath = path(published.location());
        assertThat(versionPath).matches("/routines/versions/[0-9a-f-]{36}");

        Response version = ok(metod.get(versionPath), "version 2");
        assertThat(version.body()).contains("Version 2 är publicerad").contains("Skillnader mot version 1")
                .contains("Nya steg").contains(NEW_STEP_TITLE).contains("Viktigt att tänka på")
                .contains("<summary>9 kap. 5 § socialtjänstlagen (2025:400)</summary>")
                .contains("Gäller vuxna").contains("Ansvarig stadsdelsförvaltning")
                .contains("Nytt steg: trygg transport till skyddat boende.")
                .contains("Gäller nya ärenden");
        assertThat(routinesVersionsPage(metod)).contains("Skapa utkast").doesNotContain("Fortsätt med utkastet");

        // Version 1 shows no differences (there is nothing older) and says it is superseded.
        String v1Path = versionPaths(routinesVersionsPage(metod))[1];
        Response v1 = ok(metod.get(v1Path), "version 1");
        assertThat(v1.body()).contains("Ersatt av version 2").doesNotContain("Skillnader mot version")
                .doesNotContain(NEW_STEP_TITLE);

        // The PDF: a real PDF, inline, named after the version, with å ä ö intact and page numbers.
        HttpResponse<byte[]> pdf = getBytes(metod, versionPath + ".pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition").orElse(""))
                .startsWith("inline").contains("rutin-v2.pdf");
        String text = pdfText(pdf.body());
        assertThat(text).contains("Gör en omedelbar skyddsbedömning")
                .contains(NEW_STEP_TITLE)
                .contains("Överväg begränsat umgänge och hemlig vistelseort")
                .contains("Viktigt att tänka på")
                .contains("Sida 1 av")
                .contains("Version 2, publicerad");

        // The print version carries the whole routine with a minimal header.
        Response print = ok(metod.get(versionPath + "/print"), "print");
        assertThat(print.body()).contains("Gör en omedelbar skyddsbedömning").contains(NEW_STEP_TITLE)
                .contains("routines.css").doesNotContain("class=\"site-nav\"");

        // Which open cases follow which version: the oldest version first, so the method developer sees who still
        // follows an outdated routine.
        String usage = ok(metod.get("/routines/usage"), "usage").body();
        assertThat(usage).contains("Versioner i öppna ärenden").contains("Ärenden som följer version 1")
                .contains("Ärenden som följer version 2").contains("Rinkeby-Kista").contains("Södermalm");
        int version1 = usage.indexOf("Ärenden som följer version 1");
        int version2 = usage.indexOf("Ärenden som följer version 2");
        assertThat(version1).isLessThan(version2);
        assertThat(usage.indexOf("Socialjouren Stockholm", version1)).isBetween(version1, version2);
        assertThat(usage.indexOf("Rinkeby-Kista", version1)).isBetween(version1, version2);
        assertThat(usage.indexOf("Södermalm", version1)).isGreaterThan(version2);
        // The method developer sees the spread of versions, never which cases they are (case numbers look like
        // SJ-2026-0001; the page's links carry UUIDs, whose digit groups must not be mistaken for one).
        assertThat(usage).doesNotContainPattern("[A-Z]+-\\d{4}-\\d{4}");
        assertThat(routinesVersionsPage(metod)).contains("Öppna ärenden");
    }

    @Test
    void theRowButtonsAddMoveAndRemoveLegalReferencesWithoutJavaScriptKeepingWhatWasTyped() {
        Browser metod = signedIn("metod");
        post(metod, "/routines", DRAFT, Map.of());
        String newStepPage = DRAFT + "/steps/new?phase=d-stod";
        String[] lvu = {"LVU (1990:52)", "6 §", "Omedelbart omhändertagande.", ""};

        // "Lägg till lagrum": a third, empty row; nothing saved, no errors shown, every value kept.
        Map<String, String> form = stepForm("ny-rad", "Ett steg med två lagrum", SHELTER, lvu);
        form.put("row", "add-reference");
        Response added = ok(post(metod, newStepPage, newStepPage, form), "add a row");
        String body = HtmlUtils.htmlUnescape(added.body());
        assertThat(body).contains("id=\"references[2].law\"").doesNotContain("id=\"references[3].law\"")
                .doesNotContain("Det finns fel i formuläret")
                .contains("value=\"Ett steg med två lagrum\"").contains("value=\"ny-rad\"")
                .contains("value=\"socialtjänstlagen (2025:400)\"").contains("value=\"LVU (1990:52)\"")
                .containsPattern("id=\"references\\[2\\]\\.law\"[^>]*autofocus");
        assertThat(ok(metod.get(DRAFT), "draft").body()).doesNotContain("Ett steg med två lagrum");

        // "Flytta upp" on the second row: LVU comes first.
        form = stepForm("ny-rad", "Ett steg med två lagrum", SHELTER, lvu);
        form.put("row", "up-reference-1");
        body = HtmlUtils.htmlUnescape(ok(post(metod, newStepPage, newStepPage, form), "move up").body());
        assertThat(body.indexOf("value=\"LVU (1990:52)\"")).isPositive()
                .isLessThan(body.indexOf("value=\"socialtjänstlagen (2025:400)\""));
        assertThat(body).containsPattern("id=\"references\\[0\\]\\.law\"[^>]*value=\"LVU \\(1990:52\\)\"");

        // "Ta bort" on the first row: only LVU is left.
        form = stepForm("ny-rad", "Ett steg med två lagrum", SHELTER, lvu);
        form.put("row", "remove-reference-0");
        body = HtmlUtils.htmlUnescape(ok(post(metod, newStepPage, newStepPage, form), "remove").body());
        assertThat(body).contains("value=\"LVU (1990:52)\"").doesNotContain("socialtjänstlagen (2025:400)")
                .doesNotContain("id=\"references[1].law\"");

        // A forged row value is no row action: the form is saved as usual.
        form = stepForm("ny-rad", "Ett steg med två lagrum", SHELTER, lvu);
        form.put("row", "explode-reference-1");
        Response saved = post(metod, newStepPage, newStepPage, form);
        assertThat(saved.status()).as(saved.body()).isEqualTo(302);
        RoutineDocument.Step step = routines.draft(Routines.ACUTE).orElseThrow().document().step("ny-rad")
                .orElseThrow();
        assertThat(step.legalReferences()).extracting(RoutineDocument.LegalReference::law)
                .containsExactly("socialtjänstlagen (2025:400)", "LVU (1990:52)");
        assertThat(step.fields()).containsExactly(new RoutineDocument.StepField("transport",
                "Hur och när transporten ordnas", FieldType.TEXTAREA, true));
    }

    @Test
    void thePreviewShowsTheOldAndNewTextSideBySideWithTheChangedWordsMarked() {
        Browser metod = signedIn("metod");
        post(metod, "/routines", DRAFT, Map.of());
        RoutineDocument.Step memo = routines.draft(Routines.ACUTE).orElseThrow().document().allSteps().get(0);
        routines.editDraft(Routines.ACUTE, doc -> RoutineEditing.changeStep(doc, new RoutineDocument.Step(memo.key(),
                memo.title(), memo.guidance() + " Ring alltid bakjouren före midnatt.", memo.legalReferences(),
                memo.performer(), memo.conditions(), memo.fields())));

        String body = ok(metod.get(DRAFT + "/preview"), "preview").body();
        assertThat(body).contains("Ändrade steg").contains("class=\"word-diff\"")
                .contains("Förut (version 1)")
                .containsPattern("<ins><span class=\"visually-hidden\">tillagt: </span>[^<]*Ring alltid bakjouren före midnatt\\.</ins>")
                .doesNotContain("<del>");
    }

    @Test
    void aDutySocialWorkerReadsTheRoutineButCannotEditIt() throws Exception {
        Browser metod = signedIn("metod");
        // A draft exists while the duty social worker tries.
        assertThat(post(metod, "/routines", DRAFT, Map.of()).status()).isEqualTo(302);
        String draftStep = DRAFT + "/steps/polisanmalan";

        Browser jour = signedIn("jour1");
        Response list = ok(jour.get("/routines"), "/routines for jour1");
        assertThat(list.body()).doesNotContain("Skapa utkast").doesNotContain("Fortsätt med utkastet")
                .doesNotContain("Utkast").doesNotContain("<th scope=\"col\">Öppna ärenden</th>")
                .doesNotContain("Vilka ärenden använder vilken version");
        String versionPath = versionPaths(list.body())[0];
        assertThat(ok(jour.get(versionPath), "version for jour1").body()).contains("Gör en omedelbar skyddsbedömning");
        HttpResponse<byte[]> pdf = getBytes(jour, versionPath + ".pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdfText(pdf.body())).contains("Sida 1 av");

        // In English too, the page and the PDF.
        Response english = ok(jour.get(versionPath + "?lang=en"), "version in English");
        assertThat(english.body()).contains("Important to consider").contains("Carried out by")
                .contains("Applies to children").contains("Legal references");
        String englishPdf = pdfText(getBytes(jour, versionPath + ".pdf").body());
        assertThat(englishPdf).contains("Page 1 of").contains("Important to consider")
                .contains("Gör en omedelbar skyddsbedömning");

        assertThat(jour.get(DRAFT).status()).isEqualTo(403);
        assertThat(jour.get(draftStep).status()).isEqualTo(403);
        assertThat(jour.get(DRAFT + "/preview").status()).isEqualTo(403);
        assertThat(jour.get("/routines/usage").status()).isEqualTo(403);
        assertThat(post(jour, "/routines", DRAFT, Map.of()).status()).isEqualTo(403);
        assertThat(post(jour, "/routines", DRAFT + "/steps/polisanmalan/move", Map.of("direction", "down"))
                .status()).isEqualTo(403);
        assertThat(post(jour, "/routines", DRAFT + "/publish", Map.of("changeNote", "Försök")).status())
                .isEqualTo(403);
        assertThat(post(jour, "/routines", DRAFT + "/discard", Map.of()).status()).isEqualTo(403);
        // The draft itself is not visible to the duty social worker.
        String draftPath = versionPaths(routinesVersionsPage(metod))[0];
        assertThat(ok(metod.get(draftPath), "draft version for metod").body()).contains("Utkast");
        assertThat(jour.get(draftPath).status()).isEqualTo(404);

        // Nothing changed: the method developer still has the same draft, still at the same place.
        Response draft = ok(metod.get(DRAFT), "draft");
        assertThat(draft.body().indexOf("id=\"step-polisanmalan\""))
                .isLessThan(draft.body().indexOf("id=\"step-polis-kontakt\""));
        // The administrator has no case role at all.
        assertThat(signedIn("admin").get("/routines").status()).isEqualTo(403);
        assertThat(post(metod, DRAFT + "/discard", DRAFT + "/discard", Map.of()).status()).isEqualTo(302);
    }

    @Test
    void unknownRoutinesVersionsAndStepsAreNotFound() {
        Browser metod = signedIn("metod");

        assertThat(metod.get("/routines/versions/00000000-0000-0000-0000-000000000000").status()).isEqualTo(404);
        assertThat(metod.get("/routines/versions/inte-ett-id").status()).isIn(400, 404);
        assertThat(metod.get("/routines/finns-inte/draft").status()).isEqualTo(404);
    }

    private static String routinesVersionsPage(Browser browser) {
        return ok(browser.get("/routines"), "/routines").body();
    }

    /** The version links of a page in order ("Visa" links, newest first). */
    private static String[] versionPaths(String html) {
        Matcher m = VERSION_LINK.matcher(html);
        java.util.List<String> paths = new java.util.ArrayList<>();
        while (m.find()) {
            if (!paths.contains(m.group(1))) {
                paths.add(m.group(1));
            }
        }
        return paths.toArray(String[]::new);
    }

    private static String pdfText(byte[] bytes) throws IOException {
        assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(bytes)) {
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
            return new PDFTextStripper().getText(document);
        }
    }
}
