// lok_status: kommuner whose LÖK per area is missing or not in force, and LÖKs that are valid
// longer than the RÖK they implement.
//
// Part 1: every kommun that a survey asked or that is party to a LÖK, for barn och unga and
// every other area that some agreement in the graph has. A LÖK whose status is not 'in_force' gives a row with its
// status ('none', 'in_progress', 'under_revision', 'unknown'; a LÖK without a status counts
// as 'unknown'); a kommun without a LÖK of that area gives a row with 'not_recorded'.
// Part 2: a LÖK whose valid_to is after the valid_to of the RÖK it IMPLEMENTS gives a row
// with status 'outlasts_rok' per kommun party to it (dates are ISO strings: they compare in
// date order).
// evidence: a list of JSON strings, each the evidence list of one agreement.
// Paste into Neo4j Browser as it is; it takes no parameters.

OPTIONAL MATCH (agreement:Agreement)
  WHERE agreement.area <> 'barn_unga'
WITH ['barn_unga'] + collect(DISTINCT agreement.area) AS areas
MATCH (k:Principal {kind: 'kommun'})
OPTIONAL MATCH (k)-[signed:PARTY_TO]->(:Agreement {kind: 'LOK'})
WITH areas, k, count(signed) AS loks
OPTIONAL MATCH (survey:Source)
  WHERE k.id IN survey.surveyed
WITH areas, k, loks, count(survey) AS surveys
  WHERE loks + surveys > 0
UNWIND areas AS area
OPTIONAL MATCH (k)-[:PARTY_TO]->(lok:Agreement {kind: 'LOK'})
  WHERE lok.area = area
WITH k, area, lok,
     CASE WHEN lok IS NULL THEN 'not_recorded' ELSE coalesce(lok.status, 'unknown') END AS status
  WHERE status <> 'in_force'
RETURN 'lok_status' AS kind,
       k.name AS kommun,
       null AS party,
       status,
       lok.id AS subject,
       'LÖK för '
         + CASE area
             WHEN 'barn_unga' THEN 'barn och unga'
             WHEN 'missbruk' THEN 'missbruk och beroende'
             WHEN 'psykisk_funktionsnedsattning' THEN 'psykisk funktionsnedsättning'
             ELSE area
           END
         + ' i ' + k.name + ': '
         + CASE status
             WHEN 'none' THEN 'saknas enligt källan'
             WHEN 'in_progress' THEN 'under framtagande'
             WHEN 'under_revision' THEN 'under revidering'
             WHEN 'unknown' THEN 'status okänd'
             WHEN 'not_recorded' THEN 'finns inte i underlaget'
             ELSE status
           END AS detail,
       CASE WHEN lok IS NULL THEN [] ELSE [lok.evidence] END AS evidence

UNION ALL

MATCH (lok:Agreement {kind: 'LOK'})-[:IMPLEMENTS]->(rok:Agreement)
  WHERE lok.valid_to IS NOT NULL AND rok.valid_to IS NOT NULL AND lok.valid_to > rok.valid_to
OPTIONAL MATCH (k:Principal {kind: 'kommun'})-[:PARTY_TO]->(lok)
RETURN 'lok_status' AS kind,
       k.name AS kommun,
       null AS party,
       'outlasts_rok' AS status,
       lok.id AS subject,
       lok.name + ' gäller till ' + lok.valid_to + ', efter ' + rok.name
         + ' som den bygger på (gäller till ' + rok.valid_to + ')' AS detail,
       [lok.evidence, rok.evidence] AS evidence
