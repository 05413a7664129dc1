-- A keyed audit chain: each new entry's chain value is an HMAC-SHA256 under a key kept outside the database, over the
-- previous entry's value, the entry's own content, its id and a sequence number without gaps. Entries written before
-- this migration keep their unkeyed SHA-256 value (chain_scheme 'SHA256') and verify as an unbroken prefix; the first
-- keyed entry chains on the last of them.

ALTER TABLE audit_entry ADD COLUMN seq BIGINT;
ALTER TABLE audit_entry ADD COLUMN chain_scheme VARCHAR(8) NOT NULL DEFAULT 'SHA256'
    CHECK (chain_scheme IN ('SHA256', 'HMAC'));
-- New entries name their scheme; only the existing ones took the default.
ALTER TABLE audit_entry ALTER COLUMN chain_scheme DROP DEFAULT;

-- Number the existing entries in the order they were chained. The table is append-only, so the row trigger is
-- switched off for this one statement of the migration (inside its transaction).
ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_update_or_delete;
UPDATE audit_entry e SET seq = n.seq
FROM (SELECT id, row_number() OVER (ORDER BY id) AS seq FROM audit_entry) n
WHERE e.id = n.id;
ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_no_update_or_delete;

ALTER TABLE audit_entry ALTER COLUMN seq SET NOT NULL;
CREATE UNIQUE INDEX audit_entry_seq_idx ON audit_entry (seq);

-- The chain's head and the next entry's id, read under the chain's lock in one statement (as audit_chain_head in
-- V13): the writer computes the new entry's HMAC over its id and seq before inserting it. An id taken by a writer
-- whose transaction rolls back leaves a gap in the ids; seq has none, because it is assigned under the lock and
-- only committed entries count.
CREATE FUNCTION audit_chain_next(lock_key BIGINT)
    RETURNS TABLE (head_hash CHAR(64), head_seq BIGINT, next_id BIGINT)
    LANGUAGE plpgsql VOLATILE AS
$$
BEGIN
    PERFORM pg_advisory_xact_lock(lock_key);
    RETURN QUERY
        SELECT h.hash, coalesce(h.seq, 0), nextval(pg_get_serial_sequence('audit_entry', 'id'))
        FROM (SELECT 1) one
        LEFT JOIN LATERAL (SELECT e.hash, e.seq FROM audit_entry e ORDER BY e.seq DESC LIMIT 1) h ON true;
END
$$;

-- Replaced by audit_chain_next.
DROP FUNCTION audit_chain_head(BIGINT);
