package se.lotsen.grants;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.lotsen.calendar.SwedishCalendar;
import se.lotsen.common.ConcurrentChangeException;
import se.lotsen.common.FieldProblems;
import se.lotsen.common.NotFoundException;
import se.lotsen.common.PageResult;
import se.lotsen.common.Paging;
import se.lotsen.common.SqlLike;

/**
 * The grants module's facade: grants with their conditions, the deliverables they pay for, the payments received and
 * where the final report stands. Every rule is checked here (the web layer only reads what was typed), and every
 * change of a grant or a deliverable is guarded by its version, so that nobody overwrites another's change unknowingly.
 */
@Service
public class Grants {

    /** The largest amount Lotsen accepts for one grant or payment, in kronor: a typo guard, not a policy. */
    public static final long MAX_AMOUNT = 10_000_000_000L;
    static final int FUNDER_MAX = 200;
    static final int REFERENCE_MAX = 100;
    static final int PURPOSE_MAX = 4000;
    static final int DESCRIPTION_MAX = 200;
    static final int NOTE_MAX = 2000;
    static final int PAYMENT_NOTE_MAX = 500;

    private final JdbcClient jdbc;
    private final Clock clock;

    public Grants(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * A grant as entered. A value the form could not read is {@code null} here (its problem is already reported), so
     * that the other rules still run: every problem at once.
     */
    public record GrantForm(String funder, String reference, Long amount, LocalDate periodFrom, LocalDate periodTo,
                            String purpose, String conditions, LocalDate reportDue, Grant.HeldBackKind heldBackKind,
                            Long heldBackValue) {
    }

    /** A deliverable as entered. */
    public record DeliverableForm(Deliverable.Kind kind, String description, Deliverable.Status status, String note) {
    }

    /** A payment as entered. */
    public record PaymentForm(LocalDate paidOn, Long amount, String note) {
    }

    // -- reading --

    public PageResult<Grant> search(String query, Paging paging) {
        String where = " WHERE (lower(g.funder) LIKE :q OR lower(coalesce(g.reference, '')) LIKE :q"
                + " OR lower(g.purpose) LIKE :q)";
        long total = jdbc.sql("SELECT count(*) FROM grant_award g" + where).param("q", SqlLike.contains(query))
                .query(Long.class).single();
        List<Grant> items = jdbc.sql(SELECT + where + " ORDER BY g.period_from DESC, g.funder, g.id LIMIT :l OFFSET :o")
                .param("q", SqlLike.contains(query)).param("l", paging.size()).param("o", paging.offset())
                .query(Grants::map).list();
        return new PageResult<>(items, paging.page(), paging.size(), total);
    }

    public Optional<Grant> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE g.id = :id").param("id", id).query(Grants::map).optional();
    }

    public Grant get(UUID id) {
        return find(id).orElseThrow(() -> new NotFoundException("grant"));
    }

    /** Grants whose final report is not yet submitted and is due on or before the day (overdue ones included). */
    public List<Grant> reportsDueBy(LocalDate until) {
        return jdbc.sql(SELECT + " WHERE g.report_submitted_on IS NULL AND g.report_due <= :until"
                        + " ORDER BY g.report_due, g.funder")
                .param("until", until).query(Grants::map).list();
    }

    public List<Deliverable> deliverables(UUID grantId) {
        return jdbc.sql("SELECT * FROM grant_deliverable WHERE grant_id = :g ORDER BY position, id")
                .param("g", grantId).query(Grants::mapDeliverable).list();
    }

    public Optional<Deliverable> deliverable(UUID grantId, UUID id) {
        return jdbc.sql("SELECT * FROM grant_deliverable WHERE grant_id = :g AND id = :id")
                .param("g", grantId).param("id", id).query(Grants::mapDeliverable).optional();
    }

    public List<Payment> payments(UUID grantId) {
        return jdbc.sql("SELECT * FROM grant_payment WHERE grant_id = :g ORDER BY paid_on, recorded_at, id")
                .param("g", grantId).query((rs, n) -> new Payment(rs.getObject("id", UUID.class),
                        rs.getObject("grant_id", UUID.class), rs.getObject("paid_on", LocalDate.class),
                        rs.getLong("amount"), rs.getString("note"), rs.getString("recorded_by_name")))
                .list();
    }

    // -- grants --

