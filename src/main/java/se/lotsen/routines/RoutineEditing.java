package se.lotsen.routines;

import java.util.ArrayList;
import java.util.List;

import se.lotsen.common.FieldProblems;

/**
 * Edits of a routine document, each returning a new document: add, change, remove and move steps. Step keys are
 * stable and unique within a document.
 */
public final class RoutineEditing {

    public static final String KEY_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";

    private RoutineEditing() {
    }

    public static RoutineDocument addStep(RoutineDocument doc, String phaseKey, RoutineDocument.Step step) {
        checkStep(step);
        if (doc.step(step.key()).isPresent()) {
            throw FieldProblems.of("key", "validation.routine.stepKey.taken");
        }
        List<RoutineDocument.Phase> phases = new ArrayList<>();
        boolean found = false;
        for (RoutineDocument.Phase p : doc.phases()) {
            if (p.key().equals(phaseKey)) {
                List<RoutineDocument.Step> steps = new ArrayList<>(p.steps());
                steps.add(step);
                phases.add(new RoutineDocument.Phase(p.key(), p.title(), steps));
                found = true;
            } else {
                phases.add(p);
            }
        }
        if (!found) {
            throw FieldProblems.of("phase", "validation.routine.phase.unknown");
        }
        return new RoutineDocument(phases);
    }

    /** Replaces the step with the same key. */
    public static RoutineDocument changeStep(RoutineDocument doc, RoutineDocument.Step step) {
        checkChange(doc, step);
        return new RoutineDocument(doc.phases().stream().map(p -> new RoutineDocument.Phase(p.key(), p.title(),
                p.steps().stream().map(s -> s.key().equals(step.key()) ? step : s).toList())).toList());
    }

    /** Removes a step; a step Lotsen completes by itself ({@link LinkedStep}) cannot be removed. */
    public static RoutineDocument removeStep(RoutineDocument doc, String key) {
        if (LinkedStep.of(key).isPresent()) {
            throw FieldProblems.of("key", "validation.routine.linkedStep");
        }
        return new RoutineDocument(doc.phases().stream().map(p -> new RoutineDocument.Phase(p.key(), p.title(),
                p.steps().stream().filter(s -> !s.key().equals(key)).toList())).toList());
    }

    /**
     * Moves a step one place up or down; at the edge of a phase it moves into the neighbouring phase (last place of
     * the previous phase, or first place of the next).
     */
    public static RoutineDocument moveStep(RoutineDocument doc, String key, boolean up) {
        List<List<RoutineDocument.Step>> lists = new ArrayList<>();
        int phaseIndex = -1;
        int stepIndex = -1;
        for (int i = 0; i < doc.phases().size(); i++) {
            List<RoutineDocument.Step> steps = new ArrayList<>(doc.phases().get(i).steps());
            for (int j = 0; j < steps.size(); j++) {
                if (steps.get(j).key().equals(key)) {
                    phaseIndex = i;
                    stepIndex = j;
                }
            }
            lists.add(steps);
        }
        if (phaseIndex < 0) {
            throw FieldProblems.of("key", "validation.routine.stepKey.unknown");
        }
        List<RoutineDocument.Step> current = lists.get(phaseIndex);
        RoutineDocument.Step step = current.get(stepIndex);
        if (up) {
            if (stepIndex > 0) {
                current.remove(stepIndex);
                current.add(stepIndex - 1, step);
            } else if (phaseIndex > 0) {
                current.remove(stepIndex);
                lists.get(phaseIndex - 1).add(step);
            }
        } else {
            if (stepIndex < current.size() - 1) {
                current.remove(stepIndex);
                current.add(stepIndex + 1, step);
            } else if (phaseIndex < lists.size() - 1) {
                current.remove(stepIndex);
                lists.get(phaseIndex + 1).add(0, step);
            }
        }
        List<RoutineDocument.Phase> phases = new ArrayList<>();
        for (int i = 0; i < doc.phases().size(); i++) {
            RoutineDocument.Phase p = doc.phases().get(i);
            phases.add(new RoutineDocument.Phase(p.key(), p.title(), lists.get(i)));
        }
        return new RoutineDocument(phases);
    }

    /**
     * Whether the step may replace the one with its key, without changing anything: every problem at once, so that
     * the form shows them with its own in one round.
     */
    public static void checkChange(RoutineDocument doc, RoutineDocument.Step step) {
        FieldProblems.Collector problems = new FieldProblems.Collector();
        stepProblems(step, problems);
        if (doc.step(step.key()).isEmpty()) {
            problems.add("key", "validation.routine.stepKey.unknown");
        }
        // Lotsen fills these fields in when it completes the step; without them the step could not be done.
        LinkedStep.of(step.key()).map(linked -> linked.missingFieldsIn(step)).filter(m -> !m.isEmpty())
                .ifPresent(missing -> problems.add("fields", "validation.routine.linkedField", missing.get(0)));
        problems.throwIfAny();
    }

    private static void checkStep(RoutineDocument.Step step) {
        FieldProblems.Collector problems = new FieldProblems.Collector();
        stepProblems(step, problems);
        problems.throwIfAny();
    }

    private static void stepProblems(RoutineDocument.Step step, FieldProblems.Collector problems) {
        if (step.key() == null || !step.key().matches(KEY_PATTERN) || step.key().length() > 64) {
            problems.add("key", "validation.routine.stepKey");
        }
        if (step.title() == null || step.title().isBlank()) {
            problems.add("title", "validation.required");
        }
        if (step.performer() == null) {
            problems.add("performer", "validation.required");
        }
    }
}
