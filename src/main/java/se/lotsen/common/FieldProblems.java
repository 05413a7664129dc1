package se.lotsen.common;

import java.util.ArrayList;
import java.util.List;

/**
 * Field-level problems found by a rule that needs the database (a taken username, an unknown unit). Each problem
 * names the field and a message key; the web layer turns them into translated field errors.
 */
public class FieldProblems extends RuntimeException {

    /** One problem: the field, the message key and its arguments. */
    public record Problem(String field, String messageKey, Object... args) implements java.io.Serializable {
    }

    private final List<Problem> problems;

    public FieldProblems(List<Problem> problems) {
        super("invalid input: " + problems.stream().map(Problem::field).toList());
        this.problems = List.copyOf(problems);
    }

    public static FieldProblems of(String field, String messageKey, Object... args) {
        return new FieldProblems(List.of(new Problem(field, messageKey, args)));
    }

    public List<Problem> problems() {
        return problems;
    }

    /** The same problems with a field called by another name (a form's field name becomes the API's). */
    public FieldProblems renamed(String from, String to) {
        return new FieldProblems(problems.stream()
                .map(p -> p.field().equals(from) ? new Problem(to, p.messageKey(), p.args()) : p).toList());
    }

    /** Collects problems and throws them together. */
    public static class Collector {
        private final List<Problem> problems = new ArrayList<>();

        public Collector add(String field, String messageKey, Object... args) {
            problems.add(new Problem(field, messageKey, args));
            return this;
        }

        /** The problems collected so far. */
        public List<Problem> problems() {
            return List.copyOf(problems);
        }

        public void throwIfAny() {
            if (!problems.isEmpty()) {
                throw new FieldProblems(problems);
            }
        }
    }
}
