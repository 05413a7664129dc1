package se.lotsen.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One word for one thing across the Swedish bundles, the templates and the routine Lotsen ships (issue 11, item 10):
 * "samverkanspart/samverkansparter" (never "samverkanspartner"), and "inte aktuellt" as on the step's button (never
 * "ej aktuellt").
 */
class WordingTest {

    /** The word not to use, and the one to use instead. */
    private static final Map<String, String> AVOID = Map.of(
            "samverkanspartner", "samverkanspart / samverkansparter",
            "ej aktuell", "inte aktuellt");

    private static List<Path> swedishTextFiles() throws IOException {
        Path resources = Path.of("src/main/resources");
        try (Stream<Path> files = Files.walk(resources)) {
            return files.filter(Files::isRegularFile).filter(p -> {
                String name = p.getFileName().toString();
                return name.endsWith("_sv.properties") || name.endsWith(".html")
                        || (name.endsWith(".json") && p.toString().contains("routines"));
            }).toList();
        }
    }

    @Test
    void oneWordForOneThing() throws IOException {
        List<Path> files = swedishTextFiles();
        assertThat(files).as("the Swedish texts are found").hasSizeGreaterThan(10);
        List<String> found = new ArrayList<>();
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8).toLowerCase(java.util.Locale.ROOT);
            AVOID.forEach((word, instead) -> {
                if (text.contains(word)) {
                    found.add(file + ": \"" + word + "\" (use " + instead + ")");
                }
            });
        }
        assertThat(found).isEmpty();
    }
}
