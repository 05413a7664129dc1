package se.lotsen.routines.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import se.lotsen.common.FieldProblems;
import se.lotsen.routines.FieldType;
import se.lotsen.routines.Performer;
import se.lotsen.routines.RoutineDocument;

import static org.assertj.core.api.Assertions.assertThat;

/** The rows of legal references and fields on the step form, and the buttons that add, move and remove them. */
class StepRowsTest {

    private static StepForm.ReferenceRow ref(String law, String section, String text, String from, String to) {
        return new StepForm.ReferenceRow(law, section, text, from, to);
    }

    private static List<FieldProblems.Problem> problems(Runnable parse) {
        try {
            parse.run();
        } catch (FieldProblems p) {
            return p.problems();
        }
        throw new AssertionError("no problems");
    }

    private static List<RoutineDocument.LegalReference> references(List<StepForm.ReferenceRow> rows) {
        FieldProblems.Collector c = new FieldProblems.Collector();
        List<RoutineDocument.LegalReference> result = StepRows.references(rows, c);
        c.throwIfAny();
        return result;
    }

    private static List<RoutineDocument.StepField> fields(List<StepForm.FieldRow> rows) {
        FieldProblems.Collector c = new FieldProblems.Collector();
        List<RoutineDocument.StepField> result = StepRows.fields(rows, c);
        c.throwIfAny();
        return result;
    }

    @Test
    void aFullReferenceRowAndEmptyRowsIgnored() {
        assertThat(references(List.of(StepForm.ReferenceRow.empty(),
                ref(" LVU (1990:52) ", "7 §", "Underställs\r\nförvaltningsrätten.", "1990-07-01", "2027-06-30"))))
                .containsExactly(new RoutineDocument.LegalReference("LVU (1990:52)", "7 §",
                        "Underställs\nförvaltningsrätten.", LocalDate.of(1990, 7, 1), LocalDate.of(2027, 6, 30)));
    }

    @Test
    void everyProblemNamesItsRowAndInput() {
        List<FieldProblems.Problem> p = problems(() -> references(List.of(
                ref("LVU", "6 §", "Bra rad.", "", ""),
                ref("", "6 §", "", "1 juli 2026", "2026-02-30"),
                ref("LVU", "", "Text", "2026-07-01", "2026-06-30"))));

        assertThat(p).extracting(FieldProblems.Problem::field).containsExactly(
                "references[1].law", "references[1].text", "references[1].validFrom", "references[1].validTo",
                "references[2].validTo");
        assertThat(p).extracting(FieldProblems.Problem::messageKey).containsExactly(
                "validation.routine.ref.law", "validation.routine.ref.text", "validation.routine.ref.validFrom",
                "validation.routine.ref.validTo", "validation.routine.ref.order");
        assertThat(p).extracting(x -> x.args()[0]).containsExactly(2, 2, 2, 2, 3);
    }

    @Test
    void fieldRows() {
        assertThat(fields(List.of(new StepForm.FieldRow("diarienummer", "Polisens diarienummer", "TEXT", true),
                new StepForm.FieldRow("", "", "TEXT", null),
                new StepForm.FieldRow("datum", "När", "DATE", null))))
                .containsExactly(
                        new RoutineDocument.StepField("diarienummer", "Polisens diarienummer", FieldType.TEXT, true),
                        new RoutineDocument.StepField("datum", "När", FieldType.DATE, false));
    }

    @Test
    void badFieldRowsAreNamed() {
        List<FieldProblems.Problem> p = problems(() -> fields(List.of(
                new StepForm.FieldRow("nr", "Nummer", "TEXT", false),
                new StepForm.FieldRow("nr", "", "NUMMER", false),
                new StepForm.FieldRow("Stor Nyckel", "Etikett", "TEXT", false),
                new StepForm.FieldRow("", "Etikett", "TEXT", false))));

        assertThat(p).extracting(FieldProblems.Problem::field).containsExactly(
                "fields[1].key", "fields[1].label", "fields[1].type", "fields[2].key", "fields[3].key");
        assertThat(p.get(0).args()).containsExactly(2, "nr", 1);
        assertThat(p.get(4).messageKey()).isEqualTo("validation.routine.fieldRow.key.missing");
    }

    @Test
    void rowButtonsAddMoveAndRemoveKeepingTheValues() {
        StepForm form = new StepForm("k", "Titel", "Text", Performer.JOUR, null,
                List.of(ref("A", "", "a", "", ""), ref("B", "", "b", "", ""), ref("C", "", "c", "", "")), null);

        StepForm added = StepRows.apply(StepRows.action("add-reference").orElseThrow(), form);
        assertThat(added.references()).hasSize(4).last().isEqualTo(StepForm.ReferenceRow.empty());
        assertThat(added.title()).isEqualTo("Titel");

        StepForm up = StepRows.apply(StepRows.action("up-reference-2").orElseThrow(), form);
        assertThat(up.references()).extracting(StepForm.ReferenceRow::law).containsExactly("A", "C", "B");
        assertThat(StepRows.action("up-reference-2").orElseThrow().focusId(up)).isEqualTo("references[1].law");

        StepForm down = StepRows.apply(StepRows.action("down-reference-0").orElseThrow(), form);
        assertThat(down.references()).extracting(StepForm.ReferenceRow::law).containsExactly("B", "A", "C");

        StepForm removed = StepRows.apply(StepRows.action("remove-reference-1").orElseThrow(), form);
        assertThat(removed.references()).extracting(StepForm.ReferenceRow::law).containsExactly("A", "C");

        // Out of range or at the edge: nothing changes; nonsense is no row action at all.
        assertThat(StepRows.apply(StepRows.action("up-reference-0").orElseThrow(), form)).isEqualTo(form);
        assertThat(StepRows.apply(StepRows.action("remove-reference-99").orElseThrow(), form)).isEqualTo(form);
        assertThat(StepRows.apply(StepRows.action("add-field").orElseThrow(), form).fields())
                .containsExactly(StepForm.FieldRow.empty());
        assertThat(StepRows.action("drop-table")).isEmpty();
        assertThat(StepRows.action("add-reference-3")).isEmpty();
        assertThat(StepRows.action("up-field")).isEmpty();
    }

    @Test
    void everyStepOfTheShippedRoutineSurvivesARoundTripThroughTheRows() throws IOException {
        RoutineDocument routine;
        try (InputStream in = getClass().getResourceAsStream("/routines/akut-manniskohandel.json")) {
            routine = JsonMapper.builder().build().readValue(in, RoutineDocument.class);
        }
        assertThat(routine.allSteps()).isNotEmpty();
        for (RoutineDocument.Step step : routine.allSteps()) {
            assertThat(references(StepRows.referenceRows(step.legalReferences())))
                    .as(step.key()).isEqualTo(step.legalReferences());
            assertThat(fields(StepRows.fieldRows(step.fields()))).as(step.key()).isEqualTo(step.fields());
        }
    }
}
