package se.lotsen.routines;

import java.util.List;
import java.util.Set;

/** Small routine documents for the unit tests. */
final class RoutineTestData {

    private RoutineTestData() {
    }

    static RoutineDocument.Step step(String key) {
        return new RoutineDocument.Step(key, "Steg " + key, "Tänk på " + key, List.of(), Performer.JOUR, Set.of(),
                List.of());
    }

    static RoutineDocument.Step step(String key, Condition... conditions) {
        return new RoutineDocument.Step(key, "Steg " + key, "Tänk på " + key, List.of(), Performer.JOUR,
                Set.of(conditions), List.of());
    }

    /** Phase a: a1, a2, a3; phase b: b1, b2; phase c: empty. */
    static RoutineDocument threePhases() {
        return new RoutineDocument(List.of(
                new RoutineDocument.Phase("a", "A. Mottagande", List.of(step("a1"), step("a2"), step("a3"))),
                new RoutineDocument.Phase("b", "B. Skydd", List.of(step("b1"), step("b2"))),
                new RoutineDocument.Phase("c", "C. Polis", List.of())));
    }

    /** The step keys per phase, e.g. {@code [[a1, a2], [b1]]}. */
    static List<List<String>> keys(RoutineDocument doc) {
        return doc.phases().stream().map(p -> p.steps().stream().map(RoutineDocument.Step::key).toList()).toList();
    }
}
