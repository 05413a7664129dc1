-- The kept rate counts every deadline whose last day passed, not only the ones met (issue 12): reporting_deadline
-- now holds each deadline's current state from DeadlineScheduled, DeadlineMet and DeadlineClosed. A row may exist
-- before the deadline is met (met_on NULL); closed_on is the day it stopped applying without being met.
ALTER TABLE reporting_deadline ALTER COLUMN met_on DROP NOT NULL;
ALTER TABLE reporting_deadline ADD COLUMN closed_on DATE;
CREATE INDEX reporting_deadline_last_day_idx ON reporting_deadline (last_day);
