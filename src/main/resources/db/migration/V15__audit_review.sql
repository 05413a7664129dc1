-- Log review (loggkontroll): a record of each periodic review of the audit trail, and the indexes the review's
-- searches and the unusual-pattern flags need.

-- A review once registered is never changed or removed: it is the evidence that the log was reviewed.
CREATE TABLE audit_review (
    id                  UUID          PRIMARY KEY,
    reviewer_account_id UUID          NOT NULL,
    reviewer_name       VARCHAR(200)  NOT NULL,
    done_at             TIMESTAMPTZ   NOT NULL,
    period_from         DATE          NOT NULL,
    period_to           DATE          NOT NULL,
    findings            VARCHAR(4000) NOT NULL CHECK (length(btrim(findings)) > 0),
    flagged_entries     BIGINT        NOT NULL CHECK (flagged_entries >= 0),
    CHECK (period_from <= period_to)
);
CREATE INDEX audit_review_done_idx ON audit_review (done_at DESC);

CREATE FUNCTION audit_review_is_final() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'audit_review is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_review_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_review
    FOR EACH ROW EXECUTE FUNCTION audit_review_is_final();

-- MANY_CASES: the different cases an actor read in the last minutes (one index range per entry written).
CREATE INDEX audit_entry_case_reads_idx ON audit_entry (actor_account_id, occurred_at)
    WHERE record_type = 'CASE' AND action IN ('READ', 'EXPORT');
-- The review's filters: by the actor's unit, and flagged entries only.
CREATE INDEX audit_entry_unit_idx ON audit_entry (actor_unit_code, occurred_at DESC);
CREATE INDEX audit_entry_flagged_idx ON audit_entry (occurred_at DESC) WHERE review_flag IS NOT NULL;
