package se.lotsen.handover;

import java.util.Objects;
import java.util.UUID;

/** The identity of a handover. */
public record HandoverId(UUID value) {

    public HandoverId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
