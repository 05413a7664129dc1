package se.lotsen.knowledge;

/** A step of a routine an article explains: the routine's key and the step's key (both stable across versions). */
public record StepLink(String routineKey, String stepKey) {
}
