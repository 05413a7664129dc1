-- The case list's narrow copy of each case, with its person's names, for the search by a part of a name.
--
-- The search used to find the names' people first (about 10,200 for a common surname at a million cases) and then look
-- up each person's cases to keep the readable ones: 10,200 probes of an index for the jour's 2,350 matches, 75–90 ms
-- (README, "Benchmarks"). Here the matching cases come from one trigram index and the access policy's predicate is
-- applied to them directly: 20–35 ms. The names are kept in a table of their own rather than on case_file: a case row
-- is over a kilobyte wide, and the ten thousand rows a surname matches then lay on ten thousand pages that a busy
-- server's cache rarely holds; these rows are a tenth as wide.
--
-- case_search is derived data that only PostgreSQL writes, in the statement that changes what it copies: every case
-- has its row (inserted with the case, deleted with it), with the case's id, unit, status, assignee, date and number as
-- they are, and its person's names and aliases in lower case, separated by U+001F (a control character Lotsen refuses
-- in every text it is given, so no name holds it and no search text does: a search never matches across two names). The access policy's predicate reads the same column names here as on
-- case_file, and the search checks the page it shows against case_file again.

CREATE FUNCTION person_search_names(person UUID) RETURNS TEXT
    LANGUAGE sql STABLE
AS $$
    SELECT coalesce(string_agg(lower(n.name), chr(31) ORDER BY lower(n.name)), '')
    FROM person_name n WHERE n.person_id = person
$$;

CREATE TABLE case_search (
    id           UUID         PRIMARY KEY REFERENCES case_file (id) ON DELETE CASCADE,
    unit_id      UUID         NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    assigned_to  UUID,
    received_at  TIMESTAMPTZ  NOT NULL,
    case_number  VARCHAR(80)  NOT NULL,
    person_names TEXT         NOT NULL
);

INSERT INTO case_search (id, unit_id, status, assigned_to, received_at, case_number, person_names)
SELECT c.id, c.unit_id, c.status, c.assigned_to, c.received_at, c.case_number, person_search_names(c.person_id)
FROM case_file c;

CREATE FUNCTION case_search_copy() RETURNS TRIGGER
    LANGUAGE plpgsql
AS $$
BEGIN
    INSERT INTO case_search (id, unit_id, status, assigned_to, received_at, case_number, person_names)
    VALUES (NEW.id, NEW.unit_id, NEW.status, NEW.assigned_to, NEW.received_at, NEW.case_number,
            person_search_names(NEW.person_id))
    ON CONFLICT (id) DO UPDATE SET unit_id = EXCLUDED.unit_id, status = EXCLUDED.status,
        assigned_to = EXCLUDED.assigned_to, received_at = EXCLUDED.received_at, case_number = EXCLUDED.case_number,
        person_names = EXCLUDED.person_names;
    RETURN NULL;
END
$$;

CREATE TRIGGER case_search_copy AFTER INSERT OR UPDATE OF unit_id, status, assigned_to, received_at, case_number,
    person_id ON case_file FOR EACH ROW EXECUTE FUNCTION case_search_copy();

CREATE FUNCTION case_search_names() RETURNS TRIGGER
    LANGUAGE plpgsql
AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        UPDATE case_search s SET person_names = person_search_names(OLD.person_id)
        FROM case_file c WHERE c.id = s.id AND c.person_id = OLD.person_id;
    END IF;
    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.person_id <> OLD.person_id) THEN
        UPDATE case_search s SET person_names = person_search_names(NEW.person_id)
        FROM case_file c WHERE c.id = s.id AND c.person_id = NEW.person_id;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER case_search_names AFTER INSERT OR UPDATE OF name, person_id OR DELETE ON person_name
    FOR EACH ROW EXECUTE FUNCTION case_search_names();

-- Nothing but these triggers writes the copy: a write from anywhere else is refused.
CREATE FUNCTION case_search_written_by_triggers_only() RETURNS TRIGGER
    LANGUAGE plpgsql
AS $$
BEGIN
    IF pg_trigger_depth() < 2 THEN
        RAISE EXCEPTION 'case_search is derived from case_file and person_name and written by their triggers only'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER case_search_written_by_triggers_only BEFORE INSERT OR UPDATE ON case_search
    FOR EACH ROW EXECUTE FUNCTION case_search_written_by_triggers_only();

CREATE INDEX case_search_person_names_trgm_idx ON case_search USING gin (person_names gin_trgm_ops);