    /** The rules of a grant, checked without saving ({@code existing}: the grant changed, {@code null} for a new one). */
    public void check(GrantForm form, Grant existing) {
        long paid = existing == null ? 0 : existing.paid();
        FieldProblems.Collector problems = new FieldProblems.Collector();
        text(problems, "funder", form.funder(), FUNDER_MAX, true);
        text(problems, "reference", form.reference(), REFERENCE_MAX, false);
        if (form.amount() == null) {
            problems.add("amount", "validation.required");
        } else if (form.amount() < 1 || form.amount() > MAX_AMOUNT) {
            problems.add("amount", "validation.grant.amount.range");
        } else if (form.amount() < paid) {
            problems.add("amount", "validation.grant.amount.belowPaid", paid);
        }
        if (form.periodFrom() == null) {
            problems.add("periodFrom", "validation.required");
        }
        if (form.periodTo() == null) {
            problems.add("periodTo", "validation.required");
        } else if (form.periodFrom() != null && form.periodTo().isBefore(form.periodFrom())) {
            problems.add("periodTo", "validation.grant.period");
        }
        text(problems, "purpose", form.purpose(), PURPOSE_MAX, true);
        text(problems, "conditions", form.conditions(), PURPOSE_MAX, false);
        if (form.reportDue() == null) {
            problems.add("reportDue", "validation.required");
        } else if (form.periodFrom() != null && form.reportDue().isBefore(form.periodFrom())) {
            problems.add("reportDue", "validation.grant.reportDue");
        }
        if (form.heldBackKind() == null) {
            problems.add("heldBackKind", "validation.required");
        }
        if (form.heldBackValue() == null) {
            problems.add("heldBackValue", "validation.required");
        } else if (form.heldBackKind() == Grant.HeldBackKind.PERCENT
                && (form.heldBackValue() < 0 || form.heldBackValue() > 100)) {
            problems.add("heldBackValue", "validation.grant.heldBack.percent");
        } else if (form.heldBackKind() == Grant.HeldBackKind.AMOUNT && (form.heldBackValue() < 0
                || form.amount() != null && form.heldBackValue() > form.amount())) {
            problems.add("heldBackValue", "validation.grant.heldBack.amount");
        } else if (existing != null && existing.reportStatus() != Grant.ReportStatus.APPROVED
                && form.heldBackKind() != null && form.amount() != null && form.amount() >= paid
                && paid > form.amount() - Grant.heldBackOf(form.heldBackKind(), form.heldBackValue(), form.amount())) {
            // More than may be paid before the report is approved has been paid already.
            problems.add("heldBackValue", "validation.grant.heldBack.paid", paid);
        }
        problems.throwIfAny();
    }

