package se.lotsen.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Swedish is the primary language and English must be complete: both files hold exactly the same keys, no value is
 * empty, and every literal message key used in a template exists.
 */
class I18nPropertiesSyncTest {

    /** The message bundles (spring.messages.basename). */
    static final String[] BUNDLES = {"messages", "i18n/cases", "i18n/routines", "i18n/decisions", "i18n/handover",
            "i18n/audit", "i18n/review", "i18n/knowledge", "i18n/reporting", "i18n/grants"};

    @Test
    void swedishAndEnglishHaveTheSameKeys() throws IOException {
        for (String bundle : BUNDLES) {
            Properties sv = load(bundle + "_sv.properties");
            Properties en = load(bundle + "_en.properties");
            Set<String> onlySv = new TreeSet<>(sv.stringPropertyNames());
            onlySv.removeAll(en.stringPropertyNames());
            Set<String> onlyEn = new TreeSet<>(en.stringPropertyNames());
            onlyEn.removeAll(sv.stringPropertyNames());
            assertThat(onlySv).as("keys only in " + bundle + "_sv.properties").isEmpty();
            assertThat(onlyEn).as("keys only in " + bundle + "_en.properties").isEmpty();
        }
    }

    @Test
    void noKeyIsDefinedInTwoBundles() throws IOException {
        Set<String> seen = new TreeSet<>();
        Set<String> twice = new TreeSet<>();
        for (String bundle : BUNDLES) {
            for (String key : load(bundle + "_sv.properties").stringPropertyNames()) {
                if (!seen.add(key)) {
                    twice.add(key);
                }
            }
        }
        assertThat(twice).as("keys defined in more than one bundle").isEmpty();
    }

    @Test
    void noValueIsEmpty() throws IOException {
        for (String bundle : BUNDLES) {
            for (String file : new String[] {bundle + "_sv.properties", bundle + "_en.properties"}) {
                Properties p = load(file);
                assertThat(p.stringPropertyNames().stream().filter(k -> p.getProperty(k).isBlank()))
                        .as("empty values in " + file).isEmpty();
            }
        }
    }

    @Test
    void everyLiteralKeyInTemplatesExists() throws IOException {
        Properties sv = new Properties();
        for (String bundle : BUNDLES) {
            sv.putAll(load(bundle + "_sv.properties"));
        }
        Pattern literal = Pattern.compile("#\\{([a-zA-Z][a-zA-Z0-9_.]*)(\\(|\\})");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher m = literal.matcher(Files.readString(file));
                while (m.find()) {
                    if (!sv.containsKey(m.group(1))) {
                        missing.add(m.group(1) + " (" + file.getFileName() + ")");
                    }
                }
            }
        }
        assertThat(missing).as("message keys used in templates but not defined").isEmpty();
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = I18nPropertiesSyncTest.class.getResourceAsStream("/" + name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
