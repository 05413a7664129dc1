package se.lotsen.organisation;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** The identity of a unit. */
public record UnitId(UUID value) implements Serializable {

    public UnitId {
        Objects.requireNonNull(value, "value");
    }

    public static UnitId random() {
        return new UnitId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
