package se.lotsen.routines.web;

import java.util.List;

import se.lotsen.routines.RoutineDiff;
import se.lotsen.routines.RoutineDocument;
import se.lotsen.routines.WordDiff;

/**
 * The differences of a version against an older one, grouped for reading: new steps, removed steps, changed steps
 * (with what changed) and moved steps.
 *
 * @param againstNumber the number of the older version
 */
record Differences(int againstNumber, List<Item> added, List<Item> removed, List<Item> changed, List<Item> moved) {

    /**
     * One difference with the titles of the phases it concerns.
     *
     * @param phaseTitle    the step's phase in the newer version ({@code null} when removed)
     * @param oldPhaseTitle the step's phase in the older version ({@code null} when added)
     */
    record Item(RoutineDiff.Change change, String phaseTitle, String oldPhaseTitle) {

        public String key() {
            return change.key();
        }

        public String title() {
            return change.title();
        }

        public List<RoutineDiff.Part> parts() {
            return change.parts();
        }

        /** The parts other than where the step is; how it moved is said separately. */
        public List<RoutineDiff.Part> contentParts() {
            return change.parts().stream()
                    .filter(p -> p != RoutineDiff.Part.PHASE && p != RoutineDiff.Part.POSITION).toList();
        }

        /**
         * The changed texts of the step, old and new side by side with the changed words marked: the title, the
         * guidance, the legal references and the fields (each reference or field one line).
         */
        public List<TextChange> textChanges() {
            RoutineDiff.Change c = change;
            if (c.before() == null || c.after() == null) {
                return List.of();
            }
            java.util.ArrayList<TextChange> result = new java.util.ArrayList<>();
            for (RoutineDiff.Part part : contentParts()) {
                String before = text(part, c.before());
                String after = text(part, c.after());
                if (before != null) {
                    result.add(new TextChange(part, WordDiff.sideBySide(before, after)));
                }
            }
            return result;
        }

        private static String text(RoutineDiff.Part part, RoutineDocument.Step step) {
            return switch (part) {
                case TITLE -> step.title();
                case GUIDANCE -> step.guidance();
                case LEGAL_REFERENCES -> String.join("\n", step.legalReferences().stream()
                        .map(r -> r.shortName() + ": " + (r.text() == null ? "" : r.text())
                                + (r.validFrom() == null && r.validTo() == null ? ""
                                : " (" + (r.validFrom() == null ? "" : r.validFrom()) + "–"
                                + (r.validTo() == null ? "" : r.validTo()) + ")"))
                        .toList());
                case FIELDS -> String.join("\n", step.fields().stream()
                        .map(f -> f.label() + " (" + f.key() + ", " + f.type() + (f.required() ? ", *" : "") + ")")
                        .toList());
                default -> null;
            };
        }

        public boolean movedToOtherPhase() {
            return change.parts().contains(RoutineDiff.Part.PHASE);
        }

        public boolean movedWithinPhase() {
            return change.parts().contains(RoutineDiff.Part.POSITION);
        }
    }

    /** One changed text: which part, and the words of the old and the new text. */
    record TextChange(RoutineDiff.Part part, WordDiff.SideBySide diff) {
    }

    static Differences between(int againstNumber, RoutineDocument older, RoutineDocument newer) {
        List<Item> items = RoutineDiff.between(older, newer).stream().map(c -> new Item(c,
                newer.phaseOf(c.key()).map(RoutineDocument.Phase::title).orElse(null),
                older.phaseOf(c.key()).map(RoutineDocument.Phase::title).orElse(null))).toList();
        return new Differences(againstNumber,
                of(items, RoutineDiff.Kind.ADDED), of(items, RoutineDiff.Kind.REMOVED),
                of(items, RoutineDiff.Kind.CHANGED), of(items, RoutineDiff.Kind.MOVED));
    }

    private static List<Item> of(List<Item> items, RoutineDiff.Kind kind) {
        return items.stream().filter(i -> i.change().kind() == kind).toList();
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty() && moved.isEmpty();
    }

    public int count() {
        return added.size() + removed.size() + changed.size() + moved.size();
    }

    /** What happened to a step, by key: for marking the steps of a draft. */
    public RoutineDiff.Kind kindOf(String key) {
        for (List<Item> list : List.of(added, changed, moved)) {
            for (Item item : list) {
                if (item.key().equals(key)) {
                    return item.change().kind();
                }
            }
        }
        return null;
    }
}
