-- Decisions (LVU and adult measures) and the statutory deadlines they start.

CREATE TABLE decision (
    id                 UUID          PRIMARY KEY,
    case_id            UUID          NOT NULL REFERENCES case_file (id),
    type               VARCHAR(40)   NOT NULL,
    custody_id         UUID          REFERENCES decision (id),
    decided_at         TIMESTAMPTZ   NOT NULL,
    executed_at        TIMESTAMPTZ,
    decided_by_name    VARCHAR(200),
    mandate            VARCHAR(20)   CHECK (mandate IN ('COMMITTEE', 'CHAIR', 'APPOINTED_MEMBER')),
    committee_unit_id  UUID          REFERENCES unit (id),
    grounds            VARCHAR(100)  NOT NULL DEFAULT '',
    urgency_reason     TEXT,
    habitual_residence VARCHAR(200),
    jurisdiction_basis VARCHAR(40),
    jurisdiction_notes TEXT,
    details            TEXT,
    ended_at           TIMESTAMPTZ,
    end_reason         VARCHAR(40),
    end_note           TEXT,
    recorded_by        UUID,
    recorded_by_name   VARCHAR(200)  NOT NULL,
    created_at         TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE INDEX decision_case_idx ON decision (case_id, decided_at);

-- The rules, as versioned data with their legal basis and validity (a new LVU is expected around 2027).
CREATE TABLE deadline_rule (
    id          UUID          PRIMARY KEY,
    kind        VARCHAR(40)   NOT NULL,
    legal_basis VARCHAR(200)  NOT NULL,
    description VARCHAR(500)  NOT NULL,
    anchor      VARCHAR(40)   NOT NULL,
    unit        VARCHAR(20)   NOT NULL CHECK (unit IN ('DAYS', 'WEEKS', 'MONTHS', 'NEXT_MEETING')),
    amount      INT           NOT NULL DEFAULT 0,
    moves       BOOLEAN       NOT NULL,
    consequence VARCHAR(1000),
    valid_from  DATE          NOT NULL,
    valid_to    DATE
);
CREATE INDEX deadline_rule_kind_idx ON deadline_rule (kind, valid_from);

CREATE TABLE deadline (
    id              UUID          PRIMARY KEY,
    case_id         UUID          NOT NULL REFERENCES case_file (id),
    decision_id     UUID          REFERENCES decision (id),
    kind            VARCHAR(40)   NOT NULL,
    rule_id         UUID          NOT NULL REFERENCES deadline_rule (id),
    anchor_date     DATE          NOT NULL,
    nominal_date    DATE,
    due_date        DATE,
    status          VARCHAR(16)   NOT NULL CHECK (status IN ('PENDING', 'MET', 'EXTENDED', 'CLOSED')),
    met_on          DATE,
    met_at          TIMESTAMPTZ,
    met_by_name     VARCHAR(200),
    evidence        VARCHAR(500),
    extension_note  VARCHAR(500),
    closed_reason   VARCHAR(200),
    warning         VARCHAR(64),
    created_at      TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE INDEX deadline_case_idx ON deadline (case_id);
CREATE INDEX deadline_due_idx ON deadline (status, due_date);

-- Reminders: one row per deadline and occasion, inserted before sending, so each is sent once across app nodes.
CREATE TABLE reminder (
    id          UUID          PRIMARY KEY,
    deadline_id UUID          NOT NULL REFERENCES deadline (id),
    occasion    VARCHAR(40)   NOT NULL,
    created_at  TIMESTAMPTZ   NOT NULL DEFAULT now(),
    UNIQUE (deadline_id, occasion)
);

CREATE TABLE notification (
    id          UUID          PRIMARY KEY,
    account_id  UUID          NOT NULL REFERENCES account (id),
    case_id     UUID          REFERENCES case_file (id),
    deadline_id UUID          REFERENCES deadline (id),
    message_key VARCHAR(100)  NOT NULL,
    arguments   VARCHAR(1000) NOT NULL DEFAULT '',
    created_at  TIMESTAMPTZ   NOT NULL DEFAULT now(),
    read_at     TIMESTAMPTZ,
    emailed_at  TIMESTAMPTZ
);
CREATE INDEX notification_account_idx ON notification (account_id, read_at, created_at DESC);

INSERT INTO deadline_rule (id, kind, legal_basis, description, anchor, unit, amount, moves, consequence, valid_from, valid_to) VALUES
 ('00000000-0000-0000-0001-000000000001', 'LVU_7_SUBMISSION', '7 § LVU (1990:52)',
  'Beslutet om omedelbart omhändertagande ska underställas förvaltningsrätten inom en vecka från den dag beslutet fattades.',
  'DECISION_DATE', 'WEEKS', 1, TRUE,
  'Om beslutet inte underställs i tid upphör omhändertagandet (7 § LVU). Ett nytt beslut kräver i regel nya omständigheter (JO 534-2013).',
  '1990-07-01', NULL),
 ('00000000-0000-0000-0001-000000000002', 'LVU_7_COURT_REVIEW', '7 § andra stycket LVU (1990:52)',
  'Förvaltningsrätten ska pröva beslutet så snart det kan ske och, om det inte finns synnerliga hinder, inom en vecka från den dag då beslutet kom in till rätten.',
  'SUBMISSION_DATE', 'WEEKS', 1, TRUE, NULL, '1990-07-01', NULL),
 ('00000000-0000-0000-0001-000000000003', 'LVU_8_APPLICATION', '8 § LVU (1990:52)',
  'Ansökan om vård ska ha kommit in till förvaltningsrätten inom fyra veckor från den dag då beslutet om omedelbart omhändertagande verkställdes. Rätten kan förlänga tiden.',
  'EXECUTION_DATE', 'WEEKS', 4, TRUE,
  'Om ansökan inte görs i tid upphör omhändertagandet (9 § LVU).',
  '1990-07-01', NULL),
 ('00000000-0000-0000-0001-000000000004', 'COMMITTEE_REPORT', '6 § andra stycket LVU (1990:52)',
  'Ett beslut av ordföranden eller en förordnad ledamot ska anmälas vid nämndens nästa sammanträde.',
  'DECISION_DATE', 'NEXT_MEETING', 0, FALSE, NULL, '1990-07-01', NULL),
 ('00000000-0000-0000-0001-000000000005', 'LVU_14_REVIEW', '14 § tredje stycket LVU (1990:52)',
  'Nämnden ska minst en gång var tredje månad överväga om ett beslut om umgängesbegränsning eller hemlighållande av vistelseort fortfarande behövs.',
  'DECISION_DATE', 'MONTHS', 3, TRUE, NULL, '1990-07-01', NULL),
 ('00000000-0000-0000-0001-000000000006', 'LVU_6A_INITIAL', '9 a § LVU (1990:52)',
  'Ett omedelbart omhändertagande enligt 6 a § upphör efter fyra veckor från verkställigheten om förvaltningsrätten inte medger fortsatt omhändertagande.',
  'EXECUTION_DATE', 'WEEKS', 4, TRUE,
  'Utan rättens medgivande upphör omhändertagandet enligt 6 a § LVU.',
  '2019-09-01', NULL),
 ('00000000-0000-0000-0001-000000000007', 'LVU_6A_CONTINUATION', '9 b § LVU (1990:52)',
  'Förvaltningsrätten får medge fortsatt omhändertagande för tillfällig vård i högst två månader i taget, sammanlagt högst ett år i följd.',
  'CONTINUATION_START', 'MONTHS', 2, TRUE,
  'Utan nytt medgivande upphör omhändertagandet enligt 6 a § LVU.',
  '2019-09-01', NULL),
 ('00000000-0000-0000-0001-000000000008', 'CHILD_PROTECTION_ASSESSMENT', '20 kap. 1 § socialtjänstlagen (2025:400)',
  'En omedelbar skyddsbedömning ska göras genast, samma dag eller senast dagen efter att anmälan kom in.',
  'RECEIVED_DATE', 'DAYS', 1, FALSE, NULL, '2025-07-01', NULL),
 ('00000000-0000-0000-0001-000000000009', 'CHILD_PROTECTION_ASSESSMENT', '11 kap. 1 a § socialtjänstlagen (2001:453)',
  'En omedelbar skyddsbedömning ska göras genast, samma dag eller senast dagen efter att anmälan kom in.',
  'RECEIVED_DATE', 'DAYS', 1, FALSE, NULL, '2013-01-01', '2025-06-30'),
 ('00000000-0000-0000-0001-000000000010', 'CHILD_INVESTIGATION_DECISION', '20 kap. 2 § socialtjänstlagen (2025:400)',
  'Beslut om att inleda eller inte inleda utredning ska fattas inom 14 dagar från att anmälan kom in.',
  'RECEIVED_DATE', 'DAYS', 14, TRUE, NULL, '2025-07-01', NULL),
 ('00000000-0000-0000-0001-000000000011', 'CHILD_INVESTIGATION_DECISION', '11 kap. 1 a § socialtjänstlagen (2001:453)',
  'Beslut om att inleda eller inte inleda utredning ska fattas inom 14 dagar från att anmälan kom in.',
  'RECEIVED_DATE', 'DAYS', 14, TRUE, NULL, '2013-01-01', '2025-06-30'),
 ('00000000-0000-0000-0001-000000000012', 'CHILD_INVESTIGATION', '20 kap. 3 § socialtjänstlagen (2025:400)',
  'Utredningen ska vara slutförd inom fyra månader från beslutet att inleda den.',
  'INVESTIGATION_START', 'MONTHS', 4, TRUE, NULL, '2025-07-01', NULL),
 ('00000000-0000-0000-0001-000000000013', 'CHILD_INVESTIGATION', '11 kap. 2 § socialtjänstlagen (2001:453)',
  'Utredningen ska vara slutförd inom fyra månader från beslutet att inleda den.',
  'INVESTIGATION_START', 'MONTHS', 4, TRUE, NULL, '2013-01-01', '2025-06-30');

-- A lock per scheduled job, so that each run happens on one app node only.
CREATE TABLE job_lock (
    name         VARCHAR(64)  PRIMARY KEY,
    locked_until TIMESTAMPTZ  NOT NULL,
    locked_by    VARCHAR(100)
);
INSERT INTO job_lock (name, locked_until) VALUES ('deadline-reminders', '1970-01-01T00:00:00Z');
