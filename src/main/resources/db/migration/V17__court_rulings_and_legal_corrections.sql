-- Legal exactness, second round (issue 10; LEGAL-AND-PRACTICE §11 overrides the earlier sections).

-- 1. The court's (and for betänketid Migrationsverket's) rulings on a decision, each with its day and, where the
--    ruling fixes one, the end date it set. The deadlines that follow are computed from these rows (§11.4–11.7).
CREATE TABLE court_ruling (
    id                UUID          PRIMARY KEY,
    case_id           UUID          NOT NULL REFERENCES case_file (id),
    decision_id       UUID          NOT NULL REFERENCES decision (id),
    kind              VARCHAR(40)   NOT NULL CHECK (kind IN ('CUSTODY_CONFIRMED', 'CUSTODY_SET_ASIDE',
                          'CONTINUATION_GRANTED', 'EXTENSION_GRANTED', 'EXTENSION_REFUSED', 'TRAVEL_BAN_CONFIRMED',
                          'TRAVEL_BAN_SET_ASIDE', 'CARE_GRANTED', 'CARE_REFUSED', 'REFLECTION_PERIOD_GRANTED')),
    decided_on        DATE          NOT NULL,
    until_date        DATE,
    court_case_number VARCHAR(100),
    recorded_by       UUID,
    recorded_by_name  VARCHAR(200)  NOT NULL,
    created_at        TIMESTAMPTZ   NOT NULL DEFAULT now(),
    CHECK (until_date IS NULL OR until_date >= decided_on),
    -- The same ruling cannot be recorded twice (a double submit).
    UNIQUE (decision_id, kind, decided_on)
);
CREATE INDEX court_ruling_decision_idx ON court_ruling (decision_id, decided_on);

-- 2. "Extension requested" is a state of its own (9 § 1 LVU, §11.5): from the request until the court decides the
--    custody has not lapsed.
ALTER TABLE deadline DROP CONSTRAINT deadline_status_check;
ALTER TABLE deadline ALTER COLUMN status TYPE VARCHAR(24);
ALTER TABLE deadline ADD CONSTRAINT deadline_status_check
    CHECK (status IN ('PENDING', 'MET', 'EXTENDED', 'EXTENSION_REQUESTED', 'CLOSED'));
ALTER TABLE deadline ADD COLUMN extension_requested_on DATE;
ALTER TABLE deadline ADD CONSTRAINT deadline_extension_requested_on_check
    CHECK (status <> 'EXTENSION_REQUESTED' OR extension_requested_on IS NOT NULL);

-- 3. 43 § LVU: an official the committee has appointed may request police assistance (§11.9); the service allows
--    that mandate for 43 § only. Who decided, on which age basis (§11.3, §11.14).
ALTER TABLE decision DROP CONSTRAINT decision_mandate_check;
ALTER TABLE decision ADD CONSTRAINT decision_mandate_check
    CHECK (mandate IN ('COMMITTEE', 'CHAIR', 'APPOINTED_MEMBER', 'APPOINTED_OFFICIAL'));
ALTER TABLE decision ADD CONSTRAINT decision_official_only_43
    CHECK (mandate IS DISTINCT FROM 'APPOINTED_OFFICIAL' OR type = 'LVU_43_POLICE_ASSISTANCE');
ALTER TABLE decision ADD COLUMN age_basis VARCHAR(40);

-- 4. A case cannot be closed while a deadline is open: a requested extension is open too.
CREATE OR REPLACE FUNCTION case_file_close_guard() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF NEW.status = 'CLOSED' AND OLD.status <> 'CLOSED' AND (
        EXISTS (SELECT 1 FROM decision d WHERE d.case_id = NEW.id AND d.type IN ('LVU_6', 'LVU_6A')
                AND d.ended_at IS NULL)
        OR EXISTS (SELECT 1 FROM deadline d WHERE d.case_id = NEW.id
                   AND d.status IN ('PENDING', 'EXTENDED', 'EXTENSION_REQUESTED'))) THEN
        RAISE EXCEPTION 'case % cannot be closed while a custody is in force or a deadline is open', NEW.case_number
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$;

-- 5. Corrected rule texts (the old texts were wrong, not a different law: the rows are corrected in place).
UPDATE deadline_rule SET legal_basis = '8 § första stycket 2 och 9 § 1 LVU (1990:52)',
    description = 'Ansökan om fortsatt omhändertagande för tillfällig vård (9 a §) ska ha kommit in till förvaltningsrätten inom fyra veckor från den dag då omhändertagandet verkställdes. Rätten kan förlänga tiden (8 § andra stycket).',
    consequence = 'Om ansökan inte har gjorts i tid och förlängning inte heller har begärts upphör omhändertagandet (9 § 1 LVU). En ansökan som kommit in i tid gör att omhändertagandet består i väntan på rättens beslut (9 a § tredje stycket).'
  WHERE id = '00000000-0000-0000-0001-000000000006';
