package se.lotsen.decisions;

/**
 * The status of a deadline as people see it. {@code OVERDUE} and {@code LAPSED} are derived from the stored status
 * and today's Swedish date, so they are always current. {@code EXTENSION_REQUESTED}: the committee asked the court to
 * extend the 8 § time; until the court decides the custody has not lapsed (9 § 1 LVU), so it never derives to LAPSED.
 */
public enum DeadlineStatus {
    PENDING, MET, EXTENDED, EXTENSION_REQUESTED, OVERDUE, LAPSED, CLOSED;

    /** The stored statuses of an open deadline, as an SQL list: the one place the queries take it from. */
    public static final String OPEN_STORED_SQL = "('PENDING', 'EXTENDED', 'EXTENSION_REQUESTED')";

    public boolean open() {
        return this == PENDING || this == EXTENDED || this == EXTENSION_REQUESTED || this == OVERDUE || this == LAPSED;
    }
}
