-- 1. The police take a child into temporary custody under 12 § polislagen (1984:387), not 13 § (public order). The
--    intake channel's stored code follows the law; the API still accepts the old name as an alias.
UPDATE case_file SET intake_channel = 'POLICE_PL12' WHERE intake_channel = 'POLICE_PL13';

-- 2. Which content of the routine Lotsen ships has reached this installation. Lotsen ships the routine as a file; when
--    the file changes (a correction of the law, a new step), start-up publishes it as a new version when the method
--    developer has not published versions of their own since the last shipped one, and otherwise offers it as a
--    draft. Cases keep the version they started with. One row per shipped content (SHA-256 of the file).
CREATE TABLE routine_shipped (
    routine_id     UUID        NOT NULL REFERENCES routine (id),
    content_sha256 VARCHAR(64) NOT NULL,
    -- The version it became (PUBLISHED) or the draft it was offered as (DRAFTED); NULL once that draft is discarded.
    version_id     UUID        REFERENCES routine_version (id) ON DELETE SET NULL,
    outcome        VARCHAR(16) NOT NULL CHECK (outcome IN ('PUBLISHED', 'DRAFTED', 'UNCHANGED')),
    installed_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (routine_id, content_sha256)
);
CREATE INDEX routine_shipped_version_idx ON routine_shipped (version_id);

-- Installations from before this table have no row: their version 1, published by "Lotsen" itself, is the shipped one
-- (Routines.installShipped reads it so).
