-- People a case is about.

CREATE TABLE person (
    id                   UUID         PRIMARY KEY,
    identity_kind        VARCHAR(20)  NOT NULL CHECK (identity_kind IN ('PERSONNUMMER', 'SAMORDNINGSNUMMER', 'RESERVNUMMER', 'UNKNOWN')),
    identity_number      VARCHAR(20),
    name                 VARCHAR(200) NOT NULL CHECK (length(btrim(name)) > 0),
    stated_birth_date    DATE,
    stated_age           INT          CHECK (stated_age BETWEEN 0 AND 130),
    age_assessed         BOOLEAN      NOT NULL DEFAULT FALSE,
    sex                  VARCHAR(16)  NOT NULL DEFAULT 'UNKNOWN' CHECK (sex IN ('FEMALE', 'MALE', 'OTHER', 'UNKNOWN')),
    nationality          CHAR(2)      CHECK (nationality ~ '^[A-Z]{2}$'),
    languages            VARCHAR(200),
    interpreter_needed   BOOLEAN      NOT NULL DEFAULT FALSE,
    interpreter_language VARCHAR(100),
    documents            VARCHAR(500),
    protected_identity   VARCHAR(32)  NOT NULL DEFAULT 'NONE'
        CHECK (protected_identity IN ('NONE', 'SEKRETESSMARKERING', 'SKYDDAD_FOLKBOKFORING')),
    address              VARCHAR(500),
    merged_into          UUID         REFERENCES person (id),
    created_at           TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at           TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version              INT          NOT NULL DEFAULT 0,
    CHECK ((identity_kind = 'UNKNOWN') = (identity_number IS NULL))
);
-- One living record per identity number; merged records keep theirs for history.
CREATE UNIQUE INDEX person_identity_number_uq ON person (identity_number)
    WHERE identity_number IS NOT NULL AND merged_into IS NULL;

-- Every name a person has been known by: the current name and aliases (stated names, other spellings, names of
-- merged records). Nothing is deleted, so the history stays.
CREATE TABLE person_name (
    id         UUID         PRIMARY KEY,
    person_id  UUID         NOT NULL REFERENCES person (id),
    name       VARCHAR(200) NOT NULL,
    kind       VARCHAR(16)  NOT NULL CHECK (kind IN ('NAME', 'ALIAS')),
    note       VARCHAR(200),
    added_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    added_by   UUID
);
CREATE INDEX person_name_person_idx ON person_name (person_id);

-- Phonetic keys of every name word, for search-before-create.
CREATE TABLE person_name_key (
    person_id UUID        NOT NULL REFERENCES person (id),
    key       VARCHAR(64) NOT NULL,
    PRIMARY KEY (person_id, key)
);
CREATE INDEX person_name_key_idx ON person_name_key (key);

CREATE TABLE person_history (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id   UUID         NOT NULL REFERENCES person (id),
    occurred_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    account_id  UUID,
    action      VARCHAR(32)  NOT NULL,
    detail      VARCHAR(500)
);
CREATE INDEX person_history_person_idx ON person_history (person_id, occurred_at);
