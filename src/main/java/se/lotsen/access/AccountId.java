package se.lotsen.access;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** The identity of an account. */
public record AccountId(UUID value) implements Serializable {

    public AccountId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
