-- The deadline board joins the open deadlines (about 10,000 at a million cases) to the open cases the user's unit
-- holds. V30's index of the open cases was keyed by the case's id with its unit alongside, so the board read all of
-- them (88,000, about 17 ms) to keep one unit's; keyed by the unit first it reads that unit's only (the jour's 19,814
-- in about 2.5 ms). The open deadlines had to be read from the table (about 3,500 pages); this partial index carries
-- what the board orders and counts by, so they are read from the index (README, "Benchmarks": the jour's board
-- 40 ms -> 8 ms in the database, warm).
CREATE INDEX case_file_unit_open_idx ON case_file (unit_id, id) WHERE status <> 'CLOSED';
DROP INDEX case_file_open_unit_idx;
CREATE INDEX deadline_open_case_idx ON deadline (case_id, id) INCLUDE (status, due_date, kind)
    WHERE status IN ('PENDING', 'EXTENDED', 'EXTENSION_REQUESTED');
