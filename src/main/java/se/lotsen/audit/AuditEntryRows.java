package se.lotsen.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** Maps an {@code audit_entry} row. */
final class AuditEntryRows {

    private AuditEntryRows() {
    }

    static AuditEntry map(ResultSet rs) throws SQLException {
        return new AuditEntry(
                rs.getLong("id"),
                rs.getObject("occurred_at", java.time.OffsetDateTime.class).toInstant(),
                rs.getObject("actor_account_id", UUID.class),
                rs.getString("actor_username"),
                rs.getString("actor_unit_code"),
                AuditAction.valueOf(rs.getString("action")),
                rs.getString("record_type"),
                rs.getString("record_id"),
                AuditChannel.valueOf(rs.getString("channel")),
                rs.getString("remote_address"),
                AuditOutcome.valueOf(rs.getString("outcome")),
                rs.getString("detail"),
                rs.getString("review_flag"),
                rs.getString("prev_hash"),
                rs.getString("hash"));
    }
}
