-- Side effects as events (issue 8): notifications and e-mail happen after the business change commits, through the
-- event publication registry, and e-mail is retried until delivered; jobs that run once across nodes use ShedLock.

-- Each notification says what became of its e-mail, so a page can tell the truth about it.
ALTER TABLE notification ADD COLUMN email_status VARCHAR(16) NOT NULL DEFAULT 'NONE'
    CHECK (email_status IN ('NONE', 'NOT_CONFIGURED', 'NO_ADDRESS', 'PENDING', 'SENT', 'RETRYING', 'CANCELLED'));
ALTER TABLE notification ADD COLUMN email_attempts INT NOT NULL DEFAULT 0;
ALTER TABLE notification ADD COLUMN email_error VARCHAR(200);
ALTER TABLE notification ADD COLUMN case_number VARCHAR(80);
-- Where the notification leads in Lotsen (a path), also in its e-mail.
ALTER TABLE notification ADD COLUMN link VARCHAR(300);
-- What caused the notification (e.g. question:<id>, reminder:<deadline>:<occasion>): a listener run again after a
-- failure never notifies anyone twice, and a page can look up the delivery of what it caused.
ALTER TABLE notification ADD COLUMN source_key VARCHAR(200);
UPDATE notification SET email_status = 'SENT' WHERE emailed_at IS NOT NULL;
UPDATE notification n SET case_number = c.case_number FROM case_file c WHERE c.id = n.case_id;
CREATE UNIQUE INDEX notification_source_uq ON notification (source_key, account_id) WHERE source_key IS NOT NULL;
CREATE INDEX notification_case_idx ON notification (case_id) WHERE case_id IS NOT NULL;
CREATE INDEX notification_email_idx ON notification (email_status) WHERE email_status IN ('PENDING', 'RETRYING');

-- ShedLock's table: a job that must run once across app nodes holds its row until it is done.
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    lock_until TIMESTAMPTZ  NOT NULL,
    locked_at  TIMESTAMPTZ  NOT NULL,
    locked_by  VARCHAR(255) NOT NULL
);
DROP TABLE job_lock;

-- Indexes for the event publication registry's look-ups by status (Spring Modulith 2.0's schema).
CREATE INDEX IF NOT EXISTS event_publication_status_idx ON event_publication (status);
