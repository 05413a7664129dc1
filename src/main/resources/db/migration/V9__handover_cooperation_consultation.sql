-- Access moves with the case; handover, cooperation and consultation.

-- Read access kept by a unit that handed a case over, until a date (the jour follows up for 30 days by default).
CREATE TABLE case_access (
    case_id  UUID        NOT NULL REFERENCES case_file (id),
    unit_id  UUID        NOT NULL REFERENCES unit (id),
    until    TIMESTAMPTZ NOT NULL,
    reason   VARCHAR(40) NOT NULL,
    PRIMARY KEY (case_id, unit_id)
);
CREATE INDEX case_access_unit_idx ON case_access (unit_id, until);

CREATE TABLE handover (
    id                UUID          PRIMARY KEY,
    case_id           UUID          NOT NULL REFERENCES case_file (id),
    from_unit_id      UUID          NOT NULL REFERENCES unit (id),
    to_unit_id        UUID          NOT NULL REFERENCES unit (id),
    reason            VARCHAR(2000) NOT NULL,
    handed_over_at    TIMESTAMPTZ   NOT NULL,
    handed_over_by    UUID          REFERENCES account (id),
    handed_over_by_name VARCHAR(200) NOT NULL,
    previous_holder   UUID          REFERENCES account (id),
    assigned_to       UUID          REFERENCES account (id),
    assigned_at       TIMESTAMPTZ,
    assigned_by_name  VARCHAR(200),
    acknowledged_at   TIMESTAMPTZ,
    acknowledged_by   UUID          REFERENCES account (id),
    acknowledged_by_name VARCHAR(200),
    escalate_at       TIMESTAMPTZ   NOT NULL,
    escalated_at      TIMESTAMPTZ
);
CREATE INDEX handover_case_idx ON handover (case_id, handed_over_at);
CREATE INDEX handover_to_unit_idx ON handover (to_unit_id, acknowledged_at);

CREATE TABLE partner (
    id          UUID          PRIMARY KEY,
    name        VARCHAR(200)  NOT NULL CHECK (length(btrim(name)) > 0),
    kind        VARCHAR(40)   NOT NULL,
    country     CHAR(2),
    phone       VARCHAR(60),
    email       VARCHAR(320),
    notes       VARCHAR(1000),
    hours       VARCHAR(20)   NOT NULL CHECK (hours IN ('ALWAYS', 'OFFICE_HOURS')),
    opens       TIME,
    closes      TIME,
    active      BOOLEAN       NOT NULL DEFAULT TRUE,
    version     INT           NOT NULL DEFAULT 0
);
CREATE INDEX partner_kind_idx ON partner (kind, name);

CREATE TABLE cooperation_contact (
    id             UUID          PRIMARY KEY,
    case_id        UUID          NOT NULL REFERENCES case_file (id),
    partner_id     UUID          NOT NULL REFERENCES partner (id),
    type           VARCHAR(40)   NOT NULL,
    at             TIMESTAMPTZ   NOT NULL,
    channel        VARCHAR(20)   NOT NULL,
    summary        TEXT          NOT NULL,
    follow_up_on   DATE,
    status         VARCHAR(20)   NOT NULL CHECK (status IN ('QUEUED', 'DONE', 'AWAITING_REPLY', 'CLOSED')),
    queued_for     TIMESTAMPTZ,
    fields         JSONB         NOT NULL DEFAULT '{}'::jsonb,
    recorded_by    UUID          REFERENCES account (id),
    recorded_by_name VARCHAR(200) NOT NULL,
    created_at     TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE INDEX cooperation_contact_case_idx ON cooperation_contact (case_id, at);
CREATE INDEX cooperation_contact_queue_idx ON cooperation_contact (status, queued_for);

CREATE TABLE question (
    id               UUID          PRIMARY KEY,
    case_id          UUID          REFERENCES case_file (id),
    asked_by         UUID          NOT NULL REFERENCES account (id),
    asked_by_name    VARCHAR(200)  NOT NULL,
    asked_by_unit_id UUID          REFERENCES unit (id),
    text             TEXT          NOT NULL CHECK (length(btrim(text)) > 0),
    urgent           BOOLEAN       NOT NULL DEFAULT FALSE,
    asked_at         TIMESTAMPTZ   NOT NULL DEFAULT now(),
    answer           TEXT,
    answered_at      TIMESTAMPTZ,
    answered_by      UUID          REFERENCES account (id),
    answered_by_name VARCHAR(200)
);
CREATE INDEX question_open_idx ON question (answered_at, asked_at);
CREATE INDEX question_case_idx ON question (case_id);

INSERT INTO job_lock (name, locked_until) VALUES ('handover-escalation', '1970-01-01T00:00:00Z');
