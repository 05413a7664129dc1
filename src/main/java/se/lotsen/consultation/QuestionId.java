package se.lotsen.consultation;

import java.util.Objects;
import java.util.UUID;

/** The identity of a question to the method developer. */
public record QuestionId(UUID value) {

    public QuestionId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
