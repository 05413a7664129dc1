-- Routines as versioned documents, and each case's checklist.

CREATE TABLE routine (
    id   UUID         PRIMARY KEY,
    key  VARCHAR(64)  NOT NULL UNIQUE,
    name VARCHAR(200) NOT NULL
);

CREATE TABLE routine_version (
    id           UUID         PRIMARY KEY,
    routine_id   UUID         NOT NULL REFERENCES routine (id),
    number       INT          NOT NULL CHECK (number > 0),
    status       VARCHAR(16)  NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED')),
    document     JSONB        NOT NULL,
    change_note  VARCHAR(2000),
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    created_by   UUID,
    published_at TIMESTAMPTZ,
    published_by UUID,
    published_by_name VARCHAR(200),
    UNIQUE (routine_id, number)
);
-- At most one draft per routine.
CREATE UNIQUE INDEX routine_version_one_draft ON routine_version (routine_id) WHERE status = 'DRAFT';

-- A published version is never changed.
CREATE FUNCTION routine_version_published_is_final() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF OLD.status = 'PUBLISHED' THEN
        RAISE EXCEPTION 'a published routine version cannot be changed' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;
CREATE TRIGGER routine_version_final BEFORE UPDATE OR DELETE ON routine_version
    FOR EACH ROW EXECUTE FUNCTION routine_version_published_is_final();

CREATE TABLE checklist (
    case_id            UUID PRIMARY KEY,
    routine_version_id UUID NOT NULL REFERENCES routine_version (id)
);
CREATE INDEX checklist_version_idx ON checklist (routine_version_id);

CREATE TABLE checklist_item (
    case_id      UUID         NOT NULL REFERENCES checklist (case_id),
    step_key     VARCHAR(64)  NOT NULL,
    applicable   BOOLEAN      NOT NULL,
    status       VARCHAR(16)  NOT NULL CHECK (status IN ('OPEN', 'DONE', 'NOT_APPLICABLE')),
    done_by      UUID,
    done_by_name VARCHAR(200),
    done_at      TIMESTAMPTZ,
    reason       VARCHAR(2000),
    field_values JSONB        NOT NULL DEFAULT '{}'::jsonb,
    PRIMARY KEY (case_id, step_key),
    CHECK (status <> 'NOT_APPLICABLE' OR reason IS NOT NULL)
);
