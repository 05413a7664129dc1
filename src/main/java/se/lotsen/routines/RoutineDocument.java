package se.lotsen.routines;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The content of one routine version: phases in order, each with steps in order. Immutable; editing returns a new
 * document.
 */
public record RoutineDocument(List<Phase> phases) {

    public RoutineDocument {
        phases = List.copyOf(phases == null ? List.of() : phases);
    }

    /** A phase (A. Mottagande, B. Skyddsbeslut …). */
    public record Phase(String key, String title, List<Step> steps) {
        public Phase {
            steps = List.copyOf(steps == null ? List.of() : steps);
        }
    }

    /**
     * A step. The key is stable across versions: the checklist and the differences between versions follow it.
     */
    public record Step(
            String key,
            String title,
            String guidance,
            List<LegalReference> legalReferences,
            Performer performer,
            Set<Condition> conditions,
            List<StepField> fields) {

        public Step {
            legalReferences = List.copyOf(legalReferences == null ? List.of() : legalReferences);
            conditions = conditions == null ? Set.of() : Set.copyOf(conditions);
            fields = List.copyOf(fields == null ? List.of() : fields);
        }

        public boolean appliesTo(CaseFacts facts) {
            return conditions.stream().allMatch(c -> c.holds(facts));
        }

        /** The legal references in force on the day. */
        public List<LegalReference> referencesValidOn(LocalDate day) {
            return legalReferences.stream().filter(r -> r.validOn(day)).toList();
        }
    }

    /**
     * A legal reference: the short name people use ({@code 7 § LVU}), the law and section, what it says in plain
     * words, and when it is valid. Laws change (a new LVU is expected around 2027), so references carry dates.
     */
    public record LegalReference(String law, String section, String text, LocalDate validFrom, LocalDate validTo) {

        public String shortName() {
            return (section == null || section.isBlank() ? "" : section + " ") + (law == null ? "" : law);
        }

        public boolean validOn(LocalDate day) {
            return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
        }
    }

    /** A field to fill in when the step is done, e.g. the police report number. */
    public record StepField(String key, String label, FieldType type, boolean required) {
    }

    public List<Step> allSteps() {
        List<Step> steps = new ArrayList<>();
        phases.forEach(p -> steps.addAll(p.steps()));
        return steps;
    }

    public Optional<Step> step(String key) {
        return allSteps().stream().filter(s -> s.key().equals(key)).findFirst();
    }

    public Optional<Phase> phaseOf(String stepKey) {
        return phases.stream().filter(p -> p.steps().stream().anyMatch(s -> s.key().equals(stepKey))).findFirst();
    }
}
