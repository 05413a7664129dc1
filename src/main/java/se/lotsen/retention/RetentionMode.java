package se.lotsen.retention;

/** What a run of the retention job does with the files that are due. */
public enum RetentionMode {
    /** Lists them only: nothing is erased (the default, until the committee's gallring decision is in place). */
    REPORT,
    /** Erases them. */
    ERASE
}
