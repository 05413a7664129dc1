package se.lotsen.audit;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import se.lotsen.common.PageResult;
import se.lotsen.common.Paging;

/**
 * Reading the audit trail for log review (loggkontroll): filter by actor, action, record and period, newest first.
 */
@Service
public class AuditTrail {

    private static final ZoneId SWEDEN = se.lotsen.common.SwedishDates.ZONE;

    private final JdbcClient jdbc;

    public AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A filter; blank or null fields do not filter. Dates are Swedish local dates, both inclusive. */
    public record Filter(String username, AuditAction action, String recordType, String recordId, LocalDate from,
                         LocalDate to, boolean flaggedOnly) {

        public Filter(String username, AuditAction action, String recordType, String recordId, LocalDate from,
                      LocalDate to) {
            this(username, action, recordType, recordId, from, to, false);
        }
    }

    public PageResult<AuditEntry> search(Filter filter, Paging paging) {
        List<String> where = new ArrayList<>();
        var params = new java.util.HashMap<String, Object>();
        if (filter.username() != null && !filter.username().isBlank()) {
            where.add("actor_username = :username");
            params.put("username", filter.username().trim().toLowerCase(java.util.Locale.ROOT));
        }
        if (filter.action() != null) {
            where.add("action = :action");
            params.put("action", filter.action().name());
        }
        if (filter.recordType() != null && !filter.recordType().isBlank()) {
            where.add("record_type = :recordType");
            params.put("recordType", filter.recordType().trim().toUpperCase(java.util.Locale.ROOT));
        }
        if (filter.recordId() != null && !filter.recordId().isBlank()) {
            where.add("record_id = :recordId");
            params.put("recordId", filter.recordId().trim());
        }
        if (filter.from() != null) {
            where.add("occurred_at >= :from");
            params.put("from", filter.from().atStartOfDay(SWEDEN).toOffsetDateTime());
        }
        if (filter.to() != null) {
            where.add("occurred_at < :to");
            params.put("to", filter.to().plusDays(1).atStartOfDay(SWEDEN).toOffsetDateTime());
        }
        if (filter.flaggedOnly()) {
            where.add("review_flag IS NOT NULL");
        }
        String clause = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        long total = jdbc.sql("SELECT count(*) FROM audit_entry" + clause).params(params).query(Long.class).single();
        params.put("limit", paging.size());
        params.put("offset", paging.offset());
        List<AuditEntry> items = jdbc.sql("SELECT * FROM audit_entry" + clause
                        + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
                .params(params).query((rs, n) -> AuditEntryRows.map(rs)).list();
        return new PageResult<>(items, paging.page(), paging.size(), total);
    }
}
