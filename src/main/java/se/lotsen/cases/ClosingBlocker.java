package se.lotsen.cases;

import java.util.List;

/**
 * Something that keeps a case from being closed, e.g. a custody in force or an open statutory deadline: a message key
 * and its arguments (case numbers, legal references and dates only).
 */
public record ClosingBlocker(String messageKey, List<String> args) implements java.io.Serializable {

    public ClosingBlocker {
        args = List.copyOf(args);
    }
}
