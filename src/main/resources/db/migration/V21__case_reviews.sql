-- Case reviews (granskningar): the method developer's audit of handling quality over a selection of cases.

CREATE TABLE review (
    id               UUID          PRIMARY KEY,
    name             VARCHAR(200)  NOT NULL CHECK (length(btrim(name)) > 0),
    purpose          VARCHAR(4000) NOT NULL DEFAULT '',
    status           VARCHAR(16)   NOT NULL CHECK (status IN ('DRAFT', 'STARTED')),
    opened_from      DATE          NOT NULL,
    opened_to        DATE          NOT NULL CHECK (opened_to >= opened_from),
    subject_type     VARCHAR(8)    NOT NULL CHECK (subject_type IN ('CHILD', 'ADULT', 'ANY')),
    trafficking_only BOOLEAN       NOT NULL DEFAULT FALSE,
    custody_only     BOOLEAN       NOT NULL DEFAULT FALSE,
    work_from        DATE          NOT NULL,
    work_until       DATE          NOT NULL CHECK (work_until >= work_from),
    created_by       UUID          REFERENCES account (id),
    created_by_name  VARCHAR(200)  NOT NULL,
    created_at       TIMESTAMPTZ   NOT NULL DEFAULT now(),
    started_at       TIMESTAMPTZ,
    version          INT           NOT NULL DEFAULT 0
);
CREATE INDEX review_created_idx ON review (created_at DESC);

CREATE TABLE review_unit (
    review_id UUID NOT NULL REFERENCES review (id) ON DELETE CASCADE,
    unit_id   UUID NOT NULL REFERENCES unit (id),
    PRIMARY KEY (review_id, unit_id)
);

CREATE TABLE review_reviewer (
    review_id  UUID         NOT NULL REFERENCES review (id) ON DELETE CASCADE,
    account_id UUID         NOT NULL REFERENCES account (id),
    name       VARCHAR(200) NOT NULL,
    PRIMARY KEY (review_id, account_id)
);
CREATE INDEX review_reviewer_account_idx ON review_reviewer (account_id);

-- The review template: questions by area; derivation names the rule by which Lotsen pre-fills an answer.
CREATE TABLE review_question (
    id         UUID          PRIMARY KEY,
    review_id  UUID          NOT NULL REFERENCES review (id) ON DELETE CASCADE,
    position   INT           NOT NULL,
    area       VARCHAR(40)   NOT NULL,
    text       VARCHAR(1000) NOT NULL CHECK (length(btrim(text)) > 0),
    derivation VARCHAR(40)
);
CREATE INDEX review_question_review_idx ON review_question (review_id, position);

-- The selection, fixed when the review starts: pseudonymised facts only (no name, identity number or address).
CREATE TABLE review_case (
    review_id   UUID         NOT NULL REFERENCES review (id),
    case_id     UUID         NOT NULL REFERENCES case_file (id),
    case_number VARCHAR(80)  NOT NULL,
    unit_id     UUID         NOT NULL REFERENCES unit (id),
    unit_name   VARCHAR(200) NOT NULL,
    opened_on   DATE         NOT NULL,
    PRIMARY KEY (review_id, case_id)
);
CREATE INDEX review_case_number_idx ON review_case (review_id, case_number);

CREATE TABLE review_answer (
    review_id       UUID          NOT NULL REFERENCES review (id),
    case_id         UUID          NOT NULL REFERENCES case_file (id),
    question_id     UUID          NOT NULL REFERENCES review_question (id),
    value           VARCHAR(16)   NOT NULL CHECK (value IN ('ADEQUATE', 'DEFICIENT', 'NOT_APPLICABLE')),
    comment         VARCHAR(4000),
    derived_value   VARCHAR(16)   CHECK (derived_value IN ('ADEQUATE', 'DEFICIENT', 'NOT_APPLICABLE')),
    evidence        VARCHAR(2000),
    override_reason VARCHAR(2000),
    answered_by     UUID          REFERENCES account (id),
    answered_by_name VARCHAR(200) NOT NULL,
    answered_at     TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (review_id, case_id, question_id),
    CHECK (derived_value IS NULL OR derived_value = value OR override_reason IS NOT NULL)
);

-- Findings: a deficiency seen in a review, optionally linked to the routine (and version) it led to change.
CREATE TABLE review_finding (
    id                 UUID          PRIMARY KEY,
    review_id          UUID          NOT NULL REFERENCES review (id),
    question_id        UUID          REFERENCES review_question (id),
    case_id            UUID          REFERENCES case_file (id),
    area               VARCHAR(40)   NOT NULL,
    text               VARCHAR(4000) NOT NULL CHECK (length(btrim(text)) > 0),
    routine_key        VARCHAR(100),
    routine_version_id UUID,
    created_by_name    VARCHAR(200)  NOT NULL,
    created_at         TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE INDEX review_finding_review_idx ON review_finding (review_id, created_at);
CREATE INDEX review_finding_version_idx ON review_finding (routine_version_id);

-- The review grant of the case access policy (cases.CaseAccess): a reviewer reads a selected case, pseudonymised
-- and only reads it, within the review's working period.
CREATE TABLE case_review_access (
    review_id  UUID        NOT NULL REFERENCES review (id),
    case_id    UUID        NOT NULL REFERENCES case_file (id),
    account_id UUID        NOT NULL REFERENCES account (id),
    valid_from TIMESTAMPTZ NOT NULL,
    valid_until TIMESTAMPTZ NOT NULL CHECK (valid_until > valid_from),
    PRIMARY KEY (review_id, case_id, account_id)
);
CREATE INDEX case_review_access_account_idx ON case_review_access (account_id, case_id);
