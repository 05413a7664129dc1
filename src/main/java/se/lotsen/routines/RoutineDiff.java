package se.lotsen.routines;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The differences between two routine versions, step by step (steps are matched by key): added, removed, changed
 * (which parts), and moved to another place.
 */
public final class RoutineDiff {

    private RoutineDiff() {
    }

    public enum Kind { ADDED, REMOVED, CHANGED, MOVED }

    /** What changed in a step that exists in both versions. */
    public enum Part { TITLE, GUIDANCE, LEGAL_REFERENCES, PERFORMER, CONDITIONS, FIELDS, PHASE, POSITION }

    /**
     * One difference.
     *
     * @param parts for {@code CHANGED} and {@code MOVED}: what changed
     * @param before the step in the older version ({@code null} when added)
     * @param after  the step in the newer version ({@code null} when removed)
     */
    public record Change(String key, Kind kind, List<Part> parts, RoutineDocument.Step before,
                         RoutineDocument.Step after) {

        public String title() {
            return after != null ? after.title() : before.title();
        }
    }

    public static List<Change> between(RoutineDocument older, RoutineDocument newer) {
        Map<String, RoutineDocument.Step> old = older.allSteps().stream()
                .collect(Collectors.toMap(RoutineDocument.Step::key, Function.identity()));
        Map<String, RoutineDocument.Step> now = newer.allSteps().stream()
                .collect(Collectors.toMap(RoutineDocument.Step::key, Function.identity()));
        List<String> oldOrder = older.allSteps().stream().map(RoutineDocument.Step::key).filter(now::containsKey).toList();
        List<String> newOrder = newer.allSteps().stream().map(RoutineDocument.Step::key).filter(old::containsKey).toList();
        List<Change> changes = new ArrayList<>();
        for (RoutineDocument.Step step : newer.allSteps()) {
            RoutineDocument.Step before = old.get(step.key());
            if (before == null) {
                changes.add(new Change(step.key(), Kind.ADDED, List.of(), null, step));
                continue;
            }
            List<Part> parts = new ArrayList<>();
            if (!Objects.equals(before.title(), step.title())) {
                parts.add(Part.TITLE);
            }
            if (!Objects.equals(before.guidance(), step.guidance())) {
                parts.add(Part.GUIDANCE);
            }
            if (!before.legalReferences().equals(step.legalReferences())) {
                parts.add(Part.LEGAL_REFERENCES);
            }
            if (before.performer() != step.performer()) {
                parts.add(Part.PERFORMER);
            }
            if (!before.conditions().equals(step.conditions())) {
                parts.add(Part.CONDITIONS);
            }
            if (!before.fields().equals(step.fields())) {
                parts.add(Part.FIELDS);
            }
            boolean otherPhase = !older.phaseOf(step.key()).map(RoutineDocument.Phase::key)
                    .equals(newer.phaseOf(step.key()).map(RoutineDocument.Phase::key));
            if (otherPhase) {
                parts.add(Part.PHASE);
            } else if (relativeOrderChanged(step.key(), oldOrder, newOrder)) {
                parts.add(Part.POSITION);
            }
            if (!parts.isEmpty()) {
                boolean onlyMoved = parts.stream().allMatch(p -> p == Part.PHASE || p == Part.POSITION);
                changes.add(new Change(step.key(), onlyMoved ? Kind.MOVED : Kind.CHANGED, parts, before, step));
            }
        }
        for (RoutineDocument.Step step : older.allSteps()) {
            if (!now.containsKey(step.key())) {
                changes.add(new Change(step.key(), Kind.REMOVED, List.of(), step, null));
            }
        }
        return changes;
    }

    /** Whether the step's predecessor among the common steps differs. */
    private static boolean relativeOrderChanged(String key, List<String> oldOrder, List<String> newOrder) {
        int i = oldOrder.indexOf(key);
        int j = newOrder.indexOf(key);
        String prevOld = i > 0 ? oldOrder.get(i - 1) : null;
        String prevNew = j > 0 ? newOrder.get(j - 1) : null;
        String nextOld = i < oldOrder.size() - 1 ? oldOrder.get(i + 1) : null;
        String nextNew = j < newOrder.size() - 1 ? newOrder.get(j + 1) : null;
        return !Objects.equals(prevOld, prevNew) && !Objects.equals(nextOld, nextNew);
    }
}
