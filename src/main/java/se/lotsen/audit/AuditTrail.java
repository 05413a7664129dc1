package se.lotsen.audit;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import se.lotsen.common.FieldProblems;
import se.lotsen.common.PageResult;
import se.lotsen.common.Paging;

/**
 * Reading the audit trail for log review (loggkontroll): filter by case number, person, actor, the actor's unit,
 * action, record, outcome, review flag and period, newest first. What an entry is about (case number, person) comes
 * from {@link AuditSubjects}, one statement per page, and only when the caller asks for it (auditors).
 */
@Service
public class AuditTrail {

    private static final ZoneId SWEDEN = se.lotsen.common.SwedishDates.ZONE;
    /** Entries read per statement when exporting. */
    private static final int EXPORT_BATCH = 1000;

    private final JdbcClient jdbc;
    private final ObjectProvider<AuditSubjects> subjects;

    public AuditTrail(JdbcClient jdbc, ObjectProvider<AuditSubjects> subjects) {
        this.jdbc = jdbc;
        this.subjects = subjects;
    }

    /**
     * A filter; blank or null fields do not filter. Dates are Swedish local dates, both inclusive.
     *
     * @param caseNumber entries about cases whose number contains this (case-insensitive)
     * @param person     entries about persons whose name or alias contains this, and about their cases
     * @param username   the actor's username (exact, case-insensitive)
     * @param unitCode   the code of the actor's unit
     * @param anyFlag    only entries flagged for review (any flag)
     * @param flag       only entries with this review flag
     */
    public record Filter(String caseNumber, String person, String username, String unitCode, AuditAction action,
                         String recordType, String recordId, AuditOutcome outcome, boolean anyFlag, ReviewFlag flag,
                         LocalDate from, LocalDate to) {

        /** No filter: every entry. */
        public static Filter all() {
            return new Filter(null, null, null, null, null, null, null, null, false, null, null, null);
        }

        public Filter withPeriod(LocalDate periodFrom, LocalDate periodTo) {
            return new Filter(caseNumber, person, username, unitCode, action, recordType, recordId, outcome, anyFlag,
                    flag, periodFrom, periodTo);
        }

        public Filter withAnyFlag() {
            return new Filter(caseNumber, person, username, unitCode, action, recordType, recordId, outcome, true,
                    flag, from, to);
        }
    }

    /** An entry and what it is about ({@code null} when not described or not about a case or person). */
    public record Row(AuditEntry entry, AuditSubjects.Subject subject) {
    }

