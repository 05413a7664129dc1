package se.lotsen.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.lotsen.access.LotsenHttp;
import se.lotsen.access.LotsenHttp.Browser;
import se.lotsen.access.LotsenHttp.Response;
import se.lotsen.access.Scenario;

/**
 * Every form at the GOV.UK standard: no browser bubbles (each form carries {@code novalidate}), and a form sent empty
 * answers with Lotsen's error summary, where each entry names its field by the field's label and links to a field
 * that can take the focus (an input, a select or a text area, the first input of a radio or checkbox group). Each
 * field in error also shows the message at the field.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FormValidationIT {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");

    @LocalServerPort
    int port;

    @Test
    void everyFormInEveryTemplateCarriesNovalidate() throws IOException {
        List<String> without = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                Document doc = Jsoup.parse(Files.readString(f));
                for (Element form : doc.select("form")) {
                    if (!form.hasAttr("novalidate")) {
                        without.add(TEMPLATES.relativize(f) + ": " + form.attributes().html());
                    }
                }
            }
        }
        assertThat(without).as("forms a browser would validate with its own bubbles").isEmpty();
    }

    @Test
    void everyFormSentEmptyListsItsProblemsByLabelWithLinksToFocusableFields() {
        LotsenHttp http = new LotsenHttp(port);
        Scenario scenario = new Scenario(http);
        UUID caseId = scenario.openChild("jour1", Scenario.name("Formulär"));
        String decisionId = scenario.custody("jour1", caseId).get("id").asString();
        String c = "/cases/" + caseId;
        String contactId = scenario.contact("jour1", caseId, "OTHER", "Polisen, Citypolisen (lokalpolisområde)", "Anmälan gjord.").get("id").asString();
        String deadlineId = deadlineOf(scenario, caseId);

        // The pages with a form of their own, as a user who may send it.
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put(c + "/journal/new", "jour1");
        pages.put(c + "/person", "jour1");
        pages.put(c + "/protection", "jour1");
        pages.put(c + "/decisions/new?type=LVU_6", "jour1");
        pages.put(c + "/decisions/" + decisionId, "jour1");
        pages.put(c + "/handover/new", "jour1");
        pages.put(c + "/contacts/new?type=POLICE", "jour1");
        pages.put("/cases/new/intake", "jour1");
        pages.put("/questions/new?caseId=" + caseId, "jour1");
        pages.put("/cases/emergency-access", "rinkeby1");
        pages.put("/account", "jour1");
        pages.put("/admin/accounts/new", "admin");
        pages.put("/admin/units/new", "admin");
        pages.put("/partners/new", "admin");
        pages.put("/audit/reviews/new", "granskare");
        pages.put(c + "/indicators", "jour1");
        pages.put(c + "/contacts/" + contactId + "/status", "jour1");
        pages.put(c + "/deadlines/" + deadlineId, "jour1");
        pages.put("/admin/units/rinkeby-kista", "admin");

        Map<String, Browser> browsers = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        int summaries = 0;
        for (Map.Entry<String, String> page : pages.entrySet()) {
            Browser browser = browsers.computeIfAbsent(page.getValue(), scenario::signedIn);
            Response r = browser.get(page.getKey());
            assertThat(r.status()).as("GET %s", page.getKey()).isEqualTo(200);
            Document doc = Jsoup.parse(r.body());
            for (Element form : doc.select("main form[method=post]")) {
                if (form.select("input:not([type=hidden]), select, textarea").isEmpty()) {
                    continue; // a button only ("Markera som läst"): nothing to fill in
                }
                String action = form.attr("action");
                String where = "POST " + action + " (form on " + page.getKey() + ")";
                Response sent = browser.postForm(action, emptied(form));
                if (sent.status() != 200 && sent.status() != 422) {
                    continue; // accepted as empty (every field optional): nothing to show
                }
                Document answer = Jsoup.parse(sent.body());
                Element summary = answer.selectFirst(".error-summary");
                if (summary == null) {
                    problems.add(where + ": refused (" + sent.status() + ") without an error summary");
                    continue;
                }
                summaries++;
                for (Element entry : summary.select("li")) {
                    Element link = entry.selectFirst("a[href^=#]");
                    if (link == null) {
                        continue; // a problem of the whole form ("someone else changed it"), not of a field
                    }
                    String id = link.attr("href").substring(1);
                    Element field = answer.getElementById(id);
                    // A field, or where a choice made on an earlier page is changed ("Välj ett annat beslut").
                    if (field == null || !field.is("input:not([type=hidden]), select, textarea, a[href]")) {
                        problems.add(where + ": the summary links to #" + id + ", which is not a field that takes the focus");
                        continue;
                    }
                    if (field.is("a")) {
                        continue;
                    }
                    String label = labelOf(answer, field);
                    if (rawLabelOf(answer, field).contains("(valfritt)")) {
                        problems.add(where + ": \"" + rawLabelOf(answer, field) + "\" is marked optional but refused empty");
                    }
                    if (label == null || !entry.text().toLowerCase().contains(label.toLowerCase())) {
                        problems.add(where + ": the entry \"" + entry.text() + "\" does not name its field \"" + label + "\"");
                    }
                    if (entry.text().contains("Fyll i fältet") || entry.text().contains("must not")) {
                        problems.add(where + ": a generic message: \"" + entry.text() + "\"");
                    }
                    if (answer.select(".field-error").stream().noneMatch(e -> e.text().equals(link.text()))) {
                        problems.add(where + ": \"" + link.text() + "\" is not shown at the field");
                    }
                }
            }
        }
        assertThat(problems).as("forms below the standard").isEmpty();
        assertThat(summaries).as("the empty forms refused with a summary (the test is not vacuous)")
                .isGreaterThanOrEqualTo(10);
    }

    /**
     * All problems in one round: a form sent with a problem Bean Validation finds (a value that does not convert, a
     * text too long, a required field left empty) also lists the problems only the service's rules find, in the same
     * answer, instead of revealing them after the first are fixed.
     */
    @Test
    void oneRoundListsTheFormsAndTheServicesProblemsTogether() {
        LotsenHttp http = new LotsenHttp(port);
        Scenario scenario = new Scenario(http);
        UUID caseId = scenario.openChild("jour1", Scenario.name("Allaproblem"));
        String decisionId = scenario.custody("jour1", caseId).get("id").asString();
        String contactId = scenario.contact("jour1", caseId, "OTHER", "Polisen, Citypolisen (lokalpolisområde)", "Anmälan gjord.").get("id").asString();
        String deadlineId = deadlineOf(scenario, caseId);
        String c = "/cases/" + caseId;
        Browser jour = scenario.signedIn("jour1");
        Browser admin = scenario.signedIn("admin");
        String tooLong = "x".repeat(20001);
        List<String> problems = new ArrayList<>();

        // A decision: the time does not convert (the form); no decider, no grounds, no urgency (the service).
        expect(problems, jour, c + "/decisions/new?type=LVU_6", "/decisions/new",
                Map.of("decidedAt", "igår kväll", "decidedByName", ""),
                "decidedAt", "decidedByName", "grounds", "urgencyReason");
        // A decision's end: the time does not convert; no reason.
        expect(problems, jour, c + "/decisions/" + decisionId, "/end", Map.of("endedAt", "x", "note", ""),
                "endedAt", "reason");
        // A court ruling: the day does not convert; no kind.
        expect(problems, jour, c + "/decisions/" + decisionId, "/court-rulings", Map.of("decidedOn", "x"),
                "decidedOn", "kind");
        // A deadline met: the evidence too long (the form); a day in the future (the deadline's rule).
        expect(problems, jour, c + "/deadlines/" + deadlineId, "/met",
                Map.of("evidence", "x".repeat(501), "metOn", "2099-01-01"), "evidence", "metOn");
        // A contact: the time does not read; no partner and no summary (the service).
        expect(problems, jour, c + "/contacts/new?type=POLICE", "/contacts/new",
                Map.of("at", "klockan tre", "summary", "", "partnerId", ""), "at", "partnerId", "summary");
        // A contact's status: the note too long (the form); no status (the service).
        expect(problems, jour, c + "/contacts/" + contactId + "/status", "/status",
                Map.of("note", tooLong, "status", ""), "note", "status");
        // A journal entry: no text (the form); a time in the future (the service).
        expect(problems, jour, c + "/journal/new", "/journal", Map.of("text", "", "occurredAt", "2099-01-01 10:00"),
                "text", "occurredAt");
        // The person: no name (the form); a number for an unknown kind of identity (the register's rule).
        expect(problems, jour, c + "/person", "/person",
                Map.of("name", "", "identityKind", "UNKNOWN", "identityNumber", "123"), "name", "identityNumber");
        // The protection assessment: an outcome that does not exist; no notes.
        expect(problems, jour, c + "/protection", "/protection", Map.of("outcome", "BOGUS", "notes", ""),
                "outcome", "notes");
        // The indicators: a sign that does not exist; no overall assessment.
        expect(problems, jour, c + "/indicators", "/indicators",
                Map.of("observed", "BOGUS", "overallAssessment", ""), "observed", "overallAssessment");
        // A handover: the reason too long (the form); no unit (the service).
        expect(problems, jour, c + "/handover/new", "/handover/new", Map.of("reason", "x".repeat(2001), "toUnit", ""),
                "reason", "toUnit");
        // Emergency access: the case number too long (the form); no reason (the service).
        expect(problems, scenario.signedIn("rinkeby1"), "/cases/emergency-access", "/cases/emergency-access",
                Map.of("caseNumber", "X".repeat(81), "reason", ""), "caseNumber", "reason");
        // A new account: no username (the form); a password below the policy (the service).
        expect(problems, admin, "/admin/accounts/new", "/admin/accounts",
                Map.of("username", "", "displayName", "Ny Person", "password", "kort", "roles", "DUTY_WORKER", "unitCode", "socialjouren"),
                "username", "password");
        // A partner: the name too long (the form); no kind (the service).
        expect(problems, admin, "/partners/new", "/partners/new", Map.of("name", "x".repeat(201), "kind", ""),
                "name", "kind");
        // One's own password: the current one left empty (the form); a new one below the policy (the service).
        expect(problems, jour, "/account", "/account/password",
                Map.of("currentPassword", "", "newPassword", "kort", "repeatPassword", "kort"),
                "currentPassword", "newPassword");
        assertThat(problems).as("problems revealed in a second round").isEmpty();
    }

    /**
     * "(valfritt)" exactly on the optional fields: every field a form declares optional in form-fields.properties
     * shows it, no other field does, and a form sent with only its optional fields empty is not refused for them.
     */
    @Test
    void optionalIsMarkedExactlyOnTheDeclaredFields() throws IOException {
        Properties declared = new Properties();
        try (var in = getClass().getResourceAsStream("/form-fields.properties")) {
            declared.load(in);
        }
        LotsenHttp http = new LotsenHttp(port);
        Scenario scenario = new Scenario(http);
        UUID caseId = scenario.openChild("jour1", Scenario.name("Valfritt"));
        String decisionId = scenario.custody("jour1", caseId).get("id").asString();
        String deadlineId = deadlineOf(scenario, caseId);
        String c = "/cases/" + caseId;
        // page, user, the form's action ending, the form's model name
        String[][] forms = {
                {c + "/decisions/new?type=LVU_6A", "jour1", "/decisions/new", "decisionForm"},
                {c + "/decisions/" + decisionId, "jour1", "/court-rulings", "rulingForm"},
                {c + "/decisions/" + decisionId, "jour1", "/end", "endForm"},
                {c + "/deadlines/" + deadlineId, "jour1", "/met", "metForm"},
                {c + "/contacts/new?type=POLICE", "jour1", "/contacts/new", "contactForm"},
                {c + "/journal/new", "jour1", "/journal", "journalForm"},
                {c + "/person", "jour1", "/person", "personDetails"},
                {c + "/protection", "jour1", "/protection", "protectionForm"},
                {c + "/handover/new", "jour1", "/handover/new", "handoverForm"},
                {"/cases/new/intake", "jour1", "/cases/new/intake", "intakeForm"},
                {"/cases/emergency-access", "rinkeby1", "/cases/emergency-access", "emergencyForm"},
                {"/admin/accounts/new", "admin", "/admin/accounts", "accountForm"},
                {"/admin/units/new", "admin", "/admin/units", "unitForm"},
                {"/admin/units/rinkeby-kista", "admin", "/meetings", "meetingForm"},
                {"/partners/new", "admin", "/partners/new", "partnerForm"},
        };
        Map<String, Browser> browsers = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        int optionalSeen = 0;
        for (String[] f : forms) {
            Browser browser = browsers.computeIfAbsent(f[1], scenario::signedIn);
            Response r = browser.get(f[0]);
            assertThat(r.status()).as("GET %s", f[0]).isEqualTo(200);
            Document doc = Jsoup.parse(r.body());
            Element form = doc.select("main form[method=post]").stream().filter(e -> e.attr("action").endsWith(f[2]))
                    .findFirst().orElseThrow(() -> new AssertionError("no form " + f[2] + " on " + f[0]));
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (Element field : form.select("input[name], select[name], textarea[name]")) {
                String name = field.attr("name");
                if (field.attr("type").matches("hidden|submit") || name.startsWith("fields[") || !seen.add(name)
                        || field.id().isEmpty()) {
                    continue;
                }
                String spec = declared.getProperty(f[3] + "." + name, "");
                boolean optional = spec.contains("|optional");
                boolean marked = rawLabelOf(doc, field).contains("(valfritt)");
                if (optional && !marked) {
                    problems.add(f[0] + " " + f[3] + "." + name + ": declared optional but not marked \"(valfritt)\"");
                } else if (!optional && marked) {
                    problems.add(f[0] + " " + f[3] + "." + name + ": marked \"(valfritt)\" but not declared optional");
                }
                optionalSeen += optional ? 1 : 0;
            }
        }
        assertThat(problems).as("\"(valfritt)\" where it does not belong, or missing").isEmpty();
        assertThat(optionalSeen).as("optional fields seen (the test is not vacuous)").isGreaterThanOrEqualTo(20);
    }

    /** Sends the form whose action ends with {@code action} on the page with the values given, the rest emptied. */
    private static void expect(List<String> problems, Browser browser, String page, String action,
                               Map<String, String> values, String... fields) {
        Response r = browser.get(page);
        assertThat(r.status()).as("GET %s", page).isEqualTo(200);
        Document doc = Jsoup.parse(r.body());
        Element form = doc.select("main form[method=post]").stream().filter(e -> e.attr("action").endsWith(action))
                .findFirst().orElseThrow(() -> new AssertionError("no form " + action + " on " + page));
        List<Map.Entry<String, String>> sent = new ArrayList<>();
        for (Map.Entry<String, String> e : emptied(form)) {
            if (!values.containsKey(e.getKey())) {
                sent.add(e);
            }
        }
        values.forEach((k, v) -> sent.add(new SimpleEntry<>(k, v)));
        Response answer = browser.postForm(form.attr("action"), sent);
        String where = "POST " + form.attr("action") + " " + values.keySet();
        if (answer.status() != 200 && answer.status() != 422) {
            problems.add(where + ": answered " + answer.status());
            return;
        }
        Element summary = Jsoup.parse(answer.body()).selectFirst(".error-summary");
        List<String> linked = summary == null ? List.of()
                : summary.select("a[href^=#]").stream().map(a -> a.attr("href").substring(1)).toList();
        for (String field : fields) {
            if (!linked.contains(field)) {
                problems.add(where + ": no problem at " + field + " in the same round (summary: " + linked + ")");
            }
        }
    }

    /** The first deadline the case page links to. */
    private static String deadlineOf(Scenario scenario, UUID caseId) {
        Document page = Jsoup.parse(scenario.signedIn("jour1").get("/cases/" + caseId).body());
        Element link = page.selectFirst("a[href*=/deadlines/]");
        assertThat(link).as("a deadline on the case page").isNotNull();
        String href = link.attr("href");
        return href.substring(href.indexOf("/deadlines/") + "/deadlines/".length()).replaceAll("[?#].*$", "");
    }

    /** The form's fields as sent with nothing filled in: hidden fields (the CSRF token, a version) as they are. */
    private static List<Map.Entry<String, String>> emptied(Element form) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        for (Element input : form.select("input[name], select[name], textarea[name]")) {
            String type = input.attr("type");
            if (input.is("input") && (type.equals("hidden"))) {
                fields.add(new SimpleEntry<>(input.attr("name"), input.val()));
            } else if (input.is("input") && (type.equals("radio") || type.equals("checkbox")
                    || type.equals("submit"))) {
                continue;
            } else {
                fields.add(new SimpleEntry<>(input.attr("name"), ""));
            }
        }
        return fields;
    }

    private static String rawLabelOf(Document doc, Element field) {
        Element label = doc.selectFirst("label[for=" + field.id() + "]");
        Element fieldset = field.closest("fieldset");
        String legend = fieldset == null || fieldset.selectFirst("legend") == null ? ""
                : fieldset.selectFirst("legend").text();
        return (label == null ? "" : label.text()) + (field.attr("type").matches("radio|checkbox") ? legend : "");
    }

    /** A field's label: its label element, or the legend of its group for a radio or a checkbox of a group. */
    private static String labelOf(Document doc, Element field) {
        String type = field.attr("type");
        if (type.equals("radio") || type.equals("checkbox")) {
            Element fieldset = field.closest("fieldset");
            if (fieldset != null && fieldset.selectFirst("legend") != null
                    && fieldset.select("input[name=" + field.attr("name") + "]").size() > 1) {
                return fieldset.selectFirst("legend").ownText().replace("(valfritt)", "").strip().replaceAll("[?:]$", "");
            }
        }
        Element label = doc.selectFirst("label[for=" + field.id() + "]");
        return label == null ? null : label.ownText().replace("(valfritt)", "").strip().replaceAll("[?:]$", "");
    }
}
