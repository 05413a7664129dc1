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
 *
 * <p>A page of a case is often followed by more requests about the same case (its panels, a PDF). Such a repeated
 * read within {@link #REUSE} of the last decision about the same account and case reuses that decision instead of
 * counting again: it adds no new case, and the read that crossed the limit was flagged when it happened. This keeps
 * the case page within its statement budget ({@code QueryBudgetIT}).
 */
@Component
class ReviewFlagger {

    static final String CASE = "CASE";
    /** How long a decision about one account and case is reused for repeated reads of that case. */
    static final java.time.Duration REUSE = java.time.Duration.ofMinutes(1);
    private static final int REMEMBERED = 10_000;

    /** The last MANY_CASES decision per account and case (node-local, bounded, least recently used out). */
    private final java.util.Map<String, Decision> recent = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<String, Decision> eldest) {
                    return size() > REMEMBERED;
                }
            });

    private record Decision(boolean many, Instant at) {
    }

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
        String key = actor.accountId() + "|" + recordId;
        Decision last = recent.get(key);
        if (last != null && !at.isBefore(last.at()) && at.isBefore(last.at().plus(REUSE))) {
            return last.many();
        }
        boolean many = countBefore(actor, recordId, at) + 1 > properties.manyCases();
        recent.put(key, new Decision(many, at));
        return many;
    }

    private long countBefore(AuditActor actor, String recordId, Instant at) {
        return jdbc.sql("""
                        SELECT count(DISTINCT record_id) FROM audit_entry
                        WHERE actor_account_id = :actor AND record_type = 'CASE' AND action IN ('READ', 'EXPORT')
                          AND occurred_at > :since AND record_id <> :current""")
                .param("actor", actor.accountId())
                .param("since", at.minus(properties.manyCasesWindow()).atOffset(java.time.ZoneOffset.UTC))
                .param("current", recordId)
                .query(Long.class).single();
    }
}
