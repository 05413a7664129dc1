-- Emergency access (nödåtkomst, issue 9): a case worker opens a case outside their rights by giving a reason. Each
-- row is one grant: read-only, for one account and one case, until it expires. The holding unit's leads and the
-- auditors are told and review it; the rows are kept (never updated or deleted) as the record of why.
CREATE TABLE emergency_access (
    id              UUID PRIMARY KEY,
    case_id         UUID         NOT NULL REFERENCES case_file (id),
    case_number     VARCHAR(80)  NOT NULL,
    -- The unit that held the case when access was given: its leads were told and review the grant.
    holding_unit_id UUID         NOT NULL REFERENCES unit (id),
    account_id      UUID         NOT NULL REFERENCES account (id),
    account_name    VARCHAR(200) NOT NULL,
    account_unit_id UUID REFERENCES unit (id),
    reason          TEXT         NOT NULL CHECK (char_length(reason) BETWEEN 20 AND 2000),
    granted_at      TIMESTAMPTZ  NOT NULL,
    expires_at      TIMESTAMPTZ  NOT NULL,
    CHECK (expires_at > granted_at)
);

-- The grant decision (CaseAccess.GRANT): this account's unexpired grant for this case.
CREATE INDEX emergency_access_case_account ON emergency_access (case_id, account_id, expires_at);
-- The review list: a lead's unit, newest first; and everything, newest first, for the auditors.
CREATE INDEX emergency_access_holding_unit ON emergency_access (holding_unit_id, granted_at DESC);
CREATE INDEX emergency_access_granted ON emergency_access (granted_at DESC);

CREATE FUNCTION emergency_access_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'emergency_access is append-only';
END;
$$;

CREATE TRIGGER emergency_access_append_only BEFORE UPDATE OR DELETE ON emergency_access
    FOR EACH ROW EXECUTE FUNCTION emergency_access_append_only();
