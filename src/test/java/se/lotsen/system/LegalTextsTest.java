package se.lotsen.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Legal statements that were once wrong in Lotsen's texts stay corrected in every text a user reads: the message
 * bundles, the templates and the routine Lotsen ships (the legal review of 2026-12, LEGAL-AND-PRACTICE §11).
 */
class LegalTextsTest {

    private static final String[] PATTERNS = {"classpath*:messages*.properties", "classpath*:i18n/*.properties",
            "classpath*:templates/**/*.html", "classpath*:routines/*.json"};

    /** Every user-facing text file, by name. */
    private static Map<String, String> texts() {
        Map<String, String> texts = new LinkedHashMap<>();
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        try {
            for (String pattern : PATTERNS) {
                for (Resource r : resolver.getResources(pattern)) {
                    try (InputStream in = r.getInputStream()) {
                        texts.put(r.getURI().toString(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(texts.keySet()).anyMatch(k -> k.endsWith("cases_sv.properties"))
                .anyMatch(k -> k.endsWith("handover-package.html")).anyMatch(k -> k.endsWith("akut-manniskohandel.json"));
        return texts;
    }

    @ParameterizedTest(name = "no text says \"{0}\"")
    @ValueSource(strings = {
            // The police take a child into temporary custody under 12 § polislagen; 13 § is about public order.
            "13 § polislagen", "section 13 of the Police Act",
            // OSL 10 kap. 23 §: six months since 2025-04-01.
            "minst ett års fängelse", "minst ett år, som för människohandel", "at least one year in prison",
            // Betänketid: the socialnämnd may apply as well as the förundersökningsledare.
            "söks av förundersökningsledaren", "is applied for by the head of the preliminary investigation",
            // The chair's report is in 6 § andra stycket.
            "6 § tredje stycket",
            // The protection assessment is due at once; "the next day" is practice, not law.
            "ska göras genast, senast dagen efter", "at the latest the next day."})
    void noTextRepeatsAnErrorTheLegalReviewFound(String wrong) {
        texts().forEach((file, text) -> assertThat(text).as(file).doesNotContain(wrong));
    }

    private static Properties bundle(String name) {
        Properties p = new Properties();
        try (InputStream in = LegalTextsTest.class.getResourceAsStream("/i18n/" + name)) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    @Test
    void theIntakeChannelNamesTheTemporaryCustodyUnder12SectionPolislagen() {
        assertThat(bundle("cases_sv.properties").getProperty("channel.POLICE_PL12"))
                .contains("tillfälligt omhändertagande enligt 12 § polislagen");
        assertThat(bundle("cases_en.properties").getProperty("channel.POLICE_PL12"))
                .contains("section 12 of the Police Act");
        assertThat(bundle("cases_sv.properties")).doesNotContainKey("channel.POLICE_PL13");
    }

    @Test
    void theContactGuidanceStatesTheCorrectedRules() {
        Properties sv = bundle("handover_sv.properties");
        assertThat(sv.getProperty("contactGuidance.POLICE")).contains("fängelse i sex månader", "12 kap. 2 § OSL");
        assertThat(sv.getProperty("contactChoice.secrecyRule.OSL_10_23")).contains("sex månaders");
        assertThat(sv.getProperty("contactGuidance.MIGRATIONSVERKET")).contains("socialnämnden",
                "förundersökningsledaren", "Ingen förundersökning behöver ha inletts", "barn", "bevaka slutdagen");
        Properties en = bundle("handover_en.properties");
        assertThat(en.getProperty("contactGuidance.POLICE")).contains("at least six months", "Chapter 12 Section 2 OSL");
        assertThat(en.getProperty("contactGuidance.MIGRATIONSVERKET")).contains("social welfare committee",
                "No preliminary investigation needs to have started", "children");
        for (String key : List.of("package.secrecy")) {
            assertThat(sv.getProperty(key)).contains("{0}", "{1}", "{2}");
            assertThat(en.getProperty(key)).contains("Chapter 26 Section 1", "{1}", "{2}");
        }
    }
}
