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
