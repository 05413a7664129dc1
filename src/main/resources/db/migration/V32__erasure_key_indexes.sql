-- Indexes on the referencing side of the foreign keys that gallring deletes through (issue 13). Deleting a row makes
-- PostgreSQL look for rows that still refer to it; without an index that is a scan of the whole referencing table
-- for every deleted row. Measured at a million cases before these: 750 ms to erase one personakt, most of it in scans
-- of journal_entry (for corrections), deadline (for decisions) and person (for merged records). The columns are
-- mostly empty, so the indexes are partial and small; a key check (col = $1) can use them.
CREATE INDEX journal_entry_corrects_idx ON journal_entry (corrects) WHERE corrects IS NOT NULL;
CREATE INDEX deadline_decision_idx ON deadline (decision_id) WHERE decision_id IS NOT NULL;
CREATE INDEX person_merged_into_idx ON person (merged_into) WHERE merged_into IS NOT NULL;
CREATE INDEX decision_custody_idx ON decision (custody_id) WHERE custody_id IS NOT NULL;
CREATE INDEX notification_deadline_idx ON notification (deadline_id) WHERE deadline_id IS NOT NULL;
CREATE INDEX court_ruling_case_idx ON court_ruling (case_id);
CREATE INDEX intake_confirmation_case_idx ON intake_confirmation (case_id) WHERE case_id IS NOT NULL;
CREATE INDEX review_case_case_idx ON review_case (case_id);
CREATE INDEX review_answer_case_idx ON review_answer (case_id);
CREATE INDEX review_finding_case_idx ON review_finding (case_id) WHERE case_id IS NOT NULL;
CREATE INDEX case_review_access_case_idx ON case_review_access (case_id);
