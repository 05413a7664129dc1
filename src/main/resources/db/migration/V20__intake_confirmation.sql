-- The one-time token of an intake's "check your answers" page. Confirming the intake inserts its token in the same
-- transaction that opens the case: a second confirm (a double click, a reload, a second tab) finds the token taken
-- and is sent to the case the first one opened instead of opening another.
CREATE TABLE intake_confirmation (
    token       UUID        PRIMARY KEY,
    account_id  UUID        NOT NULL REFERENCES account (id),
    case_id     UUID        REFERENCES case_file (id),
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
