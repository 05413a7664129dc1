-- Substring search in the case list ("any part" of a case number, a name or alias, an identity number) with
-- trigram indexes: without them every search read every case (2.4 s at a million cases; README, "Benchmarks").
-- pg_trgm ships with PostgreSQL (contrib) and is a trusted extension: the database's owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX case_file_case_number_trgm_idx ON case_file USING gin (lower(case_number) gin_trgm_ops);
CREATE INDEX person_name_name_trgm_idx ON person_name USING gin (lower(name) gin_trgm_ops);
CREATE INDEX person_identity_number_trgm_idx ON person USING gin (identity_number gin_trgm_ops);
