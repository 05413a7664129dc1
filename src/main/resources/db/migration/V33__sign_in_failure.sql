-- Wrong passwords, shared by every app node (issue 13; SECURITY.md, "Limits on guessing"). Before, each node counted
-- them in its own memory, so behind N nodes an address had N times the attempts and an administrator's unlock
-- reached one node only. One row per wrong password; the limits count the rows within their period:
--   - for one account from one address (LOTSEN_LOCKOUT_MAX_ATTEMPTS within LOTSEN_LOCKOUT_DURATION), rows not
--     cleared by a right password from that address or an administrator's unlock;
--   - from one address over all accounts (LOTSEN_RATE_LIMIT_ADDRESS_FAILURES within LOTSEN_RATE_LIMIT_PERIOD), all.
-- The username is kept as a SHA-256 hash of its normalised form: what was typed as a username may be a password.
-- Rows older than the longer period are deleted as new ones come (access.SignInLimits).
CREATE TABLE sign_in_failure (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_key text        NOT NULL CHECK (account_key ~ '^[0-9a-f]{64}$'),
    address     text        NOT NULL CHECK (length(address) BETWEEN 1 AND 100),
    failed_at   timestamptz NOT NULL,
    cleared     boolean     NOT NULL DEFAULT false
);

CREATE INDEX sign_in_failure_address_idx ON sign_in_failure (address, failed_at);
CREATE INDEX sign_in_failure_account_idx ON sign_in_failure (account_key, address, failed_at);
CREATE INDEX sign_in_failure_failed_at_idx ON sign_in_failure (failed_at);
