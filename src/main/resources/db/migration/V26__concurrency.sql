-- Optimistic locking of a case's checklist steps: every change of a step's status or fields moves its version on, and
-- a write made on an older version is refused (Checklists.setStatus). Who changed the step last and when, also when the
-- change reopened it (done_by is cleared then), for the message that tells the other user.
ALTER TABLE checklist_item
    ADD COLUMN version         INTEGER      NOT NULL DEFAULT 0,
    ADD COLUMN changed_by_name VARCHAR(200),
    ADD COLUMN changed_at      TIMESTAMPTZ;

-- One-time submission tokens of forms: a form carries a random token; the first POST with it claims the row (its own
-- short transaction) and stores the redirect it answered with; a repeated POST of the same token (a double click, a
-- resent request) is answered with that redirect instead of running again. The key is a hash of the session and the
-- token, so a token only counts within the session that was given it. Old rows are removed by a scheduled job.
CREATE TABLE form_submission (
    key        CHAR(64)      PRIMARY KEY,
    claimed_at TIMESTAMPTZ   NOT NULL DEFAULT now(),
    location   VARCHAR(2000)
);
CREATE INDEX form_submission_claimed_idx ON form_submission (claimed_at);
