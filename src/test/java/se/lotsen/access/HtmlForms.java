package se.lotsen.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/** A posting form of a page, read as a browser sends it: every field as rendered, hidden ones included. */
public final class HtmlForms {

    private HtmlForms() {
    }

    /** The fields of the posting form whose action ends with {@code actionEnd}, with {@code changes} applied. */
    public static List<Map.Entry<String, String>> fields(String html, String actionEnd, Map<String, String> changes) {
        Element form = Jsoup.parse(html).select("form[method=post]").stream()
                .filter(f -> f.attr("action").replaceAll("[?#].*$", "").endsWith(actionEnd)).findFirst().orElse(null);
        assertThat(form).as("a form posting to …%s in:\n%s", actionEnd, html).isNotNull();
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        for (Element el : form.select("input[name], select[name], textarea[name]")) {
            String name = el.attr("name");
            if (changes.containsKey(name)) {
                continue;
            }
            String type = el.attr("type");
            if (el.is("input") && (type.equals("submit") || type.equals("button"))) {
                continue;
            }
            if (el.is("input") && (type.equals("checkbox") || type.equals("radio"))) {
                if (el.hasAttr("checked")) {
                    fields.add(new SimpleEntry<>(name, el.hasAttr("value") ? el.attr("value") : "on"));
                }
            } else if (el.is("select")) {
                Element selected = el.selectFirst("option[selected]");
                if (selected == null) {
                    selected = el.selectFirst("option");
                }
                if (selected != null) {
                    fields.add(new SimpleEntry<>(name, selected.val()));
                }
            } else if (el.is("textarea")) {
                fields.add(new SimpleEntry<>(name, el.wholeText().replaceFirst("^\n", "")));
            } else {
                fields.add(new SimpleEntry<>(name, el.val()));
            }
        }
        changes.forEach((k, v) -> fields.add(new SimpleEntry<>(k, v)));
        return fields;
    }

    /** The value of the named field of those given. */
    public static String value(List<Map.Entry<String, String>> fields, String name) {
        return fields.stream().filter(e -> e.getKey().equals(name)).map(Map.Entry::getValue).findFirst()
                .orElseThrow(() -> new AssertionError("no field " + name + " in " + fields));
    }
}