    /** One page of entries, newest first; {@code describe}: with case numbers and names (for auditors only). */
    public PageResult<Row> search(Filter filter, Paging paging, boolean describe) {
        Where where = where(filter);
        if (where == null) {
            return new PageResult<>(List.of(), paging.page(), paging.size(), 0);
        }
        long total = jdbc.sql("SELECT count(*) FROM audit_entry" + where.clause()).params(where.params())
                .query(Long.class).single();
        Map<String, Object> params = new HashMap<>(where.params());
        params.put("limit", paging.size());
        params.put("offset", paging.offset());
        List<AuditEntry> items = jdbc.sql("SELECT * FROM audit_entry" + where.clause()
                        + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
                .params(params).query((rs, n) -> AuditEntryRows.map(rs)).list();
        return new PageResult<>(rows(items, describe), paging.page(), paging.size(), total);
    }

    /** The old form of {@link #search(Filter, Paging, boolean)}: entries only. */
    public PageResult<AuditEntry> search(Filter filter, Paging paging) {
        return search(filter, paging, false).map(Row::entry);
    }

    /**
     * Every entry the filter selects, newest first, up to {@code maxRows}, in batches (constant memory).
     *
     * @return whether there were more than {@code maxRows}
     */
    public boolean export(Filter filter, int maxRows, boolean describe, Consumer<Row> sink) {
        Where where = where(filter);
        if (where == null) {
            return false;
        }
        long below = Long.MAX_VALUE;
        int written = 0;
        while (true) {
            Map<String, Object> params = new HashMap<>(where.params());
            params.put("below", below);
            int limit = Math.min(EXPORT_BATCH, maxRows - written + 1);
            params.put("limit", limit);
            String clause = where.clause().isEmpty() ? " WHERE id < :below" : where.clause() + " AND id < :below";
            List<AuditEntry> batch = jdbc.sql("SELECT * FROM audit_entry" + clause + " ORDER BY id DESC LIMIT :limit")
                    .params(params).query((rs, n) -> AuditEntryRows.map(rs)).list();
            if (batch.isEmpty()) {
                return false;
            }
            if (written + batch.size() > maxRows) {
                rows(batch.subList(0, maxRows - written), describe).forEach(sink);
                return true;
            }
            rows(batch, describe).forEach(sink);
            written += batch.size();
            below = batch.get(batch.size() - 1).id();
            if (batch.size() < limit) {
                return false;
            }
        }
    }

    /** How many entries of the period (Swedish dates, inclusive) are flagged for review. */
    public long countFlagged(LocalDate from, LocalDate to) {
        Where where = where(Filter.all().withPeriod(from, to).withAnyFlag());
        return jdbc.sql("SELECT count(*) FROM audit_entry" + where.clause()).params(where.params())
                .query(Long.class).single();
    }

    /** The units for the unit filter (none when no module describes them). */
    public List<AuditSubjects.UnitChoice> units() {
        AuditSubjects s = subjects.getIfAvailable();
        return s == null ? List.of() : s.units();
    }

    private List<Row> rows(List<AuditEntry> entries, boolean describe) {
        AuditSubjects s = describe ? subjects.getIfAvailable() : null;
        Map<String, AuditSubjects.Subject> described = Map.of();
        if (s != null) {
            Set<String> ids = new LinkedHashSet<>();
            for (AuditEntry e : entries) {
                if (e.recordId() != null && AuditSubjects.RECORD_TYPES.contains(e.recordType())) {
                    ids.add(e.recordId());
                }
            }
            if (!ids.isEmpty()) {
                described = s.describe(ids);
            }
        }
        List<Row> rows = new ArrayList<>(entries.size());
        for (AuditEntry e : entries) {
            rows.add(new Row(e, e.recordId() == null || !AuditSubjects.RECORD_TYPES.contains(e.recordType()) ? null
                    : described.get(e.recordId())));
        }
        return rows;
    }

    private record Where(String clause, Map<String, Object> params) {
    }

    /** The WHERE clause of the filter, or {@code null} when it can select nothing. */
    private Where where(Filter filter) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (!blank(filter.caseNumber()) || !blank(filter.person())) {
            AuditSubjects s = subjects.getIfAvailable();
            Set<String> ids = s == null ? Set.of() : s.recordIdsMatching(filter.caseNumber(), filter.person());
            if (ids.size() > AuditSubjects.MAX_MATCHES) {
                throw FieldProblems.of(blank(filter.person()) ? "caseNumber" : "person", "auditReview.tooBroad",
                        AuditSubjects.MAX_MATCHES);
            }
            if (ids.isEmpty()) {
                return null;
            }
            where.add("record_type IN ('CASE', 'PERSON') AND record_id IN (:subjectIds)");
            params.put("subjectIds", List.copyOf(ids));
        }
        if (!blank(filter.username())) {
            where.add("actor_username = :username");
            params.put("username", filter.username().trim().toLowerCase(Locale.ROOT));
        }
        if (!blank(filter.unitCode())) {
            where.add("actor_unit_code = :unit");
            params.put("unit", filter.unitCode().trim());
        }
        if (filter.action() != null) {
            where.add("action = :action");
            params.put("action", filter.action().name());
        }
        if (!blank(filter.recordType())) {
            where.add("record_type = :recordType");
            params.put("recordType", filter.recordType().trim().toUpperCase(Locale.ROOT));
        }
        if (!blank(filter.recordId())) {
            where.add("record_id = :recordId");
            params.put("recordId", filter.recordId().trim());
        }
        if (filter.outcome() != null) {
            where.add("outcome = :outcome");
            params.put("outcome", filter.outcome().name());
        }
        if (filter.anyFlag() || filter.flag() != null) {
            where.add("review_flag IS NOT NULL");
        }
        if (filter.flag() != null) {
            // Codes are stored comma-separated; no code is part of another, and the commas make the match exact.
            where.add("(',' || review_flag || ',') LIKE :flag");
            params.put("flag", "%," + filter.flag().name() + ",%");
        }
        if (filter.from() != null) {
            where.add("occurred_at >= :from");
            params.put("from", filter.from().atStartOfDay(SWEDEN).toOffsetDateTime());
        }
        if (filter.to() != null) {
            where.add("occurred_at < :to");
            params.put("to", filter.to().plusDays(1).atStartOfDay(SWEDEN).toOffsetDateTime());
        }
        return new Where(where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where), params);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
