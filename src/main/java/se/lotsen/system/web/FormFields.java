package se.lotsen.system.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The fields of each form as {@code form-fields.properties} lists them, for the templates: which fields are optional,
 * so that "(valfritt)" is shown on exactly those ({@code th:with="optionalFields=${@formFields.optional('intakeForm')}"}
 * on the form; the field fragments read it). The same file gives the labels that error messages name
 * ({@link FieldNamingMessages}).
 */
@Component("formFields")
public class FormFields {

    private final Map<String, Set<String>> optional = new TreeMap<>();

    FormFields() throws IOException {
        Properties p = new Properties();
        try (InputStreamReader in = new InputStreamReader(new ClassPathResource("form-fields.properties").getInputStream(),
                StandardCharsets.UTF_8)) {
            p.load(in);
        }
        p.forEach((k, v) -> {
            String key = k.toString();
            if (v.toString().contains("|optional")) {
                optional.computeIfAbsent(key.substring(0, key.indexOf('.')), f -> new TreeSet<>())
                        .add(key.substring(key.indexOf('.') + 1));
            }
        });
    }

    /** The optional fields of a form (its model attribute's name). */
    public Set<String> optional(String form) {
        return optional.getOrDefault(form, Set.of());
    }
}
