package se.lotsen.decisions;

import java.util.Objects;
import java.util.UUID;

/** The identity of a deadline. */
public record DeadlineId(UUID value) {

    public DeadlineId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
