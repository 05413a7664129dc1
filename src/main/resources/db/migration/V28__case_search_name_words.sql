-- A search too short for the trigram indexes (V27 need three characters) finds names with these whole words, so that
-- people named Ek or Li can be found without reading every name in the register (2.0–2.5 s at a million cases;
-- README, "Benchmarks"). The 'simple' configuration splits on spaces and hyphens and lower-cases, with no stemming
-- and no stop words: a name is not Swedish prose. CaseQuery.findsWholeWords decides which search is used.
CREATE INDEX person_name_words_idx ON person_name USING gin (to_tsvector('simple', name));
