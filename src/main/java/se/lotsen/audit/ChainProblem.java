package se.lotsen.audit;

/** Why a verification of the audit chain failed. Message keys {@code audit.verify.problem.<CODE>} explain each. */
public enum ChainProblem {
    /** An entry's chain value does not match its content and the previous entry's value (altered, or recomputed
     *  without the key), or it does not link to the entry before it. */
    VALUE_MISMATCH,
    /** Sequence numbers are missing: entries were deleted. */
    SEQUENCE_GAP,
    /** An entry with the old unkeyed hash comes after keyed entries: a recomputed chain passed off as old. */
    LEGACY_AFTER_KEYED,
    /** A checkpoint names an entry that no longer exists (it was in a range of deleted entries). */
    CHECKPOINT_MISSING_ENTRY,
    /** The entry a checkpoint names has another id or chain value than when the checkpoint was written. */
    CHECKPOINT_MISMATCH,
    /** The log ends before the latest checkpoint: entries were cut off the end, or the table was emptied. */
    TRUNCATED,
    /** A checkpoint line is unreadable or its seal does not match: it was forged or altered. */
    CHECKPOINT_FORGED
}
