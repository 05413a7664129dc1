-- A search too short for the trigram indexes ("Ek", "Li") finds names with those whole words (V28). It went through
-- the word index of person_name and then each person's cases, and checked every case of another unit for a follow-up
-- period one by one: about 100 ms for the jour and a surname such as "Ek" at a million cases. This word index of the
-- case list's copy of the cases (V34) finds the cases at once, and the access policy's predicate narrows them as for
-- any other text: about 30 ms (README, "Benchmarks"). The names in the copy are separated by U+001F, which the word
-- parser splits on; Cases.search checks each name on its own when the text has several words.
CREATE INDEX case_search_person_words_idx ON case_search USING gin (to_tsvector('simple', person_names));
-- V28's word index of person_name served only that search; nothing reads it any more.
DROP INDEX person_name_words_idx;
