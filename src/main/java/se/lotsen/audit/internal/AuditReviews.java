package se.lotsen.audit.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import se.lotsen.audit.AuditActor;
import se.lotsen.audit.AuditTrail;
import se.lotsen.common.FieldProblems;
import se.lotsen.common.PageResult;
import se.lotsen.common.Paging;
import se.lotsen.common.SwedishDates;

/**
 * The record of periodic log reviews (loggkontroll): who reviewed which period, when, what they found, and how many
 * entries of the period were flagged at the time. A registered review is never changed (the table refuses it too).
 */
@Service
class AuditReviews {

    /** A registered review. */
    record AuditReview(UUID id, UUID reviewerAccountId, String reviewerName, Instant doneAt, LocalDate periodFrom,
                       LocalDate periodTo, String findings, long flaggedEntries) {
    }

    private final JdbcClient jdbc;
    private final AuditTrail trail;
    private final Clock clock;

    AuditReviews(JdbcClient jdbc, AuditTrail trail, Clock clock) {
        this.jdbc = jdbc;
        this.trail = trail;
        this.clock = clock;
    }

    /** Today in Sweden. */
    LocalDate today() {
        return LocalDate.now(clock.withZone(SwedishDates.ZONE));
    }

    /** The form's starting point: the last whole calendar month. */
    AuditReviewForm blankForm() {
        LocalDate firstOfThisMonth = today().withDayOfMonth(1);
        return new AuditReviewForm(firstOfThisMonth.minusMonths(1), firstOfThisMonth.minusDays(1), "");
    }

    /** How many entries of the period are flagged for review now. */
    long flaggedIn(LocalDate from, LocalDate to) {
        return trail.countFlagged(from, to);
    }

    /** The rules that need today: the period runs forwards and not into the future. */
    void check(AuditReviewForm form) {
        FieldProblems.Collector problems = new FieldProblems.Collector();
        LocalDate today = today();
        if (form.periodFrom() != null && form.periodFrom().isAfter(today)) {
            problems.add("periodFrom", "validation.date.past");
        }
        if (form.periodTo() != null && form.periodTo().isAfter(today)) {
            problems.add("periodTo", "validation.date.past");
        }
        if (form.periodFrom() != null && form.periodTo() != null && form.periodFrom().isAfter(form.periodTo())) {
            problems.add("periodTo", "auditReview.period.order");
        }
        problems.throwIfAny();
    }

    /** Registers a review done now by the reviewer. */
    AuditReview register(AuditReviewForm form, AuditActor reviewer) {
        check(form);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        long flagged = flaggedIn(form.periodFrom(), form.periodTo());
        String name = reviewer.displayName() == null || reviewer.displayName().isBlank() ? reviewer.username()
                : reviewer.displayName();
        jdbc.sql("""
                        INSERT INTO audit_review (id, reviewer_account_id, reviewer_name, done_at, period_from, period_to,
                            findings, flagged_entries)
                        VALUES (:id, :reviewer, :name, :at, :from, :to, :findings, :flagged)""")
                .param("id", id).param("reviewer", reviewer.accountId()).param("name", name)
                .param("at", now.atOffset(ZoneOffset.UTC)).param("from", form.periodFrom())
                .param("to", form.periodTo()).param("findings", form.findings().strip()).param("flagged", flagged)
                .update();
        return new AuditReview(id, reviewer.accountId(), name, now, form.periodFrom(), form.periodTo(),
                form.findings().strip(), flagged);
    }

    /** The registered reviews, newest first. */
    PageResult<AuditReview> list(Paging paging) {
        long total = jdbc.sql("SELECT count(*) FROM audit_review").query(Long.class).single();
        List<AuditReview> items = jdbc.sql("""
                        SELECT * FROM audit_review ORDER BY done_at DESC, id LIMIT :limit OFFSET :offset""")
                .param("limit", paging.size()).param("offset", paging.offset())
                .query((rs, n) -> new AuditReview(rs.getObject("id", UUID.class),
                        rs.getObject("reviewer_account_id", UUID.class), rs.getString("reviewer_name"),
                        rs.getObject("done_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("period_from", LocalDate.class), rs.getObject("period_to", LocalDate.class),
                        rs.getString("findings"), rs.getLong("flagged_entries")))
                .list();
        return new PageResult<>(items, paging.page(), paging.size(), total);
    }
}
