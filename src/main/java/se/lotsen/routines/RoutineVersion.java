package se.lotsen.routines;

import java.time.Instant;
import java.util.UUID;

/** One version of a routine. Published versions never change; there is at most one draft. */
public record RoutineVersion(
        UUID id,
        String routineKey,
        String routineName,
        int number,
        Status status,
        RoutineDocument document,
        String changeNote,
        Instant publishedAt,
        String publishedByName) {

    public enum Status { DRAFT, PUBLISHED }

    public boolean published() {
        return status == Status.PUBLISHED;
    }
}
