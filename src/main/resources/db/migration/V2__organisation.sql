-- Organisation: units (jours, district offices), their committees and the committees' meeting dates.

CREATE TABLE unit (
    id         UUID         PRIMARY KEY,
    code       VARCHAR(64)  NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name       VARCHAR(200) NOT NULL CHECK (length(btrim(name)) > 0),
    kind       VARCHAR(16)  NOT NULL CHECK (kind IN ('JOUR', 'DISTRICT', 'OTHER')),
    active     BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version    INT          NOT NULL DEFAULT 0
);
CREATE INDEX unit_name_idx ON unit (lower(name));

-- A committee (nämnd, or its sociala delegation) that decides for a unit and to which a chair's decision is reported.
CREATE TABLE committee (
    id      UUID         PRIMARY KEY,
    unit_id UUID         NOT NULL UNIQUE REFERENCES unit (id),
    name    VARCHAR(200) NOT NULL CHECK (length(btrim(name)) > 0),
    version INT          NOT NULL DEFAULT 0
);

CREATE TABLE committee_meeting (
    id           UUID        PRIMARY KEY,
    committee_id UUID        NOT NULL REFERENCES committee (id) ON DELETE CASCADE,
    meeting_date DATE        NOT NULL,
    note         VARCHAR(500),
    UNIQUE (committee_id, meeting_date)
);
CREATE INDEX committee_meeting_date_idx ON committee_meeting (committee_id, meeting_date);
