package se.lotsen.persons;

import java.util.Objects;
import java.util.UUID;

/** The identity of a person record. */
public record PersonId(UUID value) {

    public PersonId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
