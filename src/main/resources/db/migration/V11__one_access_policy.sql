-- One access policy, a case model that keeps its own rules (issue 8).

-- 1. Each unit keeps its own register of persons: nobody learns a person's details through another unit's case,
--    and a change in one unit's case never changes what another unit's case shows. A person known to two units has
--    a record in each.
ALTER TABLE person ADD COLUMN unit_id UUID REFERENCES unit (id);
ALTER TABLE person ADD COLUMN changed_by_name VARCHAR(200);

DO $$
DECLARE
    r       RECORD;
    copy_id UUID;
    changed INT;
BEGIN
    -- A person with cases belongs to the unit of their earliest case.
    UPDATE person p SET unit_id = (SELECT c.unit_id FROM case_file c WHERE c.person_id = p.id
                                   ORDER BY c.received_at, c.id LIMIT 1);
    -- Cases held by another unit get a copy of the person in that unit's register.
    FOR r IN SELECT DISTINCT c.person_id, c.unit_id FROM case_file c JOIN person p ON p.id = c.person_id
             WHERE c.unit_id <> p.unit_id LOOP
        copy_id := gen_random_uuid();
        INSERT INTO person (id, unit_id, identity_kind, identity_number, name, stated_birth_date, stated_age,
                            age_assessed, sex, nationality, languages, interpreter_needed, interpreter_language,
                            documents, protected_identity, address)
        SELECT copy_id, r.unit_id, identity_kind, identity_number, name, stated_birth_date, stated_age, age_assessed,
               sex, nationality, languages, interpreter_needed, interpreter_language, documents, protected_identity,
               address
        FROM person WHERE id = r.person_id;
        INSERT INTO person_name (id, person_id, name, kind, note, added_at, added_by)
        SELECT gen_random_uuid(), copy_id, name, kind, note, added_at, added_by FROM person_name
        WHERE person_id = r.person_id;
        INSERT INTO person_name_key (person_id, key) SELECT copy_id, key FROM person_name_key
        WHERE person_id = r.person_id;
        INSERT INTO person_history (person_id, action, detail) VALUES (copy_id, 'COPIED_FROM', r.person_id::text);
        UPDATE case_file SET person_id = copy_id WHERE person_id = r.person_id AND unit_id = r.unit_id;
    END LOOP;
    -- A merged record belongs where the record it was merged into belongs.
    LOOP
        UPDATE person p SET unit_id = k.unit_id FROM person k
        WHERE p.merged_into = k.id AND p.unit_id IS NULL AND k.unit_id IS NOT NULL;
        GET DIAGNOSTICS changed = ROW_COUNT;
        EXIT WHEN changed = 0;
    END LOOP;
    -- A record no case uses: the unit of the account that created it, else the first jour.
    UPDATE person p SET unit_id = (SELECT a.unit_id FROM person_history h JOIN account a ON a.id = h.account_id
                                   WHERE h.person_id = p.id AND h.action = 'CREATED' AND a.unit_id IS NOT NULL
                                   ORDER BY h.id LIMIT 1)
    WHERE p.unit_id IS NULL;
    UPDATE person SET unit_id = (SELECT id FROM unit WHERE kind = 'JOUR' ORDER BY code LIMIT 1) WHERE unit_id IS NULL;
END
$$;

ALTER TABLE person ALTER COLUMN unit_id SET NOT NULL;
CREATE INDEX person_unit_idx ON person (unit_id);

-- One living record per identity number in each register. Deferred, so that a handover can move a record into a
-- register that has one of the same number and merge them in the same transaction.
DROP INDEX person_identity_number_uq;
ALTER TABLE person ADD CONSTRAINT person_identity_number_per_unit
    EXCLUDE USING btree (unit_id WITH =, identity_number WITH =)
    WHERE (identity_number IS NOT NULL AND merged_into IS NULL) DEFERRABLE INITIALLY DEFERRED;
CREATE INDEX person_identity_number_idx ON person (identity_number) WHERE merged_into IS NULL;

-- A case's person is always in the register of the unit that holds the case.
ALTER TABLE person ADD CONSTRAINT person_id_unit_uq UNIQUE (id, unit_id);
ALTER TABLE case_file ADD CONSTRAINT case_file_person_in_holding_unit
    FOREIGN KEY (person_id, unit_id) REFERENCES person (id, unit_id) DEFERRABLE INITIALLY DEFERRED;

-- 2. Who else may see protected data: besides the holding unit's leads, a case worker a lead has named for the case
--    (LEGAL-AND-PRACTICE §5.3).
CREATE TABLE case_protected_viewer (
    case_id       UUID         NOT NULL REFERENCES case_file (id),
    account_id    UUID         NOT NULL REFERENCES account (id),
    named_by      UUID         REFERENCES account (id),
    named_by_name VARCHAR(200) NOT NULL,
    named_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (case_id, account_id)
);
CREATE INDEX case_protected_viewer_account_idx ON case_protected_viewer (account_id);

-- 3. Optimistic locking: who changed the case last and what, for the message shown to someone whose concurrent change
--    is refused.
ALTER TABLE case_file ADD COLUMN changed_by_name VARCHAR(200);
ALTER TABLE case_file ADD COLUMN last_change VARCHAR(32);

-- 4. Placement (where a person with protected identity stays) is shown only to those with the right: contacts with a
--    placement or a shelter, and decisions about placement or protected housing, or marked so.
ALTER TABLE decision ADD COLUMN placement BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE decision SET placement = TRUE WHERE type IN ('LVU_11_PLACEMENT', 'ADULT_PROTECTED_HOUSING');
ALTER TABLE cooperation_contact ADD COLUMN placement BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE cooperation_contact SET placement = TRUE WHERE type = 'PLACEMENT';

-- 5. How to reach a unit (for the jour's "known elsewhere" at intake): a phone number or a functional mailbox.
ALTER TABLE unit ADD COLUMN contact VARCHAR(200);

-- 6. A case cannot be closed while a custody is in force or a deadline is open. The case aggregate refuses it with
--    an explanation; the database refuses it too.
CREATE FUNCTION case_file_close_guard() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF NEW.status = 'CLOSED' AND OLD.status <> 'CLOSED' AND (
        EXISTS (SELECT 1 FROM decision d WHERE d.case_id = NEW.id AND d.type IN ('LVU_6', 'LVU_6A')
                AND d.ended_at IS NULL)
        OR EXISTS (SELECT 1 FROM deadline d WHERE d.case_id = NEW.id AND d.status IN ('PENDING', 'EXTENDED'))) THEN
        RAISE EXCEPTION 'case % cannot be closed while a custody is in force or a deadline is open', NEW.case_number
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER case_file_close_guard BEFORE UPDATE OF status ON case_file
    FOR EACH ROW EXECUTE FUNCTION case_file_close_guard();

-- 7. Entries the log review must look at (e.g. a lowered protection level), with why.
ALTER TABLE audit_entry ADD COLUMN review_flag VARCHAR(200);
CREATE INDEX audit_entry_review_flag_idx ON audit_entry (occurred_at DESC) WHERE review_flag IS NOT NULL;
