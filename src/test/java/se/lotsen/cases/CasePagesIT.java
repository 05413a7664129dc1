package se.lotsen.cases;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unbescape.html.HtmlEscape;

import se.lotsen.access.Account;
import se.lotsen.access.Accounts;
import se.lotsen.access.CurrentUser;
import se.lotsen.access.LotsenHttp;
import se.lotsen.access.LotsenHttp.Browser;
import se.lotsen.access.LotsenHttp.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static se.lotsen.access.LotsenHttp.DEMO_PASSWORD;

/**
 * The case pages over real HTTP with form sign-in: search before create with phonetic matches, the intake form (and
 * how it keeps every typed value when it has errors), the case page with the next step first and the protected
 * identity banner, and the access rule. No page may contain inline script.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CasePagesIT {

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern EVENT_HANDLER = Pattern.compile("\\son[a-z]+\\s*=\\s*\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern CASE_LOCATION = Pattern.compile("(?:https?://[^/]+)?/cases/([0-9a-f-]{36})");

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

    LotsenHttp http;

    @BeforeEach
    void setUp() {
        http = new LotsenHttp(port);
    }

    // -- helpers --

    private Browser signedIn(String username) {
        Browser browser = http.browser();
        Response r = browser.signIn(username, DEMO_PASSWORD);
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.location()).doesNotContain("error");
        return browser;
    }

    private static void assertNoInlineScript(Response r, String what) {
        if (r.contentType().startsWith("text/html")) {
            assertThat(INLINE_SCRIPT.matcher(r.body()).find()).as("inline <script> in %s:%n%s", what, r.body())
                    .isFalse();
            assertThat(EVENT_HANDLER.matcher(r.body()).find()).as("inline event handler in %s", what).isFalse();
        }
    }

    private static Response page(Browser browser, String path) {
        Response r = browser.get(path);
        assertNoInlineScript(r, "GET " + path);
        return r;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String receivedAt() {
        return LocalDateTime.now(SWEDEN).minusHours(1).withSecond(0).withNano(0)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
    }

    /** A complete intake form for a new child, with everything typed. */
    private static Map<String, String> intakeForm(String name, String identityNumber, String summary) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("subjectType", "CHILD");
        form.put("receivedAt", receivedAt());
        form.put("channel", "POLICE_PL12");
        form.put("reporter", "Gränspolisen Arlanda");
        form.put("reporterContact", "010-000 00 00");
        form.put("summary", summary);
        form.put("exploitationForms", "BEGGING");
        form.put("exploitationOther", "");
        form.put("identityKind", identityNumber.isEmpty() ? "UNKNOWN" : "PERSONNUMMER");
        form.put("identityNumber", identityNumber);
        form.put("name", name);
        form.put("aliases", "");
        form.put("statedBirthDate", "");
        form.put("statedAge", "15");
        form.put("sex", "UNKNOWN");
        form.put("nationality", "");
        form.put("languages", "svenska");
        form.put("interpreterLanguage", "");
        form.put("documents", "");
        form.put("protectedIdentity", "NONE");
        form.put("address", "");
        return form;
    }

    /** Posts the intake form with the CSRF token of the intake page: the check page, or the form with errors. */
    private static Response postIntake(Browser browser, Map<String, String> fields) {
        Response intakePage = page(browser, "/cases/new/intake");
        assertThat(intakePage.status()).as(intakePage.body()).isEqualTo(200);
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("_csrf", LotsenHttp.csrfToken(intakePage.body()));
        Response r = browser.postForm("/cases/new/intake", form);
        assertNoInlineScript(r, "POST /cases/new/intake");
        return r;
    }

    /** Opens a case through the form and its check page; returns its id. */
    private static UUID openThroughForm(Browser browser, Map<String, String> fields) {
        Response r = se.lotsen.access.Scenario.openThroughIntake(browser, "/cases/new/intake", fields);
        assertThat(r.status()).as(r.body()).isEqualTo(302);
        Matcher m = CASE_LOCATION.matcher(r.location() == null ? "" : r.location());
        assertThat(m.matches()).as("redirect to the case: %s", r.location()).isTrue();
        return UUID.fromString(m.group(1));
    }

    /** The first {@code <tag …>} whose attributes contain all the given fragments. */
    private static String tag(String html, String tagName, String... contains) {
        Matcher m = Pattern.compile("<" + tagName + "\\b[^>]*>", Pattern.CASE_INSENSITIVE).matcher(html);
        while (m.find()) {
            String t = m.group();
            boolean all = true;
            for (String c : contains) {
                all &= t.contains(c);
            }
            if (all) {
                return t;
            }
        }
        throw new AssertionError("no <" + tagName + "> with " + String.join(", ", contains) + " in:\n" + html);
    }

    private CurrentUser user(String username) {
        Account a = accounts.findByUsername(username).orElseThrow();
        return new CurrentUser(a.id(), a.username(), a.displayName(), a.unit(), a.roles(), a.enabled(), false, null);
    }

    // -- tests --

    @Test
    void searchBeforeCreateFindsAPhoneticVariantOfAnExistingName() {
        Browser jour1 = signedIn("jour1");
        String pnr = TestIdentityNumbers.personnummer();
        openThroughForm(jour1, intakeForm("Catharina Thorsdotter", TestIdentityNumbers.tenDigits(pnr),
                "Hittad på Centralen."));

        Response variant = page(jour1, "/cases/new?name=" + encode("Katarina Torsdoter"));

        assertThat(variant.status()).isEqualTo(200);
        assertThat(variant.body()).contains("Catharina Thorsdotter").contains(TestIdentityNumbers.display(pnr));
        // the match leads to intake for that person
        assertThat(variant.body()).contains("/cases/new/intake?personId=");

        // choosing the match opens the intake form for that person, and the new case is about the same person
        String html = variant.body();
        int card = html.indexOf(TestIdentityNumbers.display(pnr));
        Matcher choose = Pattern.compile("/cases/new/intake\\?personId=([0-9a-f-]{36})").matcher(html);
        assertThat(choose.find(card)).as("a link to choose the person").isTrue();
        UUID personId = UUID.fromString(choose.group(1));
        Response intake = page(jour1, "/cases/new/intake?personId=" + personId);
        assertThat(intake.status()).isEqualTo(200);
        assertThat(intake.body()).contains("Catharina Thorsdotter");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("existingPersonId", personId.toString());
        form.put("subjectType", "CHILD");
        form.put("receivedAt", receivedAt());
        form.put("channel", "OTHER");
        form.put("summary", "Återkommer efter en vecka.");
        Response second = se.lotsen.access.Scenario.openThroughIntake(jour1, "/cases/new/intake?personId=" + personId,
                form);
        assertThat(second.status()).as(second.body()).isEqualTo(302);
        Matcher location = CASE_LOCATION.matcher(second.location());
        assertThat(location.matches()).as(second.location()).isTrue();
        CaseView secondCase = cases.view(access.read(new CaseId(UUID.fromString(location.group(1))), user("jour1")));
        assertThat(secondCase.person().id().value()).isEqualTo(personId);
        assertThat(secondCase.person().identity().value()).isEqualTo(pnr);
        assertThat(jdbc.sql("SELECT count(*) FROM person WHERE identity_number = :n").param("n", pnr)
                .query(Long.class).single()).isEqualTo(1);

        Response byNumber = page(jour1, "/cases/new?identityNumber=" + encode(TestIdentityNumbers.tenDigits(pnr)));
        assertThat(byNumber.status()).isEqualTo(200);
        assertThat(byNumber.body()).contains("Catharina Thorsdotter");

        Response otherName = page(jour1, "/cases/new?name=" + encode("Maria Holmgren"));
        assertThat(otherName.status()).isEqualTo(200);
        assertThat(otherName.body()).doesNotContain(TestIdentityNumbers.display(pnr));
    }

    @Test
    void theIntakeFormOpensTheCaseAndTheCasePageShowsTheNextStepFirst() {
        Browser jour1 = signedIn("jour1");
        String name = "Yusuf " + TestIdentityNumbers.token();
        String pnr = TestIdentityNumbers.personnummer();

        UUID id = openThroughForm(jour1, intakeForm(name, TestIdentityNumbers.display(pnr),
                "Pojken tiggde utanför Åhléns."));

        CaseView view = cases.view(access.read(new CaseId(id), user("jour1")));
        assertThat(view.person().name()).isEqualTo(name);
        assertThat(view.person().identity().value()).isEqualTo(pnr);
        assertThat(view.channel()).isEqualTo(IntakeChannel.POLICE_PL12);
        assertThat(view.summary()).isEqualTo("Pojken tiggde utanför Åhléns.");
        assertThat(view.exploitationForms()).containsExactly(ExploitationForm.BEGGING);
        assertThat(view.person().statedAge()).isEqualTo(15);

        Response show = page(jour1, "/cases/" + id);
        assertThat(show.status()).as(show.body()).isEqualTo(200);
        String html = show.body();
        assertThat(html).contains(view.caseNumber()).contains(name).contains("Ärendet är öppnat");
        int next = html.indexOf("Nästa steg");
        int checklist = html.indexOf("id=\"checklist\"");
        assertThat(next).as("'Nästa steg' on the page").isPositive();
        assertThat(checklist).as("the checklist on the page").isPositive();
        assertThat(next).as("'Nästa steg' comes before the checklist").isLessThan(checklist);
        String nextKey = cases.checklist(access.read(new CaseId(id), user("jour1"))).next().orElseThrow().key();
        assertThat(html.substring(next, checklist)).contains("/cases/" + id + "/steps/" + nextKey);
        assertThat(html).doesNotContain("banner-protected");

        // the flash is shown once
        assertThat(page(jour1, "/cases/" + id).body()).doesNotContain("Ärendet är öppnat");
    }

    @Test
    void aBadPersonnummerShowsTheFormAgainWithEveryTypedValue() {
        Browser jour1 = signedIn("jour1");
        String name = "Nadia " + TestIdentityNumbers.token();
        String summary = "Flickan kom ensam med tåget från Malmö.";
        String badNumber = TestIdentityNumbers.wrongCheckDigit(TestIdentityNumbers.personnummer());

        Response r = postIntake(jour1, intakeForm(name, badNumber, summary));

        assertThat(r.status()).as("shown again, not redirected").isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/html");
        String html = r.body();
        assertThat(html).contains("error-summary").contains("Det finns fel i formuläret");
        assertThat(html).contains("href=\"#identityNumber\"");
        assertThat(html).contains("Kontrollsiffran stämmer inte");
        assertThat(html).contains("id=\"identityNumber-error\"");
        // every typed value is kept (attribute values may use character references such as &auml;)
        html = HtmlEscape.unescapeHtml(html);
        assertThat(tag(html, "input", "name=\"name\"")).contains("value=\"" + name + "\"");
        assertThat(tag(html, "input", "name=\"identityNumber\"")).contains("value=\"" + badNumber + "\"");
        assertThat(tag(html, "input", "name=\"reporter\"")).contains("value=\"Gränspolisen Arlanda\"");
        assertThat(tag(html, "input", "name=\"reporterContact\"")).contains("value=\"010-000 00 00\"");
        assertThat(tag(html, "input", "name=\"statedAge\"")).contains("value=\"15\"");
        assertThat(tag(html, "input", "name=\"languages\"")).contains("value=\"svenska\"");
        assertThat(html).containsPattern("<textarea[^>]*name=\"summary\"[^>]*>\\s*" + Pattern.quote(summary)
                + "\\s*</textarea>");
        assertThat(tag(html, "input", "name=\"subjectType\"", "value=\"CHILD\"")).contains("checked");
        assertThat(tag(html, "input", "name=\"subjectType\"", "value=\"ADULT\"")).doesNotContain("checked");
        assertThat(tag(html, "input", "name=\"identityKind\"", "value=\"PERSONNUMMER\"")).contains("checked");
        assertThat(tag(html, "input", "name=\"exploitationForms\"", "value=\"BEGGING\"")).contains("checked");
        assertThat(tag(html, "option", "value=\"POLICE_PL12\"")).contains("selected");
        assertThat(tag(html, "input", "name=\"receivedAt\"")).contains("value=\"");
        // the form can be sent again
        assertThat(LotsenHttp.csrfToken(html)).isNotBlank();

        assertThat(jdbc.sql("SELECT count(*) FROM person WHERE name = :n").param("n", name).query(Long.class)
                .single()).as("nothing was saved").isZero();
    }

    @Test
    void aProtectedPersonsCaseCarriesTheBannerAndHidesTheAddressFromColleagues() {
        Browser jour1 = signedIn("jour1");
        String name = "Skyddad " + TestIdentityNumbers.token();
        String address = "Lönnvägen 3, Hägersten";
        Map<String, String> form = intakeForm(name, "", "Skyddad folkbokföring enligt polisen.");
        form.put("protectedIdentity", "SKYDDAD_FOLKBOKFORING");
        form.put("address", address);

        UUID id = openThroughForm(jour1, form);

        String own = page(jour1, "/cases/" + id).text();
        assertThat(own).contains("banner-protected").contains("Skyddad folkbokföring.")
                .contains("Lämna aldrig ut adress");
        assertThat(own.indexOf("banner-protected")).as("the warning comes first")
                .isLessThan(own.indexOf("Nästa steg"));
        assertThat(own).as("the worker who opened and holds the case does not see the address").doesNotContain(address)
                .contains("Skyddad – visas inte");

        Response colleague = page(signedIn("jour2"), "/cases/" + id);
        assertThat(colleague.status()).isEqualTo(200);
        assertThat(colleague.text()).contains("banner-protected").contains("Skyddad – visas inte")
                .doesNotContain(address).doesNotContain("Lönnvägen");

        Browser jour2 = signedIn("jour2");
        Response personPage = page(jour2, "/cases/" + id + "/person");
        assertThat(personPage.status()).isEqualTo(200);
        assertThat(personPage.text()).contains("banner-protected").doesNotContain("Lönnvägen");

        Browser jourchef = signedIn("jourchef");
        Response lead = page(jourchef, "/cases/" + id);
        String leadPage = lead.text();
        assertThat(leadPage).contains("banner-protected").contains(address).contains("Vem får se skyddade uppgifter");

        // The lead names jour1 for the case: from then on jour1 sees the address, jour2 still does not.
        String jour1Id = accounts.findByUsername("jour1").orElseThrow().id().value().toString();
        Response named = jourchef.postForm("/cases/" + id + "/protected-viewers",
                Map.of("_csrf", LotsenHttp.csrfToken(lead.body()), "account", jour1Id));
        assertThat(named.status()).isEqualTo(302);
        assertThat(page(jour1, "/cases/" + id).text()).contains(address);
        assertThat(page(jour2, "/cases/" + id).text()).doesNotContain(address);
        // Only a lead may name anyone: jour1's attempt to name jour2 is refused and changes nothing.
        String jour2Id = accounts.findByUsername("jour2").orElseThrow().id().value().toString();
        Response refused = jour1.postForm("/cases/" + id + "/protected-viewers",
                Map.of("_csrf", LotsenHttp.csrfToken(page(jour1, "/cases/" + id).body()), "account", jour2Id));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(page(jour2, "/cases/" + id).text()).doesNotContain(address);
    }

    @Test
    void anotherUnitGetsNotFoundForTheCasePage() {
        Browser jour1 = signedIn("jour1");
        String name = "Ej Rinkeby " + TestIdentityNumbers.token();
        UUID id = openThroughForm(jour1, intakeForm(name, "", "Sammanfattning."));
        String caseNumber = cases.view(access.read(new CaseId(id), user("jour1"))).caseNumber();

        Browser rinkeby1 = signedIn("rinkeby1");
        for (String path : new String[] {"/cases/" + id, "/cases/" + id + "/steps/mottagande",
                "/cases/" + id + "/journal/new", "/cases/" + id + "/person"}) {
            Response r = page(rinkeby1, path);
            assertThat(r.status()).as("rinkeby1 GET %s", path).isEqualTo(404);
            assertThat(r.body()).doesNotContain(name).doesNotContain(caseNumber);
        }
        Response none = page(rinkeby1, "/cases/" + UUID.randomUUID());
        assertThat(none.status()).isEqualTo(404);

        // the unit's own staff see it
        assertThat(page(signedIn("jour2"), "/cases/" + id).status()).isEqualTo(200);
        // and the case does not appear in rinkeby1's list
        Response list = page(rinkeby1, "/cases?q=" + encode(name));
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("Inget hittades").doesNotContain(caseNumber).doesNotContain("/cases/" + id);
        Response ownList = page(jour1, "/cases?q=" + encode(name));
        assertThat(ownList.body()).contains(caseNumber);
    }

    @Test
    void aShortSearchSaysThatItFindsWholeNamesOnly() {
        Browser jour1 = signedIn("jour1");
        String token = TestIdentityNumbers.token();
        UUID id = openThroughForm(jour1, intakeForm("Li " + token, "", "Sammanfattning."));

        Response shortSearch = page(jour1, "/cases?q=li");
        assertThat(shortSearch.status()).isEqualTo(200);
        assertThat(shortSearch.body()).contains("id=\"whole-words\"")
                .contains("Med färre än 3 bokstäver eller siffror i följd hittas bara namn")
                .contains("/cases/" + id);
        Response longSearch = page(jour1, "/cases?q=" + encode("Li " + token));
        assertThat(longSearch.body()).doesNotContain("id=\"whole-words\"").contains("/cases/" + id);
        // nothing that is a word: the notice and an empty list, not an error
        Response noWord = page(jour1, "/cases?q=" + encode("%!"));
        assertThat(noWord.status()).isEqualTo(200);
        assertThat(noWord.body()).contains("id=\"whole-words\"").contains("Inget hittades");
    }

    @Test
    void caseWorkPagesNeedNoInlineScript() {
        Browser jour1 = signedIn("jour1");
        UUID id = openThroughForm(jour1, intakeForm("Sidor " + TestIdentityNumbers.token(), "", "Sammanfattning."));

        for (String path : new String[] {"/cases", "/cases/new", "/cases/new?name=Mohammed", "/cases/new/intake",
                "/cases/" + id, "/cases/" + id + "/steps/polisanmalan", "/cases/" + id + "/journal/new",
                "/cases/" + id + "/person", "/cases/" + id + "/indicators", "/cases/" + id + "/protection"}) {
            Response r = page(jour1, path);
            assertThat(r.status()).as("GET %s", path).isEqualTo(200);
            assertThat(r.contentType()).startsWith("text/html");
        }
    }
}
