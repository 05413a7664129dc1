-- Accounts, roles and API tokens.

CREATE TABLE account (
    id                  UUID         PRIMARY KEY,
    username            VARCHAR(64)  NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
    display_name        VARCHAR(200) NOT NULL CHECK (length(btrim(display_name)) > 0),
    email               VARCHAR(320),
    unit_id             UUID         REFERENCES unit (id),
    password_hash       VARCHAR(255) NOT NULL,
    enabled             BOOLEAN      NOT NULL DEFAULT TRUE,
    failed_attempts     INT          NOT NULL DEFAULT 0,
    locked_until        TIMESTAMPTZ,
    password_changed_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    created_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version             INT          NOT NULL DEFAULT 0
);
CREATE INDEX account_unit_idx ON account (unit_id);
CREATE INDEX account_display_name_idx ON account (lower(display_name));

CREATE TABLE account_role (
    account_id UUID        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    role       VARCHAR(32) NOT NULL CHECK (role IN ('DUTY_WORKER', 'DUTY_LEAD', 'METHOD_DEVELOPER', 'CASE_WORKER',
                                                    'UNIT_MANAGER', 'AUDITOR', 'ADMIN')),
    PRIMARY KEY (account_id, role)
);

-- Bearer tokens for the API. Only the SHA-256 of a token is stored; the token itself is shown once.
CREATE TABLE api_token (
    id             UUID        PRIMARY KEY,
    account_id     UUID        NOT NULL REFERENCES account (id),
    token_hash     CHAR(64)    NOT NULL UNIQUE,
    created_at     TIMESTAMPTZ NOT NULL,
    expires_at     TIMESTAMPTZ NOT NULL,
    revoked_at     TIMESTAMPTZ,
    revoked_reason VARCHAR(32),
    last_used_at   TIMESTAMPTZ
);
CREATE INDEX api_token_account_idx ON api_token (account_id) WHERE revoked_at IS NULL;
