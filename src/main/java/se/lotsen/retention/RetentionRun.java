package se.lotsen.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One run of the retention job as recorded: what it found and what it did.
 *
 * @param filesDue   files whose time was up (erased, or in report mode listed)
 * @param filesLeft  of those, files neither erased nor listed in this run because of the run's limit; the next run
 *                   takes them
 * @param failure    why the run stopped, or {@code null}
 */
public record RetentionRun(UUID id, Instant startedAt, Instant finishedAt, RetentionMode mode, LocalDate rulesOn,
                           Instant lastNoteBefore, int filesDue, int filesErased, int casesErased, int filesLeft,
                           int keptPlacement, int keptUntilAge, int keptBirthUnknown, int keptResearch,
                           int eventsRemoved, String failure) {

    /** A file the run erased or, in report mode, found due: its case numbers, never a name. */
    public record File(int seq, String caseNumbers, Instant lastNoteAt, LocalDate dueOn, LocalDate latestOn,
                       boolean erased) {
    }
}
