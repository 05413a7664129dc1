package se.lotsen.decisions;

import java.util.Objects;
import java.util.UUID;

/** The identity of a decision. */
public record DecisionId(UUID value) {

    public DecisionId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
