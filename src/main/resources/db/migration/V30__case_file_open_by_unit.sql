-- The deadline board narrows the open deadlines of every unit (about 10,000 at a million cases) to those of the
-- cases the user's unit holds and has not closed. Through the primary key that read a case for each deadline
-- (70-250 ms for the jour); this index holds only the cases not closed, with their unit, and is read whole into a hash
-- (about 20 ms; README, "Benchmarks").
CREATE INDEX case_file_open_unit_idx ON case_file (id) INCLUDE (unit_id) WHERE status <> 'CLOSED';
