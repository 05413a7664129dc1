package se.lotsen.decisions;

/**
 * The status of a deadline as people see it. {@code OVERDUE} and {@code LAPSED} are derived from the stored status
 * and today's Swedish date, so they are always current.
 */
public enum DeadlineStatus {
    PENDING, MET, EXTENDED, OVERDUE, LAPSED, CLOSED;

    public boolean open() {
        return this == PENDING || this == EXTENDED || this == OVERDUE || this == LAPSED;
    }
}
