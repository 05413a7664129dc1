package se.lotsen.organisation;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The committee (nämnd or its sociala delegation) that decides for a unit, with its known meeting dates in order.
 */
public record Committee(UUID id, UnitId unitId, String name, List<Meeting> meetings) {

    public Committee {
        meetings = List.copyOf(meetings);
    }

    /** A meeting date. */
    public record Meeting(UUID id, LocalDate date, String note) {
    }

    /** The first meeting strictly after the given day, if one is known. */
    public Optional<Meeting> nextMeetingAfter(LocalDate day) {
        return meetings.stream().filter(m -> m.date().isAfter(day)).findFirst();
    }
}
