package se.lotsen.knowledge;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A training day, seminar or information visit was registered or changed: its state as it now is, so that a listener
 * keeps its own copy current by replacing what it had for {@code eventId}. {@code participants} is the number of
 * participants over all organisations (0 while planned). No names.
 */
public record KnowledgeEventRecorded(UUID eventId, LocalDate date, Kind kind, Status status, int participants) {

    /** What kind of event. */
    public enum Kind { TRAINING_DAY, SEMINAR, INFORMATION_VISIT }

    /** Whether it is planned, was held or was cancelled. */
    public enum Status { PLANNED, HELD, CANCELLED }
}
