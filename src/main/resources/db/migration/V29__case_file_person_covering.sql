-- The case search finds a name's people first and then their cases: with the case's id, unit, date and number in the
-- index, the cases a user may not see are left out and the matches ordered without reading the table (a common surname
-- matches about 10,000 people at a million cases; README, "Benchmarks"). It serves every lookup by person the
-- narrower index served, so that one goes.
CREATE INDEX case_file_person_cover_idx ON case_file (person_id) INCLUDE (id, unit_id, received_at, case_number);
DROP INDEX case_file_person_idx;
