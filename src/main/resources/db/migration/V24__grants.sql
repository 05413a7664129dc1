-- Grants (statsbidrag) that fund the work, their deliverables and payments, and the final report to the funder.
-- Amounts are whole Swedish kronor. "grant" is an SQL keyword, so the tables are called grant_award and grant_*.

CREATE TABLE grant_award (
    id                  UUID          PRIMARY KEY,
    funder              VARCHAR(200)  NOT NULL CHECK (length(btrim(funder)) > 0),
    reference           VARCHAR(100),
    amount              BIGINT        NOT NULL CHECK (amount > 0),
    period_from         DATE          NOT NULL,
    period_to           DATE          NOT NULL,
    purpose             VARCHAR(4000) NOT NULL CHECK (length(btrim(purpose)) > 0),
    conditions          VARCHAR(4000),
    report_due          DATE          NOT NULL,
    held_back_kind      VARCHAR(10)   NOT NULL CHECK (held_back_kind IN ('PERCENT', 'AMOUNT')),
    held_back_value     BIGINT        NOT NULL CHECK (held_back_value >= 0),
    report_submitted_on DATE,
    report_approved_on  DATE,
    version             INT           NOT NULL DEFAULT 0,
    created_at          TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_by_name     VARCHAR(200),
    CHECK (period_to >= period_from),
    CHECK (held_back_kind <> 'PERCENT' OR held_back_value <= 100),
    CHECK (held_back_kind <> 'AMOUNT' OR held_back_value <= amount),
    CHECK (report_approved_on IS NULL OR report_submitted_on IS NOT NULL)
);
CREATE INDEX grant_award_period_idx ON grant_award (period_from DESC, funder);
CREATE INDEX grant_award_due_idx ON grant_award (report_due) WHERE report_submitted_on IS NULL;

CREATE TABLE grant_deliverable (
    id           UUID          PRIMARY KEY,
    grant_id     UUID          NOT NULL REFERENCES grant_award (id) ON DELETE CASCADE,
    kind         VARCHAR(20)   NOT NULL CHECK (kind IN ('STAFF', 'HANDBOOK', 'SEMINARS', 'OTHER')),
    description  VARCHAR(200)  NOT NULL CHECK (length(btrim(description)) > 0),
    status       VARCHAR(20)   NOT NULL CHECK (status IN ('PLANNED', 'IN_PROGRESS', 'DELIVERED', 'CANCELLED')),
    note         VARCHAR(2000),
    position     INT           NOT NULL,
    version      INT           NOT NULL DEFAULT 0,
    updated_at   TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_by_name VARCHAR(200)
);
CREATE INDEX grant_deliverable_grant_idx ON grant_deliverable (grant_id, position);

CREATE TABLE grant_payment (
    id           UUID          PRIMARY KEY,
    grant_id     UUID          NOT NULL REFERENCES grant_award (id) ON DELETE CASCADE,
    paid_on      DATE          NOT NULL,
    amount       BIGINT        NOT NULL CHECK (amount > 0),
    note         VARCHAR(500),
    recorded_by_name VARCHAR(200),
    recorded_at  TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE INDEX grant_payment_grant_idx ON grant_payment (grant_id, paid_on);

-- The stored, editable draft of the final report: one row per section, each with its own version (optimistic
-- locking: two people may edit different sections at once, never the same one unknowingly).
CREATE TABLE grant_report_section (
    grant_id     UUID          NOT NULL REFERENCES grant_award (id) ON DELETE CASCADE,
    key          VARCHAR(60)   NOT NULL,
    position     INT           NOT NULL,
    title        VARCHAR(200)  NOT NULL,
    text         TEXT          NOT NULL,
    edited       BOOLEAN       NOT NULL DEFAULT FALSE,
    drafted_at   TIMESTAMPTZ   NOT NULL,
    updated_at   TIMESTAMPTZ   NOT NULL,
    updated_by_name VARCHAR(200),
    version      INT           NOT NULL DEFAULT 0,
    PRIMARY KEY (grant_id, key)
);
CREATE INDEX grant_report_section_order_idx ON grant_report_section (grant_id, position);

-- The routine versions published in a grant's period (the final report's section on the handling manual).
CREATE INDEX routine_version_published_idx ON routine_version (published_at) WHERE status = 'PUBLISHED';
