-- Cases: intake, indicators, protection assessment, status lifecycle and journal.

CREATE TABLE case_file (
    id                      UUID          PRIMARY KEY,
    case_number             VARCHAR(80)   NOT NULL UNIQUE,
    unit_id                 UUID          NOT NULL REFERENCES unit (id),
    opened_by_unit_id       UUID          NOT NULL REFERENCES unit (id),
    person_id               UUID          NOT NULL REFERENCES person (id),
    subject_type            VARCHAR(8)    NOT NULL CHECK (subject_type IN ('CHILD', 'ADULT')),
    received_at             TIMESTAMPTZ   NOT NULL,
    intake_channel          VARCHAR(32)   NOT NULL,
    reporter                VARCHAR(200),
    reporter_contact        VARCHAR(200),
    summary                 TEXT,
    exploitation_forms      VARCHAR(300)  NOT NULL DEFAULT '',
    exploitation_other      VARCHAR(200),
    overall_assessment      TEXT,
    indicators_assessed_at  TIMESTAMPTZ,
    indicators_assessed_by  VARCHAR(200),
    protection_outcome      VARCHAR(32),
    protection_notes        TEXT,
    protection_assessed_at  TIMESTAMPTZ,
    protection_assessed_by  VARCHAR(200),
    custody_decided         BOOLEAN       NOT NULL DEFAULT FALSE,
    status                  VARCHAR(16)   NOT NULL CHECK (status IN ('OPEN', 'HANDED_OVER', 'CLOSED')),
    assigned_to             UUID          REFERENCES account (id),
    created_by              UUID          REFERENCES account (id),
    created_at              TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at              TIMESTAMPTZ   NOT NULL DEFAULT now(),
    closed_at               TIMESTAMPTZ,
    version                 INT           NOT NULL DEFAULT 0
);
CREATE INDEX case_file_unit_status_idx ON case_file (unit_id, status, received_at DESC);
CREATE INDEX case_file_assigned_idx ON case_file (assigned_to, status);
CREATE INDEX case_file_person_idx ON case_file (person_id);
CREATE INDEX case_file_received_idx ON case_file (received_at);

-- Case numbers per unit and year: <UNIT CODE>-<year>-<running number>.
CREATE TABLE case_number_sequence (
    unit_id UUID NOT NULL REFERENCES unit (id),
    year    INT  NOT NULL,
    last    INT  NOT NULL,
    PRIMARY KEY (unit_id, year)
);

CREATE TABLE case_indicator (
    case_id       UUID        NOT NULL REFERENCES case_file (id),
    indicator_key VARCHAR(64) NOT NULL,
    PRIMARY KEY (case_id, indicator_key)
);

CREATE TABLE case_status_change (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id     UUID          NOT NULL REFERENCES case_file (id),
    from_status VARCHAR(16),
    to_status   VARCHAR(16)   NOT NULL,
    reason      VARCHAR(2000),
    changed_at  TIMESTAMPTZ   NOT NULL DEFAULT now(),
    changed_by  UUID,
    changed_by_name VARCHAR(200)
);
CREATE INDEX case_status_change_case_idx ON case_status_change (case_id, id);

-- The journal: dated entries signed by their author. A signed entry is never changed or removed; a mistake is
-- corrected by a new entry that refers to it.
CREATE TABLE journal_entry (
    id           UUID          PRIMARY KEY,
    case_id      UUID          NOT NULL REFERENCES case_file (id),
    number       INT           NOT NULL,
    occurred_at  TIMESTAMPTZ   NOT NULL,
    signed_at    TIMESTAMPTZ   NOT NULL DEFAULT now(),
    author_id    UUID,
    author_name  VARCHAR(200)  NOT NULL,
    text         TEXT          NOT NULL CHECK (length(btrim(text)) > 0),
    corrects     UUID          REFERENCES journal_entry (id),
    UNIQUE (case_id, number)
);

CREATE FUNCTION journal_entry_signed_is_final() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'a signed journal entry cannot be changed or removed; write a correction'
        USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER journal_entry_final BEFORE UPDATE OR DELETE ON journal_entry
    FOR EACH ROW EXECUTE FUNCTION journal_entry_signed_is_final();
