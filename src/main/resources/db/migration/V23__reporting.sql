-- The reporting module's own read model (issue 12): kept current from the other modules' events, never joined with
-- their tables. reporting_fact is the append-only log of every fact received, one row per event (event_key makes a
-- redelivered event a no-op); the reporting_* tables below are projections of it, rebuilt from it by
-- Reporting.rebuild(). Nothing here names a person: no names, identity numbers or birth dates.

CREATE TABLE reporting_fact (
    seq         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_key   VARCHAR(200) NOT NULL UNIQUE,
    kind        VARCHAR(60)  NOT NULL,
    payload     JSONB        NOT NULL,
    received_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- One row per case, as it came in.
CREATE TABLE reporting_case (
    case_id            UUID        PRIMARY KEY,
    unit_id            UUID,
    subject_type       VARCHAR(20) NOT NULL,
    age_group          VARCHAR(20) NOT NULL,
    sex                VARCHAR(20) NOT NULL,
    country            VARCHAR(2),
    channel            VARCHAR(40),
    exploitation_forms VARCHAR(40)[] NOT NULL DEFAULT '{}',
    received_at        TIMESTAMPTZ NOT NULL,
    received_on        DATE        NOT NULL
);
CREATE INDEX reporting_case_day_idx ON reporting_case (received_on, unit_id);

CREATE TABLE reporting_decision (
    decision_id UUID        PRIMARY KEY,
    case_id     UUID        NOT NULL,
    type        VARCHAR(60) NOT NULL,
    decided_on  DATE        NOT NULL
);
CREATE INDEX reporting_decision_day_idx ON reporting_decision (decided_on);

CREATE TABLE reporting_deadline (
    deadline_id UUID        PRIMARY KEY,
    case_id     UUID        NOT NULL,
    kind        VARCHAR(60) NOT NULL,
    met_on      DATE        NOT NULL,
    last_day    DATE
);
CREATE INDEX reporting_deadline_day_idx ON reporting_deadline (met_on);

CREATE TABLE reporting_handover (
    handover_id     UUID        PRIMARY KEY,
    case_id         UUID        NOT NULL,
    handed_over_at  TIMESTAMPTZ,
    acknowledged_at TIMESTAMPTZ
);
CREATE INDEX reporting_handover_case_idx ON reporting_handover (case_id);

CREATE TABLE reporting_question (
    question_id UUID        PRIMARY KEY,
    case_id     UUID,
    asked_on    DATE,
    answered_on DATE
);
CREATE INDEX reporting_question_day_idx ON reporting_question (asked_on);

-- A knowledge event as last recorded (training day, seminar, information visit).
CREATE TABLE reporting_knowledge_event (
    event_id     UUID        PRIMARY KEY,
    day          DATE        NOT NULL,
    kind         VARCHAR(40) NOT NULL,
    status       VARCHAR(20) NOT NULL,
    participants INTEGER     NOT NULL
);
CREATE INDEX reporting_knowledge_event_day_idx ON reporting_knowledge_event (day);
