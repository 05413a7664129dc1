package se.lotsen.audit.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import se.lotsen.audit.AuditAction;
import se.lotsen.audit.AuditActor;
import se.lotsen.audit.ReviewFlag;
import se.lotsen.common.SwedishDates;

/**
 * Flags a read of a case for log review when it follows an unusual pattern, before its entry is written:
 * {@link ReviewFlag#ODD_HOURS} when the reader's unit keeps office hours and the read is outside them (or on a
 * weekend), and {@link ReviewFlag#MANY_CASES} when the reader has read more different cases within the window than
 * the limit (one indexed statement, {@code audit_entry_case_reads_idx}). Attempts count as reads: a refused read of
 * someone else's case is as telling as a successful one. Public holidays are not considered (the audit module
 * depends on no calendar).
 */
@Component
class ReviewFlagger {

    static final String CASE = "CASE";

    private final JdbcClient jdbc;
    private final AuditReviewProperties properties;

    ReviewFlagger(JdbcClient jdbc, AuditReviewProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** Whether the entry is a read of one case (what the flags are about). */
    static boolean isCaseRead(AuditAction action, String recordType, String recordId) {
        return (action == AuditAction.READ || action == AuditAction.EXPORT) && CASE.equals(recordType)
                && recordId != null;
    }

    /** The flags a read of a case at {@code at} by {@code actor} earns; none for anything else. */
    Set<ReviewFlag> flagsFor(AuditAction action, String recordType, String recordId, AuditActor actor, Instant at) {
        Set<ReviewFlag> flags = EnumSet.noneOf(ReviewFlag.class);
        if (actor == null || !isCaseRead(action, recordType, recordId)) {
            return flags;
        }
        if (actor.keepsOfficeHours() && !withinOfficeHours(at)) {
            flags.add(ReviewFlag.ODD_HOURS);
        }
        if (actor.accountId() != null && manyCases(actor, recordId, at)) {
            flags.add(ReviewFlag.MANY_CASES);
        }
        return flags;
    }

    /** Weekdays within the configured office hours, Swedish time. */
    boolean withinOfficeHours(Instant at) {
        ZonedDateTime local = at.atZone(SwedishDates.ZONE);
        if (local.getDayOfWeek() == DayOfWeek.SATURDAY || local.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return false;
        }
        LocalTime time = local.toLocalTime();
        return !time.isBefore(properties.officeHoursStart()) && time.isBefore(properties.officeHoursEnd());
    }

    /** Whether this read makes more different cases than the limit within the window. */
    private boolean manyCases(AuditActor actor, String recordId, Instant at) {
        long before = jdbc.sql("""
                        SELECT count(DISTINCT record_id) FROM audit_entry
                        WHERE actor_account_id = :actor AND record_type = 'CASE' AND action IN ('READ', 'EXPORT')
                          AND occurred_at > :since AND record_id <> :current""")
                .param("actor", actor.accountId())
                .param("since", at.minus(properties.manyCasesWindow()).atOffset(java.time.ZoneOffset.UTC))
                .param("current", recordId)
                .query(Long.class).single();
        return before + 1 > properties.manyCases();
    }
}
