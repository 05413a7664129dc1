package se.lotsen.system;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.unbescape.html.HtmlEscape;
import tools.jackson.databind.JsonNode;

import se.lotsen.access.LotsenHttp;
import se.lotsen.access.LotsenHttp.Browser;
import se.lotsen.access.LotsenHttp.Response;
import se.lotsen.access.Scenario;
import se.lotsen.audit.AuditAction;
import se.lotsen.audit.AuditActor;
import se.lotsen.audit.AuditLog;
import se.lotsen.audit.AuditRecord;

import static org.assertj.core.api.Assertions.assertThat;
import static se.lotsen.access.LotsenHttp.DEMO_PASSWORD;

/**
 * Every page that names a record names it for people: a case number, a person, a unit's name, a translated record
 * type; never a UUID, a unit's code (such as {@code rinkeby-kista}) or a record-type code (such as {@code CASE}) in the
 * text a person reads. Ids may stay in addresses and form values, which this test strips with the tags.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NamesForPeopleIT {

    private static final Pattern UUID_TEXT = Pattern.compile(
            "\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b");
    /** Unit codes of the demo units whose code differs from the start of their name (case-sensitive). */
    private static final Pattern UNIT_CODE = Pattern.compile(
            "(?<![\\w-])(socialjouren|nordvastjouren|rinkeby-kista|spanga-tensta|hasselby-vallingby|sodermalm"
                    + "|ostermalm|enskede-arsta-vantor|skarpnack|hagersten-alvsjo|skarholmen)(?![\\w-])");
    /** Record-type codes as the audit trail stores them. */
    private static final Pattern RECORD_TYPE_CODE = Pattern.compile(
            "(?<![\\w-])(CASE|PERSON|DECISION|DEADLINE|ACCOUNT|UNIT|QUESTION|NOTIFICATION|EMERGENCY_ACCESS"
                    + "|AUDIT_LOG|AUDIT_REVIEW|AUDIT_CHECKPOINT|SIGN_IN)(?![\\w-])");

    @LocalServerPort
    int port;

    @Autowired
    AuditLog auditLog;

    LotsenHttp http;
    String token = UUID.randomUUID().toString().substring(0, 8);
    /** The username of a fictional actor whose entries name a case, a unit, an account and a decision. */
    String actor = "names-" + token;
    UUID caseId;
    UUID decisionId;
    String caseNumber;
    String personName;

    @BeforeAll
    void aCaseWithADecisionAQuestionAndAHandoverAndEntriesAboutEveryKindOfRecord() {
        http = new LotsenHttp(port);
        Scenario scenario = new Scenario(http);
        personName = "Lova " + token;
        JsonNode opened = scenario.openChild("jour1", personName, Map.of());
        caseId = UUID.fromString(opened.get("id").asString());
        caseNumber = opened.get("caseNumber").asString();
        JsonNode custody = scenario.custody("jour1", caseId);
        decisionId = UUID.fromString(custody.get("id").asString());
        assertThat(scenario.ask("jour1", caseId, "Hur gör vi med hemlandskontakten? " + token, false).status())
                .isEqualTo(201);
        scenario.handOver("jour1", caseId, "rinkeby-kista");

        AuditActor someone = actor(actor, UUID.randomUUID(), "rinkeby-kista");
        auditLog.record(AuditRecord.of(AuditAction.READ, "CASE", caseId).withActor(someone));
        auditLog.record(AuditRecord.of(AuditAction.UPDATE, "UNIT", "rinkeby-kista").withActor(someone));
        auditLog.record(AuditRecord.of(AuditAction.READ, "ACCOUNT", UUID.randomUUID()).withActor(someone));
        auditLog.record(AuditRecord.of(AuditAction.READ, "DECISION", decisionId).withActor(someone));
        auditLog.record(AuditRecord.of(AuditAction.READ, "DECISION", UUID.randomUUID()).withActor(someone));
    }

    /** The text a person reads: no tags, attributes, scripts or styles; entities decoded. */
    static String visibleText(String html) {
        String s = html.replaceAll("(?is)<(script|style)\\b.*?</\\1>", " ")
                .replaceAll("(?s)<!--.*?-->", " ")
                .replaceAll("(?s)<[^>]*>", " ");
        return HtmlEscape.unescapeHtml(s).replaceAll("\\s+", " ");
    }

    private String read(Browser as, String user, String path) {
        Response r = as.get(path);
        assertThat(r.status()).as("%s %s", user, path).isEqualTo(200);
        String text = visibleText(r.body());
        assertNoRawCodes(user + " " + path, text);
        return text;
    }

    private static void assertNoRawCodes(String where, String text) {
        for (Pattern p : List.of(UUID_TEXT, UNIT_CODE, RECORD_TYPE_CODE)) {
            Matcher m = p.matcher(text);
            if (m.find()) {
                int from = Math.max(0, m.start() - 80);
                throw new AssertionError(where + " shows the raw code \"" + m.group() + "\" in: …"
                        + text.substring(from, Math.min(text.length(), m.end() + 80)) + "…");
            }
        }
    }

    private Browser signedIn(String user) {
        Browser b = http.browser();
        assertThat(b.signIn(user, DEMO_PASSWORD).status()).isEqualTo(302);
        return b;
    }

    @Test
    void theLogReviewNamesCasesPersonsUnitsAndRecordTypesNeverTheirIdsOrCodes() {
        Browser auditor = signedIn("granskare");

        String text = read(auditor, "granskare", "/audit?user=" + actor);
        assertThat(text).contains(caseNumber, personName, "Rinkeby-Kista stadsdelsförvaltning", "Ärende", "Enhet",
                "Konto", "Beslut", "Alla händelser om posten");
        // The record-type filter offers translated labels, the code only as the submitted value.
        assertThat(text).contains("Alla posttyper");

        // An entry about the case's decision names the case and the person.
        String decision = read(auditor, "granskare", "/audit?recordType=DECISION&user=" + actor + "&recordId="
                + decisionId);
        assertThat(decision).contains("Beslut", caseNumber, personName);

        String one = read(auditor, "granskare", "/audit?recordId=" + caseId);
        assertThat(one).contains(caseNumber, personName, "Visar bara händelser om en och samma post.",
                "Visa alla poster");
        String html = auditor.get("/audit?recordId=" + caseId).body();
        // The record filter is kept as a form value (hidden), so that searching again keeps it.
        assertThat(html).contains("type=\"hidden\"").contains("value=\"" + caseId + "\"");

        read(auditor, "granskare", "/audit?recordType=CASE&user=" + actor);
        read(auditor, "granskare", "/audit/reviews");
        read(auditor, "granskare", "/audit?unit=rinkeby-kista&user=" + actor);
    }

    @Test
    void theCaseWorkersPagesNameCasesAndUnits() {
        Browser jour1 = signedIn("jour1");
        read(jour1, "jour1", "/cases");
        assertThat(read(jour1, "jour1", "/cases/" + caseId)).contains(caseNumber, personName);
        read(jour1, "jour1", "/cases/" + caseId + "/decisions/" + decisionId);
        read(jour1, "jour1", "/deadlines");
        read(jour1, "jour1", "/notifications");
        read(jour1, "jour1", "/questions");
        read(jour1, "jour1", "/cases/" + caseId + "/handover");

        Browser method = signedIn("metod");
        assertThat(read(method, "metod", "/questions")).contains("Hur gör vi med hemlandskontakten? " + token);

        Browser lead = signedIn("jourchef");
        read(lead, "jourchef", "/cases/emergency-access/log");
        read(lead, "jourchef", "/deadlines");

        Browser district = signedIn("rinkebychef");
        assertThat(read(district, "rinkebychef", "/handovers")).contains(caseNumber, "Socialjouren Stockholm");
        assertThat(read(district, "rinkebychef", "/cases/" + caseId)).contains(caseNumber,
                "Rinkeby-Kista stadsdelsförvaltning");
        read(district, "rinkebychef", "/cases/" + caseId + "/handover");
        read(district, "rinkebychef", "/deadlines");
    }

    @Test
    void theAdministratorsListsNameUnitsNotCodes() {
        Browser admin = signedIn("admin");
        assertThat(read(admin, "admin", "/admin/units")).contains("Rinkeby-Kista stadsdelsförvaltning",
                "Socialjouren Stockholm");
        assertThat(read(admin, "admin", "/admin/accounts")).contains("Elin Berg", "Socialjouren Stockholm");
    }

    @Test
    void theCheckFindsWhatItLooksFor() {
        String leaky = "<p>Post <code>" + UUID.randomUUID() + "</code></p>";
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> assertNoRawCodes("x", visibleText(leaky)))
                .isInstanceOf(AssertionError.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> assertNoRawCodes("x", visibleText("<td>jour1 (rinkeby-kista)</td>")))
                .isInstanceOf(AssertionError.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> assertNoRawCodes("x", visibleText("<td>CASE</td>")))
                .isInstanceOf(AssertionError.class);
        // Ids in addresses and form values are not text.
        assertNoRawCodes("x", visibleText("<a href=\"/cases/" + UUID.randomUUID() + "\">Rinkeby-Kista</a>"
                + "<option value=\"CASE\">Ärende</option>"));
    }

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
}
