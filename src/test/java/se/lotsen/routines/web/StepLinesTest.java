package se.lotsen.routines.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

import se.lotsen.common.FieldProblems;
import se.lotsen.routines.FieldType;
import se.lotsen.routines.RoutineDocument;

import static org.assertj.core.api.Assertions.assertThat;

/** The one-line-per-item text of the step form: legal references and fields to fill in. */
class StepLinesTest {

    private static List<RoutineDocument.LegalReference> references(String text) {
        FieldProblems.Collector problems = new FieldProblems.Collector();
        List<RoutineDocument.LegalReference> result = StepLines.parseReferences(text, "legalReferences", problems);
        problems.throwIfAny();
        return result;
    }

    private static List<RoutineDocument.StepField> fields(String text) {
        FieldProblems.Collector problems = new FieldProblems.Collector();
        List<RoutineDocument.StepField> result = StepLines.parseFields(text, "fields", problems);
        problems.throwIfAny();
        return result;
    }

    private static List<FieldProblems.Problem> referenceProblems(String text) {
        try {
            references(text);
        } catch (FieldProblems p) {
            return p.problems();
        }
        throw new AssertionError("no problems for: " + text);
    }

    private static List<FieldProblems.Problem> fieldProblems(String text) {
        try {
            fields(text);
        } catch (FieldProblems p) {
            return p.problems();
        }
        throw new AssertionError("no problems for: " + text);
    }

    @Test
    void aFullReferenceLine() {
        assertThat(references("LVU (1990:52) | 7 § | Underställs förvaltningsrätten inom en vecka. | 1990-07-01 | 2027-06-30"))
                .containsExactly(new RoutineDocument.LegalReference("LVU (1990:52)", "7 §",
                        "Underställs förvaltningsrätten inom en vecka.", LocalDate.of(1990, 7, 1),
                        LocalDate.of(2027, 6, 30)));
    }

    @Test
    void datesAndSectionMayBeLeftOutAndBlankLinesAndCrlfAreIgnored() {
        assertThat(references("\r\nLVU (1990:52) | 6 § | Omedelbart omhändertagande.\r\n\r\nRiktlinjer |  | Ärendeansvar. | 2024-01-01\r\n"))
                .containsExactly(
                        new RoutineDocument.LegalReference("LVU (1990:52)", "6 §", "Omedelbart omhändertagande.", null, null),
                        new RoutineDocument.LegalReference("Riktlinjer", "", "Ärendeansvar.", LocalDate.of(2024, 1, 1), null));
    }

    @ParameterizedTest(name = "line {1}: {0} -> {2}")
    @CsvSource(delimiter = ';', value = {
            "LVU (1990:52) | 6 §                              ; 1 ; validation.routine.reference.parts",
            " | 6 § | Förklaring                              ; 1 ; validation.routine.reference.law",
            "LVU | 6 § |                                      ; 1 ; validation.routine.reference.text",
            "LVU | 6 § | Förklaring | 2026-13-01              ; 1 ; validation.routine.reference.date",
            "LVU | 6 § | Förklaring | 1 juli 2026             ; 1 ; validation.routine.reference.date",
            "LVU | 6 § | Förklaring | 2026-02-30              ; 1 ; validation.routine.reference.date",
            "LVU | 6 § | Förklaring |  | 20260101             ; 1 ; validation.routine.reference.date",
            "LVU | 6 § | Förklaring | 2026-07-01 | 2026-06-30 ; 1 ; validation.routine.reference.order"})
    void aBadReferenceLineIsNamedWithItsNumber(String line, int number, String messageKey) {
        List<FieldProblems.Problem> problems = referenceProblems(line);

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).field()).isEqualTo("legalReferences");
        assertThat(problems.get(0).messageKey()).isEqualTo(messageKey);
        assertThat(problems.get(0).args()).containsExactly(number);
    }

    @Test
    void everyBadLineIsReportedWithItsOwnNumber() {
        List<FieldProblems.Problem> problems = referenceProblems(
                "LVU | 6 § | Bra rad.\n\nbara en del\nLVU | 7 § | Förklaring | i morgon");

        assertThat(problems).extracting(FieldProblems.Problem::messageKey)
                .containsExactly("validation.routine.reference.parts", "validation.routine.reference.date");
        assertThat(problems).extracting(p -> p.args()[0]).containsExactly(3, 4);
    }

    @Test
    void fieldLines() {
        assertThat(fields("diarienummer | Polisens diarienummer | TEXT | ja\nforhor | Planerat förhör\n"
                + "datum | När | date | nej\nplan | Plan | TEXTAREA | yes"))
                .containsExactly(
                        new RoutineDocument.StepField("diarienummer", "Polisens diarienummer", FieldType.TEXT, true),
                        new RoutineDocument.StepField("forhor", "Planerat förhör", FieldType.TEXT, false),
                        new RoutineDocument.StepField("datum", "När", FieldType.DATE, false),
                        new RoutineDocument.StepField("plan", "Plan", FieldType.TEXTAREA, true));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
            "bara-nyckel                        ; validation.routine.field.parts",
            "a | b | TEXT | ja | extra          ; validation.routine.field.parts",
            "Stor Nyckel | Etikett              ; validation.routine.field.key",
            "nyckel |  | TEXT                   ; validation.routine.field.label",
            "nyckel | Etikett | NUMMER          ; validation.routine.field.type",
            "nyckel | Etikett | TEXT | kanske   ; validation.routine.field.required"})
    void aBadFieldLineIsNamed(String line, String messageKey) {
        List<FieldProblems.Problem> problems = fieldProblems(line);

        assertThat(problems).extracting(FieldProblems.Problem::messageKey).containsExactly(messageKey);
        assertThat(problems.get(0).field()).isEqualTo("fields");
        assertThat(problems.get(0).args()[0]).isEqualTo(1);
    }

    @Test
    void aFieldKeyMayOccurOnlyOnce() {
        List<FieldProblems.Problem> problems = fieldProblems("nr | Nummer\nnr | Nummer igen");

        assertThat(problems).extracting(FieldProblems.Problem::messageKey)
                .containsExactly("validation.routine.field.key.duplicate");
        assertThat(problems.get(0).args()).containsExactly(2, "nr");
    }

    @Test
    void anExplanationWithABarSurvivesARoundTrip() {
        List<RoutineDocument.LegalReference> refs = List.of(new RoutineDocument.LegalReference("Lag", "1 §",
                "antingen|eller", LocalDate.of(2020, 1, 1), null));

        assertThat(references(StepLines.formatReferences(refs))).isEqualTo(refs);
    }

    @Test
    void everyStepOfTheShippedRoutineSurvivesARoundTripThroughTheForm() throws IOException {
        RoutineDocument routine;
        try (InputStream in = getClass().getResourceAsStream("/routines/akut-manniskohandel.json")) {
            routine = JsonMapper.builder().build().readValue(in, RoutineDocument.class);
        }
        assertThat(routine.allSteps()).isNotEmpty();
        for (RoutineDocument.Step step : routine.allSteps()) {
            assertThat(references(StepLines.formatReferences(step.legalReferences())))
                    .as(step.key()).isEqualTo(step.legalReferences());
            for (Locale locale : List.of(Locale.forLanguageTag("sv"), Locale.ENGLISH)) {
                assertThat(fields(StepLines.formatFields(step.fields(), locale)))
                        .as(step.key()).isEqualTo(step.fields());
            }
        }
    }
}
