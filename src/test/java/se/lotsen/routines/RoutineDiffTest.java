package se.lotsen.routines;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import se.lotsen.routines.RoutineDiff.Change;
import se.lotsen.routines.RoutineDiff.Kind;
import se.lotsen.routines.RoutineDiff.Part;

import static org.assertj.core.api.Assertions.assertThat;
import static se.lotsen.routines.RoutineTestData.step;
import static se.lotsen.routines.RoutineTestData.threePhases;

class RoutineDiffTest {

    private final RoutineDocument older = threePhases();

    private static Change only(List<Change> changes) {
        assertThat(changes).hasSize(1);
        return changes.get(0);
    }

    @Test
    void identicalDocumentsHaveNoDifferences() {
        assertThat(RoutineDiff.between(older, threePhases())).isEmpty();
    }

    @Test
    void anAddedStep() {
        Change c = only(RoutineDiff.between(older, RoutineEditing.addStep(older, "c", step("c1"))));

        assertThat(c.kind()).isEqualTo(Kind.ADDED);
        assertThat(c.key()).isEqualTo("c1");
        assertThat(c.before()).isNull();
        assertThat(c.after().key()).isEqualTo("c1");
        assertThat(c.title()).isEqualTo("Steg c1");
    }

    @Test
    void aRemovedStep() {
        Change c = only(RoutineDiff.between(older, RoutineEditing.removeStep(older, "b1")));

        assertThat(c.kind()).isEqualTo(Kind.REMOVED);
        assertThat(c.key()).isEqualTo("b1");
        assertThat(c.after()).isNull();
        assertThat(c.title()).isEqualTo("Steg b1");
    }

    @Test
    void removingAStepDoesNotMakeItsNeighboursMoved() {
        assertThat(RoutineDiff.between(older, RoutineEditing.removeStep(older, "a2")))
                .extracting(Change::key).containsExactly("a2");
    }

    @Test
    void eachChangedPartIsNamed() {
        RoutineDocument.Step before = older.step("a2").orElseThrow();
        record Case(RoutineDocument.Step after, Part part) {
        }
        List<Case> cases = List.of(
                new Case(new RoutineDocument.Step("a2", "Annan rubrik", before.guidance(), before.legalReferences(),
                        before.performer(), before.conditions(), before.fields()), Part.TITLE),
                new Case(new RoutineDocument.Step("a2", before.title(), "Annan vägledning", before.legalReferences(),
                        before.performer(), before.conditions(), before.fields()), Part.GUIDANCE),
                new Case(new RoutineDocument.Step("a2", before.title(), before.guidance(),
                        List.of(new RoutineDocument.LegalReference("LVU (1990:52)", "7 §", "Underställning.",
                                LocalDate.of(1990, 7, 1), null)),
                        before.performer(), before.conditions(), before.fields()), Part.LEGAL_REFERENCES),
                new Case(new RoutineDocument.Step("a2", before.title(), before.guidance(), before.legalReferences(),
                        Performer.DISTRICT, before.conditions(), before.fields()), Part.PERFORMER),
                new Case(new RoutineDocument.Step("a2", before.title(), before.guidance(), before.legalReferences(),
                        before.performer(), Set.of(Condition.CHILD), before.fields()), Part.CONDITIONS),
                new Case(new RoutineDocument.Step("a2", before.title(), before.guidance(), before.legalReferences(),
                        before.performer(), before.conditions(),
                        List.of(new RoutineDocument.StepField("nr", "Nummer", FieldType.TEXT, true))), Part.FIELDS));
        for (Case c : cases) {
            Change change = only(RoutineDiff.between(older, RoutineEditing.changeStep(older, c.after())));
            assertThat(change.kind()).as(c.part().name()).isEqualTo(Kind.CHANGED);
            assertThat(change.parts()).as(c.part().name()).containsExactly(c.part());
            assertThat(change.before()).isEqualTo(before);
            assertThat(change.after()).isEqualTo(c.after());
        }
    }

    @Test
    void severalChangedPartsAreAllNamed() {
        RoutineDocument.Step after = new RoutineDocument.Step("b2", "Ny", "Ny vägledning", List.of(),
                Performer.METHOD_DEVELOPER, Set.of(Condition.ADULT), List.of());

        Change c = only(RoutineDiff.between(older, RoutineEditing.changeStep(older, after)));

        assertThat(c.parts()).containsExactlyInAnyOrder(Part.TITLE, Part.GUIDANCE, Part.PERFORMER, Part.CONDITIONS);
    }

    @Test
    void aStepMovedToAnotherPhase() {
        RoutineDocument newer = RoutineEditing.moveStep(older, "b1", true);

        Change c = only(RoutineDiff.between(older, newer));

        assertThat(c.kind()).isEqualTo(Kind.MOVED);
        assertThat(c.key()).isEqualTo("b1");
        assertThat(c.parts()).containsExactly(Part.PHASE);
    }

    @Test
    void aStepMovedFarWithinItsPhase() {
        RoutineDocument five = new RoutineDocument(List.of(new RoutineDocument.Phase("a", "A",
                List.of(step("s1"), step("s2"), step("s3"), step("s4"), step("s5")))));
        RoutineDocument newer = new RoutineDocument(List.of(new RoutineDocument.Phase("a", "A",
                List.of(step("s2"), step("s3"), step("s4"), step("s1"), step("s5")))));

        List<Change> changes = RoutineDiff.between(five, newer);

        assertThat(changes).extracting(Change::key).containsExactly("s1");
        assertThat(changes.get(0).kind()).isEqualTo(Kind.MOVED);
        assertThat(changes.get(0).parts()).containsExactly(Part.POSITION);
    }

    @Test
    void aChangedAndMovedStepIsChangedWithBothParts() {
        RoutineDocument.Step retitled = new RoutineDocument.Step("b1", "Ny rubrik", "Tänk på b1", List.of(),
                Performer.JOUR, Set.of(), List.of());
        RoutineDocument newer = RoutineEditing.moveStep(RoutineEditing.changeStep(older, retitled), "b1", true);

        Change c = only(RoutineDiff.between(older, newer));

        assertThat(c.kind()).isEqualTo(Kind.CHANGED);
        assertThat(c.parts()).containsExactly(Part.TITLE, Part.PHASE);
    }

    @Test
    void addedRemovedChangedAndMovedTogether() {
        RoutineDocument newer = RoutineEditing.addStep(older, "c", step("c1"));
        newer = RoutineEditing.removeStep(newer, "a1");
        newer = RoutineEditing.changeStep(newer, new RoutineDocument.Step("a3", "Ändrad", "Tänk på a3", List.of(),
                Performer.JOUR, Set.of(), List.of()));
        newer = RoutineEditing.moveStep(newer, "b2", false);

        List<Change> changes = RoutineDiff.between(older, newer);

        assertThat(changes).extracting(Change::key, Change::kind).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("c1", Kind.ADDED),
                org.assertj.core.groups.Tuple.tuple("a1", Kind.REMOVED),
                org.assertj.core.groups.Tuple.tuple("a3", Kind.CHANGED),
                org.assertj.core.groups.Tuple.tuple("b2", Kind.MOVED));
    }
}