UPDATE deadline_rule SET
    description = 'Ersatt: Lotsen räknade tidigare nästa period från slutet av den förra. Perioden räknas från dagen för rättens beslut; se LVU_9B_APPLICATION.'
  WHERE id = '00000000-0000-0000-0001-000000000007';
UPDATE deadline_rule SET consequence = 'Om ansökan inte görs i tid och förlängning inte heller har begärts upphör omhändertagandet (9 § 1 LVU). En ansökan som kommit in i tid gör att omhändertagandet består tills rätten avgör frågan (9 § 2).'
  WHERE id = '00000000-0000-0000-0001-000000000003';
UPDATE deadline_rule SET legal_basis = '6 § andra stycket och 31 d § LVU (1990:52)',
    description = 'Ett beslut av ordföranden eller en förordnad ledamot (omedelbart omhändertagande eller tillfälligt utreseförbud) ska anmälas vid nämndens nästa sammanträde.'
  WHERE id = '00000000-0000-0000-0001-000000000004';
UPDATE deadline_rule SET description = 'Nämnden ska minst en gång var tredje månad överväga om beslutet om umgänge eller om att inte röja vistelseorten (14 § andra stycket 1 eller 2) fortfarande behövs.'
  WHERE id = '00000000-0000-0000-0001-000000000005';
-- "Genast" (20 kap. 1 § SoL, §11.13): due the day the report came in; the next day is practice, not law.
UPDATE deadline_rule SET amount = 0,
    description = 'En omedelbar skyddsbedömning ska göras genast när anmälan har kommit in. Att den görs senast dagen efter är praxis, inte lag.'
  WHERE id IN ('00000000-0000-0000-0001-000000000008', '00000000-0000-0000-0001-000000000009');

-- 6. New rules (LEGAL-AND-PRACTICE §11.4, §11.6, §11.7).
INSERT INTO deadline_rule (id, kind, legal_basis, description, anchor, unit, amount, moves, consequence, valid_from, valid_to) VALUES
 ('00000000-0000-0000-0001-000000000014', 'LVU_9B_APPLICATION', '9 a § fjärde stycket och 9 b § LVU (1990:52)',
  'Rätten medger fortsatt omhändertagande i högst två månader åt gången, räknat från den dag då rätten meddelar beslutet; rätten kan bestämma en kortare tid. Nämnden ska ansöka om fortsatt omhändertagande innan perioden har löpt ut. Ett slutdatum som rätten bestämt flyttas inte (1930:173 gäller inte).',
  'COURT_DECISION_DATE', 'MONTHS', 2, FALSE,
  'Om nämnden inte har ansökt innan perioden löpt ut upphör omhändertagandet (9 b § LVU).',
  '2019-09-01', NULL),
 ('00000000-0000-0000-0001-000000000015', 'LVU_31E_SUBMISSION', '31 e § LVU (1990:52)',
  'Beslutet om tillfälligt utreseförbud ska underställas förvaltningsrätten inom en vecka från den dag då beslutet fattades.',
  'DECISION_DATE', 'WEEKS', 1, TRUE,
  'Om beslutet inte underställs i tid upphör det tillfälliga utreseförbudet. Underrätta Polisen genast att förbudet har upphört.',
  '2020-07-01', NULL),
 ('00000000-0000-0000-0001-000000000016', 'LVU_31F_APPLICATION', '31 f § LVU (1990:52)',
  'Har förvaltningsrätten fastställt det tillfälliga utreseförbudet ska nämnden ansöka om utreseförbud inom fyra veckor från dagen för rättens beslut.',
  'COURT_DECISION_DATE', 'WEEKS', 4, TRUE,
  'Om ansökan inte görs i tid upphör det tillfälliga utreseförbudet. Underrätta Polisen genast att förbudet har upphört.',
  '2020-07-01', NULL),
 ('00000000-0000-0000-0001-000000000017', 'LVU_31C_REVIEW', '31 c § LVU (1990:52)',
  'Nämnden ska minst en gång var sjätte månad överväga om ett utreseförbud fortfarande behövs.',
  'DECISION_DATE', 'MONTHS', 6, TRUE, NULL, '2020-07-01', NULL),
 ('00000000-0000-0000-0001-000000000018', 'TRAVEL_BAN_POLICE_NOTICE', '31 d–g §§ LVU (1990:52); JO:s kritik (Värmdö), LEGAL-AND-PRACTICE §11.6',
  'Polisen ska underrättas genast när ett utreseförbud börjar gälla och när det upphör, så att passet inte förblir spärrat.',
  'EVENT_DATE', 'DAYS', 0, FALSE, NULL, '2020-07-01', NULL),
 ('00000000-0000-0000-0001-000000000019', 'REFLECTION_PERIOD_END', 'utlänningslagen (2005:716) 5 kap. 15 § andra stycket',
  'Ett tidsbegränsat uppehållstillstånd för betänketid gäller i 30 dagar. Sista dagen är den som Migrationsverket bestämt; den flyttas inte. Planera stöd och nästa steg före den dagen.',
  'PERMIT_DATE', 'DAYS', 30, FALSE, NULL, '2022-08-01', NULL);
