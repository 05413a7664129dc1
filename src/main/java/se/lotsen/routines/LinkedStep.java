package se.lotsen.routines;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Routine steps that Lotsen completes by itself when their work is done elsewhere (a decision recorded, the case
 * handed over, a contact logged), with the step fields it fills in. This module owns the keys: other modules name a
 * step only through this enum, {@link LinkedStepsCheck} verifies at start-up that the default routine and every
 * routine in use have them, and a draft that removes one cannot be published. Renaming a step can therefore never
 * silently stop Lotsen from completing it.
 */
public enum LinkedStep {
    /** The indicator assessment was recorded on its page. */
    INDICATORS("indikatorer"),
    /** The immediate protection assessment was recorded. */
    PROTECTION_ASSESSMENT("skyddsbedomning"),
    /** A custody decision was recorded with what the step asks for. */
    DECISION_DOCUMENTED("beslut-dokumenterat"),
    /** The case was handed over. */
    HANDOVER("overlamning"),
    /** The receiving unit acknowledged receipt. */
    RECEIPT("kvittens"),
    /** A police contact with the report number. */
    POLICE_REPORT("polisanmalan", "diarienummer"),
    /** A home-country contact with its risk assessment. */
    HOME_COUNTRY_RISK("riskbedomning-hemland", "riskbedomning"),
    /** The investigation of the home situation. */
    HOME_INVESTIGATION("utredning-hem"),
    /** Contact with Migrationsverket about a reflection period. */
    REFLECTION_PERIOD("betanketid"),
    /** Contact with the regional coordinator, with the person's consent. */
    REGIONAL_COORDINATOR("regionkoordinator", "samtycke"),
    /** Contact with the national support line. */
    SUPPORT_LINE("stodtelefon"),
    /** An interpreter was booked, with the language. */
    INTERPRETER("tolk", "sprak"),
    /**
     * Lotsen assigned the person a reservnummer by the step's own button (a step Lotsen performs). The number is filled
     * into the step's field {@value #RESERVNUMMER_FIELD} where the routine version has it; it is not required, so that
     * versions published before the field existed still pass {@link LinkedStepsCheck}.
     */
    RESERVNUMMER("reservnummer");

    /** The field of the reservnummer step that shows the assigned number as recorded text. */
    public static final String RESERVNUMMER_FIELD = "reservnummer";

    private final String key;
    private final List<String> fields;

    LinkedStep(String key, String... fields) {
        this.key = key;
        this.fields = List.of(fields);
    }

    /** The step's key in the routine document. */
    public String key() {
        return key;
    }

    /** The step fields Lotsen fills in when it completes the step. */
    public List<String> fields() {
        return fields;
    }

    /** The linked step with this key, if it is one. */
    public static Optional<LinkedStep> of(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }

    /** What a routine lacks of the linked steps and their fields, e.g. {@code "kvittens"}, {@code "polisanmalan.diarienummer"}. */
    public static List<String> missingIn(RoutineDocument document) {
        List<String> missing = new ArrayList<>();
        for (LinkedStep linked : values()) {
            Optional<RoutineDocument.Step> step = document.step(linked.key);
            if (step.isEmpty()) {
                missing.add(linked.key);
                continue;
            }
            linked.missingFieldsIn(step.get()).forEach(field -> missing.add(linked.key + "." + field));
        }
        return missing;
    }

    /** The fields Lotsen fills in that the step (this linked step in a routine) lacks. */
    public List<String> missingFieldsIn(RoutineDocument.Step step) {
        return fields.stream().filter(field -> step.fields().stream().noneMatch(f -> f.key().equals(field))).toList();
    }

    /** The one field the step has Lotsen fill in. */
    public String field() {
        if (fields.size() != 1) {
            throw new IllegalStateException(this + " fills in " + fields.size() + " fields");
        }
        return fields.get(0);
    }
}
