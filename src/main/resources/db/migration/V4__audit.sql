-- The audit trail: an append-only, hash-chained log of every sign-in and every read and change of personal data.

CREATE TABLE audit_entry (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at      TIMESTAMPTZ  NOT NULL,
    actor_account_id UUID,
    actor_username   VARCHAR(64),
    actor_unit_code  VARCHAR(64),
    action           VARCHAR(32)  NOT NULL,
    record_type      VARCHAR(64)  NOT NULL,
    record_id        VARCHAR(128),
    channel          VARCHAR(16)  NOT NULL CHECK (channel IN ('PAGE', 'API', 'SYSTEM')),
    remote_address   VARCHAR(64),
    outcome          VARCHAR(16)  NOT NULL CHECK (outcome IN ('SUCCESS', 'DENIED', 'FAILED')),
    detail           VARCHAR(500),
    prev_hash        CHAR(64)     NOT NULL,
    hash             CHAR(64)     NOT NULL
);
CREATE INDEX audit_entry_occurred_idx ON audit_entry (occurred_at DESC);
CREATE INDEX audit_entry_actor_idx ON audit_entry (actor_username, occurred_at DESC);
CREATE INDEX audit_entry_record_idx ON audit_entry (record_type, record_id);

-- Append-only, enforced by the database: no UPDATE, DELETE or TRUNCATE, whoever asks.
CREATE FUNCTION audit_entry_append_only() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'audit_entry is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_entry_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();

CREATE TRIGGER audit_entry_no_truncate
    BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only();
