package se.lotsen.grants;

import java.time.Instant;
import java.util.UUID;

/** Something a grant pays for (staff, the handbook, seminars, …), with where it stands and a note. */
public record Deliverable(UUID id, UUID grantId, Kind kind, String description, Status status, String note,
                          int position, int version, Instant updatedAt, String updatedByName) {

    public enum Kind { STAFF, HANDBOOK, SEMINARS, OTHER }

    public enum Status { PLANNED, IN_PROGRESS, DELIVERED, CANCELLED }
}
