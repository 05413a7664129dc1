-- Gallring (issue 13; LEGAL-AND-PRACTICE §5.5, with the numbering and 16 kap. 2 a § of §10; §11 corrects neither):
-- the rules as data with their legal basis and validity, the record of every run of the retention job, and the one
-- way past the append-only triggers that a gallring transaction takes.

CREATE TABLE retention_rule (
    key            VARCHAR(40)   NOT NULL,
    kind           VARCHAR(20)   NOT NULL CHECK (kind IN ('ERASE_AFTER', 'KEEP_UNTIL_AGE', 'KEEP', 'RESEARCH')),
    legal_basis    VARCHAR(200)  NOT NULL,
    source         VARCHAR(200)  NOT NULL,
    description    VARCHAR(1000) NOT NULL,
    -- ERASE_AFTER: years after the last note in the file; KEEP_UNTIL_AGE: the age the person must have reached.
    years          INT           CHECK (years > 0),
    -- KEEP: decision types (SQL LIKE patterns, comma-separated) whose file is never erased.
    decision_types VARCHAR(200),
    -- RESEARCH: the days of the month of birth whose files are kept.
    birth_days     VARCHAR(40),
    -- KEEP_UNTIL_AGE: applies to child cases closed on or after this day (the transitional rule).
    closed_from    DATE,
    valid_from     DATE          NOT NULL,
    valid_to       DATE,
    PRIMARY KEY (key, valid_from),
    CHECK (valid_to IS NULL OR valid_to >= valid_from),
    CHECK ((kind IN ('ERASE_AFTER', 'KEEP_UNTIL_AGE')) = (years IS NOT NULL)),
    CHECK ((kind = 'KEEP') = (decision_types IS NOT NULL)),
    CHECK ((kind = 'RESEARCH') = (birth_days IS NOT NULL))
);

INSERT INTO retention_rule (key, kind, legal_basis, source, description, years, decision_types, birth_days,
                            closed_from, valid_from, valid_to) VALUES
 ('FIVE_YEARS_AFTER_LAST_NOTE', 'ERASE_AFTER', '12 kap. 1 § SoL (2001:453)', 'LEGAL-AND-PRACTICE §5.5',
  'Anteckningar och andra uppgifter i en personakt gallras fem år efter den sista anteckningen, inte så länge uppgifter om samma person finns kvar, och senast kalenderåret därefter.',
  5, NULL, NULL, NULL, '2003-07-01', '2025-06-30'),
 ('FIVE_YEARS_AFTER_LAST_NOTE', 'ERASE_AFTER', '16 kap. 1 § SoL (2025:400)', 'LEGAL-AND-PRACTICE §10.1 (e)',
  'Anteckningar och andra uppgifter i en personakt gallras fem år efter den sista anteckningen, inte så länge uppgifter om samma person finns kvar, och senast kalenderåret därefter.',
  5, NULL, NULL, NULL, '2025-07-01', NULL),
 ('PLACEMENT_AND_CUSTODY_KEPT', 'KEEP', '16 kap. 2 § SoL (2025:400)', 'LEGAL-AND-PRACTICE §5.5 and §10.1 (e)',
  'Handlingar om ett barn som placerats (familjehem, stödboende, skyddat boende, HVB m.m.) gallras inte; inte heller handlingar om omhändertagande eller andra beslut enligt LVU.',
  NULL, 'LVU\_%', NULL, NULL, '2025-07-01', NULL),
 ('CHILD_INVESTIGATION_UNTIL_30', 'KEEP_UNTIL_AGE', '16 kap. 2 a § SoL (2025:400)', 'LEGAL-AND-PRACTICE §10.1 (e)',
  'Handlingar i samband med en utredning om ett barns skydd eller stöd gallras inte förrän personen fyllt trettio år. Gäller inte ärenden som avslutats före 2026-01-15.',
  30, NULL, NULL, '2026-01-15', '2026-01-15', NULL),
 ('RESEARCH_SAMPLE', 'RESEARCH', '7 kap. 2 § socialtjänstförordningen', 'LEGAL-AND-PRACTICE §5.5',
  'Handlingar om personer födda den 5, 15 och 25 i varje månad gallras inte (forskningsurval).',
  NULL, NULL, '5,15,25', NULL, '2003-07-01', NULL);

-- One row per run of the retention job: what it found and what it did.
CREATE TABLE retention_run (
    id                 UUID         PRIMARY KEY,
    started_at         TIMESTAMPTZ  NOT NULL,
    finished_at        TIMESTAMPTZ,
    mode               VARCHAR(10)  NOT NULL CHECK (mode IN ('REPORT', 'ERASE')),
    rules_on           DATE         NOT NULL,
    last_note_before   TIMESTAMPTZ  NOT NULL,
    files_due          INT          NOT NULL DEFAULT 0,
    files_erased       INT          NOT NULL DEFAULT 0,
    cases_erased       INT          NOT NULL DEFAULT 0,
    files_left         INT          NOT NULL DEFAULT 0,
    kept_placement     INT          NOT NULL DEFAULT 0,
    kept_until_age     INT          NOT NULL DEFAULT 0,
    kept_birth_unknown INT          NOT NULL DEFAULT 0,
    kept_research      INT          NOT NULL DEFAULT 0,
    events_removed     INT          NOT NULL DEFAULT 0,
    failure            VARCHAR(500)
);
CREATE INDEX retention_run_started_idx ON retention_run (started_at DESC);

-- The files a run erased (or, in report mode, found due): case numbers only, no names or identity numbers.
CREATE TABLE retention_run_file (
    run_id        UUID          NOT NULL REFERENCES retention_run (id) ON DELETE CASCADE,
    seq           INT           NOT NULL,
    case_numbers  VARCHAR(2000) NOT NULL,
    last_note_at  TIMESTAMPTZ   NOT NULL,
    due_on        DATE          NOT NULL,
    latest_on     DATE          NOT NULL,
    erased        BOOLEAN       NOT NULL,
    PRIMARY KEY (run_id, seq)
);

-- The append-only rows of a case (signed journal entries, emergency-access records) are removed only by a gallring
-- transaction, which says so with SET LOCAL lotsen.gallring = 'on' (Retention's erasure; nothing else sets it).
CREATE OR REPLACE FUNCTION journal_entry_signed_is_final() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('lotsen.gallring', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'a signed journal entry cannot be changed or removed; write a correction'
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE OR REPLACE FUNCTION emergency_access_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('lotsen.gallring', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'emergency_access is append-only';
END;
$$;
