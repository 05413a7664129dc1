package se.lotsen.cases;

import java.util.Objects;
import java.util.UUID;

/** The identity of a case. */
public record CaseId(UUID value) {

    public CaseId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
