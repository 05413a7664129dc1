-- Knowledge dissemination: training days, seminars and information visits with their participants and materials,
-- and the knowledge base of articles (versioned, searched with PostgreSQL's Swedish text search, linked to routine
-- steps). Nothing here is personal data: participants are counted per organisation, never named.

CREATE TABLE knowledge_event (
    id            UUID          PRIMARY KEY,
    kind          VARCHAR(32)   NOT NULL CHECK (kind IN ('TRAINING_DAY', 'SEMINAR', 'INFORMATION_VISIT')),
    topic         VARCHAR(200)  NOT NULL,
    event_date    DATE          NOT NULL,
    start_time    TIME,
    place         VARCHAR(200),
    organiser     VARCHAR(200)  NOT NULL,
    -- Comma-joined names of the audiences (OWN_STAFF, OTHER_JOURS, DISTRICT_OFFICES, POLICE, OTHERS).
    audiences     VARCHAR(200)  NOT NULL,
    status        VARCHAR(16)   NOT NULL CHECK (status IN ('PLANNED', 'HELD', 'CANCELLED')),
    evaluation    TEXT,
    version       INT           NOT NULL DEFAULT 0,
    created_at    TIMESTAMPTZ   NOT NULL,
    updated_at    TIMESTAMPTZ   NOT NULL,
    updated_by    VARCHAR(200)
);
CREATE INDEX knowledge_event_date_idx ON knowledge_event (event_date);
CREATE INDEX knowledge_event_status_date_idx ON knowledge_event (status, event_date);

CREATE TABLE knowledge_event_participants (
    event_id      UUID          NOT NULL REFERENCES knowledge_event (id) ON DELETE CASCADE,
    position      INT           NOT NULL,
    organisation  VARCHAR(200)  NOT NULL,
    audience      VARCHAR(32)   NOT NULL,
    participants  INT           NOT NULL CHECK (participants >= 0),
    PRIMARY KEY (event_id, position)
);

-- Uploaded materials, kept in the database (the application nodes are stateless). The type is Lotsen's own finding
-- from the name's extension and the content, never what the browser said.
CREATE TABLE knowledge_material (
    id            UUID          PRIMARY KEY,
    event_id      UUID          NOT NULL REFERENCES knowledge_event (id) ON DELETE CASCADE,
    filename      VARCHAR(200)  NOT NULL,
    file_type     VARCHAR(8)    NOT NULL,
    size_bytes    BIGINT        NOT NULL CHECK (size_bytes >= 0),
    content       BYTEA         NOT NULL,
    uploaded_at   TIMESTAMPTZ   NOT NULL,
    uploaded_by   VARCHAR(200)
);
CREATE INDEX knowledge_material_event_idx ON knowledge_material (event_id, uploaded_at);

CREATE TABLE knowledge_article (
    id            UUID          PRIMARY KEY,
    category      VARCHAR(32)   NOT NULL CHECK (category IN ('INVENTORY_SOCIAL_SERVICES', 'INVENTORY_NORDIC',
                                                             'INVENTORY_EUROPEAN_CITIES', 'PARTNER_METHODS',
                                                             'STUDY_VISIT', 'OTHER')),
    title         VARCHAR(200)  NOT NULL,
    summary       VARCHAR(1000) NOT NULL DEFAULT '',
    body          TEXT          NOT NULL,
    tags          TEXT[]        NOT NULL DEFAULT '{}',
    -- The tags joined by spaces, for the text search (array_to_string is not immutable, so it cannot be generated).
    tags_text     TEXT          NOT NULL DEFAULT '',
    version       INT           NOT NULL CHECK (version > 0),
    created_at    TIMESTAMPTZ   NOT NULL,
    updated_at    TIMESTAMPTZ   NOT NULL,
    updated_by    VARCHAR(200),
    search        TSVECTOR GENERATED ALWAYS AS (
                      setweight(to_tsvector('swedish'::regconfig, title), 'A')
                      || setweight(to_tsvector('swedish'::regconfig, tags_text), 'A')
                      || setweight(to_tsvector('swedish'::regconfig, summary), 'B')
                      || setweight(to_tsvector('swedish'::regconfig, body), 'C')) STORED
);
CREATE INDEX knowledge_article_search_idx ON knowledge_article USING GIN (search);
CREATE INDEX knowledge_article_tags_idx ON knowledge_article USING GIN (tags);
CREATE INDEX knowledge_article_category_idx ON knowledge_article (category, updated_at DESC);
CREATE INDEX knowledge_article_updated_idx ON knowledge_article (updated_at DESC);

-- Every save of an article is a new version; the article row holds the newest.
CREATE TABLE knowledge_article_version (
    article_id    UUID          NOT NULL REFERENCES knowledge_article (id) ON DELETE CASCADE,
    number        INT           NOT NULL CHECK (number > 0),
    category      VARCHAR(32)   NOT NULL,
    title         VARCHAR(200)  NOT NULL,
    summary       VARCHAR(1000) NOT NULL,
    body          TEXT          NOT NULL,
    tags          TEXT[]        NOT NULL,
    saved_at      TIMESTAMPTZ   NOT NULL,
    saved_by      UUID,
    saved_by_name VARCHAR(200),
    PRIMARY KEY (article_id, number)
);

-- An article explains a step of a routine: the routine's key and the step's key, both stable across versions.
CREATE TABLE knowledge_article_step (
    article_id    UUID          NOT NULL REFERENCES knowledge_article (id) ON DELETE CASCADE,
    routine_key   VARCHAR(64)   NOT NULL,
    step_key      VARCHAR(64)   NOT NULL,
    PRIMARY KEY (article_id, routine_key, step_key)
);
CREATE INDEX knowledge_article_step_idx ON knowledge_article_step (routine_key, step_key);