    @Transactional
    public Grant create(GrantForm form, String byName) {
        check(form, null);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO grant_award (id, funder, reference, amount, period_from, period_to, purpose, conditions,
                            report_due, held_back_kind, held_back_value, updated_by_name)
                        VALUES (:id, :funder, :reference, :amount, :from, :to, :purpose, :conditions, :due, :kind, :value,
                            :by)""")
                .params(grantParams(form)).param("id", id).param("by", byName).update();
        return get(id);
    }

    /** Changes a grant as read at {@code version}; refused when someone else changed it since. */
    @Transactional
    public Grant update(UUID id, int version, GrantForm form, String byName) {
        Grant existing = lockGrant(id);
        check(form, existing);
        requireVersion(existing, version, "change.grant");
        jdbc.sql("""
                        UPDATE grant_award SET funder = :funder, reference = :reference, amount = :amount,
                            period_from = :from, period_to = :to, purpose = :purpose, conditions = :conditions,
                            report_due = :due, held_back_kind = :kind, held_back_value = :value,
                            version = version + 1, updated_at = now(), updated_by_name = :by
                        WHERE id = :id""")
                .params(grantParams(form)).param("id", id).param("by", byName).update();
        return get(id);
    }

    private static java.util.Map<String, Object> grantParams(GrantForm form) {
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        p.put("funder", form.funder().strip());
        p.put("reference", blankToNull(form.reference()));
        p.put("amount", form.amount());
        p.put("from", form.periodFrom());
        p.put("to", form.periodTo());
        p.put("purpose", form.purpose().strip());
        p.put("conditions", blankToNull(form.conditions()));
        p.put("due", form.reportDue());
        p.put("kind", form.heldBackKind().name());
        p.put("value", form.heldBackValue());
        return p;
    }

    // -- deliverables --

    public void check(DeliverableForm form) {
        FieldProblems.Collector problems = new FieldProblems.Collector();
        if (form.kind() == null) {
            problems.add("kind", "validation.required");
        }
        text(problems, "description", form.description(), DESCRIPTION_MAX, true);
        if (form.status() == null) {
            problems.add("status", "validation.required");
        }
        text(problems, "note", form.note(), NOTE_MAX, false);
        problems.throwIfAny();
    }

    @Transactional
    public Deliverable addDeliverable(UUID grantId, DeliverableForm form, String byName) {
        lockGrant(grantId);
        check(form);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO grant_deliverable (id, grant_id, kind, description, status, note, position,
                            updated_by_name)
                        VALUES (:id, :g, :kind, :description, :status, :note,
                            (SELECT coalesce(max(position), 0) + 1 FROM grant_deliverable WHERE grant_id = :g), :by)""")
                .param("id", id).param("g", grantId).param("kind", form.kind().name())
                .param("description", form.description().strip()).param("status", form.status().name())
                .param("note", blankToNull(form.note())).param("by", byName).update();
        return deliverable(grantId, id).orElseThrow();
    }

    @Transactional
    public Deliverable updateDeliverable(UUID grantId, UUID id, int version, DeliverableForm form, String byName) {
        Deliverable existing = jdbc.sql("SELECT * FROM grant_deliverable WHERE grant_id = :g AND id = :id FOR UPDATE")
                .param("g", grantId).param("id", id).query(Grants::mapDeliverable).optional()
                .orElseThrow(() -> new NotFoundException("deliverable"));
        check(form);
        if (existing.version() != version) {
            throw new ConcurrentChangeException(existing.updatedByName(), existing.updatedAt(), "change.deliverable");
        }
        jdbc.sql("""
                        UPDATE grant_deliverable SET kind = :kind, description = :description, status = :status,
                            note = :note, version = version + 1, updated_at = now(), updated_by_name = :by
                        WHERE id = :id""")
                .param("id", id).param("kind", form.kind().name()).param("description", form.description().strip())
                .param("status", form.status().name()).param("note", blankToNull(form.note())).param("by", byName)
                .update();
        return deliverable(grantId, id).orElseThrow();
    }

    // -- payments --

    /** The rules of a payment on the grant as it is now. */
    public void check(Grant grant, PaymentForm form) {
        FieldProblems.Collector problems = new FieldProblems.Collector();
        if (form.paidOn() == null) {
            problems.add("paidOn", "validation.required");
        } else if (form.paidOn().isAfter(today())) {
            problems.add("paidOn", "validation.date.past");
        }
        if (form.amount() == null) {
            problems.add("amount", "validation.required");
        } else if (form.amount() < 1 || form.amount() > MAX_AMOUNT) {
            problems.add("amount", "validation.grant.amount.range");
        } else if (form.amount() > grant.paymentLimit()) {
            problems.add("amount", grant.reportStatus() == Grant.ReportStatus.APPROVED
                    ? "validation.grant.payment.remaining" : "validation.grant.payment.heldBack",
                    grant.paymentLimit(), grant.heldBack());
        }
        text(problems, "note", form.note(), PAYMENT_NOTE_MAX, false);
        problems.throwIfAny();
    }

    @Transactional
    public Payment addPayment(UUID grantId, PaymentForm form, String byName) {
        Grant grant = lockGrant(grantId);
        check(grant, form);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO grant_payment (id, grant_id, paid_on, amount, note, recorded_by_name)
                        VALUES (:id, :g, :on, :amount, :note, :by)""")
                .param("id", id).param("g", grantId).param("on", form.paidOn()).param("amount", form.amount())
                .param("note", blankToNull(form.note())).param("by", byName).update();
        touch(grantId, byName);
        return payments(grantId).stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    /** Removes a payment recorded by mistake. */
    @Transactional
    public void removePayment(UUID grantId, UUID paymentId, int version, String byName) {
        requireVersion(lockGrant(grantId), version, "change.grant");
        int removed = jdbc.sql("DELETE FROM grant_payment WHERE grant_id = :g AND id = :id")
                .param("g", grantId).param("id", paymentId).update();
        if (removed == 0) {
            throw new NotFoundException("payment");
        }
        touch(grantId, byName);
    }

    // -- the report's status --

    /** Records the day the final report was sent to the funder; from then on its text is what was sent. */
    @Transactional
    public Grant reportSubmitted(UUID grantId, int version, LocalDate on, String byName) {
        Grant grant = lockGrant(grantId);
        FieldProblems.Collector problems = new FieldProblems.Collector();
        if (on == null) {
            problems.add("on", "validation.required");
        } else if (on.isAfter(today())) {
            problems.add("on", "validation.date.past");
        }
        if (grant.reportStatus() != Grant.ReportStatus.DRAFT) {
            problems.add("on", "validation.grant.report.alreadySubmitted");
        }
        problems.throwIfAny();
        requireVersion(grant, version, "change.grant");
        jdbc.sql("""
                        UPDATE grant_award SET report_submitted_on = :on, version = version + 1, updated_at = now(),
                            updated_by_name = :by WHERE id = :id""")
                .param("on", on).param("by", byName).param("id", grantId).update();
        return get(grantId);
    }

    /** Records the day the funder approved the report: the held-back share is released (expected as payment). */
    @Transactional
    public Grant reportApproved(UUID grantId, int version, LocalDate on, String byName) {
        Grant grant = lockGrant(grantId);
        FieldProblems.Collector problems = new FieldProblems.Collector();
        if (on == null) {
            problems.add("on", "validation.required");
        } else if (on.isAfter(today())) {
            problems.add("on", "validation.date.past");
        } else if (grant.reportSubmittedOn() != null && on.isBefore(grant.reportSubmittedOn())) {
            problems.add("on", "validation.grant.report.approvedBeforeSubmitted");
        }
        if (grant.reportStatus() != Grant.ReportStatus.SUBMITTED) {
            problems.add("on", grant.reportStatus() == Grant.ReportStatus.APPROVED
                    ? "validation.grant.report.alreadyApproved" : "validation.grant.report.notSubmitted");
        }
        problems.throwIfAny();
        requireVersion(grant, version, "change.grant");
        jdbc.sql("""
                        UPDATE grant_award SET report_approved_on = :on, version = version + 1, updated_at = now(),
                            updated_by_name = :by WHERE id = :id""")
                .param("on", on).param("by", byName).param("id", grantId).update();
        return get(grantId);
    }

    // -- helpers --

    /** The grant, its row locked until the transaction ends (payments and versions are checked against it). */
    Grant lockGrant(UUID id) {
        jdbc.sql("SELECT id FROM grant_award WHERE id = :id FOR UPDATE").param("id", id).query(UUID.class).optional()
                .orElseThrow(() -> new NotFoundException("grant"));
        return get(id);
    }

    private void touch(UUID grantId, String byName) {
        jdbc.sql("UPDATE grant_award SET version = version + 1, updated_at = now(), updated_by_name = :by WHERE id = :id")
                .param("by", byName).param("id", grantId).update();
    }

    private static void requireVersion(Grant grant, int version, String whatKey) {
        if (grant.version() != version) {
            throw new ConcurrentChangeException(grant.updatedByName(), grant.updatedAt(), whatKey);
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(SwedishCalendar.ZONE));
    }

    private static void text(FieldProblems.Collector problems, String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(field, "validation.required");
            }
        } else if (value.strip().length() > max) {
            problems.add(field, "validation.size.max.n", max);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static final String SELECT = """
            SELECT g.*, (SELECT coalesce(sum(p.amount), 0) FROM grant_payment p WHERE p.grant_id = g.id) AS paid
            FROM grant_award g""";

    static Grant map(ResultSet rs, int n) throws SQLException {
        return new Grant(rs.getObject("id", UUID.class), rs.getString("funder"), rs.getString("reference"),
                rs.getLong("amount"), rs.getObject("period_from", LocalDate.class),
                rs.getObject("period_to", LocalDate.class), rs.getString("purpose"), rs.getString("conditions"),
                rs.getObject("report_due", LocalDate.class), Grant.HeldBackKind.valueOf(rs.getString("held_back_kind")),
                rs.getLong("held_back_value"), rs.getObject("report_submitted_on", LocalDate.class),
                rs.getObject("report_approved_on", LocalDate.class), rs.getLong("paid"), rs.getInt("version"),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(), rs.getString("updated_by_name"));
    }

    static Deliverable mapDeliverable(ResultSet rs, int n) throws SQLException {
        return new Deliverable(rs.getObject("id", UUID.class), rs.getObject("grant_id", UUID.class),
                Deliverable.Kind.valueOf(rs.getString("kind")), rs.getString("description"),
                Deliverable.Status.valueOf(rs.getString("status")), rs.getString("note"), rs.getInt("position"),
                rs.getInt("version"), rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                rs.getString("updated_by_name"));
    }
}
